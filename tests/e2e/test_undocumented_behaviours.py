"""Issue 12 kind 10: where the Run:ai documentation is silent, the emulator can behave either
way (docs/emulator.md, "Switches"), and every promise holds under each setting: exactly once,
adopt, replace, destroy, no-op, and an update never resets what the program does not manage.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_runai as runai
import pytest
from pulumi_runai.testing import HarnessError, Stack
from runai_emulator.testing import EmulatorProcess

from .tenant import Tenant

RULES = "/api/v1/authorization/access-rules"
# The default of each switch is the setting every other story runs under; CI runs this story
# under each other setting and under `putOmitted=reset` (the full PUT that resets what it omits,
# which the rank and description checks below are about), and `-m slow` under every default.
DEFAULTS = pytest.mark.slow
SETTINGS = [
    pytest.param("duplicate_access_rules", "reject", marks=DEFAULTS),
    ("duplicate_access_rules", "allow"),
    pytest.param("department_delete", "refuse", marks=DEFAULTS),
    ("department_delete", "cascade"),
    ("put_omitted", "reset"),
    ("put_omitted", "keep"),
    pytest.param("deleting_delay", 0.0, marks=DEFAULTS),
    ("deleting_delay", 0.3),
]


def organisation(tenant: Tenant, *, gpus: int = 2, project: str = "vision",
                 description: str | None = None, adopt: bool = False) -> Callable[[], None]:
    def declare() -> None:
        dept = runai.Department("research", name="research", cluster_id=tenant.cluster_id,
                                resources=[{"node_pool": "default", "gpu": {"deserved": 4}}],
                                description=description)
        runai.Project("vision", name=project, cluster_id=tenant.cluster_id,
                      department_id=dept.id, requested_namespace="team-vision",
                      resources=[{"node_pool": "default", "gpu": {"deserved": gpus}}])
        user = runai.User("ada", email="ada@example.com", adopt=adopt)
        runai.AccessRule("ada-viewer", subject_type="user", subject_id=user.email,
                         role_name="Viewer", scope_type="cluster", scope_id=tenant.cluster_id,
                         cluster_id=tenant.cluster_id, adopt=adopt)
    return declare


def made_by_hand(tenant: Tenant) -> dict[str, Any]:
    """ada and her Viewer rule on the cluster, clicked in the UI before the stack existed."""
    user = tenant.by_hand("POST", "/api/v1/users", {"email": "ada@example.com"})
    roles = {r["name"]: r["id"] for r in tenant.emulator.state()["roles"]}
    rule = tenant.by_hand("POST", RULES, {
        "subjectType": "user", "subjectId": "ada@example.com", "roleId": roles["Viewer"],
        "scopeType": "cluster", "scopeId": tenant.cluster_id, "clusterId": tenant.cluster_id})
    return {"user": str(user["id"]), "rule": str(rule["id"])}


@pytest.mark.parametrize(("switch", "value"), SETTINGS, ids=lambda v: str(v))
def test_every_promise_holds_whatever_the_tenant_chose(
    emulator: EmulatorProcess, stack: Stack, tenant: Tenant, switch: str, value: object
) -> None:
    emulator.set_switches(**{switch: value})  # type: ignore[arg-type]
    by_hand = made_by_hand(tenant)

    # Adopt: without the flag the existing rule is refused, never doubled (a tenant that
    # accepts duplicate rules included); with it, the same objects are managed.
    with pytest.raises(HarnessError, match="already exists"):
        stack.up(organisation(tenant))
    assert len(emulator.state()["access_rules"]) == 1
    stack.up(organisation(tenant, adopt=True))
    [rule] = emulator.state()["access_rules"]
    assert str(rule["id"]) == by_hand["rule"]
    assert tenant.named("users")["ada@example.com"]["id"] == by_hand["user"]

    # No-op: nothing to write.
    tenant.forget_calls()
    assert stack.up(organisation(tenant, adopt=True)).ops(include_same=False) == {}
    assert tenant.writes() == []

    # What the program leaves unset survives its updates, whatever a full PUT does to omitted
    # fields: a rank and a description set by hand, through a quota change (PATCH) and a
    # change of another field (PUT).
    vision = tenant.named("projects")["vision"]
    entries = [{**e, "rank": "High"} if e["nodePool"]["name"] == "default" else e
               for e in vision["resources"]]
    tenant.by_hand("PATCH", f"/api/v1/org-unit/projects/{vision['id']}/resources", entries)
    research = tenant.named("departments")["research"]
    tenant.by_hand("PATCH", f"/api/v1/org-unit/departments/{research['id']}/resources",
                   [{**research["resources"][0], "rank": "High"}])
    stack.up(organisation(tenant, gpus=3, adopt=True))
    stack.up(organisation(tenant, gpus=3, description="ML research", adopt=True))
    ranks = {r["nodePool"]["name"]: r.get("rank")
             for r in tenant.named("projects")["vision"]["resources"]}
    assert ranks["default"] == "High" and tenant.gpus("projects", "vision")["default"] == 3
    [dept_entry] = [r for r in tenant.named("departments")["research"]["resources"]
                    if r["nodePool"]["name"] == "default"]
    assert dept_entry["rank"] == "High"
    assert tenant.named("departments")["research"]["description"] == "ML research"

    # Replace, keeping the project's namespace: the old one goes first, and is gone.
    stack.up(organisation(tenant, gpus=3, project="vision-2", description="ML research",
                          adopt=True))
    assert sorted(tenant.named("projects")) == ["vision-2"]

    # Exactly once: every write answer is lost after the server committed it.
    stack.destroy()
    assert tenant.inventory() == {"departments": [], "projects": [], "users": [],
                                  "access_rules": []}
    emulator.set_faults(dropAfterCommitRate=1.0)
    stack.up(organisation(tenant))
    emulator.set_faults(dropAfterCommitRate=0.0)
    state = emulator.state()
    assert [len(state[k]) for k in ("projects", "users", "access_rules")] == [1, 1, 1]
    assert sorted(tenant.named("departments")) == ["default", "research"]

    # Destroy leaves nothing.
    stack.destroy()
    assert tenant.inventory() == {"departments": [], "projects": [], "users": [],
                                  "access_rules": []}

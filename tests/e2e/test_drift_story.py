"""Story: someone changes Run:ai by hand; refresh notices, the next up puts the program back.

Drift is made through the public API with a token of our own (`emulator.token()`), the way
an admin's script or a click in the UI would, never through the emulator's back door.
"""

from __future__ import annotations

from pulumi_runai.testing import Stack

from .programs import Org, program
from .tenant import Tenant


def test_a_refresh_right_after_up_reports_no_drift(
    stack: Stack, tenant: Tenant, org: Org
) -> None:
    """Noise here would bury real drift: nothing changed, so refresh must report nothing."""
    stack.up(program(org))
    tenant.forget_calls()
    refreshed = stack.refresh()
    noisy = {s.name: s.detailed_diff for s in refreshed.steps if s.changed_keys}
    assert noisy == {}
    assert len(tenant.calls()) == 1 + 7, "one token, then one GET per object"
    assert tenant.writes() == []


def test_a_quota_changed_by_hand_shows_as_drift_and_up_puts_it_back(
    stack: Stack, tenant: Tenant, org: Org
) -> None:
    stack.up(program(org))
    vision = tenant.named("projects")["vision"]

    # An admin gives vision 7 A100s in the UI (the PUT of its resources replaces them all).
    tenant.by_hand("PUT", f"/api/v1/org-unit/projects/{vision['id']}/resources", [
        {**entry, "gpu": {**entry["gpu"], "deserved": 7}} if entry["nodePool"]["name"] == "a100"
        else entry
        for entry in vision["resources"]
    ])
    assert tenant.gpus("projects", "vision") == {"default": 4, "a100": 7}

    # Refresh reports vision's changed quotas (the drift of users' bookkeeping fields is
    # the subject of the test above, not of this story).
    tenant.forget_calls()
    refreshed = stack.refresh()
    assert "resources" in refreshed.step("vision").changed_keys
    seen = {q["node_pool"]: q["gpu"]["deserved"] for q in refreshed.outputs["vision"]["resources"]}
    assert seen == {"default": 4, "a100": 7}, "the state now records what Run:ai holds"
    org_units = {"dept", "speech", "ada-dept", "grace-vision"}
    assert [s.name for s in refreshed.steps if s.name in org_units and s.changed_keys] == []
    assert tenant.writes() == [], "refresh only reads"

    # The next preview plans exactly one update, of vision, without writing anything.
    plan = stack.preview(program(org))
    assert plan.ops(include_same=False) == {"vision": "update"}
    assert tenant.writes() == []

    # The next up repairs it with one PATCH of the quotas the program manages (what it leaves
    # unset, such as a rank, stays as the server holds it); the tenant is back at the
    # declared quota.
    tenant.forget_calls()
    repaired = stack.up(program(org))
    assert repaired.ops(include_same=False) == {"vision": "update"}
    assert tenant.writes() == [f"PATCH /api/v1/org-unit/projects/{vision['id']}/resources"]
    assert tenant.gpus("projects", "vision") == {"default": 4, "a100": 2}


def test_a_user_deleted_by_hand_is_forgotten_by_refresh_and_recreated_by_up(
    stack: Stack, tenant: Tenant, org: Org
) -> None:
    stack.up(program(org))
    grace = tenant.named("users")["grace@example.com"]

    # An admin deletes grace in the UI; Run:ai removes her access rule with her.
    tenant.by_hand("DELETE", f"/api/v1/users/{grace['id']}")
    assert "grace@example.com" not in tenant.named("users")
    assert len(tenant.rules()) == 1

    # Refresh drops both from the state (a 404 on read means gone) and writes nothing.
    tenant.forget_calls()
    refreshed = stack.refresh()
    gone = {s.name for s in refreshed.steps if s.op == "delete"}
    assert gone == {"grace", "grace-vision"}
    assert {r.name for r in stack.state.resources()} & gone == set()
    assert tenant.writes() == []

    # The next up creates her and her rule again, and touches nothing else.
    tenant.forget_calls()
    recreated = stack.up(program(org))
    assert recreated.ops(include_same=False) == {"grace": "create", "grace-vision": "create"}
    assert sorted(tenant.writes()) == [
        "POST /api/v1/authorization/access-rules", "POST /api/v1/users",
    ]
    assert tenant.named("users")["grace@example.com"]["id"] != grace["id"]
    assert ("grace@example.com", "L2 researcher", "project", "vision") in tenant.rules()
    assert recreated.outputs["grace"]["temp_password"], "a new account, a new temporary password"

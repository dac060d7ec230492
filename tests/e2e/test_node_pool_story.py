"""Story: a system administrator carves a cluster's GPUs into a node pool of their own, gives a
department and a project quota on it, then relabels it, renames it and tears it down; the
same story on a 2.24 control plane and on a 3.0 one (v1 roles gone: `role_name` resolves
through v2 roles, with no setting).

The quota entries name the pool by `pool.name`, so the pool is made before the quotas that
name it and deleted only after they let go of it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pulumi_runai as runai
import pytest
from pulumi_runai.testing import CheckFailedError, ProviderError, Stack
from runai_emulator.testing import EmulatorProcess

from .conftest import stack_on
from .tenant import Tenant

POOLS = "/api/v1/node-pools"
LABEL_KEY = "run.ai/type"
ROLE = "L1 researcher"


def pool_program(
    cluster_id: str, pool_name: str = "h100", label: str = "h100-sxm", *,
    project_pool: str | None = None,
) -> Callable[[], None]:
    """A pool, a department with quota on it, a project with quota on it and a group's rule on
    the project by role name. `project_pool` gives the project a literal pool name instead."""

    def declare() -> None:
        pool = runai.NodePool(
            "pool", name=pool_name, cluster_id=cluster_id, label_key=LABEL_KEY,
            label_value=label, placement_strategy={"gpu": "spread"},
        )
        dept = runai.Department(
            "dept", name="research", cluster_id=cluster_id,
            resources=[{"node_pool": pool.name, "gpu": {"deserved": 4}}],
        )
        project = runai.Project(
            "vision", name="vision", cluster_id=cluster_id, department_id=dept.id,
            resources=[{"node_pool": project_pool or pool.name, "gpu": {"deserved": 2}}],
        )
        runai.AccessRule(
            "ml-team-vision", subject_type="group", subject_id="ml-team", role_name=ROLE,
            scope_type="project", scope_id=project.id, cluster_id=cluster_id,
        )

    return declare


def pools(tenant: Tenant) -> dict[str, dict[str, Any]]:
    return {str(p["name"]): p for p in tenant.emulator.state()["nodepools"]}


@pytest.mark.parametrize("api_version", ["2.24", "3.0"])
def test_a_node_pool_from_first_preview_to_destroy(
    emulator: EmulatorProcess, tenant: Tenant, stack: Stack, api_version: str
) -> None:
    emulator.set_switches(api_version=api_version)
    seed = emulator.state()
    everything = {"pool", "dept", "vision", "ml-team-vision"}
    once = api_version == "2.24"  # chapters that do not depend on the version run once (time)

    # Chapter 1: the preview passes although the pool the quotas name does not exist yet;
    # a typo in a pool name still fails it, naming the entry and the pools that exist.
    plan = stack.preview(pool_program(tenant.cluster_id))
    assert plan.ops() == dict.fromkeys(everything, "create")
    if once:
        with pytest.raises(CheckFailedError) as typo:
            stack.preview(pool_program(tenant.cluster_id, project_pool="h10o"))
        assert [prop for prop, _ in typo.value.failures] == ["resources[0].node_pool"]
        assert "h10o" in str(typo.value) and "a100" in str(typo.value)
    assert tenant.writes() == [], "a preview must not change Run:ai"

    # Chapter 2: up. The pool is posted first, then the quotas on it.
    tenant.forget_calls()
    first = stack.up(pool_program(tenant.cluster_id))
    assert first.ops() == dict.fromkeys(everything, "create")
    made = pools(tenant)["h100"]
    assert (made["labelKey"], made["labelValue"]) == (LABEL_KEY, "h100-sxm")
    assert made["schedulingConfiguration"]["placementStrategy"]["gpu"] == "spread"
    assert first.outputs["pool"]["phase"] in ("Ready", "Empty")
    assert first.outputs["pool"]["node_pool_id"] == made["id"] == first.step("pool").id
    writes = tenant.writes()
    assert writes[0] == f"POST {POOLS}", writes
    assert tenant.gpus("departments", "research")["h100"] == 4
    assert tenant.gpus("projects", "vision")["h100"] == 2
    assert tenant.rules() == {("ml-team", ROLE, "project", "vision")}

    # Chapter 3: up again: nothing to do, not a single call.
    tenant.forget_calls()
    again = stack.up(pool_program(tenant.cluster_id))
    assert again.ops(include_same=False) == {}
    assert tenant.calls() == []

    # Chapter 4: the nodes get a new label: one PATCH, the pool keeps its id and settings.
    pool_id = made["id"]
    tenant.forget_calls()
    relabelled = stack.up(pool_program(tenant.cluster_id, label="h100-nvl"))
    assert relabelled.ops(include_same=False) == {"pool": "update"}
    assert tenant.writes() == [f"PATCH {POOLS}/{pool_id}"]
    live = pools(tenant)["h100"]
    assert (live["id"], live["labelValue"]) == (pool_id, "h100-nvl")
    assert live["schedulingConfiguration"]["placementStrategy"]["gpu"] == "spread"

    # Chapter 5: a new name replaces the pool: the new one is made, the quotas move to it
    # (the old pool's entries set back to zero), and only then is the old pool deleted.
    tenant.forget_calls()
    renamed = stack.up(pool_program(tenant.cluster_id, "h100-sxm", label="h100-nvl"))
    assert renamed.ops(include_same=False) == {
        "pool": "replace", "dept": "update", "vision": "update"}
    dept_id = tenant.named("departments")["research"]["id"]
    vision_id = tenant.named("projects")["vision"]["id"]
    assert tenant.writes() == [
        f"POST {POOLS}",
        f"PATCH /api/v1/org-unit/departments/{dept_id}/resources",
        f"PATCH /api/v1/org-unit/projects/{vision_id}/resources",
        f"DELETE {POOLS}/{pool_id}",
    ]
    assert sorted(pools(tenant)) == ["a100", "default", "h100-sxm"]
    assert tenant.gpus("departments", "research")["h100-sxm"] == 4
    assert tenant.gpus("projects", "vision")["h100-sxm"] == 2
    if once:
        assert stack.up(pool_program(tenant.cluster_id, "h100-sxm", label="h100-nvl")).ops(
            include_same=False) == {}, "the renamed stack is a no-op on the next up"

    # Chapter 6: destroy leaves the tenant as seeded.
    stack.destroy()
    assert emulator.state() == seed


def test_a_slow_pool_is_waited_for_and_a_timeout_names_its_phase(
    emulator_factory: Callable[..., EmulatorProcess], tmp_path: Path
) -> None:
    slow = emulator_factory("--ready-delay", "0.3")
    tenant = Tenant(slow)
    stack = stack_on(slow, tmp_path / "state.json")
    result = stack.up(pool_program(tenant.cluster_id))
    calls = tenant.calls()
    pool_id = pools(tenant)["h100"]["id"]
    made = calls.index(f"POST {POOLS}")
    quota = next(i for i, c in enumerate(calls) if c.startswith("POST /api/v1/org-unit/dep"))
    assert f"GET {POOLS}/{pool_id}" in calls[made:quota], "no wait before the quota on it"
    assert result.outputs["pool"]["phase"] == "Empty", "settled: no node carries the label"

    impatient = stack_on(slow, tmp_path / "impatient.json")
    impatient.config["runai:waitTimeout"] = "0.1"

    def second_pool() -> None:
        runai.NodePool("l4", name="l4", cluster_id=tenant.cluster_id, label_key=LABEL_KEY,
                       label_value="l4")

    with pytest.raises(ProviderError) as timed_out:
        impatient.up(second_pool)
    message = str(timed_out.value)
    assert "last phase Creating" in message and "adopt" in message, message


@pytest.mark.parametrize("api_version", ["2.24", "3.0"])
def test_roles_resolve_by_name_with_one_discovery_per_process(
    emulator: EmulatorProcess, tenant: Tenant, api_version: str
) -> None:
    emulator.set_switches(api_version=api_version)
    settings = runai.Settings(emulator.url, emulator.client_id, emulator.client_secret)
    role = runai.get_role(ROLE, settings=settings)
    assert role.name == ROLE
    assert runai.get_role("Viewer", settings=settings).id != role.id
    with pytest.raises(runai.NotFound, match="did you mean 'L1 researcher'"):
        runai.get_role("l1 researcher", settings=settings)
    lists = [c for c in tenant.calls() if "/roles" in c]
    v2 = "GET /api/v2/authorization/roles"
    # Both serve v2 (2.24 deprecates v1, 3.0 removes it), so v1 is never asked; the cached
    # list answers the second name, and a miss re-reads the list once.
    assert lists == [v2, v2], lists


def test_a_pool_made_by_hand_is_adopted_drifts_back_and_is_created_exactly_once(
    emulator: EmulatorProcess, tenant: Tenant, stack: Stack, tmp_path: Path
) -> None:
    made = tenant.by_hand("POST", POOLS, {
        "name": "l40s", "clusterId": tenant.cluster_id, "labelKey": LABEL_KEY,
        "labelValue": "l40s", "overProvisioningRatio": 2,
        "schedulingConfiguration": {"placementStrategy": {"cpu": "spread", "gpu": "binpack"}},
    })

    def declare(adopt: bool = True) -> None:
        runai.NodePool("l40s", name="l40s", cluster_id=tenant.cluster_id, label_key=LABEL_KEY,
                       label_value="l40s", placement_strategy={"gpu": "spread"}, adopt=adopt)

    # Adopt: the pool is taken over and brought to the program with one PATCH; what the
    # program does not manage (the ratio, the CPU placement) stays as it was made.
    tenant.forget_calls()
    adopted = stack.up(declare)
    assert adopted.step("l40s").id == made["id"]
    assert tenant.writes() == [f"PATCH {POOLS}/{made['id']}"]
    live = pools(tenant)["l40s"]
    assert live["schedulingConfiguration"]["placementStrategy"] == {"cpu": "spread",
                                                                    "gpu": "spread"}
    assert live["overProvisioningRatio"] == 2

    # Drift: someone relabels the pool and changes its ratio by hand. Refresh shows the label
    # (which the program manages), the next up puts it back and leaves the ratio alone.
    tenant.by_hand("PATCH", f"{POOLS}/{made['id']}", {"labelValue": "l40s-b",
                                                       "overProvisioningRatio": 3})
    refreshed = stack.refresh()
    assert "label_value" in refreshed.step("l40s").changed_keys
    assert refreshed.outputs["l40s"]["label_value"] == "l40s-b"
    tenant.forget_calls()
    repaired = stack.up(declare)
    assert repaired.ops(include_same=False) == {"l40s": "update"}
    assert repaired.step("l40s").changed_keys == ("label_value",)
    assert tenant.writes() == [f"PATCH {POOLS}/{made['id']}"]
    live = pools(tenant)["l40s"]
    assert (live["labelValue"], live["overProvisioningRatio"]) == ("l40s", 3)

    # get: a pool read by id, not managed (destroy leaves it).
    def read_it() -> None:
        runai.NodePool.get("seen", made["id"])

    seen = stack_on(emulator, tmp_path / "read.json").up(read_it)
    assert seen.outputs["seen"]["name"] == "l40s"
    assert seen.outputs["seen"]["placement_strategy"] == {"cpu": "spread", "gpu": "spread"}

    # Exactly once: the pool's create answer is lost after Run:ai committed it.
    stack.destroy()
    assert "l40s" not in pools(tenant)
    emulator.set_faults(dropAfterCommitRate=1.0)
    stack.up(lambda: declare(adopt=False))
    emulator.set_faults(dropAfterCommitRate=0.0)
    assert [p["name"] for p in emulator.state()["nodepools"]].count("l40s") == 1
    stack.destroy()
    assert sorted(pools(tenant)) == ["a100", "default"]

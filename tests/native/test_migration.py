"""Moving a stack from the dynamic resources to the native ones without recreating anything
(docs/native-provider.md, "Moving a stack"): one up marks the dynamic resources
`retain_on_delete`, the next declares the native ones with `adopt=True` (the dynamic entries
leave state without a DELETE, the native ones take the objects over without a POST), and the
program then runs as a no-op."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_runai
import pulumi_runai_native
from pulumi_runai.testing import Stack
from runai_emulator.testing import EmulatorProcess

from .conftest import writes


def org(sdk: Any, *, adopt: bool = False, retain: bool = False) -> Callable[[], None]:
    def program() -> None:
        opts = pulumi.ResourceOptions(retain_on_delete=retain)
        cluster = sdk.get_cluster(name="local").id
        ml = sdk.Department("ml", name="ml", cluster_id=cluster, adopt=adopt, opts=opts,
                            resources=[{"node_pool": "default", "gpu": {"deserved": 4}}])
        vision = sdk.Project("vision", name="vision", cluster_id=cluster, adopt=adopt,
                             department_id=ml.department_id, opts=opts,
                             resources=[{"node_pool": "default", "gpu": {"deserved": 2}}])
        kim = sdk.User("kim", email="kim@example.com", adopt=adopt, opts=opts)
        sdk.AccessRule("kim-vision", subject_type="user", subject_id=kim.email, adopt=adopt,
                       role_name="L1 researcher", scope_type="project",
                       scope_id=vision.project_id, opts=opts)

    return program


def ids(emulator: EmulatorProcess) -> dict[str, list[str]]:
    state = emulator.state()
    return {kind: sorted(str(o["id"]) for o in state[kind])
            for kind in ("departments", "projects", "users", "access_rules")}


def test_dynamic_to_native_keeps_every_object(stack: Stack, emulator: EmulatorProcess) -> None:
    stack.up(org(pulumi_runai))
    before = ids(emulator)
    assert set(stack.up(org(pulumi_runai, retain=True)).ops().values()) == {"same"}

    emulator.clear_requests()
    moved = stack.up(org(pulumi_runai_native, adopt=True))
    assert writes(emulator) == [], "nothing is created or deleted in Run:ai"
    assert sorted(s.op for s in moved.steps) == ["create"] * 4 + ["delete"] * 4
    assert {r.type for r in stack.state.resources() if r.custom} == {
        "runai:index:Department", "runai:index:Project", "runai:index:User",
        "runai:index:AccessRule"}
    assert ids(emulator) == before
    assert set(stack.up(org(pulumi_runai_native, adopt=True)).ops().values()) == {"same"}

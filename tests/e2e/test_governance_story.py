"""Story: a platform team governs who may call the API, what a role may do and what workloads
may ask for (issue 17): a service account granted a custom role on a project, and training
policies on the department and on the project.

Everything the story asserts is read from the tenant (the emulator's objects and request log)
or is what a user would check: that the client secret logs in, and that it is never in the
clear in the state.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pulumi
import pulumi_runai as runai
import pytest
import requests
from pulumi_runai.local.plan import field_changes
from pulumi_runai.testing import CheckFailedError, HarnessError, Stack, is_secret
from runai_emulator.testing import EmulatorProcess

from .tenant import Tenant

ROLE_SETS = ["Workload management", "Workload viewer"]
DEPARTMENT_GPU_MAX = 4
LIMIT_PATH = "rules.compute.gpuDevicesRequest.max"


def _gpu_policy(maximum: int, default: int | None = None) -> dict[str, Any]:
    """A training policy in the API's own shape: at most `maximum` GPUs, `default` if given."""
    policy: dict[str, Any] = {"rules": {"compute": {"gpuDevicesRequest": {"max": maximum}}}}
    if default is not None:
        policy["defaults"] = {"compute": {"gpuDevicesRequest": default}}
    return policy


@dataclass(frozen=True)
class Governance:
    """What the program declares; each chapter of the story changes one thing."""

    cluster_id: str
    account: str = "ci-robot"
    enabled: bool | None = None
    secret_version: int = 1
    project_gpu_max: int = 2


def governance_program(spec: Governance) -> Callable[[], None]:
    def declare() -> None:
        dept = runai.Department("dept", name="research", cluster_id=spec.cluster_id)
        project = runai.Project(
            "vision", name="vision", cluster_id=spec.cluster_id, department_id=dept.id
        )
        robot = runai.ServiceAccount(
            "ci-robot", name=spec.account, enabled=spec.enabled,
            secret_version=spec.secret_version,
        )
        role = runai.Role(
            "trainer", name="Trainer", description="Submits training workloads",
            permission_sets=ROLE_SETS,
        )
        runai.AccessRule(
            "ci-robot-vision", subject_type="service-account", subject_id=robot.client_id,
            role_name=role.name, scope_type="project", scope_id=project.id,
            cluster_id=spec.cluster_id,
        )
        runai.WorkloadPolicy(
            "research-trainings", workload_type="trainings", scope_type="department",
            scope_id=dept.id, policy=_gpu_policy(DEPARTMENT_GPU_MAX),
        )
        runai.WorkloadPolicy(
            "vision-trainings", workload_type="trainings", scope_type="project",
            scope_id=project.id, policy=_gpu_policy(spec.project_gpu_max, default=1),
        )
        pulumi.export("client_secret", robot.client_secret)

    return declare


def _logs_in(emulator: EmulatorProcess, client_id: str, secret: str) -> bool:
    answer = requests.post(
        f"{emulator.url}/api/v1/token",
        json={"grantType": "client_credentials", "clientId": client_id, "clientSecret": secret},
        timeout=10,
    )
    return answer.status_code == 200


def _without_secrets(value: Any) -> Any:
    """The value as it may be shown in the clear: every secret-marked part replaced."""
    if is_secret(value):
        return "<secret>"
    if isinstance(value, dict):
        return {k: _without_secrets(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_secrets(v) for v in value]
    return value


def _named(state: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {str(o["name"]): o for o in state[kind]}


def test_service_account_custom_role_and_policies_from_create_to_destroy(
    stack: Stack, tenant: Tenant, emulator: EmulatorProcess
) -> None:
    spec = Governance(cluster_id=tenant.cluster_id)

    # Deploy: the account, the role built from two permission sets, the rule granting it.
    first = stack.up(governance_program(spec))
    state = emulator.state()
    account = _named(state, "service_accounts")["ci-robot"]
    role = _named(state, "roles")["Trainer"]
    assert role["custom"] is True
    assert sorted(p["name"] for p in role["permissionSets"]) == sorted(ROLE_SETS)
    grants = [(r["subjectType"], r["subjectId"], r["roleId"], r["scopeType"])
              for r in state["access_rules"]]
    assert grants == [("service-account", account["clientId"], role["id"], "project")]
    settings = runai.Settings(url=emulator.url, client_id=emulator.client_id,
                              client_secret=emulator.client_secret)
    assert runai.get_role("Trainer", settings=settings).id == role["id"], "lookups find it"
    secret = first.outputs["ci-robot"]["client_secret"]
    assert "client_secret" in first.secret_outputs["ci-robot"]
    assert first.secret_stack_outputs == {"client_secret"}
    assert _logs_in(emulator, account["clientId"], secret)

    policies = {p["meta"]["scope"]: p for p in state["policies"]}
    assert policies["department"]["policy"] == _gpu_policy(DEPARTMENT_GPU_MAX)
    assert policies["project"]["policy"] == _gpu_policy(2, default=1)
    assert str(policies["project"]["meta"]["projectId"]) == first.outputs["vision"]["project_id"]

    # The next up changes nothing and writes nothing.
    tenant.forget_calls()
    again = stack.up(governance_program(spec))
    assert again.ops(include_same=False) == {}
    assert tenant.writes() == []

    # A new secret_version rotates the secret in place: same account, same rule, new secret.
    tenant.forget_calls()
    rotated = stack.up(governance_program(replace(spec, secret_version=2)))
    assert rotated.ops(include_same=False) == {"ci-robot": "update"}
    assert tenant.writes() == [f"POST /api/v1/service-accounts/{account['id']}/secret"]
    new_secret = rotated.outputs["ci-robot"]["client_secret"]
    assert new_secret != secret
    assert _logs_in(emulator, "ci-robot", new_secret)
    assert not _logs_in(emulator, "ci-robot", secret)

    # Raising the project's limit is one PUT of its policy, in place; the preview shows the
    # one path that changes inside the policy.
    raised = replace(spec, secret_version=2, project_gpu_max=3)
    plan = stack.preview(governance_program(raised))
    assert plan.ops(include_same=False) == {"vision-trainings": "update"}
    # as scripts/deploy prints the plan: the one leaf inside the policy, old and new
    assert [c.render() for c in field_changes(plan.step("vision-trainings"))] == [
        f"policy.{LIMIT_PATH} 2 → 3"]
    tenant.forget_calls()
    updated = stack.up(governance_program(raised))
    assert updated.ops(include_same=False) == {"vision-trainings": "update"}
    assert tenant.writes() == ["PUT /api/v2/policy/trainings"]
    live = {p["meta"]["scope"]: p for p in emulator.state()["policies"]}["project"]
    assert live["policy"] == _gpu_policy(3, default=1)
    assert live["meta"]["id"] == policies["project"]["meta"]["id"], "the same policy"

    # Someone lowers the project's limit by hand: refresh reports the policy as drifted.
    project_id = first.outputs["vision"]["project_id"]
    tenant.by_hand("PUT", "/api/v2/policy/trainings", {
        "meta": {"scope": "project", "projectId": int(project_id), "name": "by-hand"},
        "policy": _gpu_policy(1)})
    drifted = stack.refresh()
    assert drifted.step("vision-trainings").changed_keys
    assert drifted.outputs["vision-trainings"]["policy"] == _gpu_policy(1)
    assert stack.preview(governance_program(raised)).ops(include_same=False) == {
        "vision-trainings": "update"}
    stack.up(governance_program(raised))
    live = {p["meta"]["scope"]: p for p in emulator.state()["policies"]}["project"]
    assert live["policy"] == _gpu_policy(3, default=1), "the next up puts the program back"

    # A new name replaces the account, and with it the rule that names its client id.
    renamed = stack.up(governance_program(replace(raised, account="ci-robot-2")))
    assert renamed.ops(include_same=False) == {"ci-robot": "replace", "ci-robot-vision": "replace"}
    state = emulator.state()
    assert set(_named(state, "service_accounts")) == {"ci-robot-2"}
    assert [r["subjectId"] for r in state["access_rules"]] == ["ci-robot-2"]
    new_secret = renamed.outputs["ci-robot"]["client_secret"]
    assert _logs_in(emulator, "ci-robot-2", new_secret)

    # Refresh keeps the secret (a GET never shows it) and reports no drift.
    refreshed = stack.refresh()
    assert {s.name: s.changed_keys for s in refreshed.steps if s.changed_keys} == {}
    assert refreshed.outputs["ci-robot"]["client_secret"] == new_secret

    # The client secrets are in the state only inside secret values.
    assert stack.state_file is not None
    shown = json.dumps(_without_secrets(json.loads(stack.state_file.read_text())))
    assert secret not in shown and new_secret not in shown

    # Disabling the account is one PATCH; it can no longer log in.
    tenant.forget_calls()
    account_id = renamed.outputs["ci-robot"]["service_account_id"]
    disabled = stack.up(governance_program(replace(raised, account="ci-robot-2", enabled=False)))
    assert disabled.ops(include_same=False) == {"ci-robot": "update"}
    assert tenant.writes() == [f"PATCH /api/v1/service-accounts/{account_id}"]
    assert not _logs_in(emulator, "ci-robot-2", new_secret)

    # Destroy leaves nothing behind.
    stack.destroy()
    state = emulator.state()
    assert state["service_accounts"] == []
    assert "Trainer" not in _named(state, "roles")
    assert state["access_rules"] == []
    assert state["policies"] == []


def test_what_cannot_be_managed_is_refused_before_any_change_and_adopt_takes_over(
    stack: Stack, tenant: Tenant, emulator: EmulatorProcess
) -> None:
    cluster_id = tenant.cluster_id

    # A predefined role's name, or a permission set the catalogue lacks, fails the preview
    # with the fix named.
    tenant.forget_calls()
    with pytest.raises(CheckFailedError) as refused:
        stack.preview(lambda: runai.Role(
            "viewer", name="L1 researcher", description="mine", permission_sets=ROLE_SETS))
    [(prop, reason)] = refused.value.failures
    assert prop == "name" and "runai.get_role('L1 researcher')" in reason
    with pytest.raises(CheckFailedError) as typo:
        stack.preview(lambda: runai.Role(
            "typo", name="Typo", description="mine", permission_sets=["Workload managment"]))
    [(prop, reason)] = typo.value.failures
    assert prop == "permission_sets[0]" and "Workload management" in reason
    # A policy naming a field the schema lacks fails with its path inside the policy.
    with pytest.raises(CheckFailedError) as bad_policy:
        stack.preview(lambda: runai.WorkloadPolicy(
            "tenant-trainings", workload_type="trainings", scope_type="tenant",
            policy={"rules": {"compute": {"gpuDevicesRequest": {"mx": 4}}}}))
    [(prop, _reason)] = bad_policy.value.failures
    assert prop == "policy.rules.compute.gpuDevicesRequest.mx"
    assert tenant.writes() == []

    # A policy someone wrote by hand is never overwritten silently; adopt takes it over.
    tenant.by_hand("PUT", "/api/v2/policy/trainings", {
        "meta": {"scope": "cluster", "clusterId": cluster_id, "name": "by-hand"},
        "policy": _gpu_policy(8)})

    def cluster_policy(adopt: bool) -> Callable[[], object]:
        return lambda: runai.WorkloadPolicy(
            "cluster-trainings", workload_type="trainings", scope_type="cluster",
            scope_id=cluster_id, policy=_gpu_policy(6), adopt=adopt)

    with pytest.raises(HarnessError, match="already exists") as exists:
        stack.up(cluster_policy(adopt=False))
    assert "adopt" in str(exists.value)
    assert emulator.state()["policies"][0]["policy"] == _gpu_policy(8)
    adopted = stack.up(cluster_policy(adopt=True))
    assert adopted.outputs["cluster-trainings"]["policy"] == _gpu_policy(6)
    [live] = emulator.state()["policies"]
    assert live["policy"] == _gpu_policy(6) and live["meta"]["name"] == "by-hand"

    # A custom role and a service account made by hand are taken over the same way: the role
    # brought to the program's permission sets, the account given a secret by a rotation.
    catalogue = {p["name"]: p["id"] for p in tenant.by_hand(
        "GET", "/api/v1/authorization/permission-sets")["permissionSets"]}
    made = tenant.by_hand("POST", "/api/v2/authorization/roles", {
        "name": "Trainer", "description": "by hand",
        "permissionSets": [{"id": catalogue["Workload viewer"], "name": "Workload viewer"}]})
    robot = tenant.by_hand("POST", "/api/v1/service-accounts", {"name": "ci-robot"})

    def taken_over() -> None:
        cluster_policy(adopt=True)()
        runai.Role("trainer", name="Trainer", description="Submits training",
                   permission_sets=ROLE_SETS, adopt=True)
        runai.ServiceAccount("ci-robot", name="ci-robot", secret_version=1, adopt=True)

    result = stack.up(taken_over)
    role = _named(emulator.state(), "roles")["Trainer"]
    assert role["id"] == made["id"] and role["description"] == "Submits training"
    assert sorted(p["name"] for p in role["permissionSets"]) == sorted(ROLE_SETS)
    assert result.outputs["ci-robot"]["service_account_id"] == robot["id"]
    secret = result.outputs["ci-robot"]["client_secret"]
    assert secret != robot["clientSecret"] and _logs_in(emulator, "ci-robot", secret)
    stack.destroy()
    state = emulator.state()
    assert state["policies"] == [] and state["service_accounts"] == []
    assert "Trainer" not in _named(state, "roles")

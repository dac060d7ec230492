"""Service accounts, custom roles and workload policies: the pure decisions (issue 17)."""

from __future__ import annotations

from typing import Any

import pytest
from pulumi_runai.errors import NotFound
from pulumi_runai.lifecycle.roles import check_role_name
from pulumi_runai.models import role, service_account, workload_policy
from pulumi_runai.models.validation import UNKNOWN_SENTINEL

ACCOUNT_OUTPUTS = service_account.to_outputs(
    {"id": "sa-1", "name": "ci-robot", "clientId": "ci-robot", "enabled": True},
    {"name": "ci-robot", "secret_version": 1.0}, "s3cret",
)


@pytest.mark.parametrize("name", ["ci", "ci-robot", "ci_robot-2", "a0"])
def test_service_account_names_the_api_accepts(name: str) -> None:
    assert service_account.validate({"name": name}) == []


@pytest.mark.parametrize("name", ["c", "CI", "1robot", "robot-", "ro bot", "robot_"])
def test_service_account_names_the_api_refuses_are_named_with_the_rule(name: str) -> None:
    [failure] = service_account.validate({"name": name})
    assert failure.property == "name" and "lowercase letters" in failure.reason


def test_a_new_secret_version_rotates_in_place_and_the_same_one_does_nothing() -> None:
    # The Pulumi host sends 1 back as 1.0: the same version, no rotation.
    assert service_account.diff(ACCOUNT_OUTPUTS, {"name": "ci-robot", "secret_version": 1}) == (
        [], [])
    assert not service_account.rotates(ACCOUNT_OUTPUTS, {"secret_version": "1"})
    assert service_account.diff(ACCOUNT_OUTPUTS, {"name": "ci-robot", "secret_version": 2}) == (
        ["secret_version"], [])
    assert service_account.rotates(ACCOUNT_OUTPUTS, {"secret_version": 2})
    assert service_account.diff(ACCOUNT_OUTPUTS, {"name": "ci-bot"}) == (["name"], ["name"])


def test_refresh_keeps_the_program_secret_version_and_reads_enabled() -> None:
    live = {"id": "sa-1", "name": "ci-robot", "enabled": False}
    inputs = service_account.to_inputs(live, {"name": "ci-robot", "enabled": True,
                                              "secret_version": 3})
    assert inputs == {"name": "ci-robot", "enabled": False, "secret_version": 3, "adopt": False}


ROLE_API = {
    "id": 10001, "name": "Trainer", "description": "d", "enabled": True, "custom": True,
    "permissionSets": [{"id": "u1", "name": "Workload viewer"},
                       {"id": "u2", "name": "Workload management"}],
}


def test_permission_sets_compare_without_order_and_refresh_keeps_the_program_order() -> None:
    outputs = role.to_outputs(ROLE_API, {})
    assert outputs["role_id"] == 10001
    program = {"name": "Trainer", "description": "d",
               "permission_sets": ["Workload management", "Workload viewer"]}
    assert role.diff(outputs, program) == ([], [])
    assert role.to_inputs(ROLE_API, program)["permission_sets"] == program["permission_sets"]
    fewer = {**program, "permission_sets": ["Workload viewer"]}
    assert role.diff(outputs, fewer) == (["permission_sets"], [])


def test_a_role_update_sends_the_live_enabled_when_the_program_leaves_it_unset() -> None:
    ids = {"Workload viewer": "u1"}
    body = role.to_body({"name": "T", "description": "d", "permission_sets": ["Workload viewer"]},
                        {"enabled": False}, ids.__getitem__)
    assert body == {"name": "T", "description": "d", "enabled": False,
                    "permissionSets": [{"id": "u1", "name": "Workload viewer"}]}


def test_role_inputs_are_checked_by_field() -> None:
    failures = role.validate({"name": "", "permission_sets": ["a", "a"], "enabled": "yes"})
    assert {f.property for f in failures} == {"name", "description", "permission_sets[1]",
                                              "enabled"}
    assert [f.property for f in role.validate(
        {"name": "T", "description": "", "permission_sets": []})] == ["permission_sets"]


GPU_POLICY = {"rules": {"compute": {"gpuDevicesRequest": {"max": 4}}}}


def test_a_policy_is_checked_against_the_schema_naming_the_path() -> None:
    ok = {"workload_type": "trainings", "scope_type": "project", "scope_id": "5",
          "policy": GPU_POLICY}
    assert workload_policy.validate(ok) == []
    # Numbers arrive from the Pulumi host as floats; 4.0 is the integer the schema wants.
    as_sent = {**ok, "policy": {"rules": {"compute": {"gpuDevicesRequest": {"max": 4.0}}}}}
    assert workload_policy.validate(as_sent) == []
    assert workload_policy.clean(as_sent)["policy"] == GPU_POLICY
    typo = {**ok, "policy": {"rules": {"compute": {"gpuDevicesRequest": {"mx": 4}}}}}
    [failure] = workload_policy.validate(typo)
    assert failure.property == "policy.rules.compute.gpuDevicesRequest.mx"
    assert "max" in failure.reason, "the known fields are listed"
    half = {**ok, "policy": {"rules": {"compute": {"gpuDevicesRequest": {"max": 2.5}}}}}
    assert [f.property for f in workload_policy.validate(half)] == [
        "policy.rules.compute.gpuDevicesRequest.max"]
    unknown = {**ok, "policy": {"rules": {"compute": UNKNOWN_SENTINEL}}}
    assert workload_policy.validate(unknown) == [], "preview: checked once known"


def test_the_scope_id_follows_the_scope_type() -> None:
    tenant = {"workload_type": "trainings", "scope_type": "tenant", "policy": {}}
    assert workload_policy.validate(tenant) == []
    [failure] = workload_policy.validate({**tenant, "scope_id": "x"})
    assert failure.property == "scope_id" and "tenant" in failure.reason
    [failure] = workload_policy.validate({**tenant, "scope_type": "project"})
    assert failure.property == "scope_id" and "project id" in failure.reason


def test_only_the_type_and_the_scope_replace_a_policy() -> None:
    api = {"meta": {"id": "m1", "scope": "project", "projectId": 5, "name": "n"},
           "policy": GPU_POLICY}
    outputs = workload_policy.to_outputs(api, "trainings", {})
    assert outputs["scope_id"] == "5" and outputs["policy_id"] == "m1"
    same = {"workload_type": "trainings", "scope_type": "project", "scope_id": "5",
            "policy": GPU_POLICY}
    assert workload_policy.diff(outputs, same) == ([], [])
    raised = {**same, "policy": {"rules": {"compute": {"gpuDevicesRequest": {"max": 6}}}}}
    assert workload_policy.diff(outputs, raised) == (["policy"], [])
    moved = {**same, "scope_id": "6"}
    assert workload_policy.diff(outputs, moved) == (["scope_id"], ["scope_id"])


def test_the_resource_id_is_the_type_and_the_scope() -> None:
    assert workload_policy.object_id("trainings", "project", "5") == "trainings/project/5"
    assert workload_policy.parse_id("trainings/tenant") == ("trainings", "tenant", None)
    assert workload_policy.parse_id("workspaces/cluster/c-1") == ("workspaces", "cluster", "c-1")
    for bad in ("trainings", "trainings/tenant/1", "trainings/project", "jobs/project/5"):
        with pytest.raises(ValueError, match="trainings/project/5"):
            workload_policy.parse_id(bad)
    body = workload_policy.to_body({"scope_type": "project", "scope_id": "5",
                                    "policy": GPU_POLICY}, "p")
    assert body == {"meta": {"scope": "project", "name": "p", "projectId": 5},
                    "policy": GPU_POLICY}


def test_a_control_plane_without_custom_roles_fails_the_preview_saying_so() -> None:
    class NoV2Roles:
        """A client whose tenant answers 404 to the v2 roles list."""

        def list_all(self, path: str, **_: Any) -> list[dict[str, Any]]:
            raise NotFound(404, "not found", method="GET", path=path)

    [failure] = check_role_name(NoV2Roles(), "name", "Trainer")  # type: ignore[arg-type]
    assert failure.property == "name"
    assert "no custom-roles API" in failure.reason
    assert "/api/v2/authorization/roles" in failure.reason

"""org.yaml's `service_accounts:`, `roles:` and `policies:` (issue 17): read right, refused
with the path and the fix when wrong, and built into linked resources by the component."""

from __future__ import annotations

from typing import Any

import pulumi
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pulumi_runai.organization import DescriptionError, Organization
from pulumi_runai.organization.description import parse_description

from .test_component import CLUSTER, Recorder

GPU_MAX_4 = {"rules": {"compute": {"gpuDevicesRequest": {"max": 4}}}}


class AccountRecorder(Recorder):
    """Also answers a service account's `client_id` as Run:ai does: its name."""

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[Any, Any]]:
        resource_id, outputs = super().new_resource(args)
        if args.typ.endswith(":ServiceAccount"):
            outputs["client_id"] = args.inputs["name"]
        return resource_id, outputs


def _description(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "cluster_id": CLUSTER,
        "departments": [{
            "name": "research", "resources": [], "policies": {"trainings": GPU_MAX_4},
            "projects": [{"name": "vision", "resources": [],
                          "policies": {"workspaces": {"defaults": {"nodePools": ["a100"]}}}}],
        }],
        "service_accounts": [{"name": "ci-robot", "secret_version": 1}],
        "roles": [{"name": "Trainer", "description": "Runs training",
                   "permission_sets": ["Workload management"]}],
        "access": [{"service_account": "ci-robot", "role": "Trainer", "project": "vision"}],
    }
    data.update(changes)
    return data


def _problems(data: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(DescriptionError) as failed:
        parse_description(data, known_roles={"Viewer"})
    return {p.path: f"{p.message} | {p.fix}" for p in failed.value.problems}


def test_a_service_account_a_custom_role_and_policies_are_read() -> None:
    spec = parse_description(_description(), known_roles={"Viewer"})
    [account] = spec.service_accounts
    assert (account.name, account.secret_version) == ("ci-robot", 1)
    [role] = spec.roles
    assert role.permission_sets == ("Workload management",)
    [rule] = spec.access
    assert (rule.subject_type, rule.subject, rule.role) == ("service-account", "ci-robot",
                                                            "Trainer")
    assert [(p.workload_type, p.policy) for p in spec.departments[0].policies] == [
        ("trainings", GPU_MAX_4)]
    assert spec.projects[0].policies[0].workload_type == "workspaces"


def test_each_mistake_is_named_at_its_path_with_the_fix() -> None:
    data = _description(
        service_accounts=[{"name": "CI robot"}, {"name": "ok-robot", "enabled": "yes"}],
        roles=[{"name": "Trainer", "description": "d", "permission_sets": []}],
        access=[{"service_account": "ci-robt", "role": "Trainer", "project": "vision"}],
    )
    data["departments"][0]["policies"] = {
        "training": GPU_MAX_4,
        "trainings": {"rules": {"compute": {"gpuDevicesRequest": {"mx": 4}}}},
    }
    problems = _problems(data)
    assert "lowercase letters" in problems["service_accounts[0].name"]
    assert "true or false" in problems["service_accounts[1].enabled"]
    assert "at least one permission set" in problems["roles[0].permission_sets"]
    assert "did you mean 'trainings'" in problems["departments[0].policies.training"]
    path = "departments[0].policies.trainings.rules.compute.gpuDevicesRequest.mx"
    assert "max" in problems[path], "the schema's fields are listed"
    # the account is not declared (its entry is wrong), so the rule names the declared ones
    assert "not declared under `service_accounts`" in problems["access[0].service_account"]


@pulumi.runtime.test
def test_the_component_links_rules_and_policies_to_what_they_name() -> Any:
    recorder = AccountRecorder()
    pulumi.runtime.set_mocks(recorder, preview=False)
    org = Organization("org", _description(), known_roles={"Viewer"})
    rule = org.access_rules["ci-robot as Trainer on project vision"]
    policy = org.policies["trainings on department research"]
    assert set(org.policies) == {"trainings on department research",
                                 "workspaces on project vision"}

    def check(values: list[Any]) -> None:
        subject, role_name, scope_id, policy_scope, body = values
        assert subject == "ci-robot" and role_name == "Trainer"
        assert scope_id == "org-vision-id" and policy_scope == "org-research-id"
        assert body == GPU_MAX_4
        kinds = {a.typ.rsplit(":", 1)[-1] for a in recorder.registered}
        assert {"ServiceAccount", "Role", "WorkloadPolicy"} <= kinds

    return pulumi.Output.all(
        rule.subject_id, rule.role_name, rule.scope_id, policy.scope_id, policy.policy
    ).apply(check)


values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.floats(allow_nan=False)
    | st.text(max_size=8) | st.sampled_from(["trainings", "ci-robot", "Trainer", "max"]),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.text(max_size=8) | st.sampled_from(
        ["name", "description", "permission_sets", "enabled", "secret_version", "rules",
         "compute", "gpuDevicesRequest", "trainings"]), inner, max_size=4),
    max_leaves=10,
)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["service_accounts", "roles", "policies"]), values)
def test_any_value_in_the_new_sections_is_read_or_reported_never_a_crash(
    section: str, value: Any
) -> None:
    data = _description()
    if section == "policies":
        data["departments"][0]["policies"] = value
    else:
        data[section] = value
    try:
        parse_description(data, known_roles={"Viewer"})
    except DescriptionError as failed:
        assert all(p.message and p.fix for p in failed.problems)

"""The issue-17 guardrails: admin roles for service accounts, project policies within their
department's."""

from __future__ import annotations

from typing import Any

from policy_support import OPTS, UNKNOWN_STRING, check, check_stack, department, project, urn
from pulumi_policy import PolicyResource
from pulumi_policy.proxy import unknown_checking_proxy
from pulumi_runai.policies import admin_roles, project_policy_limits, service_account_roles, tokens
from pulumi_runai.policies.project_policy_limits import raised_limits


def _rule(subject_id: Any, role: str = "System administrator") -> dict[str, Any]:
    return {"subject_type": "service-account", "subject_id": subject_id, "role_name": role,
            "scope_type": "project", "scope_id": "5"}


def test_a_service_account_holds_an_admin_role_only_when_listed() -> None:
    policy = service_account_roles.policy
    [message] = check(policy, tokens.ACCESS_RULE, _rule("ci-robot"))
    assert "service account 'ci-robot'" in message and "allowedServiceAccounts" in message
    assert check(policy, tokens.ACCESS_RULE, _rule("ci-robot"),
                 {"allowedServiceAccounts": ["ci-robot"]}) == []
    assert check(policy, tokens.ACCESS_RULE, _rule("ci-robot", role="Trainer")) == []
    # A new account's client id is unknown at preview: with nobody allowed, it fails already.
    [message] = check(policy, tokens.ACCESS_RULE, _rule(UNKNOWN_STRING))
    assert "created in this deployment" in message
    assert check(policy, tokens.ACCESS_RULE, _rule(UNKNOWN_STRING),
                 {"allowedServiceAccounts": ["ci-robot"]}) == []
    # One allow-list decides: the admin-role policy leaves service accounts to this one.
    assert check(admin_roles.policy, tokens.ACCESS_RULE, _rule("ci-robot")) == []


def _policy(name: str, scope_type: str, scope: PolicyResource, maximum: float,
            workload_type: str = "trainings") -> PolicyResource:
    props = {"workload_type": workload_type, "scope_type": scope_type,
             "scope_id": UNKNOWN_STRING,
             "policy": {"rules": {"compute": {"gpuDevicesRequest": {"max": maximum}}}}}
    return PolicyResource(
        tokens.WORKLOAD_POLICY, unknown_checking_proxy(props),
        urn(tokens.WORKLOAD_POLICY, name), name, OPTS, None, None, [scope],
        {"scope_id": [scope]},
    )


def test_a_project_policy_may_not_raise_its_department_limit() -> None:
    research = department("research", [])
    vision = project("vision", [], dept=research)
    stack = [research, vision, _policy("research-trainings", "department", research, 4.0)]
    raised = _policy("vision-trainings", "project", vision, 6.0)
    [(message, where)] = check_stack(project_policy_limits.policy, [*stack, raised])
    assert where == raised.urn
    assert "rules.compute.gpuDevicesRequest.max = 6, above 4" in message
    within = _policy("vision-trainings", "project", vision, 2.0)
    assert check_stack(project_policy_limits.policy, [*stack, within]) == []
    other_type = _policy("vision-workspaces", "project", vision, 6.0, "workspaces")
    assert check_stack(project_policy_limits.policy, [*stack, other_type]) == []


def test_raised_limits_compare_only_the_maxima_both_set() -> None:
    department_rules = {"compute": {"gpuDevicesRequest": {"max": 4}, "cpuCoreRequest": {"max": 8}}}
    project_rules = {"compute": {"gpuDevicesRequest": {"max": 4, "min": 9},
                                 "cpuCoreRequest": {"max": 16}, "memoryRequest": {"max": 1}}}
    assert raised_limits(department_rules, project_rules) == [
        ("rules.compute.cpuCoreRequest.max", 8.0, 16.0)]
    assert raised_limits(None, project_rules) == []

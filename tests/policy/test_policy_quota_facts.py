"""The policy pack reads quotas as the provider sends them (issue 12, kind 5).

Its arithmetic once kept its own copy of the quota facts: memory without `units` was Mib to the
pack but MB to the provider, so the pack rejected a project that fits; and only an explicit
`gpu.limit: -1` counted as unlimited, although the provider sends -1 for an omitted limit.
"""

from policy_support import check, check_stack, department, project
from pulumi_runai.models import units
from pulumi_runai.policies import department_quota, project_quota, tokens


def memory(deserved: float, **extra: object) -> dict[str, object]:
    return {
        "node_pool": "default",
        "gpu": {"deserved": 0.0, "limit": 0.0},
        "memory": {"deserved": deserved, **extra},
    }


def test_the_issue_example_memory_without_units_is_mb_so_a_fitting_project_passes() -> None:
    research = department("research", [memory(1000.0, units="MB")])
    fits = project("team-a", [memory(970.0)], research)  # 970 MB: fits; 970 Mib would not
    assert check_stack(department_quota.policy, [research, fits]) == []
    over = project("team-a", [memory(1010.0)], research)
    [(message, _)] = check_stack(department_quota.policy, [research, over])
    assert "1010 MB of memory in total" in message


def test_a_department_without_units_is_reported_in_the_default_units() -> None:
    research = department("research", [memory(1.0)])
    big = project("team-a", [memory(1.0, units="GB")], research)
    [(message, _)] = check_stack(department_quota.policy, [research, big])
    assert f"deserves only 1 {units.DEFAULT_MEMORY_UNITS}" in message


def test_an_omitted_gpu_limit_is_unlimited_as_the_provider_sends_it() -> None:
    """Second instance: leaving `limit` out must not slip past allowUnlimitedGpuLimit."""
    props = {
        "name": "team-a",
        "resources": [
            {"node_pool": "default", "gpu": {"deserved": 2.0}},
            {"node_pool": "a100", "gpu": {"deserved": 1.0, "limit": 1.0}},
        ],
    }
    [message] = check(project_quota.policy, tokens.PROJECT, props)
    assert "node pool 'default'" in message and "no gpu.limit" in message
    assert f"unlimited ({units.UNLIMITED})" in message
    allowed = {"allowUnlimitedGpuLimit": True}
    assert check(project_quota.policy, tokens.PROJECT, props, allowed) == []

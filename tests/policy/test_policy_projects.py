"""Per-project guardrails: GPU maximum, unlimited limits, a department for every project."""

import pytest
from policy_support import UNKNOWN_NUMBER, UNKNOWN_STRING, check, quota
from pulumi_runai.policies import project_department, project_quota, tokens

PROJECT = tokens.PROJECT


def gpus(*entries: dict[str, object]) -> dict[str, object]:
    return {"name": "team-a", "department_id": "7", "resources": list(entries)}


def test_project_within_the_maximum_passes() -> None:
    assert check(project_quota.policy, PROJECT, gpus(quota(gpu=8.0, limit=8.0))) == []


def test_project_above_the_maximum_names_total_pools_and_fix() -> None:
    props = gpus(quota(gpu=6.0, limit=6.0), quota("a100", gpu=4.0, limit=4.0))
    [message] = check(project_quota.policy, PROJECT, props)
    assert message.startswith("project 'team-a' deserves 10 GPUs (default 6, a100 4)")
    assert "maximum of 8 per project" in message and "Lower gpu.deserved by 2" in message


def test_maximum_is_configurable() -> None:
    props = gpus(quota(gpu=12.0, limit=12.0))
    assert check(project_quota.policy, PROJECT, props, {"maxDeservedGpu": 16}) == []
    assert len(check(project_quota.policy, PROJECT, props, {"maxDeservedGpu": 10})) == 1


def test_unlimited_gpu_limit_is_reported_unless_allowed() -> None:
    props = gpus(quota(gpu=1.0, limit=-1.0))
    [message] = check(project_quota.policy, PROJECT, props)
    assert "unlimited GPU limit (gpu.limit = -1) on node pool 'default'" in message
    assert check(project_quota.policy, PROJECT, props, {"allowUnlimitedGpuLimit": True}) == []


@pytest.mark.parametrize(
    "props",
    [
        gpus(quota(gpu=UNKNOWN_NUMBER, limit=UNKNOWN_NUMBER)),
        {"name": "team-a", "resources": UNKNOWN_STRING},
        gpus(quota(pool=UNKNOWN_STRING, gpu=2.0, limit=2.0)),
    ],
)
def test_unknown_quota_is_no_violation(props: dict[str, object]) -> None:
    assert check(project_quota.policy, PROJECT, props) == []


def test_known_excess_is_reported_even_when_a_node_pool_name_is_unknown() -> None:
    [message] = check(project_quota.policy, PROJECT, gpus(quota(UNKNOWN_STRING, 9.0, 9.0)))
    assert "9 GPUs ((unknown node pool) 9)" in message


def test_other_kinds_are_ignored() -> None:
    props = {"name": "d", "resources": [quota(gpu=99.0)], "__provider": "gASV..."}
    assert check(project_quota.policy, tokens.DEPARTMENT, props) == []


def test_project_without_department_is_reported() -> None:
    for missing in ({"name": "team-a"}, {"name": "team-a", "department_id": ""}):
        [message] = check(project_department.policy, PROJECT, missing)
        assert "project 'team-a' has no department_id" in message
        assert "department_id=research.id" in message


def test_department_known_or_unknown_during_preview_passes() -> None:
    for value in ("7", UNKNOWN_STRING):
        props = {"name": "team-a", "department_id": value}
        assert check(project_department.policy, PROJECT, props) == []


def test_message_falls_back_to_the_resource_name() -> None:
    [message] = check(project_department.policy, PROJECT, {}, name="my-project")
    assert "project 'my-project'" in message

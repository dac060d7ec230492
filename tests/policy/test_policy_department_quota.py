"""The stack policy: a department's projects fit in its quota, linked as the engine links them."""

from policy_support import UNKNOWN_STRING, check_stack, department, project, quota
from pulumi_runai.policies import department_quota

POLICY = department_quota.policy


def test_projects_within_their_department_pass() -> None:
    research = department("research", [quota(gpu=4.0)])
    stack = [
        research,
        project("team-a", [quota(gpu=2.0)], research),
        project("team-b", [quota(gpu=2.0)], research),
    ]
    assert check_stack(POLICY, stack) == []


def test_over_promised_department_is_reported_with_numbers_and_fix() -> None:
    research = department("research", [quota(gpu=4.0)])
    stack = [
        research,
        project("team-a", [quota(gpu=3.0)], research),
        project("team-b", [quota(gpu=2.0)], research),
    ]
    [(message, urn)] = check_stack(POLICY, stack)
    assert urn == research.urn
    assert "department 'research' (cluster 'local', node pool 'default')" in message
    assert "5 GPUs of gpu in total (team-a 3 GPUs, team-b 2 GPUs)" in message
    assert "deserves only 4 GPUs" in message
    assert "to at least 5 GPUs" in message and "by 1 GPUs" in message


def test_preview_links_projects_through_dependencies_when_department_id_is_unknown() -> None:
    research = department("research", [quota(gpu=1.0)], dept_id=UNKNOWN_STRING)
    late = project("team-a", [quota(gpu=2.0)], research, department_id=UNKNOWN_STRING)
    [(message, _)] = check_stack(POLICY, [research, late])
    assert "team-a 2 GPUs" in message


def test_fallback_matches_the_department_output_id() -> None:
    research = department("research", [quota(gpu=1.0)], dept_id="7")
    other = department("other", [quota(gpu=8.0)], dept_id="8")
    stack = [
        research,
        other,
        project("team-a", [quota(gpu=2.0)], department_id="7"),
        project("team-b", [quota(gpu=8.0)], department_id="8"),
    ]
    assert [urn for _, urn in check_stack(POLICY, stack)] == [research.urn]


def test_projects_of_departments_outside_the_stack_are_not_judged() -> None:
    research = department("research", [quota(gpu=1.0)], dept_id="7")
    assert check_stack(POLICY, [research, project("a", [quota(gpu=9.0)], department_id="99")]) == []
    assert (
        check_stack(
            POLICY, [research, project("a", [quota(gpu=9.0)], department_id=UNKNOWN_STRING)]
        )
        == []
    )


def test_unknown_quota_during_preview_is_no_violation_and_no_crash() -> None:
    research = department("research", [quota(gpu=1.0)])
    unknown = project("team-a", [quota(gpu=UNKNOWN_STRING)], research)
    assert check_stack(POLICY, [research, unknown, project("b", [quota(gpu=1.0)], research)]) == []


def test_memory_message_uses_the_department_units() -> None:
    research = department("research", [quota(memory={"deserved": 10.0, "units": "GB"})])
    big = project("team-a", [quota(memory={"deserved": 20000.0, "units": "MB"})], research)
    [(message, _)] = check_stack(POLICY, [research, big])
    assert "20 GB of memory in total" in message and "deserves only 10 GB" in message


def test_config_can_limit_the_check_to_gpus() -> None:
    research = department("research", [quota(gpu=4.0, cpu={"deserved": 100.0})])
    hungry = project("team-a", [quota(gpu=1.0, cpu={"deserved": 500.0})], research)
    assert len(check_stack(POLICY, [research, hungry])) == 1
    assert check_stack(POLICY, [research, hungry], {"resources": ["gpu"]}) == []

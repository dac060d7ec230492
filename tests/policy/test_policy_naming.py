"""Department and project names follow the configured pattern."""

from policy_support import UNKNOWN_STRING, check
from pulumi_runai.policies import naming, tokens


def test_default_pattern_is_a_kubernetes_label() -> None:
    assert check(naming.policy, tokens.PROJECT, {"name": "team-a"}) == []
    [message] = check(naming.policy, tokens.PROJECT, {"name": "Team_A"}, name="ta")
    assert message.startswith("project name 'Team_A' (resource 'ta') does not match projectPattern")
    assert len(check(naming.policy, tokens.DEPARTMENT, {"name": "x" * 64})) == 1


def test_patterns_are_per_kind_and_must_match_in_full() -> None:
    config = {"projectPattern": "team-[a-z]+", "departmentPattern": "dep-[a-z]+"}
    assert check(naming.policy, tokens.PROJECT, {"name": "team-a"}, config) == []
    assert len(check(naming.policy, tokens.PROJECT, {"name": "team-a-2"}, config)) == 1
    assert len(check(naming.policy, tokens.DEPARTMENT, {"name": "team-a"}, config)) == 1
    assert check(naming.policy, tokens.USER, {"name": "Whatever"}, config) == []


def test_node_pools_have_a_pattern_of_their_own() -> None:
    assert check(naming.policy, tokens.NODE_POOL, {"name": "h100"}) == []
    [message] = check(naming.policy, tokens.NODE_POOL, {"name": "H100"}, name="pool")
    assert message.startswith("node pool name 'H100' (resource 'pool') does not match "
                              "nodePoolPattern")
    config = {"nodePoolPattern": "gpu-[a-z0-9]+"}
    assert check(naming.policy, tokens.NODE_POOL, {"name": "gpu-h100"}, config) == []
    assert len(check(naming.policy, tokens.NODE_POOL, {"name": "h100"}, config)) == 1
    assert check(naming.policy, tokens.PROJECT, {"name": "h100"}, config) == []


def test_unknown_name_is_no_violation() -> None:
    assert check(naming.policy, tokens.PROJECT, {"name": UNKNOWN_STRING}) == []


def test_invalid_pattern_is_reported_not_raised() -> None:
    [message] = check(naming.policy, tokens.PROJECT, {"name": "a"}, {"projectPattern": "("})
    assert "projectPattern '(' in the policy config is not a regular expression" in message

"""Native (camelCase) names <-> the lifecycle's (snake_case), at every depth, both ways."""

from __future__ import annotations

from pulumi_runai.native.names import (
    native_path,
    native_text,
    to_camel,
    to_lifecycle,
    to_native,
    to_snake,
)
from pulumi_runai.testing._wire import secret
from pulumi_runai.testing.native_host import NativeHost

from .conftest import plugin_env


def test_names_both_ways() -> None:
    for snake, camel in (("cluster_id", "clusterId"), ("over_quota_weight", "overQuotaWeight"),
                         ("temp_password", "tempPassword"), ("name", "name"),
                         ("interactive_job_time_limit_seconds",
                          "interactiveJobTimeLimitSeconds")):
        assert (to_camel(snake), to_snake(camel)) == (camel, snake)
    assert to_camel("__adoption") == to_snake("__adoption") == "__adoption"


def test_nested_values_round_trip_and_values_are_untouched() -> None:
    lifecycle = {"cluster_id": "c_1", "resources": [
        {"node_pool": "a_b", "gpu": {"deserved": 1, "over_quota_weight": 2}}]}
    native = to_native(lifecycle)
    assert native == {"clusterId": "c_1", "resources": [
        {"nodePool": "a_b", "gpu": {"deserved": 1, "overQuotaWeight": 2}}]}
    assert to_lifecycle(native) == lifecycle


def test_failure_paths_and_messages() -> None:
    assert native_path("resources[0].node_pool") == "resources[0].nodePool"
    text = "give the role: either role_name (e.g. 'L1 researcher') or role_id; kim_x@a.io"
    assert native_text(text, {"role_name", "role_id", "kim_x"}) == (
        "give the role: either roleName (e.g. 'L1 researcher') or roleId; kim_x@a.io")


def test_the_plugin_refuses_snake_case_names_and_says_the_schema_name() -> None:
    """The schema's names are camelCase; a snake_case key (only a hand-written gRPC client or
    a typo in YAML could send one) is refused, not quietly taken as the lifecycle's own."""
    urn = "urn:pulumi:dev::org::runai:index:Project::vision"
    with NativeHost(env=plugin_env()) as plugin:
        plugin.configure({"url": "http://127.0.0.1:9", "clientId": "ci",
                          "clientSecret": secret("not-used")})
        _, failures = plugin.check(urn, {}, {
            "name": "vision", "cluster_id": "c-1", "departmentId": "7",
            "resources": [{"node_pool": "default", "gpu": {"deserved": 1.0}}]})
    assert failures == [
        ("cluster_id", "cluster_id is not a property name of runai:index:Project: write "
                       "clusterId"),
        ("node_pool", "node_pool is not a property name of runai:index:Project: write "
                      "nodePool"),
    ]

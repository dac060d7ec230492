"""Property-based tests over every resource's inputs, through the providers' `check()` (which
runs the pure `pulumi_runai.models.<kind>.validate`, then resolves changed names against the
tenant): it never raises, accepts good inputs, and names exactly the fields that are bad.

Every registered kind (`pulumi_runai.kinds.KINDS`) must have an entry here, and what is
required comes from its declaration. The tenant's names are stubbed as all known, so check()
must not touch the network otherwise."""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pulumi.dynamic import ResourceProvider
from pulumi_runai.kinds import KINDS as REGISTRY
from pulumi_runai.kinds import kind_named
from pulumi_runai.lifecycle import roles as custom_roles
from pulumi_runai.lifecycle._names import Names
from pulumi_runai.models.validation import UNKNOWN_SENTINEL

# CI default is modest (2 shared cores); RUNAI_HYPOTHESIS_EXAMPLES=1000 for a deep run.
PROFILE = settings(max_examples=int(os.environ.get("RUNAI_HYPOTHESIS_EXAMPLES", "60")),
                   deadline=None,
                   suppress_health_check=[HealthCheck.too_slow])


class NetworkUsed(AssertionError):
    """check() opened a connection: it must work offline (preview, bad config)."""


@pytest.fixture(autouse=True, scope="module")
def _no_network() -> Iterator[None]:
    """Any socket connect fails the test; the settings point at a closed port as well."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise NetworkUsed("check() tried to open a network connection")

    def every_name_is_known(*_args: object) -> list[object]:
        return []

    with pytest.MonkeyPatch.context() as patch:
        for check in ("check_cluster", "check_node_pool", "check_role"):
            patch.setattr(Names, check, every_name_is_known)
        for check in ("check_role_name", "check_permission_sets"):
            patch.setattr(custom_roles, check, every_name_is_known)
        patch.setattr(socket.socket, "connect", refuse)
        patch.setattr(socket.socket, "connect_ex", refuse)
        patch.setattr(socket, "create_connection", refuse)
        patch.setenv("RUNAI_URL", "http://127.0.0.1:9")
        patch.setenv("RUNAI_CLIENT_ID", "nobody")
        patch.setenv("RUNAI_CLIENT_SECRET", "never-sent")
        yield


# ---- value strategies ------------------------------------------------------------------------

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=80),
    st.just(UNKNOWN_SENTINEL),
)
anything = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                max_size=4),
    max_leaves=12,
)
dns_label = st.from_regex(r"[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?", fullmatch=True)
not_dns_label = st.one_of(
    st.just(""), st.just("Team_A"), st.just("-lead"), st.just("trail-"), st.just("a" * 64),
    st.integers(), st.lists(st.text(), max_size=2),
    st.text(min_size=1, max_size=20).filter(
        lambda s: not re.fullmatch(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?", s)),
)
ident = st.text(st.characters(whitelist_categories=("Ll", "Nd")), min_size=1, max_size=12)
email = st.builds(lambda user, host: f"{user}@{host}.example.com",
                  st.from_regex(r"[a-z0-9._-]{1,10}", fullmatch=True), dns_label)
not_email = st.sampled_from(["", "alice", "alice@", "@example.com", "a@b", "a b@example.com"])
not_bool = st.sampled_from(["true", "yes", 1, 0.0, [], {}])
number = st.integers(0, 1000) | st.floats(0, 1000, allow_nan=False)
sa_name = st.from_regex(r"[a-z]([-_a-z0-9]{0,20}[a-z0-9])?", fullmatch=True).filter(
    lambda s: len(s) > 1)


@st.composite
def quota(draw: st.DrawFn, memory: bool = False) -> dict[str, Any]:
    limit = draw(st.one_of(st.none(), st.just(-1), st.integers(0, 1000)))
    top = 1000 if limit in (None, -1) else limit
    value: dict[str, Any] = {"deserved": draw(st.integers(0, top))}
    if limit is not None:
        value["limit"] = limit
    if draw(st.booleans()):
        value["over_quota_weight"] = draw(number)
    if memory:
        value["units"] = draw(st.sampled_from(["Mib", "MB", "GB"]))
    return value


@st.composite
def resources(draw: st.DrawFn) -> list[dict[str, Any]]:
    pools = draw(st.lists(dns_label, max_size=3, unique=True))
    entries = []
    for pool in pools:
        entry: dict[str, Any] = {"node_pool": pool, "gpu": draw(quota())}
        if draw(st.booleans()):
            entry["cpu"] = draw(quota())
        if draw(st.booleans()):
            entry["memory"] = draw(quota(memory=True))
        entries.append(entry)
    return entries


bad_resources = st.sampled_from([
    "default",
    [1],
    [{"gpu": {"deserved": 1}}],
    [{"node_pool": "default", "gpu": {"deserved": -2}}],
    [{"node_pool": "default", "gpu": {"deserved": 5, "limit": 2}}],
    [{"node_pool": "default", "gpu": {"deserved": "one"}}],
    [{"node_pool": "default", "memory": {"deserved": 1, "units": "TB"}}],
    [{"node_pool": "a", "gpu": {}}, {"node_pool": "a", "gpu": {}}],
    [{"node_pool": "default", "tpu": {"deserved": 1}}],
])


# ---- one description per kind ----------------------------------------------------------------

@dataclass(frozen=True)
class Kind:
    """A provider, a strategy of valid inputs, and for each field a strategy of bad values."""

    provider: ResourceProvider
    valid: st.SearchStrategy[dict[str, Any]]
    bad: dict[str, st.SearchStrategy[Any]]


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


ORG_UNIT_BAD: dict[str, st.SearchStrategy[Any]] = {
    "name": not_dns_label,
    "cluster_id": st.sampled_from(["", 7, ["c"], {"id": "c"}]),
    "resources": bad_resources,
    "description": st.sampled_from([3, ["text"], True]),
    "adopt": not_bool,
}

KINDS: dict[str, Kind] = {
    "Department": Kind(
        kind_named("Department").provider(),
        st.fixed_dictionaries(
            {"name": dns_label, "cluster_id": ident},
            optional={"resources": resources(), "description": _optional(st.text(max_size=40)),
                      "adopt": st.booleans()},
        ),
        ORG_UNIT_BAD,
    ),
    "Project": Kind(
        kind_named("Project").provider(),
        st.fixed_dictionaries(
            {"name": dns_label, "cluster_id": ident},
            optional={
                "department_id": _optional(ident), "resources": resources(),
                "description": _optional(st.text(max_size=40)),
                "requested_namespace": _optional(dns_label),
                "default_node_pools": st.lists(dns_label, max_size=3, unique=True),
                "enforce_runai_scheduler": st.booleans(),
                "node_types": st.fixed_dictionaries(
                    {}, optional={"training": st.lists(ident, max_size=2, unique=True),
                                  "workspace": st.lists(ident, max_size=2, unique=True)}),
                "scheduling_rules": st.fixed_dictionaries({}, optional={
                    "training_job_time_limit_seconds": st.integers(1, 10**6),
                    "interactive_job_max_idle_duration_seconds": st.integers(1, 10**6)}),
                "adopt": st.booleans(),
            },
        ),
        {
            **ORG_UNIT_BAD,
            "department_id": st.sampled_from([5, ["d"], True]),
            "requested_namespace": not_dns_label.filter(lambda v: v != ""),
            "default_node_pools": st.sampled_from(["default", [""], ["a", "a"], [3]]),
            "enforce_runai_scheduler": not_bool,
            "node_types": st.sampled_from(["t4", {"gpu": ["t4"]}, {"training": [1]}]),
            "scheduling_rules": st.sampled_from([
                3600, {"training_job_time_limit_seconds": 0},
                {"training_job_time_limit_seconds": 1.5}, {"weekly_budget": 1}]),
        },
    ),
    "NodePool": Kind(
        kind_named("NodePool").provider(),
        st.fixed_dictionaries(
            {"name": dns_label, "cluster_id": ident,
             "label_key": st.sampled_from(["node-type", "run.ai/type", "a.b-c/x_y.z"]),
             "label_value": st.from_regex(r"[A-Za-z0-9]([-A-Za-z0-9_.]{0,20}[A-Za-z0-9])?",
                                          fullmatch=True)},
            optional={
                "placement_strategy": st.fixed_dictionaries({}, optional={
                    "cpu": st.sampled_from(["spread", "binpack"]),
                    "gpu": st.sampled_from(["spread", "binpack"])}),
                "over_provisioning_ratio": st.integers(1, 5),
                "min_guaranteed_runtime": st.sampled_from(["0", "5d8h40m", "90s", "1.5h"]),
                "gpu_network_acceleration_label_key": st.just("nvidia.com/gpu.rdma"),
                "gpu_network_acceleration_detection": st.sampled_from(["Use", "DontUse", "Auto"]),
                "gpu_resource_optimization": st.fixed_dictionaries({}, optional={
                    "swap_enabled": st.booleans(), "cpu_swap_memory_size": st.just("100G"),
                    "reserved_gpu_memory_for_swap_operations": st.just("2Gi"),
                    "node_level_scheduler_enabled": st.booleans()}),
                "network_topology_id": st.uuids().map(str),
                "adopt": st.booleans(),
            },
        ),
        {
            "name": not_dns_label,
            "cluster_id": st.sampled_from(["", 7, ["c"], {"id": "c"}]),
            "label_key": st.sampled_from(["", "Run.ai/type", "/type", "-type", "a" * 64, 3]),
            "label_value": st.sampled_from(["", "a b", "-x", "a" * 64, 5]),
            "placement_strategy": st.sampled_from(
                ["spread", {"gpu": "pack"}, {"tpu": "spread"}, {"cpu": 1}]),
            "over_provisioning_ratio": st.sampled_from([0, 6, 2.5, "2", True]),
            "min_guaranteed_runtime": st.sampled_from(["5 days", "1y", 5, "h"]),
            "gpu_network_acceleration_label_key": st.sampled_from(["Bad Key", "x/", 1]),
            "gpu_network_acceleration_detection": st.sampled_from(["auto", "On", ""]),
            "gpu_resource_optimization": st.sampled_from([
                True, {"swap_enabled": "yes"}, {"cpu_swap_memory_size": "lots"},
                {"swap": True}]),
            "network_topology_id": st.sampled_from(["topology-1", 7, ""]),
            "adopt": not_bool,
        },
    ),
    "User": Kind(
        kind_named("User").provider(),
        st.fixed_dictionaries({"email": email}, optional={
            "reset_password": st.booleans(), "notify": st.booleans(), "adopt": st.booleans()}),
        {"email": not_email, "reset_password": not_bool, "notify": not_bool, "adopt": not_bool},
    ),
    "ServiceAccount": Kind(
        kind_named("ServiceAccount").provider(),
        st.fixed_dictionaries({"name": sa_name}, optional={
            "enabled": st.booleans(), "secret_version": st.text(min_size=1, max_size=8)
            | st.integers(0, 99), "adopt": st.booleans()}),
        {"name": st.sampled_from(["", "CI", "1robot", "robot-", "ro bot", 3]),
         "enabled": not_bool, "secret_version": st.sampled_from(["", True, [1], {"v": 1}]),
         "adopt": not_bool},
    ),
    "Role": Kind(
        kind_named("Role").provider(),
        st.fixed_dictionaries({
            "name": st.text(min_size=1, max_size=20), "description": st.text(max_size=30),
            "permission_sets": st.lists(st.sampled_from(
                ["Project management", "Workload viewer", "Policy management"]),
                min_size=1, unique=True)}, optional={"enabled": st.booleans(),
                                                     "adopt": st.booleans()}),
        {"name": st.sampled_from(["", 3, ["r"]]), "description": st.sampled_from([3, ["d"]]),
         "permission_sets": st.sampled_from(["Viewer", [], [""], ["a", "a"], [3]]),
         "enabled": not_bool, "adopt": not_bool},
    ),
    "WorkloadPolicy": Kind(
        kind_named("WorkloadPolicy").provider(),
        st.one_of(
            st.fixed_dictionaries({"scope_type": st.just("tenant")}),
            st.fixed_dictionaries({"scope_type": st.sampled_from(
                ["cluster", "department", "project"]), "scope_id": ident}),
        ).flatmap(lambda scope: st.one_of(
            st.fixed_dictionaries({
                **{k: st.just(v) for k, v in scope.items()},
                "workload_type": st.sampled_from(["trainings", "workspaces", "inferences"]),
                "policy": st.builds(lambda top, default: {
                    "rules": {"compute": {"gpuDevicesRequest": {"max": float(top)}}},
                    "defaults": {"compute": {"gpuDevicesRequest": min(default, top)}}},
                    st.integers(0, 64), st.integers(0, 8))},
                optional={"name": st.text(min_size=1, max_size=20), "adopt": st.booleans()}),
            st.fixed_dictionaries({
                **{k: st.just(v) for k, v in scope.items()},
                "workload_type": st.sampled_from(["distributed", "distributed-inferences",
                                                  "nim-services"]),
                "policy": st.just({})}),
        )),
        {
            "workload_type": st.sampled_from(["training", "Trainings", "", 3]),
            "scope_type": st.sampled_from(["system", "org", "", 3]),
            "scope_id": st.sampled_from([4.5, ["p"], {"id": 1}]),
            "policy": st.sampled_from([
                "max 4", [], {"rules": {"compute": {"gpuDevicesRequest": {"mx": 4}}}},
                {"defaults": {"compute": {"gpuDevicesRequest": "one"}}}, {"limits": {}}]),
            "name": st.sampled_from(["", 3, ["n"]]),
            "adopt": not_bool,
        },
    ),
    "AccessRule": Kind(
        kind_named("AccessRule").provider(),
        st.one_of(
            st.fixed_dictionaries({
                "subject_type": st.just("user"), "subject_id": email,
                "scope_type": st.sampled_from(["tenant", "cluster", "department", "project"]),
                "scope_id": ident}, optional={"cluster_id": ident, "adopt": st.booleans()}),
            st.fixed_dictionaries({
                "subject_type": st.sampled_from(["group", "app", "service-account"]),
                "subject_id": ident, "scope_type": st.sampled_from(["department", "project"]),
                "scope_id": ident}),
        ).flatmap(lambda base: st.one_of(
            st.builds(lambda r: {**base, "role_id": r}, st.integers(0, 100)),
            st.builds(lambda r: {**base, "role_name": r}, st.sampled_from(
                ["L1 researcher", "Department administrator", "Viewer"])),
        )),
        {
            "scope_type": st.sampled_from(["galaxy", "", 3]),
            "scope_id": st.sampled_from(["", 4.5, ["p"]]),
            "cluster_id": st.sampled_from([7, ["c"], True]),
            "adopt": not_bool,
        },
    ),
}


def _root(prop: str) -> str:
    return re.split(r"[.\[]", prop, maxsplit=1)[0]


def _check(kind: Kind, news: dict[str, Any]) -> list[tuple[str, str]]:
    result = kind.provider.check({}, dict(news))
    assert isinstance(result.inputs, dict)
    failures = [(f.property, f.reason) for f in result.failures or []]
    for prop, reason in failures:
        assert isinstance(prop, str) and prop, failures
        assert isinstance(reason, str) and len(reason) > 10, failures
    return failures


# ---- properties ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(KINDS))
def test_check_never_raises_on_arbitrary_inputs(name: str) -> None:
    kind = KINDS[name]
    known = set(kind_named(name).spec.input_keys)
    keys = st.sampled_from([*sorted(known), "colour", "__provider"])
    identifiers = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,10}", fullmatch=True)

    @PROFILE
    @given(st.dictionaries(keys | identifiers, anything, max_size=8))
    def run(news: dict[str, Any]) -> None:
        for prop, _reason in _check(kind, news):
            assert _root(prop) in known | set(news), prop

    run()


@pytest.mark.parametrize("name", sorted(KINDS))
def test_valid_inputs_pass(name: str) -> None:
    kind = KINDS[name]

    @PROFILE
    @given(kind.valid)
    def run(news: dict[str, Any]) -> None:
        assert _check(kind, news) == []

    run()


@pytest.mark.parametrize("name", sorted(KINDS))
def test_each_bad_field_gets_its_own_failure(name: str) -> None:
    """Corrupt a random set of fields of valid inputs: the failures name exactly those."""
    kind = KINDS[name]

    @PROFILE
    @given(kind.valid, st.data())
    def run(news: dict[str, Any], data: st.DataObject) -> None:
        broken = data.draw(st.sets(st.sampled_from(sorted(kind.bad)), min_size=1))
        for field in broken:
            news[field] = data.draw(kind.bad[field], label=field)
        assert {_root(p) for p, _ in _check(kind, news)} == broken

    run()


@pytest.mark.parametrize("name", sorted(KINDS))
def test_unknown_property_is_named(name: str) -> None:
    kind = KINDS[name]

    @PROFILE
    @given(kind.valid, st.sampled_from(["colour", "Name", "clusterId", "gpu"]))
    def run(news: dict[str, Any], extra: str) -> None:
        news[extra] = "x"
        failures = _check(kind, news)
        assert [p for p, _ in failures] == [extra]
        assert "unknown property" in failures[0][1]

    run()


@pytest.mark.parametrize("name", sorted(KINDS))
def test_preview_unknowns_are_never_failures(name: str) -> None:
    """In preview, values computed from other resources are unknown: check() must pass them."""
    kind = KINDS[name]

    @PROFILE
    @given(kind.valid, st.data())
    def run(news: dict[str, Any], data: st.DataObject) -> None:
        for field in data.draw(st.sets(st.sampled_from(sorted(news)), min_size=1)):
            news[field] = UNKNOWN_SENTINEL
        assert _check(kind, news) == []

    run()


def test_every_registered_kind_is_covered() -> None:
    assert set(KINDS) == {k.name for k in REGISTRY}
    for name, kind in KINDS.items():
        # every input but those whose bad values depend on another input has a bad strategy
        interplay = {"subject_type", "subject_id", "role_id", "role_name"}
        inputs = set(kind_named(name).spec.input_keys) - interplay
        assert inputs <= set(kind.bad), (name, inputs - set(kind.bad))


def test_missing_required_fields_are_named() -> None:
    # what is required comes from the declarations; an access rule also needs one of the role
    # inputs, named as role_id
    for name, kind in KINDS.items():
        declared = kind_named(name)
        expected = {f.name for f in declared.fields if f.required}
        if name == "AccessRule":
            expected.add("role_id")
        assert {_root(p) for p, _ in _check(kind, {})} == expected, name

"""Quotas: validation, API mapping, normalisation of server defaults, exact round trip."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pulumi.output import Unknown
from pulumi_runai.models import quotas

POOLS = {"default": "11", "a100": "12"}


def resolve(name: str) -> str:
    return POOLS[name]


def reasons(value: object) -> dict[str, str]:
    return {f.property: f.reason for f in quotas.validate(value)}


def server_echo(body: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the emulator/API gives back: floats, server defaults, null cpu/memory."""

    def fill(q: dict[str, Any] | None, units: bool = False) -> dict[str, Any] | None:
        if q is None:
            return None
        out = {
            "deserved": q.get("deserved"),
            "limit": float(q.get("limit", -1)),
            "overQuotaWeight": float(q.get("overQuotaWeight", 2)),
        }
        if out["deserved"] is not None:
            out["deserved"] = float(out["deserved"])
        if units:
            out["units"] = q["units"]
        return out

    return [
        {
            "nodePool": item["nodePool"],
            "gpu": fill(item["gpu"]),
            "cpu": fill(item.get("cpu")),
            "memory": fill(item.get("memory"), units=True),
            "priority": None,
        }
        for item in body
    ]


def test_valid_quotas_pass() -> None:
    assert (
        quotas.validate(
            [
                {
                    "node_pool": "default",
                    "gpu": {"deserved": 2, "limit": -1, "over_quota_weight": 2},
                },
                {
                    "node_pool": "a100",
                    "cpu": {"deserved": 1000, "limit": 2000},
                    "memory": {"deserved": 10, "limit": 20, "units": "GB"},
                },
            ]
        )
        == []
    )


def test_each_bad_property_gets_its_own_failure() -> None:
    got = reasons(
        [
            {"node_pool": "default", "gpu": {"deserved": -1}, "gpus": 3},
            {"node_pool": "default", "gpu": {"deserved": 4, "limit": 2}},
            {"gpu": {"deserved": 1}, "memory": {"deserved": 1, "units": "TB"}},
        ]
    )
    assert "must not be negative" in got["resources[0].gpu.deserved"]
    assert "unknown property" in got["resources[0].gpus"]
    assert "appears twice" in got["resources[1].node_pool"]
    assert "exceeds resources[1].gpu.limit (2)" in got["resources[1].gpu.deserved"]
    assert "-1 for no limit" in got["resources[1].gpu.deserved"]
    assert "required" in got["resources[2].node_pool"]
    assert "Mib, MB, GB" in got["resources[2].memory.units"]


def test_limit_minus_one_is_unlimited_but_other_negatives_are_not() -> None:
    assert reasons([{"node_pool": "d", "gpu": {"deserved": 8, "limit": -1}}]) == {}
    got = reasons([{"node_pool": "d", "gpu": {"limit": -2}}])
    assert "use -1 for no limit" in got["resources[0].gpu.limit"]


def test_unknown_values_are_accepted_in_preview() -> None:
    assert quotas.validate([{"node_pool": Unknown(), "gpu": {"deserved": Unknown()}}]) == []
    assert quotas.validate(Unknown()) == []


def test_to_api_resolves_pool_names_and_fills_the_gpu_defaults() -> None:
    body = quotas.to_api([{"node_pool": "a100", "memory": {"deserved": 5}}], resolve)
    assert body == [
        {
            "nodePool": {"id": "12", "name": "a100"},
            "gpu": {"deserved": 0, "limit": -1},
            "memory": {"deserved": 5, "limit": -1, "units": "MB"},
        }
    ]


def test_from_api_gives_ints_for_integral_floats() -> None:
    [entry] = quotas.from_api(
        [
            {
                "nodePool": {"id": "11", "name": "default"},
                "gpu": {"deserved": 2.0, "limit": -1.0, "overQuotaWeight": 2.0},
                "cpu": {"deserved": 0.5, "limit": None, "overQuotaWeight": 1.0},
                "memory": None,
            }
        ]
    )
    assert entry == {
        "node_pool": "default",
        "gpu": {"deserved": 2, "limit": -1, "over_quota_weight": 2},
        "cpu": {"deserved": 0.5, "limit": -1, "over_quota_weight": 1},
        "memory": None,
        "rank": None,
    }
    assert type(entry["gpu"]["deserved"]) is int


def test_no_op_after_server_fills_defaults() -> None:
    desired = [{"node_pool": "default", "gpu": {"deserved": 2.0}}]
    live = quotas.from_api(server_echo(quotas.to_api(desired, resolve)))
    assert live[0]["gpu"]["over_quota_weight"] == 2
    assert not quotas.differs(live, desired)


def test_fields_the_program_sets_are_compared() -> None:
    live = quotas.from_api(
        server_echo(
            quotas.to_api(
                [{"node_pool": "default", "gpu": {"deserved": 2, "over_quota_weight": 3}}], resolve
            )
        )
    )
    assert quotas.differs(live, [{"node_pool": "default", "gpu": {"deserved": 3}}])
    assert quotas.differs(
        live, [{"node_pool": "default", "gpu": {"deserved": 2, "over_quota_weight": 1}}]
    )
    assert quotas.differs(live, [{"node_pool": "default", "gpu": {"deserved": 2, "limit": 4}}])
    assert quotas.differs(
        live, [{"node_pool": "default", "gpu": {"deserved": 2}, "cpu": {"deserved": 100}}]
    )


def test_pools_the_program_omits_matter_only_if_they_grant_quota() -> None:
    live = quotas.from_api(
        server_echo(
            quotas.to_api(
                [
                    {"node_pool": "default", "gpu": {"deserved": 2}},
                    {"node_pool": "a100", "gpu": {"deserved": 0}},
                ],
                resolve,
            )
        )
    )
    assert not quotas.differs(live, [{"node_pool": "default", "gpu": {"deserved": 2}}])
    live[1]["gpu"]["deserved"] = 4
    assert quotas.differs(live, [{"node_pool": "default", "gpu": {"deserved": 2}}])
    update = quotas.for_update([{"node_pool": "default", "gpu": {"deserved": 2}}], live)
    assert {"node_pool": "a100", "gpu": {"deserved": 0}} in update


def test_update_keeps_what_the_program_leaves_to_the_server() -> None:
    live = [
        {
            "node_pool": "default",
            "gpu": {"deserved": 1, "limit": -1, "over_quota_weight": 3},
            "cpu": {"deserved": 500, "limit": -1, "over_quota_weight": 2},
            "memory": None,
        }
    ]
    [entry] = quotas.for_update([{"node_pool": "default", "gpu": {"deserved": 2}}], live)
    assert entry["gpu"] == {"deserved": 2, "over_quota_weight": 3}
    assert entry["cpu"]["deserved"] == 500


def test_refresh_inputs_take_the_programs_shape() -> None:
    live = [
        {
            "node_pool": "default",
            "gpu": {"deserved": 5, "limit": -1, "over_quota_weight": 2},
            "cpu": None,
            "memory": None,
        },
        {
            "node_pool": "a100",
            "gpu": {"deserved": 1, "limit": -1, "over_quota_weight": 2},
            "cpu": None,
            "memory": None,
        },
    ]
    shape = [{"node_pool": "default", "gpu": {"deserved": 2}}]
    assert quotas.to_inputs(live, shape) == [
        {"node_pool": "default", "gpu": {"deserved": 5}},
        {"node_pool": "a100", "gpu": {"deserved": 1, "limit": -1, "over_quota_weight": 2}},
    ]


amounts = st.one_of(st.integers(0, 10_000), st.sampled_from([0.5, 1.25, 2.75]))


@st.composite
def quota_lists(draw: st.DrawFn) -> list[dict[str, Any]]:
    entries = []
    for pool in draw(st.lists(st.sampled_from(list(POOLS)), unique=True, max_size=2)):
        deserved = draw(amounts)
        limit = draw(st.one_of(st.just(-1), st.integers(0, 20_000)))
        limit = limit if limit == -1 else limit + deserved
        entry: dict[str, Any] = {
            "node_pool": pool,
            "gpu": {
                "deserved": deserved,
                "limit": limit,
                "over_quota_weight": draw(st.integers(0, 5)),
            },
        }
        if draw(st.booleans()):
            entry["memory"] = {
                "deserved": draw(amounts),
                "units": draw(st.sampled_from(quotas.MEMORY_UNITS)),
            }
        entries.append(entry)
    return entries


def as_host_floats(value: Any) -> Any:
    """What the Pulumi host does to every number."""
    if isinstance(value, dict):
        return {k: as_host_floats(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_host_floats(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


# deadline=None: examples take ~1 ms; the default 200 ms deadline only measures
# how loaded the CI machine is (one stall fails the test as Flaky).
@settings(deadline=None)
@given(quota_lists())
def test_quotas_round_trip_exactly(entries: list[dict[str, Any]]) -> None:
    assert quotas.validate(entries) == []
    sent = as_host_floats(entries)
    live = quotas.from_api(server_echo(quotas.to_api(sent, resolve)))
    assert not quotas.differs(live, sent)
    by_pool = {e["node_pool"]: e for e in live}
    for entry in entries:
        assert by_pool[entry["node_pool"]]["gpu"] == entry["gpu"]
        for key, value in entry["gpu"].items():
            assert type(by_pool[entry["node_pool"]]["gpu"][key]) is type(value)

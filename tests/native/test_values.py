"""The plugin's value conversions: plain <-> PropertyValue in one walk with renaming, secrets
kept, and PropertyValues assembled exactly as the SDK's constructor makes them (or built by
that constructor when an SDK stores them differently)."""

from __future__ import annotations

import dataclasses
from types import MappingProxyType
from typing import Any

import pytest
from pulumi.provider.experimental.property_value import PropertyValue
from pulumi_runai.models.validation import UNKNOWN_SENTINEL
from pulumi_runai.native import names, values

PROJECT: dict[str, Any] = {
    "name": "team-a", "cluster_id": "c-1", "department_id": "7", "adopt": False,
    "description": None, "resources": [
        {"node_pool": "default", "gpu": {"deserved": 2, "over_quota_weight": 2}},
        {"node_pool": "a100", "gpu": {"deserved": 0.5}},
    ],
}


def test_a_round_trip_renames_every_depth_and_gives_back_the_plain_values() -> None:
    props = values.property_map(PROJECT, {"departmentId"}, names.to_camel)
    assert set(props) == {"name", "clusterId", "departmentId", "adopt", "description",
                          "resources"}
    as_sent = values.plain_map(props)  # the names the engine sees, at every depth
    assert as_sent["resources"][1] == {"nodePool": "a100", "gpu": {"deserved": 0.5}}
    assert as_sent["resources"][0]["gpu"] == {"deserved": 2.0, "overQuotaWeight": 2.0}
    assert values.secret_keys(props) == {"departmentId"}
    back = values.plain_map(props, names.to_snake)
    assert back == PROJECT
    assert type(back["resources"][0]["gpu"]["deserved"]) is float  # the engine has no ints


def test_assembled_values_equal_and_marshal_like_the_sdks_own() -> None:
    def by_constructor(value: Any, secret: bool = False) -> PropertyValue:
        if isinstance(value, dict):
            return PropertyValue({k: by_constructor(v) for k, v in value.items()}, secret)
        if isinstance(value, list):
            return PropertyValue([by_constructor(v) for v in value], secret)
        return PropertyValue(float(value) if type(value) is int else value, secret)

    assert values.assembly_matches_sdk()
    fast = values.property_map(PROJECT, {"name"})
    slow = {k: by_constructor(v, k == "name") for k, v in PROJECT.items()}
    assert fast == slow
    assert PropertyValue.marshal_map(fast) == PropertyValue.marshal_map(slow)
    assert PropertyValue.unmarshal_map(PropertyValue.marshal_map(fast)) == fast


def test_an_sdk_that_stores_values_differently_gets_its_own_constructor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    @dataclasses.dataclass(frozen=True)
    class Tagged:  # a PropertyValue that gained a field its constructor fills in
        is_secret: bool = False
        dependencies: frozenset[str] = frozenset()
        value: Any = None
        origin: str = "sdk"

        def __init__(self, value: Any, is_secret: bool = False) -> None:
            stored = (MappingProxyType(value) if isinstance(value, dict)
                      else tuple(value) if isinstance(value, list) else value)
            object.__setattr__(self, "value", stored)
            object.__setattr__(self, "is_secret", is_secret)
            object.__setattr__(self, "dependencies", frozenset())
            object.__setattr__(self, "origin", "sdk")

    monkeypatch.setattr(values, "PropertyValue", Tagged)
    assert not values.assembly_matches_sdk()


def test_unknowns_secrets_and_refusals() -> None:
    secret = PropertyValue({"inner": PropertyValue("s", is_secret=True)})
    assert values.secret_keys({"plain": PropertyValue("x"), "nested": secret}) == {"nested"}
    computed = PropertyValue.computed()
    assert values.plain_map({"id": computed}) == {"id": UNKNOWN_SENTINEL}
    assert values.plain(values.unknown()) == UNKNOWN_SENTINEL
    with pytest.raises(TypeError, match="cannot send a set to the engine"):
        values.to_property({1, 2})

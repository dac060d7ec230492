"""The SDK's dynamic-provider serializer nests one pickler wrapper per call and never restores
it (pulumi 3.216-3.272): around the 970th dynamic resource of one program it raised
RecursionError. `pulumi_runai.resources` installs a serializer that restores the pickler."""

from __future__ import annotations

import pickle
from typing import Any

import pulumi.dynamic.dynamic as sdk_dynamic
from pulumi.dynamic import ResourceProvider
from pulumi_runai.resources import DepartmentProvider


class Plain(ResourceProvider):
    """Another program's dynamic provider: it shares the serializer and must not break."""


def test_serializing_thousands_of_providers_leaves_the_pickler_as_it_was() -> None:
    pickler: Any = pickle._Pickler
    before = (pickler._batch_setitems, pickler.save_dict)
    for _ in range(2000):
        sdk_dynamic.serialize_provider(Plain())
        sdk_dynamic.serialize_provider(DepartmentProvider())
    assert (pickler._batch_setitems, pickler.save_dict) == before


def test_our_stateless_providers_serialize_the_same_every_time() -> None:
    first = sdk_dynamic.serialize_provider(DepartmentProvider())
    assert sdk_dynamic.serialize_provider(DepartmentProvider()) == first

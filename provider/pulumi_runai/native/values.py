"""Engine values (`PropertyValue`) to plain Python and back, keeping secrets and unknowns.

Why: the lifecycle works on plain dicts, the experimental SDK on immutable `PropertyValue`s.
Secrets arrive wrapped and leave wrapped only if the provider marks them again (the plugin
answers `acceptSecrets`, so the engine does not re-mark outputs): secretness is tracked per
top-level property and re-applied to every answer. Unknowns travel as the wire sentinel, which
the lifecycle already recognises. Two SDK traps are handled here: `PropertyValue.computed()`
cannot be marshalled (the sentinel string is sent instead) and ints are rejected (floats).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from types import MappingProxyType
from typing import Any

from pulumi.provider.experimental.property_value import Computed, PropertyValue

from pulumi_runai.models.validation import UNKNOWN_SENTINEL

Props = dict[str, PropertyValue]


def plain(value: PropertyValue) -> Any:
    """The Python value inside, secrets unwrapped, unknowns as the wire sentinel."""
    inner: Any = value.value
    kind = type(inner)  # exact types: PropertyValue stores MappingProxyType and tuple; an
    if kind is MappingProxyType:  # isinstance check against the ABCs costs more than the rest
        return {k: plain(v) for k, v in inner.items()}
    if kind is tuple:
        return [plain(v) for v in inner]
    if kind is Computed:
        return UNKNOWN_SENTINEL
    return inner


def plain_map(props: Mapping[str, PropertyValue]) -> dict[str, Any]:
    return {k: plain(v) for k, v in props.items()}


def secret_keys(props: Mapping[str, PropertyValue]) -> set[str]:
    """Top-level properties that hold a secret anywhere inside."""
    return {k for k, v in props.items() if v.contains_secret()}


def to_property(value: Any, secret: bool = False) -> PropertyValue:
    """A plain value as a `PropertyValue` (ints as floats), marked secret if asked."""
    kind = type(value)
    if kind is dict:
        result = PropertyValue({str(k): to_property(v) for k, v in value.items()})
    elif kind is list or kind is tuple:
        result = PropertyValue([to_property(v) for v in value])
    elif kind is int:
        result = PropertyValue(float(value))
    elif value is None or kind in (bool, float, str):
        result = PropertyValue(value)
    else:
        raise TypeError(f"cannot send a {kind.__name__} to the engine: {value!r}")
    return result.with_secret(True) if secret else result


def property_map(values: Mapping[str, Any], secrets: Collection[str] = ()) -> Props:
    """Plain values as engine properties; the keys in `secrets` are sent as secrets."""
    return {k: to_property(v, k in secrets) for k, v in values.items()}


def unknown() -> PropertyValue:
    """A value the engine shows as "known after apply" (see the module note)."""
    return PropertyValue(UNKNOWN_SENTINEL)

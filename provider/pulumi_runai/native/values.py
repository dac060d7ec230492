"""Engine values (`PropertyValue`) to plain Python and back, keeping secrets and unknowns.

Why: the lifecycle works on plain dicts, the experimental SDK on immutable `PropertyValue`s.
Secrets arrive wrapped and leave wrapped only if the provider marks them again (the plugin
answers `acceptSecrets`, so the engine does not re-mark outputs): secretness is tracked per
top-level property and re-applied to every answer. Unknowns travel as the wire sentinel, which
the lifecycle already recognises. Two SDK traps are handled here: `PropertyValue.computed()`
cannot be marshalled (the sentinel string is sent instead) and ints are rejected (floats).

Every conversion takes an optional `rename` for dict keys at any depth, so that unwrapping and
renaming (`names.to_snake`, `names.to_camel`) is one walk, not two: the plugin converts every
property of every call both ways, which is most of its own CPU.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from types import MappingProxyType
from typing import Any

from pulumi.provider.experimental.property_value import Computed, PropertyValue

from pulumi_runai.models.validation import UNKNOWN_SENTINEL

Props = dict[str, PropertyValue]
Rename = Callable[[str], str]


def _same(name: str) -> str:
    return name


def plain(value: PropertyValue, rename: Rename = _same) -> Any:
    """The Python value inside, secrets unwrapped, unknowns as the wire sentinel."""
    inner: Any = value.value
    kind = type(inner)  # exact types: PropertyValue stores MappingProxyType and tuple; an
    if kind is MappingProxyType:  # isinstance check against the ABCs costs more than the rest
        return {rename(k): plain(v, rename) for k, v in inner.items()}
    if kind is tuple:
        return [plain(v, rename) for v in inner]
    if kind is Computed:
        return UNKNOWN_SENTINEL
    return inner


def plain_map(props: Mapping[str, PropertyValue], rename: Rename = _same) -> dict[str, Any]:
    """Engine properties as a plain dict, keys at every depth passed through `rename`."""
    return {rename(k): plain(v, rename) for k, v in props.items()}


def _holds_secret(value: PropertyValue) -> bool:
    if value.is_secret:
        return True
    inner: Any = value.value
    kind = type(inner)
    if kind is MappingProxyType:
        return any(_holds_secret(v) for v in inner.values())
    if kind is tuple:
        return any(_holds_secret(v) for v in inner)
    return False


def secret_keys(props: Mapping[str, PropertyValue]) -> set[str]:
    """Top-level properties that hold a secret anywhere inside."""
    return {k for k, v in props.items() if _holds_secret(v)}


# ---- building PropertyValues ------------------------------------------------------------------

_NO_DEPENDENCIES: frozenset[str] = frozenset()


def _assembled(inner: Any, secret: bool) -> PropertyValue:
    """A PropertyValue holding `inner` (already in the stored form: a mapping as a
    MappingProxyType of PropertyValues, a sequence as a tuple) without the constructor's
    checks, which test every value against half a dozen ABCs (most of what this module cost
    before)."""
    made = object.__new__(PropertyValue)
    object.__setattr__(made, "value", inner)
    object.__setattr__(made, "is_secret", secret)
    object.__setattr__(made, "dependencies", _NO_DEPENDENCIES)
    return made


def _constructed(inner: Any, secret: bool) -> PropertyValue:
    """The SDK's own constructor: the fallback when `_assembled` is not equivalent."""
    return PropertyValue(inner, secret)


def assembly_matches_sdk() -> bool:
    """Whether `_assembled` builds exactly what the installed SDK's constructor builds (same
    fields, same stored forms), checked on one value of every kind this module sends."""
    leaf = PropertyValue("x")
    samples: list[tuple[Any, Any]] = [
        (None, None), (True, True), (1.5, 1.5), ("x", "x"),
        ({"k": leaf}, MappingProxyType({"k": leaf})), ([leaf], (leaf,)),
    ]
    try:
        for given, stored in samples:
            for secret in (False, True):
                built, expected = _assembled(stored, secret), PropertyValue(given, secret)
                if built != expected or type(expected.value) is not type(built.value):
                    return False
                if vars(built).keys() != vars(expected).keys():
                    return False
    except (AttributeError, TypeError):  # a field the assembly does not set, or a new shape
        return False
    return True


_build: Callable[[Any, bool], PropertyValue] = (
    _assembled if assembly_matches_sdk() else _constructed
)


def to_property(value: Any, secret: bool = False, rename: Rename = _same) -> PropertyValue:
    """A plain value as a `PropertyValue` (ints as floats), marked secret if asked; dict keys
    at every depth passed through `rename`."""
    kind = type(value)
    inner: Any
    if kind is dict:
        inner = MappingProxyType({rename(str(k)): to_property(v, False, rename)
                                  for k, v in value.items()})
    elif kind is list or kind is tuple:
        inner = tuple(to_property(v, False, rename) for v in value)
    elif kind is int:
        inner = float(value)
    elif value is None or kind in (bool, float, str):
        inner = value
    else:
        raise TypeError(f"cannot send a {kind.__name__} to the engine: {value!r}")
    return _build(inner, secret)


def property_map(values: Mapping[str, Any], secrets: Collection[str] = (),
                 rename: Rename = _same) -> Props:
    """Plain values as engine properties, keys passed through `rename`; the (renamed) keys in
    `secrets` are sent as secrets."""
    result: Props = {}
    for key, value in values.items():
        name = rename(key)
        result[name] = to_property(value, name in secrets, rename)
    return result


def unknown() -> PropertyValue:
    """A value the engine shows as "known after apply" (see the module note)."""
    return PropertyValue(UNKNOWN_SENTINEL)

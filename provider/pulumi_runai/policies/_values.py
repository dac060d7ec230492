"""Turn the engine's property bags into plain values a policy can reason about.

During preview the engine hands policies proxies that raise ``UnknownValueError`` on any unknown
value. Letting that escape would skip the whole policy with a generic advisory; converting once to
plain data with an explicit ``UNKNOWN`` marker lets each check skip only what it cannot know.
"""

from collections.abc import Mapping, Sequence
from typing import Any, Final

from pulumi_policy import proxy
from pulumi_policy.proxy import UnknownValueError

from ..models.validation import PROVIDER_KEY, is_number


class _Unknown:
    """A value the engine will only know after the deployment (preview)."""

    _instance: "_Unknown | None" = None

    def __new__(cls) -> "_Unknown":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "<unknown>"


UNKNOWN: Final = _Unknown()

_SECRET_PROVIDER_KEY: Final = PROVIDER_KEY

# The engine's sentinels for unknown values, as pulumi_policy's proxy recognises them.
_SENTINELS: Final = frozenset(
    {
        proxy.UNKNOWN_BOOLEAN_VALUE,
        proxy.UNKNOWN_NUMBER_VALUE,
        proxy.UNKNOWN_STRING_VALUE,
        proxy.UNKNOWN_ARRAY_VALUE,
        proxy.UNKNOWN_ASSET_VALUE,
        proxy.UNKNOWN_ARCHIVE_VALUE,
        proxy.UNKNOWN_OBJECT_VALUE,
    }
)


def is_unknown(value: object) -> bool:
    """True for the marker and for raw sentinels (tests may pass unproxied bags)."""
    return value is UNKNOWN or (isinstance(value, str) and value in _SENTINELS)


def plain(value: Any) -> Any:
    """Deep-copy proxies to dicts/lists, replacing unknowns with ``UNKNOWN``."""
    if isinstance(value, str | bytes):
        return UNKNOWN if value in _SENTINELS else value
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key in value:
            try:
                out[str(key)] = plain(value[key])
            except UnknownValueError:
                out[str(key)] = UNKNOWN
        return out
    if isinstance(value, Sequence):
        items: list[Any] = []
        for index in range(len(value)):
            try:
                items.append(plain(value[index]))
            except UnknownValueError:
                items.append(UNKNOWN)
        return items
    return value


def props_of(bag: Mapping[str, Any]) -> dict[str, Any]:
    """The resource's own properties: plain, without the pickled ``__provider``."""
    return {k: v for k, v in plain(bag).items() if k != _SECRET_PROVIDER_KEY}


def number(value: Any) -> float | None:
    """A quota number, or None when absent, unknown or not numeric (as the provider decides)."""
    return float(value) if is_number(value) else None


def fmt(value: float) -> str:
    """Numbers arrive as floats (``4.0``); people read ``4``."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def label(props: Mapping[str, Any], fallback: str) -> str:
    """How a message names a resource: its Run:ai name, else the Pulumi resource name."""
    name = props.get("name")
    return name if isinstance(name, str) and name else fallback

"""Typed reads from the raw (YAML or dict) description that record problems instead of raising.

Every reader returns None when the value is missing or wrong, so parsing carries on and the
user gets all mistakes in one report.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from .problems import PathPart, Problems, did_you_mean

__all__ = [
    "Path",
    "boolean",
    "check_keys",
    "describe",
    "integer",
    "items",
    "mapping",
    "number",
    "text",
]

Path = tuple[PathPart, ...]


def describe(value: object) -> str:
    """Name a YAML value's kind the way a YAML author thinks of it."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"a string ({value!r})"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, Sequence):
        return "a list"
    return type(value).__name__


def mapping(p: Problems, value: object, path: Path, example: str) -> Mapping[str, Any] | None:
    if isinstance(value, Mapping) and all(isinstance(k, str) for k in value):
        return value
    p.add(
        path, f"expected a mapping, got {describe(value)}", f"write it as a mapping, e.g. {example}"
    )
    return None


def check_keys(
    p: Problems,
    node: Mapping[str, Any],
    path: Path,
    allowed: Collection[str],
    required: Collection[str] = (),
) -> None:
    for key in node:
        if key not in allowed:
            p.add(
                (*path, key),
                f"unknown key {key!r}{did_you_mean(key, allowed)}",
                f"remove it or use one of: {', '.join(sorted(allowed))}",
            )
    for key in required:
        if key not in node:
            p.add((*path, key), f"{key!r} is required", f"add `{key}: ...` here")


def items(p: Problems, node: Mapping[str, Any], key: str, path: Path) -> list[Any]:
    """A list under `key`; absent or null means empty."""
    value = node.get(key)
    if value is None:
        return []
    if isinstance(value, list):
        return value
    p.add(
        (*path, key),
        f"expected a list, got {describe(value)}",
        f"write `{key}:` as a YAML list (`- ...` lines)",
    )
    return []


def text(
    p: Problems,
    node: Mapping[str, Any],
    key: str,
    path: Path,
    *,
    pattern: re.Pattern[str] | None = None,
    rule: str = "",
    what: str = "value",
) -> str | None:
    """A non-empty string; with `pattern`, `rule` explains the format in the fix."""
    if key not in node or node[key] is None:
        return None
    value = node[key]
    if not isinstance(value, str) or not value.strip():
        p.add(
            (*path, key),
            f"expected a non-empty string, got {describe(value)}",
            f"set `{key}` to text",
        )
        return None
    if pattern is not None and not pattern.fullmatch(value):
        p.add((*path, key), f"{value!r} is not a valid {what}", rule)
        return None
    return value


def boolean(p: Problems, node: Mapping[str, Any], key: str, path: Path) -> bool | None:
    value = node.get(key)
    if value is None or isinstance(value, bool):
        return value
    p.add(
        (*path, key),
        f"expected true or false, got {describe(value)}",
        f"write `{key}: true` or `{key}: false`",
    )
    return None


def number(
    p: Problems, node: Mapping[str, Any], key: str, path: Path, *, unlimited: bool = False
) -> int | float | None:
    """A finite number >= 0 (or -1 when `unlimited`); integral floats become ints."""
    value = node.get(key)
    if value is None:
        return None
    allowed = "a number >= 0" + (" or -1 for unlimited" if unlimited else "")
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        p.add(
            (*path, key), f"expected {allowed}, got {describe(value)}", f"set `{key}` to {allowed}"
        )
        return None
    if value < 0 and not (unlimited and value == -1):
        p.add((*path, key), f"{value} is negative", f"set `{key}` to {allowed}")
        return None
    return int(value) if float(value).is_integer() else value


def integer(p: Problems, node: Mapping[str, Any], key: str, path: Path) -> int | None:
    value = number(p, node, key, path)
    if value is None or isinstance(value, int):
        return value
    p.add(
        (*path, key),
        f"{value} is not a whole number",
        f"set `{key}` to a whole number such as {round(value)}",
    )
    return None

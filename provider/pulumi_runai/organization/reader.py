"""Typed reads from the raw (YAML or dict) description that record problems instead of raising.

Every reader returns None when the value is missing or wrong, so parsing carries on and the
user gets all mistakes in one report. A key that is present but empty (null, or blank text) is
a problem, never "absent": taking `name:` left empty for "no department" once made an `up`
delete the department. Only lists (`projects:`) may be empty: that declares none.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from ..models.units import UNLIMITED
from .problems import PathPart, Problems, did_you_mean

__all__ = [
    "Path",
    "boolean",
    "check_keys",
    "describe",
    "given",
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


def is_empty(value: object) -> bool:
    """Null or blank text: what YAML gives for `key:` with nothing after it."""
    return value is None or (isinstance(value, str) and not value.strip())


def given(
    p: Problems, node: Mapping[str, Any], key: str, path: Path, *, required: bool = False
) -> Any:
    """The value under `key`, or None when it is absent or empty (an empty one is a problem).

    A missing required key is `check_keys`'s to report; this one reports a present, empty one.
    """
    if key not in node:
        return None
    value = node[key]
    if not is_empty(value):
        return value
    if required:
        p.add(
            (*path, key),
            "required, got an empty value",
            f"give `{key}` a value; to remove the entry, delete the whole entry",
        )
    else:
        p.add(
            (*path, key),
            "got an empty value",
            f"give `{key}` a value, or remove the key to leave it unset",
        )
    return None


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
    valid: Callable[[str], bool] | None = None,
    rule: str = "",
    what: str = "value",
    required: bool = False,
) -> str | None:
    """A non-empty string; with `valid`, `rule` explains the format in the fix."""
    value = given(p, node, key, path, required=required)
    if value is None:
        return None
    if not isinstance(value, str):
        p.add((*path, key), f"expected text, got {describe(value)}", f"set `{key}` to text")
        return None
    if valid is not None and not valid(value):
        p.add((*path, key), f"{value!r} is not a valid {what}", rule)
        return None
    return value


def boolean(p: Problems, node: Mapping[str, Any], key: str, path: Path) -> bool | None:
    value = given(p, node, key, path)
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
    """A finite number >= 0 (or UNLIMITED when `unlimited`); integral floats become ints."""
    value = given(p, node, key, path)
    if value is None:
        return None
    allowed = "a number >= 0" + (f" or {UNLIMITED} for unlimited" if unlimited else "")
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        p.add(
            (*path, key), f"expected {allowed}, got {describe(value)}", f"set `{key}` to {allowed}"
        )
        return None
    if value < 0 and not (unlimited and value == UNLIMITED):
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

"""Resource options the engine applies around a step: ignore_changes, protect, retain_on_delete.

Why here and not in the provider: the engine handles them before and after calling the host,
so a test of a program that sets them should see what ``pulumi up`` would do: ignored inputs
keep their old values before Check, a protected resource is never deleted or replaced, a
retained one leaves state without a Delete call.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from ._wire import Props

_SEGMENT = re.compile(r"""\[(\d+)\]|\["([^"]*)"\]|([^.\[\]]+)""")


class PathError(ValueError):
    """An ignore_changes entry that is not a property path."""


def parse_path(path: str) -> list[str | int]:
    """``a``, ``a.b``, ``a[0].b``, ``a["x.y"]`` -> keys and list indexes."""
    parts: list[str | int] = []
    pos = 0
    while pos < len(path):
        if path[pos] == "." and parts:
            pos += 1
        match = _SEGMENT.match(path, pos)
        if match is None or match.end() == pos:
            raise PathError(f"ignore_changes entry {path!r} is not a property path such as "
                            "'description' or 'resources[0].gpu'")
        index, quoted, name = match.groups()
        parts.append(int(index) if index is not None else (quoted if quoted is not None
                                                             else name))
        pos = match.end()
    if not parts:
        raise PathError("an ignore_changes entry is empty")
    return parts


def _get(value: Any, parts: list[str | int]) -> tuple[bool, Any]:
    for part in parts:
        in_list = isinstance(part, int) and isinstance(value, list) and 0 <= part < len(value)
        in_dict = isinstance(part, str) and isinstance(value, dict) and part in value
        if not (in_list or in_dict):
            return False, None
        value = value[part]
    return True, value


def _set(root: Props, parts: list[str | int], found: bool, value: Any) -> None:
    container: Any = root
    for part in parts[:-1]:
        ok, container = _get(container, [part])
        if not ok:
            return  # the new inputs have no such place: nothing to keep or drop
    last = parts[-1]
    if isinstance(last, int) and isinstance(container, list) and 0 <= last < len(container):
        if found:
            container[last] = value
    elif isinstance(last, str) and isinstance(container, dict):
        if found:
            container[last] = value
        else:
            container.pop(last, None)


def apply_ignore_changes(olds: Props, news: Props, paths: tuple[str, ...]) -> Props:
    """The engine's rule: each path takes its old value, or is dropped if it had none."""
    if not paths:
        return news
    result = copy.deepcopy(news)
    for path in paths:
        parts = parse_path(path)
        found, value = _get(olds, parts)
        _set(result, parts, found, copy.deepcopy(value))
    return result


def protected_message(urn: str, action: str) -> str:
    return (f"{urn}: unable to {action} a resource marked protect=True; remove the protect "
            "option in the program and run up first (the engine refuses the same way)")

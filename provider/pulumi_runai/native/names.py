"""Property names between the native provider (camelCase) and the lifecycle (snake_case).

Why one module: the native schema, SDK and every engine call use the dynamic provider's names
in camelCase (`cluster_id` -> `clusterId`, nested `resources[].node_pool` -> `nodePool`), while
the lifecycle speaks snake_case. The rule is purely mechanical, applied to every key at every
depth (no field of any kind holds user-chosen keys), so it is stated here once, both ways.
Keys starting with `_` are hidden bookkeeping (`__adoption`) and pass unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

_UPPER = re.compile(r"[A-Z]")
_PATH_PART = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@cache  # a few dozen distinct names, converted on every call
def to_camel(name: str) -> str:
    """`over_quota_weight` -> `overQuotaWeight`."""
    if name.startswith("_") or "_" not in name:
        return name
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


@cache
def to_snake(name: str) -> str:
    """`overQuotaWeight` -> `over_quota_weight`."""
    if name.startswith("_"):
        return name
    return _UPPER.sub(lambda m: "_" + m.group(0).lower(), name)


def _rename(value: Any, rename: Any) -> Any:
    if isinstance(value, dict):
        return {rename(k): _rename(v, rename) for k, v in value.items()}
    if isinstance(value, list):
        return [_rename(v, rename) for v in value]
    return value


def to_native(value: Any) -> Any:
    """A lifecycle value (dict keys at any depth in snake_case) in the native names."""
    return _rename(value, to_camel)


def to_lifecycle(value: Any) -> Any:
    """A native value (camelCase keys at any depth) in the lifecycle's names."""
    return _rename(value, to_snake)


def native_path(path: str) -> str:
    """A failure's property path: `resources[0].node_pool` -> `resources[0].nodePool`."""
    return _PATH_PART.sub(lambda m: to_camel(m.group(0)), path)


def native_text(text: str, names: Iterable[str]) -> str:
    """A message with each of the given snake_case property `names` in camelCase (values and
    other words are left alone, so an e-mail such as `kim_lee@x.io` stays as written)."""
    wanted = sorted({n for n in names if "_" in n and not n.startswith("_")}, key=len,
                    reverse=True)
    if not wanted:
        return text
    pattern = re.compile(r"(?<![\w@-])(" + "|".join(map(re.escape, wanted)) + r")(?![\w@-])")
    return pattern.sub(lambda m: to_camel(m.group(1)), text)

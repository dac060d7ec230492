"""Per-node-pool quotas (`resources`) of departments and projects.

Comparison rules (what `differs` implements, so that a no-op `up` stays a no-op):
* Only node pools named in the program are compared. A pool the program does not name is
  "unmanaged" unless the live object gives it a non-zero `deserved` (then it shows as a change
  and the update sends it back to zero).
* `gpu` is always managed: omitted means `{"deserved": 0}`; `deserved` None means 0.
* `cpu` / `memory` omitted (or None) are left to the server (the tenant may have CPU quotas
  off, and then the API answers null); when given, `deserved` is compared as given.
* `limit` None means -1 (no limit); `over_quota_weight` and `rank` None are left to the
  server (an update sends them back as they are, never a default); `memory.units` None means
  "MB".
* Numbers compare by value (the host sends floats); outputs hold ints where integral.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Required, TypedDict

from pulumi_runai.models.units import (
    DEFAULT_GPU_DESERVED,
    DEFAULT_LIMIT,
    DEFAULT_MEMORY_UNITS,
    MEMORY_UNITS,
    UNLIMITED,
)
from pulumi_runai.models.validation import (
    Failure,
    as_int_if_integral,
    check_enum,
    contains_unknown,
    is_number,
    is_unknown,
    unknown_keys,
)

KINDS = ("gpu", "cpu", "memory")
RANKS = ("VeryLow", "Low", "MediumLow", "Medium", "MediumHigh", "High", "VeryHigh")
"""Quota entry ranks (2.24+; higher ranks are scheduled first). The docs name `High`, `Medium`
and the default `MediumLow`; the rest of the ladder is the emulator's reading."""
DEFAULT_RANK = "MediumLow"
"""The rank of an entry sent without one ("Defaults to MediumLow", Run:ai 2.24 docs)."""
ENTRY_KEYS = frozenset({"node_pool", "rank", *KINDS})
_QUOTA_KEYS = frozenset({"deserved", "limit", "over_quota_weight"})
_MEMORY_KEYS = _QUOTA_KEYS | {"units"}
_API_NAMES = {
    "deserved": "deserved",
    "limit": "limit",
    "over_quota_weight": "overQuotaWeight",
    "units": "units",
}


class ResourceQuota(TypedDict, total=False):
    """Quota of one resource in one node pool; `limit` -1 means no limit."""

    deserved: float | None
    limit: float | None
    over_quota_weight: float | None


class MemoryQuota(ResourceQuota, total=False):
    """Memory quota; `units` is one of "Mib", "MB", "GB"."""

    units: str


class NodePoolQuota(TypedDict, total=False):
    """One `resources` entry: quotas of a department or project in one node pool (by name)."""

    node_pool: Required[str]
    gpu: ResourceQuota
    cpu: ResourceQuota | None
    memory: MemoryQuota | None
    rank: str | None


Entry = dict[str, Any]
PoolResolver = Callable[[str], str]


# ---- validation ------------------------------------------------------------------------------


def validate(value: object, prop: str = "resources") -> list[Failure]:
    """All problems of a `resources` list; unknown values (preview) are skipped."""
    if value is None or is_unknown(value):
        return []
    if not isinstance(value, list | tuple):
        return [
            Failure(
                prop,
                f"{prop} must be a list of node-pool quotas like "
                '[{"node_pool": "default", "gpu": {"deserved": 1}}]',
            )
        ]
    failures: list[Failure] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(value):
        path = f"{prop}[{index}]"
        if is_unknown(entry):
            continue
        if not isinstance(entry, Mapping):
            failures.append(
                Failure(path, f"{path} must be a mapping with node_pool and gpu/cpu/memory")
            )
            continue
        failures += unknown_keys(entry, ENTRY_KEYS, prefix=f"{path}.")
        pool = entry.get("node_pool")
        if pool is None or pool == "":
            failures.append(
                Failure(
                    f"{path}.node_pool",
                    f"{path}.node_pool is required (a node pool name such as 'default')",
                )
            )
        elif not is_unknown(pool) and not isinstance(pool, str):
            failures.append(
                Failure(f"{path}.node_pool", f"{path}.node_pool must be a node pool name")
            )
        elif isinstance(pool, str):
            if pool in seen:
                failures.append(
                    Failure(
                        f"{path}.node_pool",
                        f"node pool '{pool}' appears twice in "
                        f"{prop} (entries {seen[pool]} and {index}); merge them",
                    )
                )
            seen.setdefault(pool, index)
        for kind in KINDS:
            failures += _validate_quota(f"{path}.{kind}", entry.get(kind), kind == "memory")
        failures += check_enum(f"{path}.rank", entry.get("rank"), RANKS, required=False)
    return failures


def _validate_quota(path: str, quota: object, memory: bool) -> list[Failure]:
    if quota is None or is_unknown(quota):
        return []
    if not isinstance(quota, Mapping):
        return [Failure(path, f"{path} must be a mapping with deserved/limit/over_quota_weight")]
    failures = unknown_keys(quota, _MEMORY_KEYS if memory else _QUOTA_KEYS, prefix=f"{path}.")
    for key in ("deserved", "limit", "over_quota_weight"):
        value = quota.get(key)
        if value is None or is_unknown(value):
            continue
        if not is_number(value):
            failures.append(Failure(f"{path}.{key}", f"{path}.{key} must be a number"))
        elif value < 0 and not (key == "limit" and value == UNLIMITED):
            hint = " (use -1 for no limit)" if key == "limit" else ""
            failures.append(
                Failure(f"{path}.{key}", f"{path}.{key} is {value}; it must not be negative{hint}")
            )
    deserved, limit = quota.get("deserved"), quota.get("limit")
    if (
        is_number(deserved)
        and is_number(limit)
        and limit != UNLIMITED
        and limit >= 0
        and deserved > limit
    ):
        failures.append(
            Failure(
                f"{path}.deserved",
                f"{path}.deserved ({deserved}) exceeds "
                f"{path}.limit ({limit}); lower deserved, raise limit, or set "
                "limit to -1 for no limit",
            )
        )
    if memory:
        failures += check_enum(f"{path}.units", quota.get("units"), MEMORY_UNITS, required=False)
    return failures


# ---- mapping to and from the API -------------------------------------------------------------


def to_api(
    entries: Sequence[Mapping[str, Any]], resolve_pool: PoolResolver
) -> list[dict[str, Any]]:
    """The API's `resources` body; node pool names are resolved to ids by `resolve_pool`."""
    body = []
    for entry in entries:
        name = entry["node_pool"]
        item: dict[str, Any] = {
            "nodePool": {"id": resolve_pool(name), "name": name},
            "gpu": _quota_to_api(_desired("gpu", entry.get("gpu")) or {}),
        }
        for kind in ("cpu", "memory"):
            quota = _desired(kind, entry.get(kind))
            if quota is not None:
                item[kind] = _quota_to_api(quota)
        if entry.get("rank") is not None:
            item["rank"] = entry["rank"]
        body.append(item)
    return body


def _quota_to_api(quota: Mapping[str, Any]) -> dict[str, Any]:
    return {_API_NAMES[key]: value for key, value in quota.items() if value is not None}


def from_api(api_entries: Sequence[Mapping[str, Any]] | None) -> list[Entry]:
    """Live `resources` in canonical snake_case form (ints where integral, limit None → -1)."""
    entries = []
    for item in api_entries or ():
        pool = item.get("nodePool") or {}
        entry: Entry = {"node_pool": pool.get("name") or pool.get("id")}
        for kind in KINDS:
            entry[kind] = _quota_from_api(kind, item.get(kind))
        entry["rank"] = item.get("rank")
        entries.append(entry)
    return entries


def _quota_from_api(kind: str, quota: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if quota is None:
        return None
    result = {
        "deserved": as_int_if_integral(quota.get("deserved")),
        "limit": as_int_if_integral(quota.get("limit")),
        "over_quota_weight": as_int_if_integral(quota.get("overQuotaWeight")),
    }
    if kind == "memory":
        result["units"] = quota.get("units")
    return _live(kind, result)


# ---- normalisation and comparison ------------------------------------------------------------


def _desired(kind: str, quota: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The managed part of a program quota; None means the server decides."""
    if quota is None:
        return {"deserved": DEFAULT_GPU_DESERVED, "limit": DEFAULT_LIMIT} if kind == "gpu" else None
    result: dict[str, Any] = {
        "deserved": as_int_if_integral(quota.get("deserved")),
        "limit": as_int_if_integral(quota.get("limit")),
    }
    if kind == "gpu" and result["deserved"] is None:
        result["deserved"] = DEFAULT_GPU_DESERVED
    if result["limit"] is None:
        result["limit"] = DEFAULT_LIMIT
    weight = quota.get("over_quota_weight")
    if weight is not None:
        result["over_quota_weight"] = as_int_if_integral(weight)
    if kind == "memory":
        result["units"] = quota.get("units") or DEFAULT_MEMORY_UNITS
    return result


def _live(kind: str, quota: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A live (or output) quota with server-side spellings of defaults made explicit."""
    if quota is None:
        return None
    result = {key: as_int_if_integral(value) for key, value in quota.items()}
    if kind == "gpu" and result.get("deserved") is None:
        result["deserved"] = DEFAULT_GPU_DESERVED
    if result.get("limit") is None:
        result["limit"] = DEFAULT_LIMIT
    return result


def _by_pool(entries: Sequence[Mapping[str, Any]] | None) -> dict[str, Mapping[str, Any]]:
    return {entry["node_pool"]: entry for entry in entries or ()}


def _entry_differs(live: Mapping[str, Any] | None, desired: Mapping[str, Any]) -> bool:
    rank = desired.get("rank")
    if rank is not None and (live or {}).get("rank") != rank:
        return True
    for kind in KINDS:
        want = _desired(kind, desired.get(kind))
        if want is None:
            continue
        have = _live(kind, live.get(kind)) if live is not None else None
        if have is None:
            if kind == "gpu" and want == {"deserved": DEFAULT_GPU_DESERVED, "limit": DEFAULT_LIMIT}:
                continue
            return True
        if any(have.get(key) != value for key, value in want.items()):
            return True
    return False


def is_empty(entry: Mapping[str, Any]) -> bool:
    """True if a live entry grants nothing (no `deserved` anywhere): same as not listing it."""
    for kind in KINDS:
        quota = entry.get(kind)
        if quota and quota.get("deserved") not in (None, 0):
            return False
    return True


def stray_pools(
    live: Sequence[Mapping[str, Any]] | None, desired: Sequence[Mapping[str, Any]] | None
) -> list[str]:
    """Live pools the program does not name but that still grant quota."""
    return [e["node_pool"] for e in _strays(live, desired)]


def _strays(
    live: Sequence[Mapping[str, Any]] | None, desired: Sequence[Mapping[str, Any]] | None
) -> list[Mapping[str, Any]]:
    wanted = _by_pool(desired)
    return [e for e in live or () if e["node_pool"] not in wanted and not is_empty(e)]


def _released(entry: Mapping[str, Any]) -> Entry:
    """A stray pool's entry sent back to zero for every resource it grants (memory in its own
    units): Run:ai refuses to delete a pool while any of them is still deserved there."""
    released: Entry = {"node_pool": entry["node_pool"], "gpu": {"deserved": 0}}
    for kind in ("cpu", "memory"):
        quota = entry.get(kind)
        if quota and quota.get("deserved") not in (None, 0):
            released[kind] = {"deserved": 0}
            if kind == "memory" and quota.get("units"):
                released[kind]["units"] = quota["units"]
    return released


def differs(
    live: Sequence[Mapping[str, Any]] | None, desired: Sequence[Mapping[str, Any]] | None
) -> bool:
    """True if applying `desired` would change the live quotas (rules in the module docstring)."""
    if contains_unknown(desired):
        return True
    have = _by_pool(live)
    if any(_entry_differs(have.get(entry["node_pool"]), entry) for entry in desired or ()):
        return True
    return bool(stray_pools(live, desired))


def for_update(
    desired: Sequence[Mapping[str, Any]] | None, live: Sequence[Mapping[str, Any]] | None
) -> list[Entry]:
    """Entries to PUT: the program's, unmanaged parts kept from `live`, stray pools zeroed.

    PUT replaces the whole object, so whatever the program leaves to the server must be sent
    back as it is, or the update would reset it.
    """
    have = _by_pool(live)
    entries: list[Entry] = []
    for entry in desired or ():
        merged: Entry = dict(entry)
        current = have.get(entry["node_pool"]) or {}
        for kind in ("cpu", "memory"):
            if merged.get(kind) is None and current.get(kind) is not None:
                merged[kind] = current[kind]
        for kind in KINDS:
            quota, old = merged.get(kind), current.get(kind)
            if quota is not None and quota.get("over_quota_weight") is None and old:
                merged[kind] = {**quota, "over_quota_weight": old.get("over_quota_weight")}
        if merged.get("rank") is None and current.get("rank") is not None:
            merged["rank"] = current["rank"]
        entries.append(merged)
    entries += [_released(entry) for entry in _strays(live, desired)]
    return entries


def patch_entries(
    desired: Sequence[Mapping[str, Any]], live: Sequence[Mapping[str, Any]] | None
) -> list[Entry]:
    """Entries to PATCH: the program's as given (PATCH keeps every field they leave out, as
    the server holds it now), and stray pools that still grant quota sent back to zero."""
    zeroed = [_released(entry) for entry in _strays(live, desired)]
    return [dict(entry) for entry in desired] + zeroed


def to_inputs(
    live: Sequence[Mapping[str, Any]] | None, shape: Sequence[Mapping[str, Any]] | None
) -> list[Entry]:
    """Live quotas in the program's shape (for refresh): only the keys the program set,
    plus any stray pool that grants quota, so the next preview shows exactly the drift."""
    wanted = _by_pool(shape)
    entries: list[Entry] = []
    for entry in live or ():
        pool = entry["node_pool"]
        if pool not in wanted:
            if not is_empty(entry):
                entries.append({k: v for k, v in entry.items() if v is not None})
            continue
        template = wanted[pool]
        projected: Entry = {"node_pool": pool}
        if template.get("rank") is not None:
            projected["rank"] = entry.get("rank")
        for kind in KINDS:
            given, have = template.get(kind), entry.get(kind)
            if given is None:
                if kind == "gpu" and have and have.get("deserved") not in (None, 0):
                    projected[kind] = {"deserved": have["deserved"]}
            elif have is None:
                projected[kind] = None
            else:
                projected[kind] = {key: have.get(key) for key in given}
        entries.append(projected)
    return entries


def same(
    live: Sequence[Mapping[str, Any]] | None, desired: Sequence[Mapping[str, Any]] | None
) -> bool:
    """`not differs`: the equality a `fields.Field` wants."""
    return not differs(live, desired)

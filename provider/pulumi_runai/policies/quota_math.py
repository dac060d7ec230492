"""Quota arithmetic over plain dicts: does a department cover what its projects deserve?

Pure functions, no Pulumi: the stack policy only gathers the dicts and words the message.
Quota entries look like ``{"node_pool": "default", "gpu": {"deserved": 2}, "cpu":
{"deserved": 1000}, "memory": {"deserved": 10, "units": "GB"}}``. Units, their factors and
what an omitted field means come from ``pulumi_runai.models.units``, as the provider sends them.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from ..models.quotas import KINDS as RESOURCE_KINDS
from ..models.units import DEFAULT_GPU_DESERVED, DEFAULT_MEMORY_UNITS, MEMORY_UNITS_IN_MB
from ._values import is_unknown, number

__all__ = [
    "RESOURCE_KINDS",
    "Overcommit",
    "Unknowable",
    "deserved",
    "entries_by_pool",
    "find_overcommits",
    "from_mb",
    "memory_mb",
    "memory_units",
    "node_pool_of",
]

_EPSILON: Final = 1e-9


class Unknowable(Exception):
    """A number needed for the comparison is unknown (preview) or not comparable."""


def memory_mb(amount: float, units: str) -> float:
    """``amount`` of memory in ``units`` as MB; raises Unknowable for units the API lacks."""
    factor = MEMORY_UNITS_IN_MB.get(units)
    if factor is None:
        raise Unknowable(f"memory units {units!r}")
    return amount * factor


def from_mb(amount: float, units: str) -> float:
    """MB expressed in ``units`` (for messages in the department's own units)."""
    return amount / MEMORY_UNITS_IN_MB[units]


def node_pool_of(entry: Mapping[str, Any]) -> str:
    """The node pool an entry is for; entries without one apply to the default pool."""
    pool = entry.get("node_pool")
    if is_unknown(pool):
        raise Unknowable("node_pool")
    return pool if isinstance(pool, str) and pool else "default"


def entries_by_pool(resources: Any) -> dict[str, Mapping[str, Any]]:
    """Index a ``resources`` list by node pool; raises Unknowable if it cannot be read."""
    if is_unknown(resources):
        raise Unknowable("resources")
    if not isinstance(resources, Sequence) or isinstance(resources, str):
        return {}
    pools: dict[str, Mapping[str, Any]] = {}
    for entry in resources:
        if is_unknown(entry):
            raise Unknowable("resources entry")
        if isinstance(entry, Mapping):
            pools[node_pool_of(entry)] = entry
    return pools


def deserved(entry: Mapping[str, Any] | None, kind: str) -> float | None:
    """Deserved amount of ``kind`` in comparable units (memory in MB), None when not set."""
    if entry is None:
        return None
    block = entry.get(kind)
    if is_unknown(block):
        raise Unknowable(kind)
    if not isinstance(block, Mapping):
        return None
    value = block.get("deserved")
    if is_unknown(value):
        raise Unknowable(f"{kind}.deserved")
    amount = number(value)
    if amount is None:
        return None
    if kind == "memory":
        units = block.get("units")
        if units is None:
            units = DEFAULT_MEMORY_UNITS
        if is_unknown(units) or not isinstance(units, str):
            raise Unknowable("memory.units")
        return memory_mb(amount, units)
    return amount


def memory_units(entry: Mapping[str, Any] | None) -> str:
    """The units a department states its memory in (messages use them)."""
    block = entry.get("memory") if entry else None
    units = block.get("units") if isinstance(block, Mapping) else None
    return units if isinstance(units, str) and units in MEMORY_UNITS_IN_MB else DEFAULT_MEMORY_UNITS


@dataclass(frozen=True)
class Overcommit:
    """Projects of one department promise more of one resource on one node pool than it has."""

    node_pool: str
    kind: str
    department: float
    projects: float
    by_project: tuple[tuple[str, float], ...]


def find_overcommits(
    department_resources: Any,
    projects: Iterable[tuple[str, Any]],
    kinds: Iterable[str] = RESOURCE_KINDS,
) -> list[Overcommit]:
    """Compare a department's quota with its projects' sum, per node pool and kind.

    ``projects`` are ``(name, resources)`` pairs. GPU is always compared (unset or a pool the
    department does not list means 0, the API default); CPU and memory only where the department
    sets them.
    Any unknown number makes that one comparison unknowable, so it is skipped, not reported.
    Memory amounts in the result are MB.
    """
    if is_unknown(department_resources):
        return []
    dept_pools = entries_by_pool(department_resources)
    if not dept_pools:
        return []  # the department states no quota at all: nothing to hold projects to
    per_pool: dict[str, list[tuple[str, Mapping[str, Any] | None]]] = {}
    unknowable_pools = False
    for name, resources in projects:
        try:
            for pool, entry in entries_by_pool(resources).items():
                per_pool.setdefault(pool, []).append((name, entry))
        except Unknowable:
            unknowable_pools = True  # which pools it uses is unknown: its share is unknowable
    if unknowable_pools:
        return []
    found: list[Overcommit] = []
    for pool in sorted(per_pool):
        for kind in kinds:
            overcommit = _compare(pool, kind, dept_pools.get(pool), per_pool[pool])
            if overcommit is not None:
                found.append(overcommit)
    return found


def _compare(
    pool: str,
    kind: str,
    dept_entry: Mapping[str, Any] | None,
    project_entries: list[tuple[str, Mapping[str, Any] | None]],
) -> Overcommit | None:
    try:
        limit = deserved(dept_entry, kind)
        shares = [(name, deserved(entry, kind)) for name, entry in project_entries]
    except Unknowable:
        return None
    if limit is None:
        if kind != "gpu":
            return None  # CPU/memory not set on the department: no cap to check against
        limit = DEFAULT_GPU_DESERVED  # also for a node pool the department does not list
    counted = tuple((name, share) for name, share in shares if share is not None)
    total = sum(share for _, share in counted)
    if total <= limit + _EPSILON:
        return None
    return Overcommit(pool, kind, limit, total, counted)

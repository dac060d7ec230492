"""Per-node-pool quotas in a description: parsing, and the projects-fit-their-department check.

Run:ai documents "department quota >= sum of its projects' quotas" only as a recommendation and
the server's reaction to over-allocation is unknown, so the description rejects it up front where
the reviewer can still see which project tipped it over.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models import quotas as model_quotas
from ..models.units import DEFAULT_GPU_DESERVED, MEMORY_UNITS, UNLIMITED, to_mb
from .problems import Problems, render_path
from .reader import Path, check_keys, describe, given, integer, mapping, number, text
from .spec import DepartmentSpec, NodePoolQuota, Quota

__all__ = ["check_projects_fit", "parse_resources"]

ENTRY_KEYS = ("node_pool", "gpu", "cpu", "memory", "rank")
QUOTA_KEYS = ("deserved", "limit", "over_quota_weight")
_UNIT_OF = {"gpu": "GPUs", "cpu": "millicores of CPU", "memory": "MB of memory"}


def _quota(p: Problems, value: object, path: Path, kind: str) -> Quota | None:
    node = mapping(p, value, path, "{deserved: 4, limit: -1, over_quota_weight: 2}")
    if node is None:
        return None
    allowed = (*QUOTA_KEYS, "units") if kind == "memory" else QUOTA_KEYS
    check_keys(p, node, path, allowed)
    deserved = number(p, node, "deserved", path)
    limit = number(p, node, "limit", path, unlimited=True)
    weight = integer(p, node, "over_quota_weight", path)
    units = given(p, node, "units", path)
    if units is not None and (not isinstance(units, str) or units not in MEMORY_UNITS):
        p.add(
            (*path, "units"),
            f"unknown memory units {describe(units)}",
            f"use one of: {', '.join(MEMORY_UNITS)}",
        )
        units = None
    if deserved is not None and limit is not None and limit != UNLIMITED and limit < deserved:
        p.add(
            (*path, "limit"),
            f"limit {limit} is below deserved {deserved}",
            f"set limit to at least {deserved}, or {UNLIMITED} for unlimited",
        )
    return Quota(deserved=deserved, limit=limit, over_quota_weight=weight, units=units)


def _entry(p: Problems, value: object, path: Path) -> NodePoolQuota | None:
    node = mapping(p, value, path, "{node_pool: default, gpu: {deserved: 4}}")
    if node is None:
        return None
    check_keys(p, node, path, ENTRY_KEYS, required=("node_pool", "gpu"))
    pool = text(p, node, "node_pool", path, required=True, what="node-pool name")
    quotas = {
        kind: _quota(p, raw, (*path, kind), kind)
        for kind in ("gpu", "cpu", "memory")
        if (raw := given(p, node, kind, path, required=kind == "gpu")) is not None
    }
    rank = given(p, node, "rank", path)
    if rank is not None and rank not in model_quotas.RANKS:
        p.add((*path, "rank"), f"unknown rank {describe(rank)}",
              f"use one of: {', '.join(model_quotas.RANKS)}, or leave it out for the server's")
        rank = None
    gpu = quotas.get("gpu")
    if pool is None or gpu is None:
        return None
    return NodePoolQuota(
        node_pool=pool, gpu=gpu, cpu=quotas.get("cpu"), memory=quotas.get("memory"),
        rank=None if rank is None else str(rank),
    )


def parse_resources(p: Problems, node: Mapping[str, Any], path: Path) -> tuple[NodePoolQuota, ...]:
    """The `resources:` list; each node pool at most once."""
    raw = node.get("resources")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        p.add(
            (*path, "resources"),
            f"expected a list, got {describe(raw)}",
            "write one `- {node_pool: ..., gpu: {...}}` per node pool",
        )
        return ()
    entries: list[NodePoolQuota] = []
    seen: dict[str, int] = {}
    for index, value in enumerate(raw):
        entry = _entry(p, value, (*path, "resources", index))
        if entry is None:
            continue
        if entry.node_pool in seen:
            first = render_path((*path, "resources", seen[entry.node_pool]))
            p.add(
                (*path, "resources", index, "node_pool"),
                f"node pool {entry.node_pool!r} is listed twice",
                f"merge it with {first}",
            )
            continue
        seen[entry.node_pool] = index
        entries.append(entry)
    return tuple(entries)


def _amount(quota: Quota | None, kind: str) -> float | None:
    """The deserved amount in comparable units (memory in MB), or None when not set."""
    if quota is None or quota.deserved is None:
        return None
    return to_mb(quota.deserved, quota.units) if kind == "memory" else quota.deserved


def _capacity(dept: DepartmentSpec, pool: str, kind: str) -> tuple[float | None, int | None]:
    """The department's deserved amount on a pool and the index of its entry.

    A missing GPU quota counts as DEFAULT_GPU_DESERVED; missing CPU or memory means unlimited.
    """
    default = DEFAULT_GPU_DESERVED if kind == "gpu" else None
    for index, entry in enumerate(dept.resources):
        if entry.node_pool == pool:
            amount = _amount(getattr(entry, kind), kind)
            return (default if amount is None else amount), index
    return default, None


def _show(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else f"{amount:g}"


def check_projects_fit(p: Problems, dept: DepartmentSpec) -> None:
    """Per pool and resource, report the project whose quota tips the sum past the department's."""
    for kind in ("gpu", "cpu", "memory"):
        totals: dict[str, float] = {}
        shares: dict[str, list[str]] = {}
        reported: set[str] = set()
        for project in dept.projects:
            for index, entry in enumerate(project.resources):
                amount = _amount(getattr(entry, kind), kind)
                pool = entry.node_pool
                if amount is None:
                    continue
                totals[pool] = totals.get(pool, 0.0) + amount
                shares.setdefault(pool, []).append(f"{project.name} {_show(amount)}")
                capacity, dept_index = _capacity(dept, pool, kind)
                if capacity is None or totals[pool] <= capacity + 1e-9 or pool in reported:
                    continue
                reported.add(pool)
                total = _show(totals[pool])
                if dept_index is None:
                    listed = ", ".join(e.node_pool for e in dept.resources) or "none"
                    fix = (
                        f"the department lists no quota on {pool!r} (it lists: {listed}). If "
                        f"{pool!r} is a typo, correct the project's node_pool; if the cluster "
                        f"has that pool, add `{{node_pool: {pool}, {kind}: {{deserved: "
                        f"{total}}}}}` to {dept.path}.resources (the preview checks the "
                        "cluster's pools and lists them)"
                    )
                else:
                    fix = (
                        f"raise {dept.path}.resources[{dept_index}].{kind}.deserved to at least "
                        f"{total}, or lower the projects' {kind}.deserved on {pool!r}"
                    )
                p.add(
                    (project.path, "resources", index, kind, "deserved"),
                    f"projects of department {dept.name!r} ask for {total} {_UNIT_OF[kind]} on "
                    f"node pool {pool!r} ({', '.join(shares[pool])}), more than the department's "
                    f"deserved {_show(capacity)}",
                    fix,
                )

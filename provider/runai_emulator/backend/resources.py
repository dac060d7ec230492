"""Per-node-pool quotas shared by departments and projects (spec `Resources`)."""

from __future__ import annotations

from typing import Any

from ..errors import bad_request
from .clusters import pools_of
from .common import Ctx, Doc

_MEMORY_UNITS = {"Mib": 1.048576, "MB": 1.0, "GB": 1000.0}
_QUOTA_KEYS = ("deserved", "limit", "overQuotaWeight")


def _number(value: object, where: str, *, nullable: bool) -> float | int | None:
    if value is None:
        if nullable:
            return None
        raise bad_request(f"{where} must be a number")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise bad_request(f"{where} must be a number")
    if value != value or value in (float("inf"), float("-inf")):
        raise bad_request(f"{where} must be a finite number")
    return value


def _quota(raw: object, where: str, *, gpu: bool) -> Doc | None:
    if raw is None:
        if gpu:
            return {"deserved": 0, "limit": -1, "overQuotaWeight": 2}
        return None
    if not isinstance(raw, dict):
        raise bad_request(f"{where} must be an object")
    out: Doc = {}
    deserved = _number(raw.get("deserved", 0 if gpu else None), f"{where}.deserved",
                       nullable=not gpu)
    limit = _number(raw.get("limit", -1), f"{where}.limit", nullable=True)
    weight = _number(raw.get("overQuotaWeight", 2), f"{where}.overQuotaWeight", nullable=True)
    if deserved is not None and deserved < 0:
        raise bad_request(f"{where}.deserved must not be negative, got {deserved}")
    if limit is not None and limit < 0 and limit != -1:
        raise bad_request(f"{where}.limit must be >= 0 or -1 (unlimited), got {limit}")
    if weight is not None and weight < 0:
        raise bad_request(f"{where}.overQuotaWeight must not be negative, got {weight}")
    if deserved is not None and limit is not None and limit != -1 and deserved > limit:
        raise bad_request(
            f"{where}.deserved ({deserved}) must not exceed {where}.limit ({limit}); "
            "use limit -1 for unlimited"
        )
    out.update(deserved=deserved, limit=limit, overQuotaWeight=weight)
    if not gpu and where.endswith("memory"):
        units = raw.get("units")
        if units is None:
            raise bad_request(f"{where}.units is required (one of {', '.join(_MEMORY_UNITS)})")
        if units not in _MEMORY_UNITS:
            raise bad_request(f"{where}.units must be one of {', '.join(_MEMORY_UNITS)}")
        out["units"] = units
    return out


def _node_pool(ctx: Ctx, cluster_id: str, raw: object, where: str) -> Doc:
    pools = pools_of(ctx, cluster_id)
    if raw is None:
        default = next((p for p in pools if p.get("isDefault")), None)
        if default is None:
            raise bad_request(f"{where} is required: the cluster has no default node pool")
        return {"id": default["id"], "name": default["name"]}
    if not isinstance(raw, dict):
        raise bad_request(f"{where} must be an object with id or name")
    ident, name = raw.get("id"), raw.get("name")
    if ident is None and name is None:
        raise bad_request(f"{where} needs an id or a name")
    for value, key in ((ident, "id"), (name, "name")):
        if value is not None and (isinstance(value, bool) or not isinstance(value, str | int)):
            raise bad_request(f"{where}.{key} must be a string")
    match = None
    if ident is not None:
        match = next((p for p in pools if p["id"] == str(ident)), None)
        if match is None:
            raise bad_request(f"{where}.id: node pool '{ident}' does not exist in the cluster")
        if name is not None and match["name"] != name:
            raise bad_request(f"{where}: node pool id '{ident}' is named '{match['name']}', "
                              f"not '{name}'")
    else:
        match = next((p for p in pools if p["name"] == name), None)
        if match is None:
            known = ", ".join(p["name"] for p in pools)
            raise bad_request(f"{where}.name: node pool '{name}' does not exist (known: {known})")
    return {"id": match["id"], "name": match["name"]}


def normalise(ctx: Ctx, cluster_id: str, raw: object, field: str = "resources") -> list[Doc]:
    """Validate a resources list and fill in server defaults; node pools by id or name."""
    if raw is None:
        raise bad_request(f"{field} is required")
    if not isinstance(raw, list):
        raise bad_request(f"{field} must be an array")
    out: list[Doc] = []
    seen: set[str] = set()
    for i, entry in enumerate(raw):
        where = f"{field}[{i}]"
        if not isinstance(entry, dict):
            raise bad_request(f"{where} must be an object")
        pool = _node_pool(ctx, cluster_id, entry.get("nodePool"), f"{where}.nodePool")
        if pool["id"] in seen:
            raise bad_request(f"{where}.nodePool: node pool '{pool['name']}' appears twice")
        seen.add(pool["id"])
        priority = entry.get("priority")
        if priority is not None and not isinstance(priority, str):
            raise bad_request(f"{where}.priority must be a string")
        out.append({
            "nodePool": pool,
            "gpu": _quota(entry.get("gpu"), f"{where}.gpu", gpu=True),
            "cpu": _quota(entry.get("cpu"), f"{where}.cpu", gpu=False),
            "memory": _quota(entry.get("memory"), f"{where}.memory", gpu=False),
            "priority": priority,
        })
    return out


def merge(ctx: Ctx, cluster_id: str, current: list[Doc], raw: object) -> list[Doc]:
    """PATCH semantics: entries given replace the kinds they name, matched by node pool."""
    if not isinstance(raw, list):
        raise bad_request("resources must be an array")
    merged: dict[str, Doc] = {r["nodePool"]["id"]: dict(r) for r in current}
    order = list(merged)
    for i, entry in enumerate(raw):
        if not isinstance(entry, dict):
            raise bad_request(f"resources[{i}] must be an object")
        pool = _node_pool(ctx, cluster_id, entry.get("nodePool"), f"resources[{i}].nodePool")
        base: dict[str, Any] = merged.get(pool["id"], {"nodePool": pool})
        updated = {**base, **{k: v for k, v in entry.items() if k != "nodePool"}}
        updated["nodePool"] = pool
        if pool["id"] not in merged:
            order.append(pool["id"])
        merged[pool["id"]] = updated
    return normalise(ctx, cluster_id, [merged[k] for k in order])


def totals(resources: list[Doc]) -> Doc:
    """`totalResources`: sums of deserved quotas (memory in MB); null when nothing is set."""
    gpu = sum(float(r["gpu"]["deserved"] or 0) for r in resources)
    cpus = [
        r["cpu"]["deserved"] for r in resources if r["cpu"] and r["cpu"]["deserved"] is not None
    ]
    mems = [
        r["memory"]["deserved"] * _MEMORY_UNITS[r["memory"]["units"]]
        for r in resources
        if r["memory"] and r["memory"]["deserved"] is not None
    ]
    return {
        "gpuQuota": gpu,
        "cpuQuota": sum(cpus) if cpus else None,
        "memoryQuota": sum(mems) if mems else None,
    }

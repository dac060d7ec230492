"""Per-node-pool quotas shared by departments and projects (spec `Resources`).

An org unit lists every node pool of its cluster, at zero quota for pools it was not given
("each node pool is automatically associated with all projects and departments with zero
resource allocation", Run:ai docs), in the cluster's node pool order.
"""

from __future__ import annotations

from ..errors import bad_request
from .clusters import pools_of
from .common import Ctx, Doc
from .ranks import DEFAULT_RANK, RANKS

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


def _rank(entry: Doc, where: str) -> str:
    rank = entry.get("rank")
    if rank is None:
        return DEFAULT_RANK
    if rank not in RANKS:
        raise bad_request(f"{where}.rank must be one of {', '.join(RANKS)}, got {rank!r}")
    return str(rank)


def _entry(pool: Doc, entry: Doc, where: str) -> Doc:
    """One validated entry with server defaults filled in (an empty entry is zero quota)."""
    priority = entry.get("priority")
    if priority is not None and not isinstance(priority, str):
        raise bad_request(f"{where}.priority must be a string")
    return {
        "nodePool": pool,
        "gpu": _quota(entry.get("gpu"), f"{where}.gpu", gpu=True),
        "cpu": _quota(entry.get("cpu"), f"{where}.cpu", gpu=False),
        "memory": _quota(entry.get("memory"), f"{where}.memory", gpu=False),
        "priority": priority,
        "rank": _rank(entry, where),
    }


def _kept(stored: Doc | None, sent: Doc) -> Doc:
    """`sent` over `stored`, key by key and inside gpu/cpu/memory: what it omits is kept."""
    if stored is None:
        return sent
    out = dict(stored)
    for key, value in sent.items():
        old = stored.get(key)
        nested = key in ("gpu", "cpu", "memory") and isinstance(value, dict)
        out[key] = {**old, **value} if nested and isinstance(old, dict) else value
    return out


def _complete(ctx: Ctx, cluster_id: str, given: dict[str, Doc], others: list[Doc]) -> list[Doc]:
    """Every pool of the cluster: the entry given, else the one in `others`, else zero."""
    previous = {r["nodePool"]["id"]: r for r in others}
    out = []
    for pool in pools_of(ctx, cluster_id):
        entry = given.get(pool["id"]) or previous.get(pool["id"])
        ref = {"id": pool["id"], "name": pool["name"]}
        out.append({**entry, "nodePool": ref} if entry else zero_entry(pool))
    return out


def normalise(ctx: Ctx, cluster_id: str, raw: object, field: str = "resources",
              stored: list[Doc] | None = None) -> list[Doc]:
    """A full resources list (every pool of the cluster) from the entries `raw` gives.

    Without `stored`, whatever an entry or the list omits gets the server default (a full PUT
    that resets); with `stored`, omitted fields and entries keep their stored values.
    """
    if raw is None:
        raise bad_request(f"{field} is required")
    if not isinstance(raw, list):
        raise bad_request(f"{field} must be an array")
    current = {r["nodePool"]["id"]: r for r in stored or ()}
    given: dict[str, Doc] = {}
    for i, entry in enumerate(raw):
        where = f"{field}[{i}]"
        if not isinstance(entry, dict):
            raise bad_request(f"{where} must be an object")
        pool = _node_pool(ctx, cluster_id, entry.get("nodePool"), f"{where}.nodePool")
        if pool["id"] in given:
            raise bad_request(f"{where}.nodePool: node pool '{pool['name']}' appears twice")
        given[pool["id"]] = _entry(pool, _kept(current.get(pool["id"]), entry), where)
    return _complete(ctx, cluster_id, given, stored or [])


def merge(ctx: Ctx, cluster_id: str, current: list[Doc], raw: object) -> list[Doc]:
    """PATCH semantics: entries given change the fields they set, matched by node pool (inside
    gpu/cpu/memory too); every other field and entry is kept."""
    return normalise(ctx, cluster_id, raw, stored=current)


def zero_entry(pool: Doc) -> Doc:
    """The entry a node pool gets in an org unit that was given no quota on it."""
    return _entry({"id": pool["id"], "name": pool["name"]}, {}, "resources")


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

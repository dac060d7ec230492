"""Fields departments and projects share: the updatable settings beside the quotas."""

from __future__ import annotations

from ..errors import bad_request
from . import resources
from .clusters import pools_of
from .common import Ctx, Doc, opt_str

_RULES = (
    "interactiveJobTimeLimitSeconds",
    "interactiveJobMaxIdleDurationSeconds",
    "interactiveJobPreemptIdleDurationSeconds",
    "trainingJobMaxIdleDurationSeconds",
    "trainingJobTimeLimitSeconds",
)


def _scheduling_rules(raw: object) -> Doc | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise bad_request("schedulingRules must be an object or null")
    out: Doc = {}
    for key, value in raw.items():
        if key not in _RULES:
            raise bad_request(f"schedulingRules.{key} is not a known rule")
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or value < 1):
            raise bad_request(f"schedulingRules.{key} must be an integer >= 1 or null")
        out[key] = value
    return out


def _default_node_pools(ctx: Ctx, cluster_id: str, raw: object) -> list[str] | None:
    if raw is None:
        return None
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise bad_request("defaultNodePools must be an array of node pool names")
    known = {p["name"] for p in pools_of(ctx, cluster_id)}
    for name in raw:
        if name not in known:
            raise bad_request(f"defaultNodePools: node pool '{name}' does not exist")
    return list(raw)


def _node_types(raw: object) -> Doc | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise bad_request("nodeTypes must be an object or null")
    for key in ("training", "workspace"):
        value = raw.get(key)
        if value is not None and (
            not isinstance(value, list) or not all(isinstance(x, str) for x in value)
        ):
            raise bad_request(f"nodeTypes.{key} must be an array of strings")
    names = raw.get("names")
    if names is not None and not isinstance(names, dict):
        raise bad_request("nodeTypes.names must be an object")
    return dict(raw)


def kept(ctx: Ctx, doc: Doc) -> Doc | None:
    """What a full PUT keeps of the stored org unit: all it omits (putOmitted keep) or nothing
    (reset: omitted fields and quota entries return to their defaults)."""
    return doc if ctx.switches.putOmitted == "keep" else None


def updatable(ctx: Ctx, cluster_id: str, body: Doc, stored: Doc | None = None) -> Doc:
    """The settings a create or PUT sets; omitted ones get the default, or the `stored` value."""
    fresh = {
        "description": opt_str(body, "description") or "",
        "schedulingRules": _scheduling_rules(body.get("schedulingRules")),
        "defaultNodePools": _default_node_pools(ctx, cluster_id, body.get("defaultNodePools")),
        "nodeTypes": _node_types(body.get("nodeTypes")),
    }
    if stored is None:
        return fresh
    return {key: value if key in body else stored.get(key) for key, value in fresh.items()}


def overtime() -> Doc:
    return {"range24hData": None, "range7dData": None, "range30dData": None}


def quota_status() -> Doc:
    zero = {"gpu": 0, "cpu": 0, "memory": 0}
    return {"allocated": dict(zero), "allocatedNonPreemptible": dict(zero),
            "requested": dict(zero)}


def set_resources(ctx: Ctx, table: str, doc: Doc, res: list[Doc]) -> None:
    """Store new quotas with their totals and the update stamp."""
    doc["resources"] = res
    doc["totalResources"] = resources.totals(res)
    doc["updatedAt"] = ctx.now_iso
    doc["updatedBy"] = ctx.actor
    ctx.tx.put(table, doc["id"], doc)


def new_resources(ctx: Ctx, doc: Doc, raw: object) -> list[Doc]:
    """The resources a full PUT leaves: `raw` over what the put switch keeps."""
    stored = kept(ctx, doc)
    return resources.normalise(ctx, doc["clusterId"], raw,
                               stored=None if stored is None else stored["resources"])


def replace_resources(ctx: Ctx, table: str, doc: Doc, body: object) -> list[Doc]:
    res = new_resources(ctx, doc, body)
    set_resources(ctx, table, doc, res)
    return res


def patch_resources(ctx: Ctx, table: str, doc: Doc, body: object) -> list[Doc]:
    res = resources.merge(ctx, doc["clusterId"], doc["resources"], body)
    set_resources(ctx, table, doc, res)
    return res

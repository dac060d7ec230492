"""Projects: like departments, plus a parent, a namespace and an asynchronous phase.

The phase is computed from timestamps when read (no background threads): `Creating` until
`ready_delay` has passed, then `Ready`; after DELETE it reads `Deleting` until the row expires.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import EmulatorError, bad_request, conflict, not_found
from . import access_rules, orgunit, policies, resources
from .clusters import require_cluster
from .common import DEPARTMENT, PROJECT, Ctx, Doc, dns_name, opt_bool, public, require_object
from .orgunit import overtime, quota_status, updatable


def _load(ctx: Ctx, ident: str) -> Doc:
    doc = ctx.tx.get(PROJECT, ident)
    if doc is None:
        raise not_found("project", ident)
    return doc


def phase(ctx: Ctx, doc: Doc) -> str:
    if "_deleteAt" in doc:
        return "Deleting"
    if ctx.now < doc["_createdTs"] + ctx.config.ready_delay:
        return "Creating"
    return "Ready"


def view(ctx: Ctx, doc: Doc) -> Doc:
    out = public(doc)
    current = phase(ctx, doc)
    parent = ctx.tx.get(DEPARTMENT, doc["parentId"])
    out["parent"] = (
        {"id": parent["id"], "name": parent["name"], "parent": None} if parent else None
    )
    inherited: Doc = parent or {}
    out["effective"] = {
        key: doc.get(key) if doc.get(key) is not None else inherited.get(key)
        for key in ("schedulingRules", "defaultNodePools", "nodeTypes")
    }
    namespace = doc.get("requestedNamespace") or f"runai-{doc['name']}"
    messages = {"Creating": "Project is being created", "Ready": "Project is ready",
                "Deleting": "Project is being deleted"}
    out["status"] = {
        "namespace": None if current == "Creating" else namespace,
        "phase": current,
        "phaseMessage": messages[current],
        "lastUpdatedTime": out["updatedAt"],
        "nodePoolQuotaStatuses": [],
        "quotaStatus": quota_status(),
        "additionalStatusData": None,
    }
    return out


def _parent(ctx: Ctx, cluster: Doc, raw: object) -> Doc:
    """The parent department: given, or the cluster's `default` department."""
    if raw is None:
        for dep in ctx.tx.all(DEPARTMENT):
            if dep["clusterId"] == cluster["uuid"] and dep["name"] == "default":
                return dep
        raise bad_request("parentId is required: the cluster has no 'default' department")
    if not isinstance(raw, str | int) or isinstance(raw, bool):
        raise bad_request("parentId must be a string (department id)")
    found = ctx.tx.get(DEPARTMENT, str(raw))
    if found is None:
        raise bad_request(f"parentId: department '{raw}' does not exist")
    if found["clusterId"] != cluster["uuid"]:
        raise bad_request(f"parentId: department '{raw}' belongs to another cluster")
    return found


def create(ctx: Ctx, body: object) -> Doc:
    data = require_object(body)
    name = dns_name(data)
    cluster = require_cluster(ctx, data.get("clusterId"))
    parent = _parent(ctx, cluster, data.get("parentId"))
    namespace = None
    if data.get("requestedNamespace") is not None:
        namespace = dns_name(data, "requestedNamespace")
    res = resources.normalise(ctx, cluster["uuid"], data.get("resources"))
    fields = updatable(ctx, cluster["uuid"], data)
    enforce = opt_bool(data, "enforceRunaiScheduler", True)
    for other in ctx.tx.all(PROJECT):
        if other["clusterId"] != cluster["uuid"]:
            continue
        if other["name"] == name:
            raise conflict(f"project '{name}' already exists in cluster '{cluster['name']}' "
                           f"(id {other['id']})")
        if namespace and (other.get("requestedNamespace") or f"runai-{other['name']}") == namespace:
            raise conflict(f"requestedNamespace '{namespace}' is used by project '{other['name']}'")
    ident = str(ctx.tx.next_id("orgunit", 100001))
    doc: Doc = {
        "id": ident,
        "name": name,
        "clusterId": cluster["uuid"],
        "parentId": parent["id"],
        **fields,
        "enforceRunaiScheduler": enforce,
        "resources": res,
        "totalResources": resources.totals(res),
        "overtimeData": overtime(),
        "createdAt": ctx.now_iso,
        "updatedAt": ctx.now_iso,
        "createdBy": ctx.actor,
        "updatedBy": ctx.actor,
        "_createdTs": ctx.now,
    }
    if namespace:
        doc["requestedNamespace"] = namespace
    ctx.tx.put(PROJECT, ident, doc)
    return view(ctx, doc)


def get(ctx: Ctx, ident: str) -> Doc:
    return view(ctx, _load(ctx, ident))


def all_for_list(ctx: Ctx, _params: Mapping[str, str] | None = None) -> list[Doc]:
    return [view(ctx, p) for p in ctx.tx.all(PROJECT)]


def _writable(ctx: Ctx, ident: str) -> Doc:
    doc = _load(ctx, ident)
    if "_deleteAt" in doc:
        raise EmulatorError(409, f"project {ident} is being deleted")
    return doc


def update(ctx: Ctx, ident: str, body: object) -> Doc:
    doc = _writable(ctx, ident)
    data = require_object(body)
    res = orgunit.new_resources(ctx, doc, data.get("resources"))
    stored = orgunit.kept(ctx, doc)
    doc.update(updatable(ctx, doc["clusterId"], data, stored))
    enforce = opt_bool(data, "enforceRunaiScheduler", True)
    if stored is None or "enforceRunaiScheduler" in data:
        doc["enforceRunaiScheduler"] = enforce
    orgunit.set_resources(ctx, PROJECT, doc, res)
    return view(ctx, doc)


def replace_resources(ctx: Ctx, ident: str, body: object) -> list[Doc]:
    return orgunit.replace_resources(ctx, PROJECT, _writable(ctx, ident), body)


def patch_resources(ctx: Ctx, ident: str, body: object) -> list[Doc]:
    return orgunit.patch_resources(ctx, PROJECT, _writable(ctx, ident), body)


def delete(ctx: Ctx, ident: str) -> int:
    """202 and `Deleting` for the deletingDelay switch's seconds; 204 at once in legacy mode."""
    doc = _load(ctx, ident)
    access_rules.remove_for_scope(ctx, "project", ident)
    policies.remove_for_scope(ctx, "project", ident)
    delay = ctx.switches.deletingDelay
    if ctx.config.legacy_project_delete or delay <= 0:
        ctx.tx.delete(PROJECT, ident)
        return 204 if ctx.config.legacy_project_delete else 202
    if "_deleteAt" not in doc:
        doc["_deleteAt"] = ctx.now + delay
        ctx.tx.put(PROJECT, ident, doc, expires_at=doc["_deleteAt"])
    return 202

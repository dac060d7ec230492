"""Departments: create, read, list, update (PUT), resources PUT/PATCH, delete."""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import EmulatorError, bad_request, conflict, not_found
from . import access_rules, orgunit, policies, resources
from .clusters import require_cluster
from .common import DEPARTMENT, PROJECT, Ctx, Doc, dns_name, public, require_object
from .orgunit import overtime, quota_status, updatable


def _load(ctx: Ctx, ident: str) -> Doc:
    doc = ctx.tx.get(DEPARTMENT, ident)
    if doc is None:
        raise not_found("department", ident)
    return doc


def live_projects(ctx: Ctx, department_id: str) -> list[Doc]:
    return [p for p in ctx.tx.all(PROJECT) if p["parentId"] == department_id]


def view(
    ctx: Ctx, doc: Doc, *, for_list: bool = False, children: list[Doc] | None = None
) -> Doc:
    """The API object: stored fields plus children and status computed now (`children`, the
    department's projects, when the caller grouped them already)."""
    out = public(doc)
    if children is None:
        children = live_projects(ctx, doc["id"])
    out["children"] = [{"id": p["id"], "name": p["name"], "children": []} for p in children]
    if for_list:
        out["status"] = {"quotaStatus": quota_status()}
        return out
    out["status"] = {"nodePoolQuotaStatuses": [], "quotaStatus": quota_status()}
    aggregated: dict[str, Doc] = {}
    for project in children:
        for res in project["resources"]:
            pool = res["nodePool"]
            entry = aggregated.setdefault(
                pool["id"], {"nodePool": dict(pool), "gpu": {"deserved": 0}}
            )
            entry["gpu"]["deserved"] += res["gpu"]["deserved"] or 0
    out["projectsAggregatedResources"] = list(aggregated.values())
    return out


def create(ctx: Ctx, body: object) -> Doc:
    data = require_object(body)
    name = dns_name(data)
    cluster = require_cluster(ctx, data.get("clusterId"))
    res = resources.normalise(ctx, cluster["uuid"], data.get("resources"))
    fields = updatable(ctx, cluster["uuid"], data)
    for other in ctx.tx.all(DEPARTMENT):
        if other["clusterId"] == cluster["uuid"] and other["name"] == name:
            raise conflict(f"department '{name}' already exists in cluster "
                           f"'{cluster['name']}' (id {other['id']})")
    ident = str(ctx.tx.next_id("orgunit", 100001))
    doc: Doc = {
        "id": ident,
        "name": name,
        "clusterId": cluster["uuid"],
        **fields,
        "resources": res,
        "totalResources": resources.totals(res),
        "overtimeData": overtime(),
        "createdAt": ctx.now_iso,
        "updatedAt": ctx.now_iso,
        "createdBy": ctx.actor,
        "updatedBy": ctx.actor,
    }
    ctx.tx.put(DEPARTMENT, ident, doc)
    return view(ctx, doc)


def get(ctx: Ctx, ident: str) -> Doc:
    return view(ctx, _load(ctx, ident))


VERBOSITIES = ("meta", "brief", "verbose")


def all_for_list(ctx: Ctx, params: Mapping[str, str] | None = None) -> list[Doc]:
    """The list answer: `status` only with `verbosity=verbose` ("if it is not defined or set
    to brief only unit specific data will be returned", spec)."""
    verbosity = (params or {}).get("verbosity") or "brief"
    if verbosity not in VERBOSITIES:
        raise bad_request(f"verbosity must be one of {', '.join(VERBOSITIES)}, got '{verbosity}'")
    # Projects grouped by parent once: a list of many departments reads the projects once,
    # not once per department.
    by_parent: dict[str, list[Doc]] = {}
    for project in ctx.tx.all(PROJECT):
        by_parent.setdefault(str(project["parentId"]), []).append(project)
    out = [view(ctx, d, for_list=True, children=by_parent.get(str(d["id"]), []))
           for d in ctx.tx.all(DEPARTMENT)]
    if verbosity != "verbose":
        for item in out:
            del item["status"]
    return out


def update(ctx: Ctx, ident: str, body: object) -> Doc:
    doc = _load(ctx, ident)
    data = require_object(body)
    res = orgunit.new_resources(ctx, doc, data.get("resources"))
    doc.update(updatable(ctx, doc["clusterId"], data, orgunit.kept(ctx, doc)))
    orgunit.set_resources(ctx, DEPARTMENT, doc, res)
    return view(ctx, doc)


def replace_resources(ctx: Ctx, ident: str, body: object) -> list[Doc]:
    return orgunit.replace_resources(ctx, DEPARTMENT, _load(ctx, ident), body)


def patch_resources(ctx: Ctx, ident: str, body: object) -> list[Doc]:
    return orgunit.patch_resources(ctx, DEPARTMENT, _load(ctx, ident), body)


def delete(ctx: Ctx, ident: str) -> None:
    """Refuse (409, naming the projects) while projects remain, unless the departmentDelete
    switch says cascade (the docs say neither)."""
    doc = _load(ctx, ident)
    children = live_projects(ctx, ident)
    if children and ctx.switches.departmentDelete == "refuse":
        names = ", ".join(sorted(p["name"] for p in children))
        raise EmulatorError(
            409, f"department '{doc['name']}' still has projects: {names}; delete them first"
        )
    for project in children:
        ctx.tx.delete(PROJECT, project["id"])
        access_rules.remove_for_scope(ctx, "project", project["id"])
        policies.remove_for_scope(ctx, "project", project["id"])
    access_rules.remove_for_scope(ctx, "department", ident)
    policies.remove_for_scope(ctx, "department", ident)
    ctx.tx.delete(DEPARTMENT, ident)

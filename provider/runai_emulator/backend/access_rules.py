"""Access rules (role assignments): create, read, list, delete; no update exists.

A second rule with the same (subjectType, subjectId, roleId, scopeType, scopeId) gets 409 or
is stored beside the first, as the duplicateAccessRules switch says: the real API documents no
uniqueness error, so a provider must be correct under both.
"""

from __future__ import annotations

from ..errors import bad_request, conflict, not_found
from .clusters import CLUSTER
from .common import (
    ACCESS_RULE,
    DEPARTMENT,
    PROJECT,
    ROLE,
    Ctx,
    Doc,
    public,
    req_str,
    require_object,
)

SUBJECT_TYPES = ("user", "app", "service-account", "group")
SCOPE_TYPES = ("system", "tenant", "cluster", "department", "project")
_KEY = ("subjectType", "subjectId", "roleId", "scopeType", "scopeId")


def _load(ctx: Ctx, ident: str) -> Doc:
    doc = ctx.tx.get(ACCESS_RULE, ident)
    if doc is None:
        raise not_found("access rule", ident)
    return doc


def _scope(ctx: Ctx, scope_type: str, scope_id: str) -> tuple[str, str | None]:
    """The scope's display name and cluster, or a 400 naming scopeId."""
    if scope_type == "system":
        return "system", None
    if scope_type == "tenant":
        if scope_id != str(ctx.config.tenant_id):
            raise bad_request(f"scopeId: tenant '{scope_id}' does not exist "
                              f"(this tenant is {ctx.config.tenant_id})")
        return "emulator", None
    if scope_type == "cluster":
        cluster = ctx.tx.get(CLUSTER, scope_id)
        if cluster is None:
            raise bad_request(f"scopeId: cluster '{scope_id}' does not exist")
        return str(cluster["name"]), str(cluster["uuid"])
    kind = DEPARTMENT if scope_type == "department" else PROJECT
    target = ctx.tx.get(kind, scope_id)
    if target is None or "_deleteAt" in target:
        raise bad_request(f"scopeId: {scope_type} '{scope_id}' does not exist")
    return str(target["name"]), str(target["clusterId"])


def view(ctx: Ctx, doc: Doc) -> Doc:
    out = public(doc)
    ready = ctx.now >= doc["_createdTs"] + ctx.config.ready_delay
    out["status"] = {"phase": "Ready" if ready else "Creating", "message": "", "details": ""}
    return out


def create(ctx: Ctx, body: object) -> Doc:
    data = require_object(body)
    subject_type = req_str(data, "subjectType")
    if subject_type not in SUBJECT_TYPES:
        raise bad_request(f"subjectType must be one of {', '.join(SUBJECT_TYPES)}")
    subject_id = req_str(data, "subjectId")
    role_id = data.get("roleId")
    if role_id is None:
        raise bad_request("roleId is required")
    if isinstance(role_id, bool) or not isinstance(role_id, int):
        raise bad_request("roleId must be an integer")
    role = ctx.tx.get(ROLE, str(role_id))
    if role is None:
        raise bad_request(f"roleId: role {role_id} does not exist")
    scope_type = req_str(data, "scopeType")
    if scope_type not in SCOPE_TYPES:
        raise bad_request(f"scopeType must be one of {', '.join(SCOPE_TYPES)}")
    scope_id = req_str(data, "scopeId")
    scope_name, scope_cluster = _scope(ctx, scope_type, scope_id)
    cluster_id = data.get("clusterId")
    if cluster_id is not None:
        if not isinstance(cluster_id, str) or ctx.tx.get(CLUSTER, cluster_id) is None:
            raise bad_request(f"clusterId: cluster '{cluster_id}' does not exist")
        if scope_cluster and cluster_id != scope_cluster:
            raise bad_request(f"clusterId '{cluster_id}' is not the cluster of the scope")
    cluster_id = cluster_id or scope_cluster
    key = (subject_type, subject_id, role_id, scope_type, scope_id)
    for other in ctx.tx.all(ACCESS_RULE) if ctx.switches.duplicateAccessRules == "reject" else ():
        if tuple(other[k] for k in _KEY) == key:
            raise conflict(f"access rule {other['id']} already grants role '{role['name']}' "
                           f"to {subject_type} '{subject_id}' on {scope_type} '{scope_id}'")
    ident = ctx.tx.next_id("access_rule", 1)
    doc: Doc = {
        "id": ident,
        "subjectId": subject_id,
        "subjectType": subject_type,
        "roleId": role_id,
        "roleName": role["name"],
        "scopeId": scope_id,
        "scopeType": scope_type,
        "scopeName": scope_name,
        "tenantId": ctx.config.tenant_id,
        "createdBy": ctx.actor,
        "createdAt": ctx.now_iso,
        "updatedAt": ctx.now_iso,
        "deletedAt": None,
        "_createdTs": ctx.now,
    }
    if cluster_id:
        doc["clusterId"] = cluster_id
    ctx.tx.put(ACCESS_RULE, str(ident), doc)
    return view(ctx, doc)


def get(ctx: Ctx, ident: int) -> Doc:
    out = view(ctx, _load(ctx, str(ident)))
    out["scopePath"] = None
    return out


def all_for_list(ctx: Ctx) -> list[Doc]:
    return [view(ctx, r) for r in ctx.tx.all(ACCESS_RULE)]


def delete(ctx: Ctx, ident: int) -> None:
    _load(ctx, str(ident))
    ctx.tx.delete(ACCESS_RULE, str(ident))


def remove_for_scope(ctx: Ctx, scope_type: str, scope_id: str) -> None:
    for rule in ctx.tx.all(ACCESS_RULE):
        if rule["scopeType"] == scope_type and rule["scopeId"] == scope_id:
            ctx.tx.delete(ACCESS_RULE, str(rule["id"]))


def remove_for_subject(ctx: Ctx, subject_type: str, subject_ids: set[str]) -> None:
    for rule in ctx.tx.all(ACCESS_RULE):
        if rule["subjectType"] == subject_type and rule["subjectId"] in subject_ids:
            ctx.tx.delete(ACCESS_RULE, str(rule["id"]))

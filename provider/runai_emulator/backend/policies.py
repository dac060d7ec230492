"""Workload policies: one per (workload type, scope), written whole with PUT, no POST.

Scopes nest tenant > cluster > department > project. A policy's `effective` view merges the
policies of its scope and the scopes above it: `defaults` from the narrowest scope win, `rules`
from the broadest scope win (a project cannot loosen its department's limits), and
`imposedAssets` add up. Deleting a department or project deletes its policies.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pulumi_runai.models.workload_policy import SCOPE_ID_FIELDS, SCOPE_TYPES

from ..errors import bad_request, not_found
from .clusters import CLUSTER
from .common import DEPARTMENT, PROJECT, Ctx, Doc, require_object
from .policy_schema import WORKLOAD_TYPES, WorkloadType, check, check_policy

POLICY = "policies"
SCOPES = SCOPE_TYPES
_ID_FIELD = SCOPE_ID_FIELDS  # the id field of each scope, in `meta` and in GET / DELETE queries


@dataclass(frozen=True)
class Scope:
    """Where a policy applies, with the scopes above it (broadest first)."""

    kind: str
    ident: str | None
    cluster: str | None = None
    department: str | None = None

    @property
    def chain(self) -> list[tuple[str, str | None]]:
        links: list[tuple[str, str | None]] = [("tenant", None)]
        if self.cluster:
            links.append(("cluster", self.cluster))
        if self.department:
            links.append(("department", self.department))
        if self.kind == "project":
            links.append(("project", self.ident))
        return links

    def meta(self) -> Doc:
        out: Doc = {"scope": self.kind}
        if self.cluster:
            out["clusterId"] = self.cluster
        if self.kind == "department":
            out["departmentId"] = self.ident
        if self.kind == "project":
            out["projectId"] = int(str(self.ident))
        return out


def workload(segment: str) -> WorkloadType:
    found = WORKLOAD_TYPES.get(segment)
    if found is None:
        raise not_found("workload type", f"'{segment}' (one of {', '.join(WORKLOAD_TYPES)})")
    return found


def _resolve(ctx: Ctx, kind: str, ident: str | None, where: str) -> Scope | None:
    """The scope, or None when its cluster, department or project does not exist."""
    if kind == "tenant":
        return Scope("tenant", None)
    if ident is None or ident == "":
        raise bad_request(f"{where}{_ID_FIELD[kind]} is required when scope is {kind}")
    if kind == "cluster":
        return Scope("cluster", ident, cluster=ident) if ctx.tx.get(CLUSTER, ident) else None
    table = DEPARTMENT if kind == "department" else PROJECT
    unit = ctx.tx.get(table, ident)
    if unit is None or "_deleteAt" in unit:
        return None
    if kind == "department":
        return Scope(kind, ident, cluster=unit["clusterId"], department=ident)
    return Scope(kind, ident, cluster=unit["clusterId"], department=unit["parentId"])


def _others_absent(values: Mapping[str, object], kind: str, where: str) -> None:
    """An id of another scope level is a mistake (e.g. projectId on a department policy)."""
    for other, field in _ID_FIELD.items():
        if other != kind and field != "clusterId" and values.get(field) not in (None, ""):
            raise bad_request(f"{where}{field} must not be set when scope is {kind}")
    if kind == "tenant" and values.get("clusterId") not in (None, ""):
        raise bad_request(f"{where}clusterId must not be set when scope is tenant")


def scope_from_query(ctx: Ctx, params: Mapping[str, str]) -> Scope | None:
    """The scope named by `?scope=…&departmentId|projectId|clusterId=…` (None: it is gone)."""
    kind = params.get("scope")
    if kind not in SCOPES:
        raise bad_request(f"scope is required: one of {', '.join(SCOPES)} (got {kind!r})")
    _others_absent(params, kind, "")
    scope = _resolve(ctx, kind, params.get(_ID_FIELD.get(kind, "")), "")
    if scope and kind in ("department", "project") and params.get("clusterId") not in (
            None, "", scope.cluster):
        raise bad_request(f"clusterId '{params['clusterId']}' is not the cluster of {kind} "
                          f"{scope.ident}")
    return scope


def _scope_from_meta(ctx: Ctx, meta: Doc) -> Scope:
    kind = meta["scope"]
    if kind not in SCOPES:
        raise bad_request(f"meta.scope must be one of {', '.join(SCOPES)} (got '{kind}')")
    _others_absent(meta, kind, "meta.")
    raw = meta.get(_ID_FIELD.get(kind, ""))
    ident = None if raw is None else str(raw)
    scope = _resolve(ctx, kind, ident, "meta.")
    if scope is None:
        raise bad_request(f"meta.{_ID_FIELD[kind]}: {kind} '{ident}' does not exist")
    if kind in ("department", "project") and meta.get("clusterId") not in (None, scope.cluster):
        raise bad_request(f"meta.clusterId '{meta['clusterId']}' is not the cluster of {kind} "
                          f"{ident}")
    return scope


def _key(kind: WorkloadType, scope_kind: str, ident: str | None) -> str:
    return f"{kind.segment}/{scope_kind}/{ident or ''}"


def _merge(base: Any, over: Any, over_wins: bool) -> Any:
    """Deep merge of objects; elsewhere `over` replaces `base` only when `over_wins`."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            out[key] = _merge(base[key], value, over_wins) if key in base else value
        return out
    if base is None:
        return over
    return over if over_wins and over is not None else base


def _answer(ctx: Ctx, kind: WorkloadType, scope: Scope, doc: Doc) -> Doc:
    """`{meta, policy, effective, effectiveUpdatedAt}` as the spec's `…PolicyV2` shows."""
    own = (scope.kind, scope.ident)  # always the last link of the chain
    layers = [doc if link == own else ctx.tx.get(POLICY, _key(kind, *link))
              for link in scope.chain]
    present = [d for d in layers if d is not None]
    defaults: Any = None
    rules: Any = None
    assets: list[str] | None = None
    for layer in present:  # broadest first
        body = layer["policy"] or {}
        defaults = _merge(defaults, body.get("defaults"), over_wins=True)
        rules = _merge(rules, body.get("rules"), over_wins=False)
        if body.get("imposedAssets") is not None:
            assets = [*(assets or []), *(a for a in body["imposedAssets"]
                                         if a not in (assets or []))]
    effective: Doc = {"defaults": defaults, "rules": rules}
    if assets is not None:
        effective["imposedAssets"] = assets
    return {
        "meta": doc["meta"],
        "policy": doc["policy"],
        "effective": effective,
        "effectiveUpdatedAt": max(d["meta"]["updatedAt"] for d in present),
    }


def put(ctx: Ctx, kind: WorkloadType, body: object, validate_only: bool) -> Doc:
    """Create or replace the policy of `meta`'s scope; 400 naming the path of a bad field."""
    data = require_object(body)
    unknown = sorted(set(data) - {"meta", "policy"})
    if unknown:
        raise bad_request(f"unknown field(s) {', '.join(unknown)} (a policy takes meta, policy)")
    meta = require_object(data.get("meta"), "meta")
    check(meta, {"$ref": "#/components/schemas/PolicyCreationFields"}, "meta")
    if "policy" not in data:
        raise bad_request("policy is required (an empty policy is {})")
    check_policy(kind, data["policy"])
    scope = _scope_from_meta(ctx, meta)
    key = _key(kind, scope.kind, scope.ident)
    old = ctx.tx.get(POLICY, key)
    created: Doc = old["meta"] if old else {
        "id": str(uuid.uuid4()), "createdBy": ctx.actor, "createdAt": ctx.now_iso}
    doc: Doc = {
        "_key": key,
        "workloadType": kind.segment,
        "meta": {"id": created["id"], "name": meta["name"], **scope.meta(),
                 "tenantId": ctx.config.tenant_id, "createdBy": created["createdBy"],
                 "createdAt": created["createdAt"], "updatedBy": ctx.actor,
                 "updatedAt": ctx.now_iso},
        "policy": data["policy"],
    }
    if not validate_only:
        ctx.tx.put(POLICY, key, doc)
    return _answer(ctx, kind, scope, doc)


def _load(ctx: Ctx, kind: WorkloadType, params: Mapping[str, str]) -> tuple[Scope, Doc]:
    scope = scope_from_query(ctx, params)
    doc = None if scope is None else ctx.tx.get(POLICY, _key(kind, scope.kind, scope.ident))
    if scope is None or doc is None:
        where = params.get("scope", "")
        ident = params.get(_ID_FIELD.get(where, ""), "")
        raise not_found(f"{kind.list_type} policy for", f"{where} {ident}".strip())
    return scope, doc


def get(ctx: Ctx, kind: WorkloadType, params: Mapping[str, str]) -> Doc:
    scope, doc = _load(ctx, kind, params)
    return _answer(ctx, kind, scope, doc)


def delete(ctx: Ctx, kind: WorkloadType, params: Mapping[str, str]) -> None:
    _, doc = _load(ctx, kind, params)
    ctx.tx.delete(POLICY, doc["_key"])


def list_policies(ctx: Ctx, params: Mapping[str, str]) -> list[Doc]:
    """`GET /api/v2/policy` entries `{type, meta}`, filtered by the query."""
    wanted_type = params.get("workloadType")
    filters = {w.list_filter for w in WORKLOAD_TYPES.values() if w.list_filter}
    if wanted_type and wanted_type not in filters:
        raise bad_request(f"workloadType must be one of {', '.join(sorted(filters))}")
    scope = params.get("scope")
    if scope and scope not in SCOPES:
        raise bad_request(f"scope must be one of {', '.join(SCOPES)}")
    out: list[Doc] = []
    for doc in ctx.tx.all(POLICY):
        kind = WORKLOAD_TYPES[doc["workloadType"]]
        meta = doc["meta"]
        if wanted_type and kind.list_filter != wanted_type:
            continue
        if scope and meta["scope"] != scope:
            continue
        if any(params.get(f) and str(meta.get(f)) != params[f] for f in _ID_FIELD.values()):
            continue
        out.append({"type": kind.list_type, "meta": meta})
    return out


def remove_for_scope(ctx: Ctx, scope_kind: str, ident: str) -> None:
    """Forget every policy of a department or project being deleted."""
    field = _ID_FIELD[scope_kind]
    for doc in ctx.tx.all(POLICY):
        meta = doc["meta"]
        if meta["scope"] == scope_kind and str(meta.get(field)) == ident:
            ctx.tx.delete(POLICY, doc["_key"])

"""Roles (v1, read-only) and access rules."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from .. import listing, listspecs
from ..backend import access_rules, roles
from ._http import body, ctx, filter_values, int_path, no_content, ok
from .versions import require_before_3

router = APIRouter()
_V2_ROLES = "/api/v2/authorization/roles"

# Dedicated query parameters of GET access-rules, mapped to the rule field they filter.
_RULE_QUERY = {"subjectType": "subjectType", "clusterId": "clusterId", "scopeType": "scopeType",
               "scopeId": "scopeId", "roleId": "roleId"}


@router.get("/api/v1/authorization/roles")
async def get_roles(request: Request) -> Response:
    """List the roles (bare array; gone in 3.0)."""
    with ctx(request) as c:
        require_before_3(c, "/api/v1/authorization/roles", _V2_ROLES)
        return ok(roles.list_roles(c))


@router.get("/api/v1/authorization/roles/{roleIdPath}")
async def get_role(request: Request, roleIdPath: str) -> Response:
    """Get one role by integer id (gone in 3.0)."""
    with ctx(request) as c:
        require_before_3(c, "/api/v1/authorization/roles/{roleIdPath}", _V2_ROLES)
        return ok(roles.get(c, int_path(roleIdPath, "roleIdPath")))


@router.post("/api/v1/authorization/access-rules")
async def create_access_rule(request: Request) -> Response:
    """Create an access rule (an identical one: 409 or stored, per duplicateAccessRules)."""
    data = await body(request)
    with ctx(request) as c:
        return ok(access_rules.create(c, data), 201)


@router.get("/api/v1/authorization/access-rules")
async def get_access_rules(request: Request) -> Response:
    """List access rules (`{totalRecords, displayRecords, accessRules}`)."""
    params = request.query_params
    with ctx(request) as c:
        items = access_rules.all_for_list(c)
    for name, field in _RULE_QUERY.items():
        if params.get(name):
            items = [r for r in items if str(r.get(field)) == params[name]]
    ids = [x for chunk in params.getlist("subjectIds") for x in chunk.split(",") if x]
    if ids:
        items = [r for r in items if r["subjectId"] in ids]
    if params.get("subjectIdFilter"):
        items = [r for r in items if params["subjectIdFilter"] in r["subjectId"]]
    page, total = listing.apply(items, params, filter_values(request), listspecs.ACCESS_RULES)
    return ok({"totalRecords": total, "displayRecords": len(page), "accessRules": page})


@router.get("/api/v1/authorization/access-rules/{accessRuleId}")
async def get_access_rule(request: Request, accessRuleId: str) -> Response:
    """Get one access rule by integer id."""
    with ctx(request) as c:
        return ok(access_rules.get(c, int_path(accessRuleId, "accessRuleId")))


@router.delete("/api/v1/authorization/access-rules/{accessRuleId}")
async def delete_access_rule(request: Request, accessRuleId: str) -> Response:
    """Delete an access rule."""
    with ctx(request) as c:
        access_rules.delete(c, int_path(accessRuleId, "accessRuleId"))
    return no_content()

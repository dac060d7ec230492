"""Workload policies: PUT (create or replace), GET, DELETE per type and scope; the list."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from ..backend import policies
from ..errors import bad_request
from ._http import body, ctx, no_content, ok

router = APIRouter()

_ONE = "/api/v2/policy/{workloadType}"


def _flag(request: Request, name: str) -> bool:
    raw = request.query_params.get(name, "false").lower()
    if raw not in ("true", "false"):
        raise bad_request(f"{name} must be true or false, got '{raw}'")
    return raw == "true"


@router.get("/api/v2/policy")
async def list_policies(request: Request) -> Response:
    """List policies (`{policies: [{type, meta}]}`), filtered by type, scope and scope ids."""
    _flag(request, "includeFallbackPolicies")
    with ctx(request) as c:
        return ok({"policies": policies.list_policies(c, request.query_params)})


@router.put(_ONE)
async def put_policy(request: Request, workloadType: str) -> Response:
    """Create or replace the policy of `meta`'s scope (`?validateOnly=true` stores nothing)."""
    kind = policies.workload(workloadType)
    validate_only = _flag(request, "validateOnly")
    data = await body(request)
    with ctx(request) as c:
        return ok(policies.put(c, kind, data, validate_only))


@router.get(_ONE)
async def get_policy(request: Request, workloadType: str) -> Response:
    """Get one policy (`?scope=…&projectId=…`, or departmentId, clusterId) and its effective."""
    kind = policies.workload(workloadType)
    with ctx(request) as c:
        return ok(policies.get(c, kind, request.query_params))


@router.delete(_ONE)
async def delete_policy(request: Request, workloadType: str) -> Response:
    """Delete one policy (`?scope=…&projectId=…`, or departmentId, clusterId)."""
    kind = policies.workload(workloadType)
    with ctx(request) as c:
        policies.delete(c, kind, request.query_params)
    return no_content()

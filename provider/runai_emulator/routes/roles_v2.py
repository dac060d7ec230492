"""v2 roles (predefined and custom) and the permission-set catalogue custom roles are built from."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from .. import listing, listspecs
from ..backend import roles_v2
from ._http import body, ctx, filter_values, int_path, no_content, ok

router = APIRouter()

_ROLES = "/api/v2/authorization/roles"
_PERMISSION_SETS = "/api/v1/authorization/permission-sets"


@router.get(_ROLES)
async def get_roles_v2(request: Request) -> Response:
    """List predefined and custom roles (`{roles: [...], next?}`)."""
    with ctx(request) as c:
        items = roles_v2.list_roles(c)
    params = request.query_params
    page, total = listing.apply(items, params, filter_values(request), listspecs.ROLES_V2)
    offset = int(params.get("offset") or 0)
    out: dict[str, object] = {"roles": page}
    if offset + len(page) < total:
        out["next"] = offset + len(page)
    return ok(out)


@router.post(_ROLES)
async def create_role(request: Request) -> Response:
    """Create a custom role from permission sets (409 on a taken name)."""
    data = await body(request)
    with ctx(request) as c:
        return ok(roles_v2.create(c, data), 201)


@router.get(_ROLES + "/{roleIdPath}")
async def get_role_v2(request: Request, roleIdPath: str) -> Response:
    """Get one role (predefined or custom) by integer id."""
    with ctx(request) as c:
        return ok(roles_v2.get(c, int_path(roleIdPath, "roleIdPath")))


@router.put(_ROLES + "/{roleIdPath}")
async def update_role(request: Request, roleIdPath: str) -> Response:
    """Replace a custom role's fields (predefined roles: 403)."""
    data = await body(request)
    with ctx(request) as c:
        return ok(roles_v2.update(c, int_path(roleIdPath, "roleIdPath"), data))


@router.delete(_ROLES + "/{roleIdPath}")
async def delete_role(request: Request, roleIdPath: str) -> Response:
    """Delete a custom role no access rule grants (predefined roles: 403)."""
    with ctx(request) as c:
        roles_v2.delete(c, int_path(roleIdPath, "roleIdPath"))
    return no_content()


@router.get(_PERMISSION_SETS)
async def get_permission_sets(request: Request) -> Response:
    """The permission-set catalogue (`{permissionSets: [...]}`)."""
    return ok({"permissionSets": roles_v2.permission_sets()})


@router.get(_PERMISSION_SETS + "/{permissionSetId}")
async def get_permission_set(request: Request, permissionSetId: str) -> Response:
    """Get one permission set by uuid."""
    return ok(roles_v2.permission_set(permissionSetId))

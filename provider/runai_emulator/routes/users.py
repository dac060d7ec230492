"""Local users: create, list (bare array), get, delete."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from .. import listing, listspecs
from ..backend import users
from ._http import body, ctx, filter_values, no_content, ok

router = APIRouter()


@router.post("/api/v1/users")
async def create_user(request: Request) -> Response:
    """Create a local user; the answer carries the temporary password once."""
    data = await body(request)
    with ctx(request) as c:
        return ok(users.create(c, data), 201)


@router.get("/api/v1/users")
async def get_users(request: Request) -> Response:
    """List users (bare array; default limit 500)."""
    with ctx(request) as c:
        items = users.all_for_list(c)
    page, _ = listing.apply(items, request.query_params, filter_values(request), listspecs.USERS)
    return ok(page)


@router.get("/api/v1/users/{userId}")
async def get_user(request: Request, userId: str) -> Response:
    """Get one user."""
    with ctx(request) as c:
        return ok(users.get(c, userId))


@router.delete("/api/v1/users/{userId}")
async def delete_user(request: Request, userId: str) -> Response:
    """Delete a user and the access rules naming it."""
    with ctx(request) as c:
        users.delete(c, userId)
    return no_content()

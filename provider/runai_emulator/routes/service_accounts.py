"""Service accounts: create (secret once), list (bare array), get, enable, rotate, delete."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from ..backend import service_accounts
from ._http import body, ctx, no_content, ok

router = APIRouter()

_BASE = "/api/v1/service-accounts"


@router.post(_BASE)
async def create_service_account(request: Request) -> Response:
    """Create a service account; the answer carries its client secret, once."""
    data = await body(request)
    with ctx(request) as c:
        return ok(service_accounts.create(c, data), 201)


@router.get(_BASE)
async def get_service_accounts(request: Request) -> Response:
    """List service accounts (bare array, never a secret)."""
    with ctx(request) as c:
        return ok(service_accounts.all_for_list(c))


@router.get(_BASE + "/{serviceAccountId}")
async def get_service_account(request: Request, serviceAccountId: str) -> Response:
    """Get one service account."""
    with ctx(request) as c:
        return ok(service_accounts.get(c, serviceAccountId))


@router.patch(_BASE + "/{serviceAccountId}")
async def patch_service_account(request: Request, serviceAccountId: str) -> Response:
    """Enable or disable a service account (`{"enabled": bool}`; 200, empty body)."""
    data = await body(request)
    with ctx(request) as c:
        service_accounts.set_enabled(c, serviceAccountId, data)
    return Response(status_code=200)


@router.delete(_BASE + "/{serviceAccountId}")
async def delete_service_account(request: Request, serviceAccountId: str) -> Response:
    """Delete a service account and the access rules naming it."""
    with ctx(request) as c:
        service_accounts.delete(c, serviceAccountId)
    return no_content()


@router.post(_BASE + "/{serviceAccountId}/secret")
async def rotate_service_account_secret(request: Request, serviceAccountId: str) -> Response:
    """Issue a new client secret (in the answer, once); the old one stops working."""
    with ctx(request) as c:
        return ok(service_accounts.rotate_secret(c, serviceAccountId))

"""Endpoints whose presence depends on the emulated control-plane version (apiVersion switch).

3.0 removed `/api/v1/authorization/roles` (use v2 roles), `/api/v1/apps` (use service accounts)
and `/api/v1/org-unit/priorities` (use ranks); they answer 404 there, as a removed route does.
"""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from ..backend import ranks, service_accounts
from ..backend.common import Ctx
from ..errors import not_found
from ._http import ctx, ok

router = APIRouter()


def require_before_3(c: Ctx, path: str, instead: str) -> None:
    """404 when emulating 3.0, which removed `path`; the message names the replacement."""
    if c.switches.apiVersion == "3.0":
        raise not_found("endpoint", f"{path} (removed in control plane 3.0; use {instead})")


@router.get("/api/v1/apps")
async def get_applications(request: Request) -> Response:
    """List applications: the service accounts under their pre-2.24 name (gone in 3.0)."""
    with ctx(request) as c:
        require_before_3(c, "/api/v1/apps", "/api/v1/service-accounts")
        return ok(service_accounts.all_for_list(c))


@router.get("/api/v1/org-unit/priorities")
async def get_priorities(request: Request) -> Response:
    """The org-unit priorities (deprecated for ranks; gone in 3.0)."""
    with ctx(request) as c:
        require_before_3(c, "/api/v1/org-unit/priorities", "/api/v1/org-unit/ranks")
    return ok({"priorities": ranks.listing()})


@router.get("/api/v1/org-unit/ranks")
async def get_ranks(request: Request) -> Response:
    """The ranks a quota entry's `rank` takes (`{ranks: [{name, value, isDefault}]}`)."""
    return ok({"ranks": ranks.listing()})

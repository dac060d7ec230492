"""`/_emulator/*`: test control endpoints, not part of Run:ai, without auth."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from ..backend.common import public
from ..faults import Faults
from ..requestlog import RequestLog
from ._http import backend, body, no_content, ok

router = APIRouter()

_KINDS = ("clusters", "nodepools", "departments", "projects", "users", "roles", "access_rules")


def _log(request: Request) -> RequestLog:
    log: RequestLog = request.app.state.request_log
    return log


def _faults(request: Request) -> Faults:
    faults: Faults = request.app.state.faults
    return faults


@router.get("/_emulator/requests")
async def list_requests(request: Request) -> Response:
    """The API requests received, in order: method, path, query, status, clientId, start, end."""
    return ok(_log(request).entries())


@router.delete("/_emulator/requests")
async def clear_requests(request: Request) -> Response:
    """Forget the request log."""
    _log(request).clear()
    return no_content()


@router.post("/_emulator/reset")
async def reset(request: Request) -> Response:
    """Back to the seed state (faults and the request log are separate)."""
    backend(request).reset()
    return no_content()


@router.get("/_emulator/state")
async def state(request: Request) -> Response:
    """Every stored object by kind (internal bookkeeping stripped)."""
    with backend(request).ctx() as c:
        return ok({kind: [public(d) for d in c.tx.all(kind)] for kind in _KINDS})


@router.get("/_emulator/faults")
async def get_faults(request: Request) -> Response:
    """The current fault settings."""
    return ok(_faults(request).snapshot())


@router.put("/_emulator/faults")
async def put_faults(request: Request) -> Response:
    """Change some fault settings (partial update)."""
    return ok(_faults(request).update(await body(request)))


@router.delete("/_emulator/faults")
async def reset_faults(request: Request) -> Response:
    """Back to the command-line fault settings and random sequence."""
    _faults(request).reset()
    return ok(_faults(request).snapshot())

"""`/_emulator/*`: test control endpoints, not part of Run:ai, without auth."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from ..backend.common import public
from ..errors import bad_request
from ..faults import Faults
from ..requestlog import RequestLog
from ..switches import SwitchError
from ._http import backend, body, no_content, ok

router = APIRouter()

_KINDS = ("clusters", "nodepools", "departments", "projects", "users", "roles", "access_rules",
          "service_accounts", "policies")


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
    """Back to the seed state and command-line switches (faults and request log stay)."""
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


@router.get("/_emulator/switches")
async def get_switches(request: Request) -> Response:
    """The current switches (behaviours the Run:ai docs leave open)."""
    return ok(backend(request).switches.wire())


@router.put("/_emulator/switches")
async def put_switches(request: Request) -> Response:
    """Change some switches (partial update; 400 naming a bad name or value)."""
    data = await body(request)
    try:
        return ok(backend(request).set_switches(data).wire())
    except SwitchError as err:
        raise bad_request(str(err)) from None


@router.delete("/_emulator/switches")
async def reset_switches(request: Request) -> Response:
    """Back to the command-line switches."""
    return ok(backend(request).set_switches(backend(request).config.switches.wire()).wire())

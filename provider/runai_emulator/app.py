"""The app factory: wires store, backend, tokens, faults and routes into one FastAPI app."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from .auth import TokenService
from .backend import Backend
from .config import EmulatorConfig
from .errors import EmulatorError
from .faults import Faults, FaultSettings
from .middleware import ApiMiddleware
from .requestlog import RequestLog
from .routes import (
    authorization,
    clusters,
    control,
    node_pools,
    orgunits,
    overview,
    policies,
    roles_v2,
    service_accounts,
    tokens,
    users,
    versions,
)
from .routes._http import Json
from .store import Store

ROUTERS: tuple[APIRouter, ...] = (
    tokens.router,
    clusters.router,
    node_pools.router,
    overview.router,
    versions.router,
    orgunits.department_router,
    orgunits.project_router,
    users.router,
    authorization.router,
    service_accounts.router,
    roles_v2.router,
    policies.router,
    control.router,
)


def _error(status: int, message: str) -> Response:
    return Json({"code": status, "message": message}, status_code=status)


async def _on_emulator_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, EmulatorError)
    return Json(exc.body(), status_code=exc.status)


async def _on_http_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    response = _error(exc.status_code, str(exc.detail))
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _on_validation_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    fields = ", ".join(".".join(str(p) for p in e.get("loc", ())) for e in exc.errors())
    return _error(400, f"invalid request: {fields}")


async def _on_crash(_request: Request, exc: Exception) -> Response:
    return _error(500, f"internal error: {type(exc).__name__}")


def create_app(config: EmulatorConfig | None = None) -> FastAPI:
    """A ready app; state lives in `config.db_path` and is seeded when empty."""
    config = config or EmulatorConfig()
    store = Store(config.db_path)
    app = FastAPI(
        title="Run:ai control-plane emulator",
        openapi_url="/_emulator/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.config = config
    app.state.backend = Backend(config, store)
    app.state.tokens = TokenService(config, store)
    app.state.faults = Faults(
        FaultSettings(
            latencyMs=config.latency_ms,
            latencyJitterMs=config.latency_jitter_ms,
            errorRate=config.error_rate,
            rateLimitRate=config.rate_limit_rate,
            dropAfterCommitRate=config.drop_after_commit_rate,
        ),
        seed=config.seed,
    )
    app.state.request_log = RequestLog()
    for router in ROUTERS:
        app.include_router(router)
    app.add_exception_handler(EmulatorError, _on_emulator_error)
    app.add_exception_handler(HTTPException, _on_http_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(Exception, _on_crash)
    app.add_middleware(
        ApiMiddleware,
        tokens=app.state.tokens,
        faults=app.state.faults,
        log=app.state.request_log,
    )
    return app

"""Pure-ASGI layer in front of /api routes: auth, read-only check, faults, request log.

Kept out of FastAPI dependencies so a simple GET costs one JWT decode and no extra task.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .auth import TokenService
from .errors import EmulatorError
from .faults import RETRY_AFTER_SECONDS, Action, Faults
from .requestlog import RequestLog

TOKEN_PATHS = frozenset({"/api/v1/token", "/api/v2/token"})
# Served without a token (a browser opens the API documentation); like the token paths they
# get latency only, never an injected fault.
PUBLIC_PATHS = TOKEN_PATHS | {"/api/docs"}
# The REST API: `/api/...` and the legacy `/v1/k8s/...` the REST overview's example calls.
API_PREFIXES = ("/api/", "/v1/")
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


async def send_error(send: Send, error: EmulatorError, headers: list[tuple[bytes, bytes]]) -> None:
    body = json.dumps(error.body()).encode()
    await send({
        "type": "http.response.start",
        "status": error.status,
        "headers": [(b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()), *headers],
    })
    await send({"type": "http.response.body", "body": body})


class ApiMiddleware:
    """Wraps the app; only API paths (`API_PREFIXES`) are affected."""

    def __init__(self, app: ASGIApp, tokens: TokenService, faults: Faults, log: RequestLog) -> None:
        self.app = app
        self.tokens = tokens
        self.faults = faults
        self.log = log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(API_PREFIXES):
            await self.app(scope, receive, send)
            return
        entry: dict[str, Any] = {
            "method": scope["method"],
            "path": scope["path"],
            "query": scope.get("query_string", b"").decode("latin-1"),
            "status": 0,
            "clientId": None,
            # Wall-clock seconds when the request arrived and when it was answered, so that
            # tests can see how many requests a client had in flight at once.
            "start": time.time(),
            "end": 0.0,
        }
        try:
            await self._handle(scope, receive, send, entry)
        finally:
            entry["end"] = time.time()
            self.log.append(entry)

    async def _handle(self, scope: Scope, receive: Receive, send: Send,
                      entry: dict[str, Any]) -> None:
        delay = self.faults.latency()
        if delay > 0:
            await asyncio.sleep(delay)
        state = scope.setdefault("state", {})
        is_write = scope["method"] in WRITE_METHODS
        if scope["path"] not in PUBLIC_PATHS:
            headers = dict(scope.get("headers") or [])
            auth = headers.get(b"authorization")
            try:
                principal = self.tokens.verify(auth.decode("latin-1") if auth else None)
            except EmulatorError as err:
                entry["status"] = err.status
                await send_error(send, err, [(b"www-authenticate", b"Bearer")])
                return
            state["client_id"] = entry["clientId"] = principal.client_id
            if principal.read_only and is_write:
                entry["status"] = 403
                await send_error(send, EmulatorError(
                    403, f"Forbidden: client '{principal.client_id}' is read-only"), [])
                return
            action = self.faults.decide(is_write)
            if action is Action.RATE_LIMIT:
                entry["status"] = 429
                await send_error(send, EmulatorError(429, "Too many requests (injected)"),
                                 [(b"retry-after", str(RETRY_AFTER_SECONDS).encode())])
                return
            if action is Action.ERROR:
                entry["status"] = 503
                await send_error(send, EmulatorError(503, "Service unavailable (injected)"), [])
                return
            if action is Action.DROP_AFTER_COMMIT:
                await self._drop_answer(scope, receive, send, entry)
                return

        async def logging_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                entry["status"] = message["status"]
            await send(message)

        await self.app(scope, receive, logging_send)
        if entry["clientId"] is None:
            entry["clientId"] = state.get("client_id")

    async def _drop_answer(self, scope: Scope, receive: Receive, send: Send,
                           entry: dict[str, Any]) -> None:
        """Perform the write, then answer 503 as if the response had been lost."""
        dropping = False

        async def swallowing_send(message: Message) -> None:
            nonlocal dropping
            if message["type"] == "http.response.start":
                if message["status"] < 400:
                    dropping = True
                    entry["status"] = 503
                    entry["dropped"] = True
                    await send_error(send, EmulatorError(
                        503, "Service unavailable (injected after commit)"), [])
                    return
                entry["status"] = message["status"]
            elif dropping:
                return
            await send(message)

        await self.app(scope, receive, swallowing_send)

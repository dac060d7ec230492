"""Small helpers the route modules share."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..backend import Backend
from ..backend.common import Ctx
from ..errors import bad_request


class Json(JSONResponse):
    """Compact JSON without FastAPI's encoder pass (the backend already returns plain data)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, separators=(",", ":")).encode()


def backend(request: Request) -> Backend:
    result: Backend = request.app.state.backend
    return result


@contextmanager
def ctx(request: Request) -> Iterator[Ctx]:
    """One transaction acting as the token's client (`createdBy`)."""
    actor = str(request.scope.get("state", {}).get("client_id") or "system")
    with backend(request).ctx(actor) as c:
        yield c


async def body(request: Request) -> object:
    raw = await request.body()
    if not raw:
        raise bad_request("request body is required (JSON)")
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise bad_request("request body is not valid JSON") from None


def filter_values(request: Request) -> list[str]:
    return request.query_params.getlist("filterBy")


def int_path(value: str, name: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise bad_request(f"{name} must be an integer, got '{value}'") from None
    if number < 0 or number > 2**31 - 1:
        raise bad_request(f"{name} must be a non-negative int32, got {value}")
    return number


def ok(content: Any, status: int = 200) -> Response:
    return Json(content, status_code=status)


def no_content() -> Response:
    return Response(status_code=204)


def accepted() -> Response:
    return Json({"code": 202, "message": "Request has been accepted."}, status_code=202)

"""Token endpoints: JSON `/api/v1/token` and OAuth2 form `/api/v2/token`."""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from ..auth import TokenService, parse_v1_token_request
from ..errors import EmulatorError
from ._http import body, ok

router = APIRouter()


def _tokens(request: Request) -> TokenService:
    service: TokenService = request.app.state.tokens
    return service


@router.post("/api/v1/token")
async def grant_token(request: Request) -> Response:
    """Issue a token for client credentials (`client_credentials` or `app_token`)."""
    client_id, secret = parse_v1_token_request(await body(request))
    principal = _tokens(request).authenticate(client_id, secret)
    if principal is None:
        # The spec declares only 400/500/503 for this operation, so wrong credentials are 400.
        raise EmulatorError(400, "invalid client credentials (clientId/clientSecret)")
    request.scope.setdefault("state", {})["client_id"] = principal.client_id
    token, ttl = _tokens(request).issue(principal)
    return ok({"accessToken": token, "idToken": token, "refreshToken": token, "expiresIn": ttl})


def _oauth_error(status: int, error: str, description: str) -> Response:
    return ok({"error": error, "error_description": description}, status)


@router.post("/api/v2/token")
async def grant_token_v2(request: Request) -> Response:
    """OAuth2 token endpoint (form-encoded `grant_type=client_credentials`)."""
    raw = (await request.body()).decode("utf-8", errors="replace")
    form = {k: v[0] for k, v in parse_qs(raw).items()}
    if form.get("grant_type") != "client_credentials":
        return _oauth_error(400, "unsupported_grant_type",
                            "grant_type must be client_credentials")
    client_id, secret = form.get("client_id"), form.get("client_secret")
    if not client_id or not secret:
        return _oauth_error(400, "invalid_request", "client_id and client_secret are required")
    principal = _tokens(request).authenticate(client_id, secret)
    if principal is None:
        return _oauth_error(401, "invalid_client", "Client authentication failed")
    request.scope.setdefault("state", {})["client_id"] = principal.client_id
    token, ttl = _tokens(request).issue(principal)
    return ok({"access_token": token, "token_type": "Bearer", "expires_in": ttl,
               "refresh_token": token, "id_token": token})

"""The client-credentials grant: how a client gets its bearer token, and what its failures mean.

The token request is the first one a client sends, so its answer is where a wrong setting
shows: credentials the control plane refuses (``Unauthorized`` naming the settings), or a
``runai:url`` that answers but is not Run:ai (``NotRunaiControlPlane``: an HTML page, no token
endpoint), which no retry would fix.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Mapping
from typing import Any

from ._token import TokenCache, TokenKey
from ._transport import Request, Response
from .errors import NotRunaiControlPlane, RunaiHTTPError, Unauthorized
from .settings import Settings

__all__ = ["TOKEN_PATH", "ClientCredentials"]

log = logging.getLogger("pulumi_runai")

TOKEN_PATH = "/api/v1/token"
# Answers to the token request that say credentials were refused, not that the URL is wrong.
_REFUSED = frozenset({400, 401, 403})
# Answers that say there is no token endpoint at this URL: not found, method not allowed or
# not implemented (what a static web server answers to a POST).
_NO_TOKEN_ENDPOINT = frozenset({404, 405, 501})

# Sends a request through the retrying layer of the client's chain (no authentication).
Send = Callable[[Request], Response]


class ClientCredentials:
    """The bearer token of one (url, client id, secret), cached process-wide in ``tokens``."""

    def __init__(
        self,
        settings: Settings,
        tokens: TokenCache,
        timeout: tuple[float, float],
        now: Callable[[], float],
    ) -> None:
        self._settings = settings
        self._tokens = tokens
        self._timeout = timeout
        self._now = now
        # The secret is part of the key (as a digest): a client with a wrong or revoked secret
        # must not be handed a token that another client fetched with the right one.
        self.key: TokenKey = (
            settings.url,
            settings.client_id,
            hashlib.sha256(settings.client_secret.encode()).hexdigest(),
        )

    def __repr__(self) -> str:
        settings = self._settings
        return f"ClientCredentials(url={settings.url!r}, client_id={settings.client_id!r})"

    def token(self, send: Send) -> str:
        """A valid token: the cached one, else a new grant (one at a time per key)."""
        return self._tokens.get(self.key, lambda: self._grant(send), self._now)

    def forget(self, stale: str) -> None:
        """After a 401: drop ``stale`` so that the next ``token`` asks for a new one."""
        self._tokens.invalidate(self.key, stale)

    def _grant(self, send: Send) -> tuple[str, Any]:
        """POST /api/v1/token with client credentials; safe to repeat (it creates nothing)."""
        settings = self._settings
        request = Request(
            "POST",
            settings.url + TOKEN_PATH,
            TOKEN_PATH,
            json={
                "grantType": "client_credentials",
                "clientId": settings.client_id,
                "clientSecret": settings.client_secret,
            },
            timeout=self._timeout,
        )
        try:
            answer = send(request)
        except RunaiHTTPError as exc:
            if exc.status in _REFUSED and _is_markup(exc.message):
                # Run:ai refuses credentials in JSON; an HTML 400 is, for example, a web
                # server's "plain HTTP request sent to an HTTPS port".
                raise self._not_runai(
                    f"answered POST {TOKEN_PATH} with an HTML page ({exc.status})"
                ) from None
            if exc.status in _REFUSED:
                raise Unauthorized(
                    exc.status,
                    f"the control plane at {settings.url} refused client id "
                    f"{settings.client_id!r} and its secret",
                    code=exc.code,
                    details=exc.message,
                    method="POST",
                    path=TOKEN_PATH,
                ) from None
            if exc.status in _NO_TOKEN_ENDPOINT:
                raise self._not_runai(f"answered {exc.status} to POST {TOKEN_PATH}") from None
            raise
        body = answer.body()
        token = body.get("accessToken") if isinstance(body, Mapping) else None
        if not isinstance(token, str) or not token:
            raise self._not_runai(f"answered POST {TOKEN_PATH} with {_describe(answer, body)}")
        log.debug("token acquired for client id %s", settings.client_id)
        return token, body.get("expiresIn")

    def _not_runai(self, what: str) -> NotRunaiControlPlane:
        url = self._settings.url
        return NotRunaiControlPlane(
            f"{url} does not look like a Run:ai control plane: it {what}. Set runai:url or "
            "RUNAI_URL to the address of the Run:ai control plane, for example "
            "https://<tenant>.run.ai"
        )


def _describe(answer: Response, body: Any) -> str:
    """What came back instead of a token, without repeating any of it (it may echo the secret)."""
    if isinstance(body, Mapping):
        return f"a {answer.status} JSON object without an accessToken"
    if isinstance(body, list):
        return f"a {answer.status} JSON array"
    if body is None:
        return f"an empty {answer.status}"
    kind = "an HTML page" if "html" in answer.content_type.lower() else "text, not JSON"
    return f"{kind} ({answer.status})"


def _is_markup(message: str) -> bool:
    """Whether an error's text is an HTML (or XML) page rather than an API message."""
    return message.lstrip()[:1] == "<"

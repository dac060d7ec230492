"""The exception tree of pulumi_runai.

One root so that a Pulumi program (or a test) can catch everything this package raises::

    RunaiError
    ├── ConfigError          settings missing or invalid (names both ways to set them)
    │   └── NotRunaiControlPlane  runai:url answers, but not as Run:ai
    ├── ValidationError      inputs the API would reject, caught before any request
    ├── AmbiguousMatch       a lookup matched more than one object
    ├── WaitTimeout          polling gave up
    ├── TransportError       no HTTP answer: connection refused/reset, timeout, TLS
    └── RunaiHTTPError       an HTTP answer with an error status
        ├── BadRequest       400 (and 422)
        ├── Unauthorized     401
        ├── Forbidden        403
        ├── NotFound         404
        ├── Conflict         409
        ├── RateLimited      429
        └── ServerError      5xx

Messages say what to do next. They never carry a token, secret or password: the client builds
them from the status and the API's ``message``/``details`` after redaction (see ``redact``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = [
    "AmbiguousMatch",
    "BadRequest",
    "ConfigError",
    "Conflict",
    "Forbidden",
    "NotFound",
    "NotRunaiControlPlane",
    "RateLimited",
    "RunaiError",
    "RunaiHTTPError",
    "ServerError",
    "TransportError",
    "Unauthorized",
    "ValidationError",
    "WaitTimeout",
    "error_for_status",
    "redact",
    "redact_text",
]

# Keys whose values must never be logged or shown, compared case-insensitively.
SECRET_KEYS = frozenset(
    k.lower()
    for k in (
        "clientSecret",
        "client_secret",
        "secret",
        "appSecret",
        "password",
        "tempPassword",
        "temp_password",
        "newPassword",
        "currentPassword",
        "accessToken",
        "access_token",
        "refreshToken",
        "refresh_token",
        "idToken",
        "id_token",
        "token",
        "externalToken",
        "authorization",
    )
)
REDACTED = "[redacted]"
# A JWT anywhere in free text (three base64url parts, the first starting like a JSON header).
_JWT_RE = re.compile(r"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")


def redact(value: Any) -> Any:
    """Copy of a JSON-like value with secret-bearing keys replaced, for debug logs."""
    if isinstance(value, Mapping):
        return {
            k: (REDACTED if str(k).lower() in SECRET_KEYS else redact(v)) for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [redact(v) for v in value]
    if isinstance(value, str):
        return redact_text(value)
    return value


def redact_text(text: str, secrets: Iterable[str] = ()) -> str:
    """Remove JWTs and the given secret values from text the server or a caller produced."""
    out = _JWT_RE.sub(REDACTED, text)
    for secret in secrets:
        if secret and len(secret) >= 4:
            out = out.replace(secret, REDACTED)
    return out


class RunaiError(Exception):
    """Root of every error raised by pulumi_runai."""


class ConfigError(RunaiError):
    """A setting is missing or invalid; the message names the stack config key and env var.

    For a bad or missing value, ``key`` (``runai:timeout``), ``env`` (``RUNAI_TIMEOUT``) and
    ``problem`` (``must be ..., got 'x'``, ``is not set``) are set too, so that a caller that
    reads no stack config (an explicit provider, the export CLI) can name the setting its own
    way."""

    def __init__(self, message: str, key: str = "", env: str = "", problem: str = "") -> None:
        super().__init__(message)
        self.key = key
        self.env = env
        self.problem = problem


class BadURL(ConfigError):
    """runai:url is not an http(s) URL (``url`` holds what was given)."""

    def __init__(self, message: str, url: str) -> None:
        super().__init__(message, "runai:url", "RUNAI_URL",
                         f"must be an http(s) URL such as https://<tenant>.run.ai, got {url!r}")
        self.url = url


class NotRunaiControlPlane(ConfigError):
    """runai:url answers, but not as a Run:ai control plane (an HTML page, no token endpoint)."""


class ValidationError(RunaiError):
    """An input is invalid; the message names the field and what is allowed."""


class AmbiguousMatch(RunaiError):
    """A lookup by name matched several objects; the message lists them."""


class WaitTimeout(RunaiError):
    """Polling for a state (for example a project becoming Ready) ran out of time."""




class TransportError(RunaiError):
    """The request got no HTTP answer (connection refused or reset, timeout, TLS failure).

    ``sent`` is False when the request surely never reached the server (nothing was done, it
    may be sent again whatever its method); ``retryable`` is False when asking again cannot
    help (a TLS certificate the client does not trust).
    """

    def __init__(
        self,
        message: str,
        *,
        method: str = "",
        path: str = "",
        sent: bool = True,
        retryable: bool = True,
    ) -> None:
        super().__init__(message)
        self.method = method
        self.path = path
        self.sent = sent
        self.retryable = retryable

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_transport,
            (str(self), self.method, self.path, self.sent, self.retryable),
        )


def _rebuild_transport(
    message: str, method: str, path: str, sent: bool = True, retryable: bool = True
) -> TransportError:
    return TransportError(message, method=method, path=path, sent=sent, retryable=retryable)


class RunaiHTTPError(RunaiError):
    """The control plane answered with an error status.

    ``status`` is the HTTP status, ``code``/``message``/``details`` come from the API's ``Error``
    body (``code`` falls back to the status), ``method`` and ``path`` name the call (no query).
    """

    default_hint = ""
    # The server's Retry-After in seconds, when it sent one (429, 503).
    retry_after: float | None = None

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: int | None = None,
        details: str | None = None,
        method: str = "",
        path: str = "",
        hint: str | None = None,
    ) -> None:
        self.status = status
        self.code = code if code is not None else status
        self.message = message
        self.details = details
        self.method = method
        self.path = path
        self.hint = self.default_hint if hint is None else hint
        super().__init__(self._render())

    def _render(self) -> str:
        call = f"{self.method} {self.path}".strip()
        text = f"{call}: {self.status} {self.message}" if call else f"{self.status} {self.message}"
        if self.details:
            text += f" ({self.details})"
        if self.hint:
            text += f". {self.hint}"
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_http,
            (
                type(self),
                self.status,
                self.message,
                self.code,
                self.details,
                self.method,
                self.path,
                self.hint,
            ),
        )


def _rebuild_http(
    cls: type[RunaiHTTPError],
    status: int,
    message: str,
    code: int | None,
    details: str | None,
    method: str,
    path: str,
    hint: str | None,
) -> RunaiHTTPError:
    return cls(status, message, code=code, details=details, method=method, path=path, hint=hint)


class BadRequest(RunaiHTTPError):
    """400/422: the API rejected the body; fix the field named in the message."""

    default_hint = "Fix the input named in the message and run again"


class Unauthorized(RunaiHTTPError):
    """401: the credentials were rejected or the token is no longer valid."""

    default_hint = (
        "Check the client id and secret (stack config runai:clientId / runai:clientSecret, "
        "or RUNAI_CLIENT_ID / RUNAI_CLIENT_SECRET) and that the service account is enabled"
    )


class Forbidden(RunaiHTTPError):
    """403: the credentials are valid but lack a role in this scope."""

    default_hint = (
        "The service account lacks permission for this call: give it an access rule with a "
        "role that allows it (for example System administrator) in the right scope"
    )


class NotFound(RunaiHTTPError):
    """404: the object does not exist (callers decide whether that means 'gone')."""

    default_hint = ""


class Conflict(RunaiHTTPError):
    """409: the server refused because of the state it holds (an object with the same key, a
    namespace in use, an object being deleted, a department that still has projects). The
    message is the server's reason; callers that know more (the lifecycle) add the fix."""

    default_hint = ""


class RateLimited(RunaiHTTPError):
    """429 after the retry budget was spent; ``retry_after`` is the server's hint in seconds."""

    default_hint = (
        "The control plane is rate limiting: lower parallelism (pulumi up -p) or retry later"
    )

    retry_after: float | None = None


class ServerError(RunaiHTTPError):
    """5xx after the retry budget was spent."""

    default_hint = "The control plane failed; retry later and check its health"


_BY_STATUS: dict[int, type[RunaiHTTPError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    422: BadRequest,
    429: RateLimited,
}


def error_for_status(
    status: int,
    body: Any,
    *,
    method: str,
    path: str,
    secrets: Iterable[str] = (),
) -> RunaiHTTPError:
    """Build the typed error for an HTTP error answer, tolerating any body shape.

    The API's ``Error`` body is ``{code, message, details}``; the v2 token endpoint answers
    ``{error, error_description}``; proxies answer plain text. Whatever the server said is
    passed through ``redact_text`` with the caller's secrets first.
    """
    secrets = tuple(secrets)
    code: int | None = None
    message = ""
    details: str | None = None
    if isinstance(body, Mapping):
        raw_code = body.get("code")
        code = raw_code if isinstance(raw_code, int) and not isinstance(raw_code, bool) else None
        message = str(
            body.get("message") or body.get("error_description") or body.get("error") or ""
        )
        raw_details = body.get("details")
        details = None if raw_details in (None, "") else str(raw_details)
    elif isinstance(body, str):
        message = body.strip()[:300]
    if not message:
        message = _REASONS.get(status, "error")
    message = redact_text(message, secrets)
    details = redact_text(details, secrets) if details is not None else None
    cls = _BY_STATUS.get(status) or (ServerError if status >= 500 else RunaiHTTPError)
    return cls(status, message, code=code, details=details, method=method, path=path)


_REASONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}

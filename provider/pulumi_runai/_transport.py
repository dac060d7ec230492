"""The transport seam: one HTTP exchange and nothing else (no token, no retry, no error mapping).

``RunaiClient`` sends through any object with ``send(request) -> Response`` that raises
``NoAnswer`` when no HTTP answer came. The default, ``RequestsTransport``, wraps a pooled
``requests.Session``; tests hand the client a scripted transport instead, so that retries,
token renewal, pacing and lost answers are checked in process, without a server or real waits.

``NoAnswer.stage`` says how far the request got, because that decides what is safe next: a
request that never left (refused, unresolved, TLS refused) may be sent again whatever its
method; one that was sent and lost its answer may have been carried out.
"""

from __future__ import annotations

import enum
import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import requests
import urllib3
from requests.adapters import HTTPAdapter

from ._http import parse_body
from .settings import Settings

__all__ = ["NoAnswer", "Request", "RequestsTransport", "Response", "Stage", "Transport"]


@dataclass(frozen=True)
class Request:
    """One HTTP request as the client means it; ``path`` (no query) names it in logs and errors."""

    method: str
    url: str
    path: str
    params: Mapping[str, Any] | None = None
    json: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)
    timeout: tuple[float, float] = (10.0, 30.0)  # (connect, read) seconds

    def with_header(self, name: str, value: str) -> Request:
        return replace(self, headers={**self.headers, name: value})


@dataclass(frozen=True)
class Response:
    """An HTTP answer, read in full. ``headers`` lookups must ignore case (as HTTP does)."""

    status: int
    content: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type") or ""

    def body(self) -> Any:
        """The parsed body: JSON when it is JSON, the text when it is text, None when empty."""
        return parse_body(self.content, self.content_type or None)


class Stage(enum.Enum):
    """How far a request without an answer got."""

    UNRESOLVED = "the host name could not be resolved"
    UNREACHABLE = "no connection could be made"
    CONNECT_TIMEOUT = "the connection timed out"
    TLS = "the TLS handshake failed"
    NOT_TLS = "the server does not answer with TLS"
    READ_TIMEOUT = "no answer in time"
    DROPPED = "the connection closed before the answer"

    @property
    def sent(self) -> bool:
        """Whether the server may have received the request (and carried it out)."""
        return self in (Stage.READ_TIMEOUT, Stage.DROPPED)

    @property
    def lasting(self) -> bool:
        """Whether asking again cannot help (a certificate not trusted, no TLS at all)."""
        return self in (Stage.TLS, Stage.NOT_TLS)


class NoAnswer(Exception):
    """Raised by a transport when a request got no HTTP answer."""

    def __init__(self, stage: Stage, reason: str) -> None:
        super().__init__(f"{stage.value}: {reason}")
        self.stage = stage
        self.reason = reason


class Transport(Protocol):
    def send(self, request: Request) -> Response:
        """The server's answer to ``request``; raises ``NoAnswer`` when there was none."""
        ...

    def close(self) -> None: ...


class RequestsTransport:
    """The default transport: one pooled ``requests.Session`` shared by the host's threads."""

    def __init__(self, settings: Settings, pool_size: int) -> None:
        session = requests.Session()
        adapter = HTTPAdapter(pool_connections=4, pool_maxsize=pool_size, max_retries=0)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        # The environment is read once here, not on every request (requests re-reads proxies,
        # netrc and CA variables per call when trust_env is on, ~0.4 ms each), and a configured
        # runai:caBundle / insecureSkipVerify is not overridden by REQUESTS_CA_BUNDLE.
        session.trust_env = False
        session.proxies = requests.utils.get_environ_proxies(settings.url)
        session.verify = _verify(settings)
        session.headers.update({"Accept": "application/json", "User-Agent": "pulumi-runai"})
        self._session = session

    def send(self, request: Request) -> Response:
        try:
            answer = self._session.request(
                request.method,
                request.url,
                params=request.params,
                json=request.json,
                headers=dict(request.headers),
                timeout=request.timeout,
            )
        except (requests.RequestException, urllib3.exceptions.HTTPError) as exc:
            raise NoAnswer(_stage(exc), _reason(exc)) from None
        return Response(answer.status_code, answer.content, answer.headers)

    def close(self) -> None:
        self._session.close()


def _verify(settings: Settings) -> bool | str:
    """The configured CA bundle or skip wins; otherwise the usual CA environment variables."""
    if settings.verify is True:
        return os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
    return settings.verify


def _stage(exc: BaseException) -> Stage:
    """Classify a requests/urllib3 failure; when unsure, assume the request was sent."""
    if isinstance(exc, requests.exceptions.SSLError):
        # An https:// URL to a plain-HTTP server: its answer is not a TLS record.
        return Stage.NOT_TLS if "WRONG_VERSION_NUMBER" in str(exc) else Stage.TLS
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return Stage.CONNECT_TIMEOUT
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return Stage.READ_TIMEOUT
    if isinstance(exc, requests.exceptions.ProxyError):
        return Stage.DROPPED  # the proxy may have forwarded it
    cause = _root_cause(exc)
    if isinstance(cause, urllib3.exceptions.NewConnectionError):
        if any(isinstance(link, socket.gaierror) for link in _chain(cause)):
            return Stage.UNRESOLVED
        return Stage.UNREACHABLE
    return Stage.DROPPED


def _root_cause(exc: BaseException) -> BaseException:
    """The urllib3 reason inside requests' wrapper (``ConnectionError(MaxRetryError(reason))``)."""
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    reason = getattr(inner, "reason", None)
    return reason if isinstance(reason, BaseException) else inner


def _chain(exc: BaseException) -> list[BaseException]:
    links: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in links:
        links.append(current)
        current = current.__cause__ or current.__context__
    return links


def _reason(exc: BaseException) -> str:
    """The innermost readable reason, e.g. ``[Errno 111] Connection refused``."""
    text = str(_root_cause(exc))
    marker = "Failed to establish a new connection: "
    if marker in text:
        text = text.split(marker, 1)[1]
    return text.strip().rstrip(")").strip() or type(exc).__name__

"""RunaiClient: the one disciplined way this package talks HTTP to the control plane.

What it guarantees, and why:

* one ``requests.Session`` per settings per process, pooled for the host's threads
  (runai:hostThreads, 16 by default);
* one token request per (url, client id) per process in the normal case (``_token``), renewed
  shortly before ``exp`` and once after a 401;
* GET/PUT/PATCH/DELETE retried on 429 (honouring Retry-After), 502/503/504 and connection
  errors, with bounded exponential backoff (``_retry``);
* POST never retried blindly: the API has no idempotency keys, so ``create`` looks the object
  up by its natural key when an answer is lost, and only posts again if it is not there;
* typed errors (``errors``) whose text never carries the secret or a token; the ``logging``
  logger ``pulumi_runai`` gets method, path, status and attempt, never headers or bodies.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, NoReturn

import requests
from requests.adapters import HTTPAdapter

from . import _http
from ._retry import IDEMPOTENT_METHODS, RETRY_STATUSES, RetryPolicy, parse_retry_after
from ._token import TokenCache
from .errors import (
    Conflict,
    RateLimited,
    RunaiError,
    RunaiHTTPError,
    ServerError,
    TransportError,
    Unauthorized,
    error_for_status,
    redact_text,
)
from .filters import join_filters
from .settings import Settings

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "RunaiClient",
    "get_client",
    "register_reset_hook",
    "reset_process_state",
]

log = logging.getLogger("pulumi_runai")
# A library does not configure logging: without this, Python's last-resort handler would print
# our warnings to stderr of every Pulumi program.
log.addHandler(logging.NullHandler())

DEFAULT_PAGE_SIZE = 200
POOL_SIZE = 32
TOKEN_PATH = "/api/v1/token"
# Statuses after which a POST's outcome is unknown (the server may have committed).
_LOST_STATUSES = frozenset({500, 502, 503, 504})
_MAX_PAGES = 10_000

_TOKENS = TokenCache()
_CLIENTS: dict[Settings, RunaiClient] = {}
_CLIENTS_LOCK = threading.Lock()
_RESET_HOOKS: list[Callable[[], None]] = []


def get_client(settings: Settings) -> RunaiClient:
    """The process-wide client for ``settings`` (created on first use, thread-safe)."""
    client = _CLIENTS.get(settings)
    if client is not None:
        return client
    with _CLIENTS_LOCK:
        client = _CLIENTS.get(settings)
        if client is None:
            client = _CLIENTS[settings] = RunaiClient(settings)
        return client


def register_reset_hook(hook: Callable[[], None]) -> None:
    """Let a module with its own process cache (roles, node pools) be cleared by the reset."""
    if hook not in _RESET_HOOKS:
        _RESET_HOOKS.append(hook)


def reset_process_state() -> None:
    """For tests only: forget every cached client, session, token and lookup in this process.

    Tests start many emulators in one process; production code never needs this.
    """
    with _CLIENTS_LOCK:
        clients = list(_CLIENTS.values())
        _CLIENTS.clear()
    for client in clients:
        client.close()
    _TOKENS.clear()
    for hook in list(_RESET_HOOKS):
        hook()


def token_requests_made() -> int:
    """How many tokens this process fetched since the last reset (for tests and benchmarks)."""
    return _TOKENS.fetches


# How far the control plane's clock may lag ours when judging whether it made an object.
CLOCK_SKEW = timedelta(seconds=120)


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _verify(settings: Settings) -> bool | str:
    """The configured CA bundle or skip wins; otherwise the usual CA environment variables."""
    if settings.verify is True:
        return os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
    return settings.verify


def _make_session(settings: Settings, pool_size: int) -> requests.Session:
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
    return session


class RunaiClient:
    """HTTP client bound to one ``Settings``; share it through ``get_client``."""

    def __init__(
        self,
        settings: Settings,
        *,
        retry: RetryPolicy | None = None,
        pool_size: int = POOL_SIZE,
    ) -> None:
        self.settings = settings
        self.retry = retry or RetryPolicy()
        self._session = _make_session(settings, pool_size)
        # The secret is part of the key (as a digest): a client with a wrong or revoked secret
        # must not be handed a token that another client fetched with the right one.
        self._token_key = (settings.url, settings.client_id,
                           hashlib.sha256(settings.client_secret.encode()).hexdigest())
        self._timeout = (min(10.0, settings.timeout), settings.timeout)
        if settings.insecure_skip_verify:
            log.warning("TLS verification is off for %s (runai:insecureSkipVerify)", settings.url)

    def __repr__(self) -> str:
        return f"RunaiClient(url={self.settings.url!r}, client_id={self.settings.client_id!r})"

    def __reduce__(self) -> NoReturn:
        raise TypeError(
            "RunaiClient holds credentials and a live session and must not be pickled: get it "
            "with get_client(Settings.resolve(...)) at call time"
        )

    def close(self) -> None:
        self._session.close()

    # ----------------------------------------------------------------- public verbs

    def get(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        """GET ``path``; the parsed body (dict, list, text or None)."""
        return self._call("GET", path, params=params)

    def put(self, path: str, json: Any) -> Any:
        return self._call("PUT", path, body=json)

    def patch(self, path: str, json: Any) -> Any:
        return self._call("PATCH", path, body=json)

    def delete(self, path: str) -> Any:
        """DELETE ``path``; 202/204 and any body are fine. NotFound propagates."""
        return self._call("DELETE", path)

    def create(
        self,
        path: str,
        json: Any,
        find_existing: Callable[[], dict[str, Any] | None],
    ) -> Any:
        """POST that never leaves a duplicate.

        When the answer is lost (5xx, timeout, connection reset) the object may or may not
        have been created; ``find_existing()`` looks it up by natural key and its result is
        returned if found; otherwise the POST is sent again, within the retry budget. A 409
        after a lost answer is resolved the same way.
        """
        policy = self.retry
        started = time.monotonic()
        posted_at = datetime.now(UTC)
        attempt = 0
        lost = False
        while True:
            attempt += 1
            try:
                return self._call("POST", path, body=json)
            except Conflict:
                if lost:
                    found = find_existing()
                    if found is not None:
                        log.info("POST %s: 409 after a lost answer; using the object found", path)
                        return self._claim(found, posted_at, path)
                raise
            except (TransportError, ServerError) as exc:
                if isinstance(exc, ServerError) and exc.status not in _LOST_STATUSES:
                    raise
                lost = True
                log.warning(
                    "POST %s: answer lost (%s, attempt %d); looking the object up before "
                    "posting again",
                    path,
                    _short(exc),
                    attempt,
                )
                found = find_existing()
                if found is not None:
                    log.info("POST %s: the object exists; not posting again", path)
                    return self._claim(found, posted_at, path)
                wait = policy.backoff(attempt)
                if not policy.may_retry(attempt, started, wait):
                    raise
                time.sleep(wait)

    def _claim(self, found: dict[str, Any], posted_at: datetime, path: str) -> dict[str, Any]:
        """The object a lost-answer lookup found, if this create can have made it.

        A refused POST (503 before commit) looks exactly like a lost answer, so the lookup may
        find an object someone else made with the same key. Taking that over silently would be
        an adoption nobody asked for: it must have been created by this client, no earlier
        than this create started (less a margin for clock skew). Otherwise it is a Conflict
        that names it, and the caller's adopt flag decides.
        """
        created_by = found.get("createdBy")
        created_at = _parse_time(found.get("createdAt"))
        ours = (created_by in (None, self.settings.client_id)
                and (created_at is None or created_at >= posted_at - CLOCK_SKEW))
        if ours:
            return found
        raise Conflict(
            409,
            f"the answer to this create was lost and an object with the same key exists "
            f"(id {found.get('id')}, created by {created_by} at {found.get('createdAt')}) "
            "that this create did not make",
            method="POST",
            path=path,
        )

    def list_all(
        self,
        path: str,
        *,
        envelope: str | None = None,
        filters: Sequence[str] = (),
        params: Mapping[str, Any] | None = None,
        paginate: bool = True,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> list[dict[str, Any]]:
        """Every object of a list endpoint: pages with offset/limit until a short page.

        ``envelope`` names the list field (``departments``, ``projects``, ...); bare arrays
        and the other known envelopes are accepted too. ``paginate=False`` for endpoints
        without offset/limit (clusters, roles). Objects repeated across pages (inserts while
        paging, a server ignoring ``offset``) are kept once.
        """
        query: dict[str, Any] = dict(params or {})
        joined = join_filters(filters)
        if joined is not None:
            query["filterBy"] = joined
        if not paginate:
            return _http.extract_items(self.get(path, query), envelope, where=f"GET {path}")
        items: list[dict[str, Any]] = []
        seen: set[str] = set()
        offset = 0
        for _ in range(_MAX_PAGES):
            body = self.get(path, {**query, "offset": offset, "limit": page_size})
            page = _http.extract_items(body, envelope, where=f"GET {path}")
            fresh = 0
            for item in page:
                key = _http.item_key(item)
                if key is not None:
                    if key in seen:
                        continue
                    seen.add(key)
                items.append(item)
                fresh += 1
            if fresh == 0 or not _http.more_pages(body, len(page), page_size, len(items)):
                break
            offset += len(page)
        return items

    # ----------------------------------------------------------------- machinery

    def _token(self) -> str:
        return _TOKENS.get(self._token_key, self._fetch_token)

    def _fetch_token(self) -> tuple[str, Any]:
        """POST /api/v1/token with client credentials; safe to repeat (it creates nothing)."""
        body = {
            "grantType": "client_credentials",
            "clientId": self.settings.client_id,
            "clientSecret": self.settings.client_secret,
        }
        try:
            answer = self._send("POST", TOKEN_PATH, body=body, auth=False, retry_any=True)
        except RunaiHTTPError as exc:
            if exc.status in (400, 401, 403):
                raise Unauthorized(
                    exc.status,
                    f"the control plane at {self.settings.url} rejected client id "
                    f"{self.settings.client_id!r}",
                    code=exc.code,
                    details=exc.message,
                    method="POST",
                    path=TOKEN_PATH,
                ) from None
            raise
        token = answer.get("accessToken") if isinstance(answer, Mapping) else None
        if not isinstance(token, str) or not token:
            raise RunaiError(
                f"POST {TOKEN_PATH} at {self.settings.url} answered without an accessToken: "
                "check that runai:url points at the Run:ai control plane"
            )
        log.debug("token acquired for client id %s", self.settings.client_id)
        return token, answer.get("expiresIn")

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        body: Any = None,
    ) -> Any:
        return self._send(method, path, params=params, body=body, auth=True, retry_any=False)

    def _send(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        body: Any = None,
        auth: bool,
        retry_any: bool,
    ) -> Any:
        """One logical call: retries, 401 refresh, error mapping. Returns the parsed body.

        ``retry_any`` makes a POST retryable like an idempotent call (the token grant).
        """
        policy = self.retry
        retry_lost = retry_any or method in IDEMPOTENT_METHODS
        url = self.settings.url + path
        started = time.monotonic()
        attempt = 0  # attempts charged to the retry budget (see RetryPolicy.charges)
        refreshed = False
        lost = False
        while True:
            attempt += 1
            headers: dict[str, str] = {}
            token = ""
            if auth:
                token = self._token()
                headers["Authorization"] = f"Bearer {token}"
            try:
                resp = self._session.request(
                    method, url, params=params, json=body, headers=headers, timeout=self._timeout
                )
            except requests.RequestException as exc:
                error = self._transport_error(exc, method, path)
                if not retry_lost:
                    raise error from None
                lost = True
                wait = policy.backoff(attempt)
                if not policy.may_retry(attempt, started, wait):
                    raise error from None
                log.info(
                    "%s %s: %s (attempt %d); retrying in %.2fs",
                    method,
                    path,
                    type(exc).__name__,
                    attempt,
                    wait,
                )
                time.sleep(wait)
                continue

            status = resp.status_code
            log.debug("%s %s -> %d (attempt %d)", method, path, status, attempt)
            if status < 400:
                return _http.parse_body(resp.content, resp.headers.get("Content-Type"))
            if status == 401 and auth and not refreshed:
                refreshed = True
                _TOKENS.invalidate(self._token_key, token)
                log.info("%s %s: 401, renewing the token once", method, path)
                continue
            if status == 404 and method == "DELETE" and lost:
                # An earlier attempt deleted it but its answer was lost: it is gone, as asked.
                return None
            retryable = status == 429 or (status in RETRY_STATUSES and retry_lost)
            if retryable:
                if status != 429:
                    lost = True
                retry_after = parse_retry_after(resp.headers.get("Retry-After"))
                wait = policy.delay(attempt, retry_after)
                if not policy.charges(status, retry_after):
                    attempt -= 1  # paced by the server, not a failed attempt
                if policy.may_retry(attempt, started, wait):
                    log.info(
                        "%s %s: %d (attempt %d); retrying in %.2fs",
                        method,
                        path,
                        status,
                        attempt,
                        wait,
                    )
                    resp.close()
                    time.sleep(wait)
                    continue
            raise self._http_error(resp, method, path)

    def _http_error(self, resp: requests.Response, method: str, path: str) -> RunaiHTTPError:
        parsed = _http.parse_body(resp.content, resp.headers.get("Content-Type"))
        error = error_for_status(
            resp.status_code, parsed, method=method, path=path, secrets=self._secrets()
        )
        if isinstance(error, RateLimited):
            error.retry_after = parse_retry_after(resp.headers.get("Retry-After"))
        # Debug only: the raised error carries the same text, and callers often expect it
        # (404 on read means gone, 409 may lead to adoption).
        log.debug("%s %s failed: %d %s", method, path, resp.status_code, error.message)
        return error

    def _transport_error(
        self, exc: requests.RequestException, method: str, path: str
    ) -> TransportError:
        kind = type(exc).__name__
        reason = redact_text(str(exc), self._secrets())
        if isinstance(exc, requests.exceptions.SSLError):
            hint = (
                "TLS verification failed: set runai:caBundle / RUNAI_CA_BUNDLE to the control "
                "plane's CA, or runai:insecureSkipVerify for a test installation"
            )
        elif isinstance(exc, requests.Timeout):
            hint = f"no answer within {self.settings.timeout:g}s (runai:timeout / RUNAI_TIMEOUT)"
        else:
            hint = f"check that {self.settings.url} (runai:url / RUNAI_URL) is reachable"
        return TransportError(
            f"{method} {path}: {kind}: {hint}. ({reason[:200]})", method=method, path=path
        )

    def _secrets(self) -> tuple[str, ...]:
        return (self.settings.client_secret,)


def _short(exc: BaseException) -> str:
    if isinstance(exc, RunaiHTTPError):
        return f"{exc.status}"
    return type(exc).__name__

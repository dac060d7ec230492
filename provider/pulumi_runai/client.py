"""RunaiClient: the one disciplined way this package talks HTTP to the control plane.

What it guarantees, and why:

* one transport (by default a pooled ``requests.Session``) per settings per process, shared
  by the host's threads (runai:hostThreads, 16 by default);
* one token request per (url, client id) per process in the normal case (``_token``), renewed
  shortly before ``exp`` and once after a 401 (``_auth``);
* GET/PUT/PATCH/DELETE retried on 429 (paced by Retry-After), 502/503/504 and lost answers,
  with bounded exponential backoff (``_retry``); a request that never left is sent again
  whatever its method, but only a few times until the server has answered once, so that a
  wrong URL fails in a moment while a restart of a known server is ridden out (``_send``);
* POST never retried blindly: the API has no idempotency keys, so ``create`` looks the object
  up by its natural key when an answer is lost, and only posts again if it is not there;
* typed errors (``errors``) whose text never carries the secret or a token; the ``logging``
  logger ``pulumi_runai`` gets method, path, status and attempt, never headers or bodies.

The layers of one call are in ``_send`` (auth, retries, one request) over a ``Transport``
(``_transport``): tests pass a scripted transport and clock to check every rule in process.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, NoReturn

from . import _http
from ._auth import ClientCredentials
from ._retry import IDEMPOTENT_METHODS, SYSTEM_CLOCK, Clock, RetryPolicy
from ._send import Sender
from ._token import TokenCache
from ._transport import Request, RequestsTransport, Transport
from .errors import Conflict, RunaiHTTPError, ServerError, TransportError
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


class RunaiClient:
    """HTTP client bound to one ``Settings``; share it through ``get_client``."""

    def __init__(
        self,
        settings: Settings,
        *,
        retry: RetryPolicy | None = None,
        pool_size: int = POOL_SIZE,
        transport: Transport | None = None,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        """``transport`` and ``clock`` replace the network and time (scripted tests)."""
        self.settings = settings
        self.retry = retry or RetryPolicy()
        self._transport = transport or RequestsTransport(settings, pool_size)
        self._clock = clock
        self._timeout = (min(10.0, settings.timeout), settings.timeout)
        credentials = ClientCredentials(settings, _TOKENS, self._timeout, clock.now)
        self._sender = Sender(settings, self._transport, self.retry, clock, credentials)
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
        self._transport.close()

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

        When the answer is lost (5xx, read timeout, connection reset) the object may or may
        not have been created; ``find_existing()`` looks it up by natural key and its result
        is returned if found; otherwise the POST is sent again, within the retry budget. A 409
        after a lost answer is resolved the same way. A POST that never left (connection
        refused) or got a 429 did nothing: the send chain sends it again without a lookup.
        """
        policy, clock = self.retry, self._clock
        started = clock.now()
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
                if not _answer_lost(exc):
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
                if not policy.may_retry(attempt, started, wait, clock.now()):
                    raise
                clock.sleep(wait)

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

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        body: Any = None,
    ) -> Any:
        """One logical call through the send chain (``_send``); the parsed body."""
        request = Request(
            method, self.settings.url + path, path, params=params, json=body,
            timeout=self._timeout,
        )
        return self._sender.send(request, retry_lost=method in IDEMPOTENT_METHODS).body()


def _answer_lost(exc: TransportError | ServerError) -> bool:
    """Whether a failed POST may have been carried out (so a lookup must come first)."""
    if isinstance(exc, TransportError):
        return exc.sent
    return exc.status in _LOST_STATUSES


def _short(exc: BaseException) -> str:
    if isinstance(exc, RunaiHTTPError):
        return f"{exc.status}"
    return type(exc).__name__

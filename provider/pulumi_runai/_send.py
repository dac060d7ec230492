"""The send chain of a RunaiClient, split the way httpx splits sending.

::

    send(request)
     └─ _send_handling_auth      bearer token; one renewal after a 401
         └─ _send_handling_retries   pacing (429 Retry-After), backoff, lost-answer rules
             └─ _send_single         transport.send; failures and error statuses → typed errors
                 └─ transport.send   one HTTP exchange (requests, or a scripted transport)

Each layer knows one thing. The lost-answer rules: a request that never left is sent again
whatever its method; one whose answer was lost (5xx, reset, read timeout) is sent again only
when repeating it is harmless (``retry_lost``: idempotent methods and the token grant). A POST
is never repeated here: ``RunaiClient.create`` asks the caller's ``find_existing`` first.
"""

from __future__ import annotations

import logging

from ._auth import ClientCredentials
from ._retry import RETRY_STATUSES, Clock, RetryPolicy, parse_retry_after
from ._transport import NoAnswer, Request, Response, Stage, Transport
from .errors import (
    NotFound,
    RateLimited,
    RunaiHTTPError,
    ServerError,
    TransportError,
    Unauthorized,
    error_for_status,
    redact_text,
)
from .settings import Settings

__all__ = ["Sender"]

log = logging.getLogger("pulumi_runai")

_GONE = Response(204)  # the answer to a DELETE whose earlier attempt did the work


class Sender:
    """Sends requests for one client; shared by threads (its only state is ``reached``)."""

    def __init__(
        self,
        settings: Settings,
        transport: Transport,
        policy: RetryPolicy,
        clock: Clock,
        credentials: ClientCredentials,
    ) -> None:
        self.settings = settings
        self.transport = transport
        self.policy = policy
        self.clock = clock
        self.credentials = credentials
        # Whether the server ever answered this client. Until it has, a request without an
        # answer is a wrong URL or a stopped server, not a restart worth riding out.
        self.reached = False

    def send(self, request: Request, *, retry_lost: bool) -> Response:
        """The answer to ``request`` (status < 400), authenticated; typed errors otherwise."""
        return self._send_handling_auth(request, retry_lost)

    def _send_handling_auth(self, request: Request, retry_lost: bool) -> Response:
        token = self.credentials.token(self._send_grant)
        try:
            return self._send_handling_retries(_bearer(request, token), retry_lost)
        except Unauthorized:
            # A token the server no longer accepts (expired early, signing key rotated): once.
            self.credentials.forget(token)
            log.info("%s %s: 401, renewing the token once", request.method, request.path)
        token = self.credentials.token(self._send_grant)
        return self._send_handling_retries(_bearer(request, token), retry_lost)

    def _send_grant(self, request: Request) -> Response:
        # The token grant creates nothing, so it may be repeated like an idempotent call.
        return self._send_handling_retries(request, retry_lost=True)

    def _send_handling_retries(self, request: Request, retry_lost: bool) -> Response:
        policy, clock = self.policy, self.clock
        method, path = request.method, request.path
        started = clock.now()
        attempt = 0  # attempts charged to the budget (see RetryPolicy.charges)
        lost = False  # an earlier attempt may have been carried out
        while True:
            attempt += 1
            reached = True
            try:
                return self._send_single(request)
            except TransportError as exc:
                if not exc.retryable or (exc.sent and not retry_lost):
                    raise
                lost = lost or exc.sent
                reached = self.reached
                wait = policy.backoff(attempt)
                what = "no answer"
                error: Exception = exc
            except RateLimited as exc:
                wait = policy.delay(attempt, exc.retry_after)
                if not policy.charges(429, exc.retry_after):
                    attempt -= 1  # paced by the server, not a failed attempt
                what, error = "429", exc
            except ServerError as exc:
                if exc.status not in RETRY_STATUSES or not retry_lost:
                    raise
                lost = True
                wait = policy.delay(attempt, exc.retry_after)
                what, error = str(exc.status), exc
            except NotFound:
                if method == "DELETE" and lost:
                    log.info("DELETE %s: 404 after a lost answer; it is gone, as asked", path)
                    return _GONE
                raise
            if not policy.may_retry(attempt, started, wait, clock.now(), reached=reached):
                raise error
            log.info("%s %s: %s (attempt %d); retrying in %.2fs", method, path, what, attempt,
                     wait)
            clock.sleep(wait)

    def _send_single(self, request: Request) -> Response:
        try:
            response = self.transport.send(request)
        except NoAnswer as exc:
            raise self._transport_error(request, exc) from None
        self.reached = True
        log.debug("%s %s -> %d", request.method, request.path, response.status)
        if response.status < 400:
            return response
        raise self._http_error(request, response)

    def _http_error(self, request: Request, response: Response) -> RunaiHTTPError:
        error = error_for_status(
            response.status,
            response.body(),
            method=request.method,
            path=request.path,
            secrets=self._secrets(),
        )
        error.retry_after = parse_retry_after(response.headers.get("Retry-After"))
        # Debug only: the raised error carries the same text, and callers often expect it
        # (404 on read means gone, 409 may lead to adoption).
        log.debug("%s %s failed: %d %s", request.method, request.path, response.status,
                  error.message)
        return error

    def _transport_error(self, request: Request, exc: NoAnswer) -> TransportError:
        url, timeout = self.settings.url, self.settings.timeout
        url_setting = "runai:url / RUNAI_URL"
        hints = {
            Stage.UNRESOLVED: f"the host name of {url} could not be resolved: check {url_setting}",
            Stage.UNREACHABLE: f"could not connect to {url}: check {url_setting} and that the "
            "control plane is running",
            Stage.CONNECT_TIMEOUT: f"no connection to {url} within {min(10.0, timeout):g}s: "
            f"check {url_setting}, proxies and firewalls",
            Stage.TLS: "TLS verification failed: set runai:caBundle / RUNAI_CA_BUNDLE to the "
            "control plane's CA, or runai:insecureSkipVerify for a test installation",
            Stage.NOT_TLS: f"{url} does not answer with TLS: if the control plane is served "
            f"over plain HTTP, {url_setting} must start with http://",
            Stage.READ_TIMEOUT: f"no answer within {timeout:g}s (runai:timeout / RUNAI_TIMEOUT)",
            Stage.DROPPED: f"the connection to {url} closed before the answer",
        }
        reason = redact_text(exc.reason, self._secrets())[:200]
        return TransportError(
            f"{request.method} {request.path}: {hints[exc.stage]}. ({reason})",
            method=request.method,
            path=request.path,
            sent=exc.stage.sent,
            retryable=not exc.stage.lasting,
        )

    def _secrets(self) -> tuple[str, ...]:
        return (self.settings.client_secret,)


def _bearer(request: Request, token: str) -> Request:
    return request.with_header("Authorization", f"Bearer {token}")

"""A scripted control plane for the client's tests: answers from a script, time from a fake clock.

``ScriptedTransport`` plays the server at the transport seam (``RunaiClient(transport=...)``):
it grants tokens that expire on the fake clock and answers 401 to a stale one, as the real
control plane does; every other answer comes from the script of the test, in order, per
method and path. ``FakeClock.sleep`` moves time on instead of waiting, so retry and pacing
tests take microseconds and see exactly how long the client would have waited.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from pulumi_runai._transport import NoAnswer, Request, Response, Stage
from pulumi_runai.client import RunaiClient
from pulumi_runai.settings import Settings

URL = "https://tenant.run.ai.test"
CLIENT_ID = "ci-bot"
SECRET = "scripted-s3cret"
TOKEN = "/api/v1/token"

# What the script may hold for one request: an answer, a failure, or a function of the request.
Step = Response | NoAnswer | Callable[[Request], Response]


class FakeClock:
    """Monotonic time that only moves when the client sleeps (or the test advances it)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.time = 1000.0
        self.sleeps: list[float] = []

    def now(self) -> float:
        with self._lock:
            return self.time

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.time += seconds

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.time += seconds


def answer(status: int = 200, body: Any = None, *, retry_after: float | None = None) -> Response:
    """A JSON answer (or an empty one when ``body`` is None)."""
    headers = {"Content-Type": "application/json"}
    if retry_after is not None:
        headers["Retry-After"] = f"{retry_after:g}"
    content = b"" if body is None else json.dumps(body).encode()
    return Response(status, content, headers)


def refused() -> NoAnswer:
    return NoAnswer(Stage.UNREACHABLE, "[Errno 111] Connection refused")


def dropped() -> NoAnswer:
    return NoAnswer(Stage.DROPPED, "Connection aborted: RemoteDisconnected")


def read_timeout() -> NoAnswer:
    return NoAnswer(Stage.READ_TIMEOUT, "Read timed out. (read timeout=10)")


class ScriptedTransport:
    """The control plane as a script; ``requests`` and ``answers`` log what went by."""

    def __init__(self, clock: FakeClock, token_lifetime: float = 3600.0) -> None:
        self.clock = clock
        self.token_lifetime = token_lifetime
        self.requests: list[Request] = []
        self.answers: list[int | str] = []  # status, or the failure's stage name
        self._lock = threading.Lock()
        self._scripts: dict[tuple[str, str], deque[Step]] = {}
        self._handlers: dict[tuple[str, str], Callable[[Request], Response]] = {}
        self._valid_until: dict[str, float] = {}  # token -> expiry on the clock
        self.tokens_granted = 0

    # -- the script ---------------------------------------------------------------------
    def script(self, method: str, path: str, *steps: Step) -> None:
        """Answer the next requests to ``method path`` with ``steps``, in order."""
        with self._lock:
            self._scripts.setdefault((method, path), deque()).extend(steps)

    def serve(self, method: str, path: str, handler: Callable[[Request], Response]) -> None:
        """Answer ``method path`` with ``handler`` once its script is used up."""
        self._handlers[(method, path)] = handler

    def revoke_tokens(self) -> None:
        """As after a signing-key rotation: every token granted so far gets 401 from now on."""
        with self._lock:
            self._valid_until.clear()

    # -- what happened ------------------------------------------------------------------
    def calls(self, path: str | None = None) -> list[tuple[str, str, int | str]]:
        """(method, path, status or failure) of every request, or of those to ``path``."""
        return [(r.method, r.path, a) for r, a in zip(self.requests, self.answers, strict=True)
                if path is None or r.path == path]

    # -- the transport ------------------------------------------------------------------
    def send(self, request: Request) -> Response:
        with self._lock:
            self.requests.append(request)
            step = self._next(request)
            self.answers.append(step.stage.name if isinstance(step, NoAnswer) else step.status)
        if isinstance(step, NoAnswer):
            raise step
        return step

    def close(self) -> None:
        pass

    def _next(self, request: Request) -> Response | NoAnswer:
        key = (request.method, request.path)
        if request.path != TOKEN and not self._authorized(request):
            return answer(401, {"code": 401, "message": "token expired or revoked"})
        queue = self._scripts.get(key)
        if queue:
            step = queue.popleft()
            return step(request) if callable(step) else step
        if key == ("POST", TOKEN):
            return self._grant()
        if key in self._handlers:
            return self._handlers[key](request)
        raise AssertionError(f"the script has no answer for {request.method} {request.path}")

    def _grant(self) -> Response:
        self.tokens_granted += 1
        token = f"token-{self.tokens_granted}"
        self._valid_until[token] = self.clock.now() + self.token_lifetime
        return answer(200, {"accessToken": token, "expiresIn": self.token_lifetime})

    def _authorized(self, request: Request) -> bool:
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        return self.clock.now() < self._valid_until.get(token, float("-inf"))


def scripted_client(
    transport: ScriptedTransport, **client_options: Any
) -> RunaiClient:
    """A client of the scripted control plane (its own clock: ``transport.clock``)."""
    settings = Settings(url=URL, client_id=CLIENT_ID, client_secret=SECRET, timeout=10.0)
    return RunaiClient(settings, transport=transport, clock=transport.clock, **client_options)

"""Retry policy: which answers are worth another try, and how long to wait.

Backoff is exponential with "equal jitter" (half fixed, half random) so that the host threads
hammered by the same 429 storm spread out, while the first wait stays short (about 0.05 s)
for the common single blip. Every retry loop is bounded both in attempts and in total time,
measured on a ``Clock`` that tests replace so that no test sleeps for real.
"""

from __future__ import annotations

import email.utils
import random
import time
from dataclasses import dataclass
from typing import Protocol

__all__ = [
    "IDEMPOTENT_METHODS",
    "RETRY_STATUSES",
    "SYSTEM_CLOCK",
    "Clock",
    "RetryPolicy",
    "SystemClock",
    "parse_retry_after",
]

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"})
# 429 means "nothing was done" and is retried for every method, POST included.
RETRY_STATUSES = frozenset({429, 502, 503, 504})


class Clock(Protocol):
    """Monotonic time and waiting, injectable so that retry tests run without real sleeps."""

    def now(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def now(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


SYSTEM_CLOCK = SystemClock()


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds and shape of the backoff; the defaults suit a control plane under load.

    ``max_attempts`` (about 15 s of backoff) rides out a restart of a control plane the client
    has talked to. Until the server has answered once, a request without an answer gets only
    ``unreached_attempts``: a wrong URL or a server that is not running fails in a moment.
    """

    max_attempts: int = 20
    unreached_attempts: int = 3
    first_interval: float = 0.05
    multiplier: float = 2.0
    max_interval: float = 1.0
    total_timeout: float = 60.0
    max_retry_after: float = 10.0

    def backoff(self, attempt: int, rng: random.Random | None = None) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (1-based)."""
        base = min(self.max_interval, self.first_interval * self.multiplier ** max(0, attempt - 1))
        draw = (rng or random).random()
        return base / 2 + draw * base / 2

    def delay(
        self, attempt: int, retry_after: float | None, rng: random.Random | None = None
    ) -> float:
        """The wait before the next attempt: the server's Retry-After (capped) or the backoff."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_retry_after)
        return self.backoff(attempt, rng)

    def charges(self, status: int, retry_after: float | None) -> bool:
        """Whether an answer spends one of ``max_attempts``.

        A 429 that says when to come back (a Retry-After of at least the first interval) is the
        server pacing us, not a failure: under a long throttling storm it would otherwise use
        up the budget while every call is healthy. ``total_timeout`` still bounds those waits.
        """
        return not (status == 429 and retry_after is not None
                    and retry_after >= self.first_interval)

    def may_retry(
        self,
        attempt: int,
        started: float,
        wait: float,
        now: float | None = None,
        *,
        reached: bool = True,
    ) -> bool:
        """True if attempt ``attempt`` may be followed by another after sleeping ``wait``.

        ``started`` and ``now`` are readings of the same monotonic clock; ``reached`` is False
        while the server has never answered (see ``unreached_attempts``).
        """
        limit = self.max_attempts if reached else min(self.max_attempts, self.unreached_attempts)
        if attempt >= limit:
            return False
        now = time.monotonic() if now is None else now
        return now + wait - started <= self.total_timeout


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header: a (possibly fractional) number or an HTTP date."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    if seconds != seconds or seconds in (float("inf"), float("-inf")):  # NaN / inf
        return None
    return max(0.0, seconds)

"""Polling with a short first interval that backs off, bounded by a deadline."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from ..errors import WaitTimeout

__all__ = ["FIRST_POLL", "MAX_POLL", "poll"]

FIRST_POLL = 0.05
MAX_POLL = 1.0
T = TypeVar("T")


def poll(
    probe: Callable[[], tuple[bool, T]],
    timeout: float,
    explain: Callable[[T], str],
    *,
    probe_at_once: bool = True,
) -> T:
    """Call ``probe`` until it reports done; then return its value.

    Waits 0.05 s, 0.1 s, ... up to 1 s between probes. After ``timeout`` seconds raises
    WaitTimeout with ``explain(last value)``, which should name the object and its last state.
    ``probe_at_once=False`` when the caller has just seen the state (a create answer): the
    first probe then waits the first interval, since asking at once would repeat that answer.
    """
    deadline = time.monotonic() + timeout
    interval = FIRST_POLL
    if not probe_at_once:
        time.sleep(min(interval, max(0.0, timeout)))
        interval = min(MAX_POLL, interval * 2)
    while True:
        done, value = probe()
        if done:
            return value
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise WaitTimeout(explain(value))
        time.sleep(min(interval, remaining))
        interval = min(MAX_POLL, interval * 2)

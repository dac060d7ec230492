"""A small per-process cache with a short lifetime, for lists that rarely change.

Why: a deployment of hundreds of projects resolves the same role names and node pools again
and again; looking them up once per ~30 s keeps the control plane quiet without going stale
for long. Keys include the ``Settings`` so two control planes never share entries.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from ..client import register_reset_hook

__all__ = ["DEFAULT_TTL", "TTLCache"]

DEFAULT_TTL = 30.0
T = TypeVar("T")


class TTLCache(Generic[T]):
    """Values by key, reloaded after ``ttl`` seconds; loads for one key never run twice at once."""

    def __init__(self, ttl: float = DEFAULT_TTL) -> None:
        self.ttl = ttl
        self._guard = threading.Lock()
        self._values: dict[Hashable, tuple[float, T]] = {}
        self._locks: dict[Hashable, threading.Lock] = {}
        register_reset_hook(self.clear)

    def get(self, key: Hashable, load: Callable[[], T]) -> T:
        hit = self._values.get(key)
        if hit is not None and time.monotonic() < hit[0]:
            return hit[1]
        with self._lock_for(key):
            hit = self._values.get(key)
            if hit is not None and time.monotonic() < hit[0]:
                return hit[1]
            value = load()
            with self._guard:
                self._values[key] = (time.monotonic() + self.ttl, value)
            return value

    def invalidate(self, key: Hashable) -> None:
        with self._guard:
            self._values.pop(key, None)

    def clear(self) -> None:
        with self._guard:
            self._values.clear()
            self._locks.clear()

    def _lock_for(self, key: Hashable) -> threading.Lock:
        with self._guard:
            lock = self._locks.get(key)
            if lock is None:
                lock = self._locks[key] = threading.Lock()
            return lock

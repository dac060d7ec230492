"""Injected faults for /api routes: latency, 429 rate limits, 503 errors, lost answers.

The token endpoints get latency only: a client that cannot even log in tests nothing useful,
and Run:ai's token endpoint documents no 429.
"""

from __future__ import annotations

import random
import threading
from dataclasses import asdict, dataclass
from enum import Enum

from .errors import EmulatorError

RETRY_AFTER_SECONDS = 0.1  # sent as a fractional `Retry-After: 0.1`


class Action(Enum):
    PASS = "pass"
    RATE_LIMIT = "rate_limit"
    ERROR = "error"
    DROP_AFTER_COMMIT = "drop_after_commit"


@dataclass
class FaultSettings:
    """The knobs, as GET/PUT /_emulator/faults shows them (camelCase on the wire)."""

    latencyMs: float = 0.0
    latencyJitterMs: float = 0.0
    errorRate: float = 0.0
    rateLimitRate: float = 0.0
    dropAfterCommitRate: float = 0.0


_RATES = ("errorRate", "rateLimitRate", "dropAfterCommitRate")


class Faults:
    """Thread-safe fault decisions from one seeded random generator."""

    def __init__(self, settings: FaultSettings, seed: int | None = None) -> None:
        self._initial = FaultSettings(**asdict(settings))
        self._settings = settings
        self._seed = seed
        self._rng = random.Random(seed)
        self._lock = threading.Lock()

    def snapshot(self) -> dict[str, float]:
        with self._lock:
            return asdict(self._settings)

    def update(self, patch: object) -> dict[str, float]:
        """Apply a partial update; every value is checked before any is applied."""
        if not isinstance(patch, dict):
            raise EmulatorError(400, "faults body must be a JSON object")
        known = set(asdict(FaultSettings()))
        clean: dict[str, float] = {}
        for key, value in patch.items():
            if key not in known:
                raise EmulatorError(400, f"unknown fault field '{key}' (known: {sorted(known)})")
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise EmulatorError(400, f"{key} must be a non-negative number")
            if key in _RATES and value > 1:
                raise EmulatorError(400, f"{key} must be between 0 and 1")
            clean[key] = float(value)
        with self._lock:
            for key, value in clean.items():
                setattr(self._settings, key, value)
        return self.snapshot()

    def reset(self) -> None:
        """Back to the command-line settings and the initial random sequence."""
        with self._lock:
            self._settings = FaultSettings(**asdict(self._initial))
            self._rng = random.Random(self._seed)

    def latency(self) -> float:
        """Seconds to wait before handling this request."""
        with self._lock:
            s = self._settings
            if s.latencyMs <= 0 and s.latencyJitterMs <= 0:
                return 0.0
            jitter = self._rng.uniform(0, s.latencyJitterMs) if s.latencyJitterMs > 0 else 0.0
            return (s.latencyMs + jitter) / 1000.0

    def decide(self, is_write: bool) -> Action:
        """Rate limit first, then error, then (writes only) a lost answer."""
        with self._lock:
            s = self._settings
            if s.rateLimitRate > 0 and self._rng.random() < s.rateLimitRate:
                return Action.RATE_LIMIT
            if s.errorRate > 0 and self._rng.random() < s.errorRate:
                return Action.ERROR
            drop = s.dropAfterCommitRate
            if is_write and drop > 0 and self._rng.random() < drop:
                return Action.DROP_AFTER_COMMIT
            return Action.PASS

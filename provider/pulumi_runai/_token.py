"""Process-wide cache of access tokens, keyed by (url, client id, secret digest), shared by threads.

Why process-wide: the dynamic-provider host runs provider methods on many threads and builds a
provider per resource; a token per call (or per provider) would multiply token requests by
hundreds. One lock per key makes concurrent first calls wait for a single token request.
"""

from __future__ import annotations

import base64
import binascii
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeGuard

__all__ = ["DEFAULT_LIFETIME", "TokenCache", "jwt_claims", "token_lifetime"]

# Used when the token is not a readable JWT and the answer has no expiresIn: refresh after
# five minutes (a 401 also forces a refresh).
DEFAULT_LIFETIME = 300.0
MAX_MARGIN = 60.0

# (url, client id, sha256 of the client secret): never the secret itself.
TokenKey = tuple[str, str, str]


def jwt_claims(token: str) -> dict[str, Any]:
    """The payload of a JWT without verifying it (we only want ``exp``); {} if unreadable."""
    parts = token.split(".")
    if len(parts) < 2:
        return {}
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        data = json.loads(base64.urlsafe_b64decode(payload.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError):
        return {}
    return data if isinstance(data, dict) else {}


def token_lifetime(
    token: str, expires_in: Any = None, now: float | None = None
) -> tuple[float, float]:
    """(seconds until expiry, total lifetime) from the JWT ``exp``/``iat``, else ``expiresIn``."""
    now = time.time() if now is None else now
    claims = jwt_claims(token)
    exp = claims.get("exp")
    if _is_number(exp):
        remaining = float(exp) - now
        iat = claims.get("iat")
        total = float(exp) - float(iat) if _is_number(iat) else remaining
        return remaining, max(total, remaining)
    if _is_number(expires_in) and float(expires_in) > 0:
        return float(expires_in), float(expires_in)
    return DEFAULT_LIFETIME, DEFAULT_LIFETIME


def _is_number(value: object) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def refresh_margin(total: float) -> float:
    """Refresh this long before expiry: 10 % of the lifetime, at most a minute."""
    return min(MAX_MARGIN, max(0.0, total) * 0.1)


@dataclass
class _Entry:
    value: str = field(repr=False)
    refresh_at: float  # the monotonic time after which the token is renewed


class TokenCache:
    """Tokens by key; ``fetch`` runs at most once at a time per key."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._entries: dict[TokenKey, _Entry] = {}
        self._locks: dict[TokenKey, threading.Lock] = {}
        self.fetches = 0

    def __repr__(self) -> str:
        return f"TokenCache(keys={len(self._entries)}, fetches={self.fetches})"

    def get(
        self,
        key: TokenKey,
        fetch: Callable[[], tuple[str, Any]],
        now: Callable[[], float] = time.monotonic,
    ) -> str:
        """A valid token for ``key``; ``fetch`` returns (access token, expiresIn or None).

        ``now`` is the monotonic clock (tests pass a scripted one with the same key each time).
        """
        entry = self._entries.get(key)
        if entry is not None and now() < entry.refresh_at:
            return entry.value
        with self._key_lock(key):
            entry = self._entries.get(key)
            if entry is not None and now() < entry.refresh_at:
                return entry.value
            value, expires_in = fetch()
            remaining, total = token_lifetime(value, expires_in)
            with self._guard:
                self.fetches += 1
                self._entries[key] = _Entry(
                    value=value, refresh_at=now() + remaining - refresh_margin(total)
                )
            return value

    def invalidate(self, key: TokenKey, stale: str) -> None:
        """Forget ``stale`` (after a 401) unless another thread already replaced it."""
        with self._guard:
            entry = self._entries.get(key)
            if entry is not None and entry.value == stale:
                del self._entries[key]

    def clear(self) -> None:
        with self._guard:
            self._entries.clear()
            self._locks.clear()
            self.fetches = 0

    def _key_lock(self, key: TokenKey) -> threading.Lock:
        with self._guard:
            lock = self._locks.get(key)
            if lock is None:
                lock = self._locks[key] = threading.Lock()
            return lock

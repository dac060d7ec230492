"""The in-memory log of API requests that tests read through /_emulator/requests."""

from __future__ import annotations

import threading
from typing import Any

MAX_ENTRIES = 100_000


class RequestLog:
    """Append-only (bounded) list of `{method, path, query, status, clientId}` entries."""

    def __init__(self) -> None:
        self._entries: list[dict[str, Any]] = []
        self._lock = threading.Lock()

    def append(self, entry: dict[str, Any]) -> None:
        with self._lock:
            self._entries.append(entry)
            if len(self._entries) > MAX_ENTRIES:
                del self._entries[: len(self._entries) - MAX_ENTRIES]

    def entries(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

"""Throughput of simple authenticated GETs: `python -m tests.emulator.bench_get [seconds]`.

Keep-alive connections from a few client threads; prints requests per second.
"""

from __future__ import annotations

import http.client
import sys
import threading
import time
from urllib.parse import urlparse

from runai_emulator.testing import EmulatorProcess


def measure(server: EmulatorProcess, seconds: float = 3.0, threads: int = 4,
            path: str = "/api/v1/clusters") -> float:
    """Requests per second over `seconds`; every answer must be 200."""
    target = urlparse(server.url)
    headers = {"Authorization": f"Bearer {server.token()}"}
    counts = [0] * threads
    errors: list[int] = []
    stop = time.monotonic() + seconds

    def worker(index: int) -> None:
        conn = http.client.HTTPConnection(target.hostname or "127.0.0.1", target.port, timeout=10)
        while time.monotonic() < stop:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors.append(response.status)
            counts[index] += 1
        conn.close()

    started = time.monotonic()
    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    elapsed = time.monotonic() - started
    if errors:
        raise AssertionError(f"non-200 answers during the benchmark: {sorted(set(errors))}")
    return sum(counts) / elapsed


if __name__ == "__main__":
    duration = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    with EmulatorProcess(None) as emulator:
        for route in ("/api/v1/clusters", "/api/v1/authorization/roles/8",
                      "/api/v1/org-unit/departments"):
            rate = measure(emulator, duration, path=route)
            print(f"{route}: {rate:,.0f} requests/s")

"""How many simple GETs per second the emulator serves (target: at least 1,000 on 2 cores).

Why it matters: if the emulator were the bottleneck, the benchmark would measure it instead of
the provider. Threads with one keep-alive `requests.Session` each hammer `GET /api/v1/clusters`
(auth + JSON + SQLite read, no added latency).

    python -m benchmarks.emulator_load [--seconds 3] [--threads 8]
"""

from __future__ import annotations

import argparse
import threading
import time

import requests
from runai_emulator.testing import EmulatorProcess

PATH = "/api/v1/clusters"


def _hammer(url: str, headers: dict[str, str], stop_at: float, counts: list[int]) -> None:
    done = 0
    with requests.Session() as session:
        session.headers.update(headers)
        while time.perf_counter() < stop_at:
            session.get(url, timeout=10).raise_for_status()
            done += 1
    counts.append(done)


def measure_gets(emulator: EmulatorProcess, seconds: float = 3.0, threads: int = 8) -> float:
    """Requests per second over `seconds` with `threads` concurrent clients."""
    headers = emulator.headers()
    counts: list[int] = []
    started = time.perf_counter()
    stop_at = started + seconds
    workers = [threading.Thread(target=_hammer, args=(emulator.url + PATH, headers, stop_at,
                                                       counts))
               for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(counts) / (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> float:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.emulator_load")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args(argv)
    with EmulatorProcess() as emulator:
        rate = measure_gets(emulator, args.seconds, args.threads)
    print(f"emulator: {rate:,.0f} GET/s ({args.threads} threads, {args.seconds:g} s)")
    return rate


if __name__ == "__main__":
    main()

"""How many simple GETs per second the emulator serves (target: at least 1,000 on 2 cores).

Why it matters: if the emulator were the bottleneck, the benchmark would measure it instead of
the provider. Threads with one keep-alive `requests.Session` each hammer `GET /api/v1/clusters`
(auth + JSON + SQLite read, no added latency).

    python -m benchmarks.emulator_load [--seconds 3] [--threads 8] [--processes 2]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import requests
from runai_emulator.testing import EmulatorProcess

from .memory import children

PATH = "/api/v1/clusters"


def _hammer(url: str, headers: dict[str, str], stop_at: float, counts: list[int]) -> None:
    done = 0
    with requests.Session() as session:
        session.trust_env = False  # no per-request proxy/netrc lookups: spend CPU on the server
        session.headers.update(headers)
        while time.perf_counter() < stop_at:
            session.get(url, timeout=10).raise_for_status()
            done += 1
    counts.append(done)


def _client_process(url: str, headers: dict[str, str], stop_at: float, threads: int) -> int:
    """One load-generator process: `threads` sessions until `stop_at` (perf_counter clock)."""
    counts: list[int] = []
    workers = [threading.Thread(target=_hammer, args=(url, headers, stop_at, counts))
               for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(counts)


def _server_cpu() -> float:
    """CPU seconds used so far by the emulator processes this process started."""
    total = 0.0
    for pid in children(os.getpid()):
        try:
            if b"runai_emulator" not in Path(f"/proc/{pid}/cmdline").read_bytes():
                continue
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def measure_gets(emulator: EmulatorProcess, seconds: float = 3.0, threads: int = 8,
                 processes: int = 2) -> tuple[float, float]:
    """(requests per second, server CPU µs per request) over `seconds` with `threads` clients
    spread over `processes` (Python threads in one process would be limited by its GIL).

    The second figure is the emulator's capacity on one core (1e6 / it GETs per second),
    which the load generator's own CPU use on a shared 2-core machine does not distort.
    """
    headers = emulator.headers()
    per_process = max(1, threads // processes)
    cpu_before = _server_cpu()
    started = time.perf_counter()
    stop_at = started + seconds  # perf_counter is system-wide (CLOCK_MONOTONIC) on Linux
    with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork")) as pool:
        jobs = [pool.submit(_client_process, emulator.url + PATH, headers, stop_at, per_process)
                for _ in range(processes)]
        counts = [job.result() for job in jobs]
    elapsed = time.perf_counter() - started
    done = max(1, sum(counts))
    return done / elapsed, (_server_cpu() - cpu_before) * 1e6 / done


def main(argv: list[str] | None = None) -> tuple[float, float]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.emulator_load")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args(argv)
    with EmulatorProcess() as emulator:
        rate, cpu_us = measure_gets(emulator, args.seconds, args.threads, args.processes)
    print(f"emulator: {rate:,.0f} GET/s ({args.threads} threads in {args.processes} processes, "
          f"{args.seconds:g} s); "
          f"server CPU {cpu_us:,.0f} µs per GET = {1e6 / cpu_us:,.0f} GET/s per core")
    return rate, cpu_us


if __name__ == "__main__":
    main()

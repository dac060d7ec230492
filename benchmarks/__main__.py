"""`python -m benchmarks`: the provider against the runapy baseline for several N, the native
plugin beside the dynamic provider for larger N, plus the emulator throughput and check+diff
CPU side checks; writes docs/benchmarks.{json,md,png}."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pulumi_runai.resources._provider_base import DEFAULT_HOST_THREADS
from runai_emulator.testing import EmulatorProcess

from . import cpu_check_diff, emulator_load, native_bench, report
from .run import run_size


def _sizes(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--sizes", type=_sizes, default=[10, 100, 500],
                        help="comma-separated N")
    parser.add_argument("--native-sizes", type=_sizes, default=[500, 2000],
                        help="comma-separated N for the native rows ('' skips them)")
    parser.add_argument("--native-rounds", type=native_bench.rounds_arg, default=2,
                        help="rounds of both providers per native N (their CPU is averaged)")
    parser.add_argument("--latency-ms", type=float, default=20.0,
                        help="emulator latency per request")
    parser.add_argument("--parallel", type=int, default=DEFAULT_HOST_THREADS,
                        help="harness step parallelism (pulumi up itself is unbounded)")
    parser.add_argument("--host-threads", type=int, default=DEFAULT_HOST_THREADS,
                        help="runai:hostThreads for the provider runs")
    parser.add_argument("--out", type=Path, default=Path("docs"), help="output directory")
    parser.add_argument("--skip-side-checks", action="store_true",
                        help="skip the emulator GET/s and check+diff CPU measurements")
    return parser.parse_args(argv)


def side_checks() -> dict[str, Any]:
    with EmulatorProcess() as emulator:
        rate, cpu_us = emulator_load.measure_gets(emulator)
    cpu = cpu_check_diff.time_check_diff(cpu_check_diff.deployed_samples(100), rounds=20)
    return {
        "emulator simple GETs per second (8 threads in 2 processes)": round(rate),
        "emulator server CPU per simple GET (µs)": round(cpu_us),
        "emulator capacity on one core (GET/s)": round(1e6 / cpu_us),
        "provider CPU per resource for check + diff (µs)": round(cpu["all"], 1),
        "provider CPU per resource for check + diff by kind (µs)": {
            k: round(v, 1) for k, v in cpu.items() if k not in ("all", "dill_load_per_provider")
        },
        "dill load of one __provider (µs, once per provider per host)":
            round(cpu["dill_load_per_provider"], 1),
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    args = parse_args(argv)
    results: dict[str, Any] = {
        "latency_ms": args.latency_ms,
        "parallel": args.parallel,
        "host_threads": args.host_threads,
        "concurrency": 0,
        "checks": {} if args.skip_side_checks else side_checks(),
        "runs": [],
        "native": [],
    }
    for name, value in results["checks"].items():
        print(f"{name}: {value}")
    for n in args.sizes:
        run = run_size(n, args.latency_ms, args.parallel, args.host_threads)
        results["concurrency"] = run["concurrency"]
        results["runs"].append(run)
        for line in report.summary_lines({"runs": [run]}):
            print(line, flush=True)
    for n in args.native_sizes:
        rows = native_bench.run([n], args.latency_ms, args.parallel, args.host_threads,
                                args.native_rounds)
        results["native"] += rows
        print(native_bench.table(rows), end="", flush=True)
    for line in report.verdict_lines(results):
        print(line)
    for path in report.write(results, args.out):
        print(f"wrote {path}")
    return results


if __name__ == "__main__":
    main()

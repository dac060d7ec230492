"""One size N: the provider's phases through `pulumi_runai.testing`, then the runapy baseline,
against one emulator with a set latency.

Phases (provider): up, preview of a 10 % quota change, no-op up, refresh, the quota change
(update), destroy. Stock: up and destroy again with the host at Pulumi's own 4 threads
(`runai:hostThreads=4`), to show what the wider host buys. Baseline: the same creates and the
same deletes, sequentially.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from pulumi_runai.testing import Result, Stack
from runai_emulator.testing import EmulatorProcess

from . import baseline_runapy, workload
from .phases import PhaseResult, measure

PROJECT = "runai-bench"
STOCK_HOST_THREADS = 4  # what `python -m pulumi.dynamic` serves on its own


def _ops(result: Result) -> dict[str, int]:
    counts: dict[str, int] = {}
    for step in result.steps:
        counts[step.op] = counts.get(step.op, 0) + 1
    return counts


def _cluster_id(emulator: EmulatorProcess) -> str:
    """Looked up before measuring: stacks normally carry the cluster id in their config."""
    clusters = emulator.session.get(f"{emulator.url}/api/v1/clusters",
                                    headers=emulator.headers(), timeout=10).json()
    return str(clusters[0]["uuid"])


def _stack(emulator: EmulatorProcess, parallel: int, host_threads: int,
           state_dir: Path) -> Stack:
    # In-memory state: the harness's JSON checkpoint after every step writes the whole file
    # (O(N) bytes per step); that is the harness, not the provider.
    return Stack(None, project=PROJECT,
                 config={"runai:url": emulator.url, "runai:clientId": emulator.client_id,
                         "runai:hostThreads": str(host_threads)},
                 secret_config={"runai:clientSecret": emulator.client_secret},
                 parallel=parallel, cwd=state_dir)


def _provider_phases(emulator: EmulatorProcess, load: workload.Workload, cluster_id: str,
                     parallel: int, host_threads: int, state_dir: Path) -> list[PhaseResult]:
    stack = _stack(emulator, parallel, host_threads, state_dir)
    changed_load, n_changed = load.with_quota_change()
    base, changed = workload.program(load, cluster_id), workload.program(changed_load, cluster_id)
    counts, n = load.counts(), load.size
    plan: list[tuple[str, Any, int, dict[str, int], str]] = [
        ("up", lambda: stack.up(base), n, counts, "up"),
        ("preview", lambda: stack.preview(changed), n, {}, "preview"),
        ("noop-up", lambda: stack.up(base), n, {}, "noop-up"),
        ("refresh", stack.refresh, n, counts, "refresh"),
        ("update", lambda: stack.up(changed), n_changed, {"project": n_changed}, "update"),
        ("destroy", stack.destroy, n, counts, "destroy"),
    ]
    results = []
    for name, action, size, affected, floor_phase in plan:
        phase, outcome = measure(emulator, name, "provider", action, resources=size,
                                 affected=affected, floor_phase=floor_phase)
        phase.extra["ops"] = _ops(outcome)
        results.append(phase)
    return results


def _stock_phases(emulator: EmulatorProcess, load: workload.Workload, cluster_id: str,
                  parallel: int, state_dir: Path) -> list[PhaseResult]:
    stack = _stack(emulator, parallel, STOCK_HOST_THREADS, state_dir)
    program = workload.program(load, cluster_id)
    results = []
    for name, action in (("up", lambda: stack.up(program)), ("destroy", stack.destroy)):
        phase, outcome = measure(emulator, name, "stock", action, resources=load.size,
                                 affected=load.counts(), floor_phase=name)
        phase.extra["ops"] = _ops(outcome)
        results.append(phase)
    return results


def _baseline_phases(emulator: EmulatorProcess, load: workload.Workload,
                     cluster_id: str) -> list[PhaseResult]:
    def create() -> baseline_runapy.Created:
        client = baseline_runapy.connect(emulator.url, emulator.client_id,
                                         emulator.client_secret)
        return baseline_runapy.create_all(client, load, cluster_id)

    up, created = measure(emulator, "up", "baseline", create, resources=load.size)

    def delete() -> None:
        client = baseline_runapy.connect(emulator.url, emulator.client_id,
                                         emulator.client_secret)
        baseline_runapy.delete_all(client, created)

    destroy, _ = measure(emulator, "destroy", "baseline", delete, resources=load.size)
    return [up, destroy]


def run_size(n: int, latency_ms: float, parallel: int, host_threads: int) -> dict[str, Any]:
    """Everything measured for one N, as plain data for the report."""
    load = workload.build(n)
    concurrency = min(parallel, host_threads)
    stock_concurrency = min(parallel, STOCK_HOST_THREADS)
    with tempfile.TemporaryDirectory(prefix="runai-bench-") as tmp, \
            EmulatorProcess(Path(tmp) / "emulator.db", "--latency-ms", str(latency_ms)) as emu:
        cluster_id = _cluster_id(emu)
        provider = _provider_phases(emu, load, cluster_id, parallel, host_threads, Path(tmp))
        stock = _stock_phases(emu, load, cluster_id, parallel, Path(tmp))
        baseline = _baseline_phases(emu, load, cluster_id)
    return {
        "n": n,
        "counts": load.counts(),
        "latency_ms": latency_ms,
        "parallel": parallel,
        "host_threads": host_threads,
        "concurrency": concurrency,
        "stock_concurrency": stock_concurrency,
        "provider": [p.as_dict(latency_ms, concurrency) for p in provider],
        "stock": [p.as_dict(latency_ms, stock_concurrency) for p in stock],
        "baseline": [p.as_dict(latency_ms, 1) for p in baseline],
    }

"""One size N: the provider's phases through `pulumi_runai.testing`, then the runapy baseline,
against one emulator with a set latency.

Phases (provider): up, preview of a 10 % quota change, no-op up, refresh, the quota change
(update), destroy. Baseline: the same creates and the same deletes, sequentially.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from pulumi_runai.testing import Result, Stack
from runai_emulator.testing import EmulatorProcess

from . import baseline_runapy, workload
from .phases import HOST_THREADS, PhaseResult, measure

PROJECT = "runai-bench"


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


def _provider_phases(emulator: EmulatorProcess, load: workload.Workload, cluster_id: str,
                     parallel: int, state_dir: Path) -> list[PhaseResult]:
    # In-memory state: the harness's JSON checkpoint after every step costs O(N) per step
    # (O(N^2) per run) under the state lock; that is the harness, not the provider.
    stack = Stack(None, project=PROJECT,
                  config={"runai:url": emulator.url, "runai:clientId": emulator.client_id},
                  secret_config={"runai:clientSecret": emulator.client_secret},
                  parallel=parallel, cwd=state_dir)
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


def run_size(n: int, latency_ms: float, parallel: int) -> dict[str, Any]:
    """Everything measured for one N, as plain data for the report."""
    load = workload.build(n)
    concurrency = min(parallel, HOST_THREADS)
    with tempfile.TemporaryDirectory(prefix="runai-bench-") as tmp, \
            EmulatorProcess(Path(tmp) / "emulator.db", "--latency-ms", str(latency_ms)) as emu:
        cluster_id = _cluster_id(emu)
        provider = _provider_phases(emu, load, cluster_id, parallel, Path(tmp))
        baseline = _baseline_phases(emu, load, cluster_id)
    return {
        "n": n,
        "counts": load.counts(),
        "latency_ms": latency_ms,
        "parallel": parallel,
        "concurrency": concurrency,
        "provider": [p.as_dict(latency_ms, concurrency) for p in provider],
        "baseline": [p.as_dict(latency_ms, 1) for p in baseline],
    }

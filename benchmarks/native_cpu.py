"""CPU of the serving process per Check + Diff pair over gRPC: the native plugin against the
dynamic host, on the same project (a no-op: what preview and a no-op up send per resource).

Why over gRPC and sequential: both processes pay their own (de)serialisation, which is most of
the cost; one call at a time keeps a busy shared machine from turning contention into CPU.
The figure is the process's own CPU (/proc) divided by the pairs sent.

    python -m benchmarks.native_cpu [--pairs 1000]
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from pulumi.dynamic.dynamic import serialize_provider
from pulumi_runai.native.names import to_native
from pulumi_runai.resources import ProjectProvider
from pulumi_runai.testing import ProviderHost
from pulumi_runai.testing.host import DIFF_NONE
from pulumi_runai.testing.native_host import NativeHost

from .phases import process_cpu

URN_DYNAMIC = "urn:pulumi:dev::bench::pulumi-python:dynamic/runai:Project::p"
URN_NATIVE = "urn:pulumi:dev::bench::runai:index:Project::p"
INPUTS: dict[str, Any] = {
    "name": "proj-0001", "cluster_id": "c-1", "department_id": "100", "adopt": False,
    "resources": [{"node_pool": "default", "gpu": {"deserved": 2}},
                  {"node_pool": "a100", "gpu": {"deserved": 1}}],
}
OUTPUTS: dict[str, Any] = {
    **INPUTS, "project_id": "101", "phase": "Ready", "namespace": "runai-proj-0001",
    "created_at": "2026-11-30T10:00:00Z", "updated_at": "2026-11-30T10:00:00Z",
    "created_by": "pulumi-runai", "description": None, "requested_namespace": None,
    "default_node_pools": None, "enforce_runai_scheduler": True, "node_types": None,
    "scheduling_rules": None,
    "resources": [{"node_pool": p, "gpu": {"deserved": d, "limit": -1, "over_quota_weight": 2},
                   "rank": "MediumLow"} for p, d in (("default", 2), ("a100", 1))],
}
CONFIG = {"url": "http://127.0.0.1:9", "clientId": "bench", "clientSecret": "not-used"}


def _pairs(call: Any, pid: int, pairs: int) -> float:
    for _ in range(20):  # warm up (imports, caches)
        call()
    before = process_cpu(pid)
    for _ in range(pairs):
        call()
    return 1000 * (process_cpu(pid) - before) / pairs


def dynamic_ms(pairs: int) -> float:
    provider = serialize_provider(ProjectProvider())
    inputs = {**INPUTS, "__provider": provider}
    outputs = {**OUTPUTS, "__provider": provider, "__inputs": INPUTS}
    config = {f"runai:{k}": v for k, v in CONFIG.items()}
    with ProviderHost(config=config) as host:
        def call() -> None:
            checked, failures = host.check(URN_DYNAMIC, inputs, inputs)
            assert not failures
            assert host.diff(URN_DYNAMIC, "101", outputs, checked, inputs).changes == DIFF_NONE

        host.plugin_version()
        return _pairs(call, host.pid, pairs)


def native_ms(pairs: int) -> float:
    inputs, outputs = to_native(INPUTS), to_native(OUTPUTS)
    with NativeHost() as host:
        host.configure(CONFIG)

        def call() -> None:
            checked, failures = host.check(URN_NATIVE, inputs, inputs)
            assert not failures
            assert host.diff(URN_NATIVE, "101", outputs, checked).changes == "DIFF_NONE"

        return _pairs(call, host.pid, pairs)


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1000)
    args = parser.parse_args(argv)
    found = {"dynamic": round(dynamic_ms(args.pairs), 3),
             "native": round(native_ms(args.pairs), 3)}
    print(f"CPU ms per Check + Diff pair ({args.pairs} pairs, {os.cpu_count()} CPUs): "
          f"dynamic host {found['dynamic']}, native plugin {found['native']}")
    return found


if __name__ == "__main__":
    main()

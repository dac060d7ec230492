"""Provider CPU time per resource for check + diff (target: under 1 ms).

Why in-process on real state: preview and no-op up are nothing but check + diff for every
resource, so their cost per resource decides how a stack of hundreds feels on every pull
request. The inputs and old outputs are taken from a real deployment's state (deployed once
against an emulator), so check and diff see exactly what the host hands them.

    python -m benchmarks.cpu_check_diff [--n 100] [--rounds 20]
"""

from __future__ import annotations

import argparse
import base64
import tempfile
import time
from dataclasses import dataclass
from typing import Any

import dill
from pulumi.dynamic import ResourceProvider
from pulumi_runai.testing import Stack
from pulumi_runai.testing._wire import plain  # the harness's own secret-marker stripping
from runai_emulator.testing import EmulatorProcess

from . import workload

PROVIDER_KEY = "__provider"


@dataclass(frozen=True)
class Sample:
    """What the host passes for one resource on a no-op run."""

    type: str
    id: str
    inputs: dict[str, Any]
    outputs: dict[str, Any]


def _provider(serialized: str) -> ResourceProvider:
    provider: ResourceProvider = dill.loads(base64.b64decode(serialized))
    return provider


def deployed_samples(n: int) -> list[Sample]:
    """Deploy a workload of `n` once and return every resource's inputs and outputs."""
    with tempfile.TemporaryDirectory(prefix="runai-cpu-") as tmp, EmulatorProcess() as emu:
        stack = Stack(None, project="runai-bench",
                      config={"runai:url": emu.url, "runai:clientId": emu.client_id},
                      secret_config={"runai:clientSecret": emu.client_secret}, cwd=tmp)
        cluster = emu.session.get(f"{emu.url}/api/v1/clusters", headers=emu.headers(),
                                  timeout=10).json()[0]["uuid"]
        stack.up(workload.program(workload.build(n), cluster))
        samples = [Sample(r.type, r.id, plain(r.inputs), plain(r.outputs))
                   for r in stack.state.resources() if r.custom]
        stack.destroy()
    return samples


def time_check_diff(samples: list[Sample], rounds: int) -> dict[str, float]:
    """CPU µs per resource for check + diff, and for the one-off dill load per provider."""
    started = time.process_time()
    providers = {s.inputs[PROVIDER_KEY]: _provider(s.inputs[PROVIDER_KEY]) for s in samples}
    load_us = (time.process_time() - started) * 1e6 / max(1, len(providers))
    per_type: dict[str, list[float]] = {}
    for _ in range(rounds):
        for s in samples:
            provider = providers[s.inputs[PROVIDER_KEY]]
            t0 = time.process_time()
            checked = provider.check(s.inputs, s.inputs)
            provider.diff(s.id, s.outputs, {**checked.inputs, PROVIDER_KEY: s.inputs[PROVIDER_KEY]})
            per_type.setdefault(s.type.rsplit(":", 1)[-1], []).append(time.process_time() - t0)
    every = [t for ts in per_type.values() for t in ts]
    result = {"all": sum(every) * 1e6 / len(every), "dill_load_per_provider": load_us}
    result.update({kind: sum(ts) * 1e6 / len(ts) for kind, ts in sorted(per_type.items())})
    return result


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.cpu_check_diff")
    parser.add_argument("--n", type=int, default=100, help="resources deployed for samples")
    parser.add_argument("--rounds", type=int, default=20, help="check+diff passes over them")
    args = parser.parse_args(argv)
    figures = time_check_diff(deployed_samples(args.n), args.rounds)
    for key, value in figures.items():
        print(f"check+diff CPU {key}: {value:,.0f} µs/resource" if key != "dill_load_per_provider"
              else f"dill load of __provider: {value:,.0f} µs (once per provider per host)")
    return figures


if __name__ == "__main__":
    main()

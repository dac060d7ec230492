"""Write the benchmark's figures: JSON (everything), markdown (the tables) and a PNG plot.

Why three forms: the JSON is for tools and diffs between runs, the markdown is what readers
see in docs/benchmarks.md, the plot shows at a glance how time and requests grow with N.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter, NullFormatter

from .native_bench import table as native_table
from .phases import CORES
from .targets import verdicts

COMPARED = ("up", "destroy")
FLOOR_TEXT = """\
The floor, per managed resource: 0 requests for preview and a no-op up (check resolves only
names that changed, diff never calls Run:ai), 1 GET to refresh, 1 PATCH to change a quota, 1
POST to create (plus readiness polls for a project that is not Ready at once), 1 DELETE to
delete (plus 1 GET per project: the wait for its 404). Shared lookups (node pools, roles,
clusters, and the access rules held before the first rule create) at most once per provider
process, and one token per provider process (none when the phase makes no call)."""


READING_TEXT = """\
Reading the figures: `python -m pulumi.dynamic` serves 4 gRPC threads of its own; the provider
raises that to `runai:hostThreads` (16 by default, see docs/architecture.md#concurrency). The
`stock` rows run up and destroy again at Pulumi's 4 threads. The ideal time is the network
alone (requests x latency / concurrency); `CPU s` is the work of every process of the
benchmark (harness with the program and the Pulumi SDK, provider host, emulator), and no
schedule beats it spread over the machine's cores (`CPU floor`). At 16 threads on a small
machine that floor, not the network, bounds the wall time. Every command also pays a fixed
cost that the no-op up shows alone: the program through the Pulumi SDK (which registers
resources only after the program's body has declared them all), the harness, and check + diff
of every resource through the host. Harness state is kept in memory (see
benchmarks/README.md)."""


NATIVE_TEXT = """\
Both providers run the same workload through `pulumi_runai.testing`, each on a fresh emulator:
`dynamic` is `pulumi_runai.resources` in the `python -m pulumi.dynamic` host, `native` is
`pulumi_runai_native` through the `pulumi-resource-runai` plugin (docs/native-provider.md).
`provider CPU` is the serving process's own CPU (host or plugin, its start included): what the
provider itself costs per resource. A phase's CPU moves by about 10 % between runs on a shared
machine, so each N runs in rounds (both providers per round, the first one alternating) and
the CPU verdict compares the means over the rounds. The other phases of the table above are
the dynamic provider's."""


def _phase(run: Mapping[str, Any], runner: str, name: str) -> Mapping[str, Any] | None:
    return next((p for p in run[runner] if p["phase"] == name), None)


def speedups(run: Mapping[str, Any]) -> dict[str, dict[str, float | None]]:
    """Baseline over provider for up and destroy: wall-time ratio and request counts."""
    found: dict[str, dict[str, float | None]] = {}
    for name in COMPARED:
        mine, theirs = _phase(run, "provider", name), _phase(run, "baseline", name)
        if mine is None or theirs is None:
            continue
        found[name] = {
            "speedup": round(theirs["wall_s"] / mine["wall_s"], 2) if mine["wall_s"] else None,
            "provider_requests": mine["requests"]["total"],
            "baseline_requests": theirs["requests"]["total"],
        }
    return found


def fixed_costs(run: Mapping[str, Any]) -> dict[str, float]:
    """What a run costs apart from the network, from the phases that make no request.

    The no-op up runs the program, the harness and check + diff for every resource and starts
    a host; `up` minus that is the part the network and the provider's create work take,
    which is what the ideal (requests x latency / concurrency) models.
    """
    noop, up = _phase(run, "provider", "noop-up"), _phase(run, "provider", "up")
    if noop is None or up is None or not up["ideal_s"]:
        return {}
    beyond = up["wall_s"] - noop["wall_s"]
    return {
        "noop_up_s": noop["wall_s"],
        "up_beyond_noop_s": round(beyond, 3),
        "up_beyond_noop_over_ideal": round(beyond / up["ideal_s"], 2),
        "noop_host_cpu_ms_per_resource": round(noop["children_cpu_s"] * 1000 / run["n"], 3),
    }


def _row(p: Mapping[str, Any]) -> str:
    floor = p["floor"]
    at_floor = "—" if floor is None else ("yes" if floor["at_floor"] else
                                           "NO: " + "; ".join(floor["excess"]))
    ratio = p["wall_over_ideal"]
    cpu = f"{p['cpu_s']:.2f} / {p['cpu_floor_s']:.2f}" if "cpu_s" in p else "—"
    kinds = ", ".join(f"{k} {v}" for k, v in p["requests"]["by_method_kind"].items()) or "none"
    return (f"| {p['runner']} | {p['phase']} | {p['resources']} | {p['wall_s']:.2f} | "
            f"{p['ideal_s']:.2f} | {'—' if ratio is None else f'{ratio:.2f}'} | {cpu} | "
            f"{p['requests']['total']} | {'—' if floor is None else floor['floor']} | "
            f"{'—' if p['requests_per_resource'] is None else p['requests_per_resource']} | "
            f"{p['requests']['token_requests']} | {at_floor} | {p['host_peak_mib'] or '—'} | "
            f"{kinds} |")


def _rows(run: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [*run["provider"], *run.get("stock", []), *run["baseline"]]


def markdown(results: Mapping[str, Any]) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Generated by `python -m benchmarks` (see `benchmarks/README.md`); do not edit by hand.",
        "",
        f"Emulator latency {results['latency_ms']:g} ms per request, harness parallelism "
        f"{results['parallel']}, `runai:hostThreads` {results.get('host_threads', 4)}: the "
        f"ideal time uses concurrency {results['concurrency']} (4 for the `stock` rows, 1 for "
        f"the sequential baseline); {CORES} CPU cores.",
        "",
        FLOOR_TEXT,
        "",
        READING_TEXT,
        "",
    ]
    lines += ["## Targets", "", "| target | met | figure |", "|---|---|---|"]
    lines += [f"| {v.target} | {'yes' if v.met else 'NO'} | {v.figure} |"
              for v in verdicts(results)]
    lines.append("")
    checks = results.get("checks", {})
    if checks:
        lines += ["## Side checks", ""]
        lines += [f"- {name}: {value}" for name, value in checks.items()]
        lines.append("")
    if results.get("native"):
        lines += ["## The native plugin beside the dynamic provider", "", NATIVE_TEXT, "",
                  native_table(results["native"]), ""]
    for run in results["runs"]:
        counts = ", ".join(f"{k} {v}" for k, v in run["counts"].items())
        lines += [
            f"## N = {run['n']} ({counts})",
            "",
            "| runner | phase | resources | wall s | ideal s | wall/ideal | CPU s / CPU floor s "
            "| requests | floor | req/resource | tokens | at floor | host peak MiB | "
            "by method and kind |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
            *(_row(p) for p in _rows(run)),
            "",
        ]
        for name, s in speedups(run).items():
            lines.append(f"- {name}: provider {s['speedup']}x faster than the runapy baseline, "
                         f"{s['provider_requests']} requests vs {s['baseline_requests']}")
        fixed = fixed_costs(run)
        if fixed:
            lines += [
                f"- no-op up (program + harness + host start + check/diff of every resource, "
                f"no request): {fixed['noop_up_s']:.2f} s; up beyond it: "
                f"{fixed['up_beyond_noop_s']:.2f} s = {fixed['up_beyond_noop_over_ideal']}x "
                f"the ideal",
                f"- provider host CPU in the no-op up, host start included: "
                f"{fixed['noop_host_cpu_ms_per_resource']} ms per resource",
            ]
        lines.append("")
    return "\n".join(lines)


def plot(results: Mapping[str, Any], path: Path) -> None:
    runs = sorted(results["runs"], key=lambda r: r["n"])
    sizes = [r["n"] for r in runs]
    fig, (ax_time, ax_req) = plt.subplots(1, 2, figsize=(11, 4.2))
    # baseline first and larger: where both send the same requests the provider stays visible
    for runner, style in (("baseline", "--s"), ("stock", "-.^"), ("provider", "-o")):
        for name in COMPARED:
            phases = [_phase(r, runner, name) if runner in r else None for r in runs]
            if any(p is None for p in phases):
                continue
            label = f"{runner} {name}"
            size = 9 if runner == "baseline" else 5
            ax_time.plot(sizes, [p["wall_s"] for p in phases if p], style, label=label,
                         markersize=size)
            ax_req.plot(sizes, [p["requests"]["total"] for p in phases if p], style,
                        label=label, markersize=size)
    ideal = [_phase(r, "provider", "up") for r in runs]
    if all(ideal):
        ax_time.plot(sizes, [p["ideal_s"] for p in ideal if p], ":", color="grey",
                     label="ideal up (requests x latency / concurrency)")
        if all("cpu_floor_s" in p for p in ideal if p):
            ax_time.plot(sizes, [p["cpu_floor_s"] for p in ideal if p], "--", color="black",
                         linewidth=0.8, label="CPU floor of up (all processes / cores)")
    for ax, title, unit in ((ax_time, "Wall time", "seconds"), (ax_req, "Run:ai requests",
                                                                  "requests")):
        ax.set_title(f"{title} against N ({results['latency_ms']:g} ms latency)")
        ax.set_xlabel("resources (N)")
        ax.set_ylabel(unit)
        if len(sizes) > 1:
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.set_xticks(sizes)
            for axis in (ax.xaxis, ax.yaxis):
                axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
                axis.set_minor_formatter(NullFormatter())
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write(results: Mapping[str, Any], out: Path) -> list[Path]:
    """benchmarks.json, benchmarks.md and benchmarks.png in `out`; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "benchmarks.json", out / "benchmarks.md", out / "benchmarks.png"]
    paths[0].write_text(json.dumps(results, indent=2) + "\n")
    paths[1].write_text(markdown(results))
    plot(results, paths[2])
    return paths


def verdict_lines(results: Mapping[str, Any]) -> Iterable[str]:
    for v in verdicts(results):
        yield f"[{'met' if v.met else 'NOT MET'}] {v.target}: {v.figure}"


def summary_lines(results: Mapping[str, Any]) -> Iterable[str]:
    """What the command prints: one line per phase, then the comparisons."""
    for run in results["runs"]:
        for p in _rows(run):
            floor = p["floor"]
            verdict = "" if floor is None else (" at floor" if floor["at_floor"] else
                                                 " ABOVE floor: " + "; ".join(floor["excess"]))
            yield (f"N={run['n']:<4} {p['runner']:<8} {p['phase']:<8} {p['wall_s']:7.2f} s "
                   f"(ideal {p['ideal_s']:.2f}) {p['requests']['total']:5d} req "
                   f"{p['requests']['token_requests']} token{verdict}")
        for name, s in speedups(run).items():
            yield (f"N={run['n']:<4} {name}: {s['speedup']}x faster than baseline, "
                   f"{s['provider_requests']} vs {s['baseline_requests']} requests")
        fixed = fixed_costs(run)
        if fixed:
            yield (f"N={run['n']:<4} up beyond the no-op up: {fixed['up_beyond_noop_s']:.2f} s "
                   f"= {fixed['up_beyond_noop_over_ideal']}x ideal; host CPU in no-op up "
                   f"{fixed['noop_host_cpu_ms_per_resource']} ms/resource")

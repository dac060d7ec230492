"""The issue's targets, judged from the figures of one benchmark run.

Why a separate verdict: the tables hold hundreds of numbers; a reader (and the integrator)
needs to see at once which target is met, by which figure, and which is not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .native_bench import cpu_per_resource, cpu_per_round

WALL_FACTOR = 1.5
SPEEDUP = 3.0
CHECK_DIFF_US = 1000.0
EMULATOR_GETS = 1000.0


@dataclass(frozen=True)
class Verdict:
    target: str
    met: bool
    figure: str


def _largest(results: Mapping[str, Any]) -> Mapping[str, Any] | None:
    return max(results["runs"], key=lambda r: r["n"], default=None)


def _phase(run: Mapping[str, Any], runner: str, name: str) -> Mapping[str, Any]:
    return next(p for p in run[runner] if p["phase"] == name)


def _floor_verdicts(results: Mapping[str, Any]) -> list[Verdict]:
    above = [f"N={r['n']} {p['phase']}: {'; '.join(p['floor']['excess'])}"
             for r in results["runs"] for p in r["provider"] if not p["floor"]["at_floor"]]
    silent = [p for r in results["runs"] for p in r["provider"]
              if p["phase"] in ("preview", "noop-up")]
    tokens = [p for r in results["runs"] for p in r["provider"]
              if p["requests"]["token_requests"] > max(1, p["host_processes"])]
    return [
        Verdict("requests at the floor for every kind and phase", not above,
                "; ".join(above) or "all phases at the floor"),
        Verdict("no-op up and preview make zero Run:ai requests",
                all(p["requests"]["total"] == 0 for p in silent),
                ", ".join(str(p["requests"]["total"]) for p in silent) + " requests"),
        Verdict("one token request per provider process", not tokens,
                "at most 1 per phase (1 host per phase)" if not tokens else
                ", ".join(f"{p['phase']}: {p['requests']['token_requests']}" for p in tokens)),
    ]


def _ratio_verdict(run: Mapping[str, Any], runner: str, name: str) -> Verdict:
    mine = _phase(run, runner, name)
    ratio = mine["wall_over_ideal"] or 0.0
    concurrency = run["concurrency"] if runner == "provider" else run["stock_concurrency"]
    bound = max(mine["ideal_s"], mine.get("cpu_floor_s", 0.0))
    return Verdict(
        f"{name} at N={run['n']} within {WALL_FACTOR}x of requests x latency / concurrency "
        f"({runner}, concurrency {concurrency})", ratio <= WALL_FACTOR,
        f"{mine['wall_s']:.2f} s vs ideal {mine['ideal_s']:.2f} s = {ratio}x; CPU floor "
        f"{mine.get('cpu_floor_s', 0.0):.2f} s, so {mine['wall_s'] / bound:.2f}x of "
        f"max(ideal, CPU floor)" if bound else "no requests")


def _speed_verdicts(run: Mapping[str, Any]) -> list[Verdict]:
    found = []
    for name in ("up", "destroy"):
        mine, theirs = _phase(run, "provider", name), _phase(run, "baseline", name)
        speedup = theirs["wall_s"] / mine["wall_s"] if mine["wall_s"] else 0.0
        found += [_ratio_verdict(run, "provider", name)]
        if "stock" in run:
            found.append(_ratio_verdict(run, "stock", name))
        found += [
            Verdict(f"{name} at N={run['n']} at least {SPEEDUP:g}x faster than the baseline, "
                    f"never more requests", speedup >= SPEEDUP and
                    mine["requests"]["total"] <= theirs["requests"]["total"],
                    f"{speedup:.2f}x; {mine['requests']['total']} vs "
                    f"{theirs['requests']['total']} requests"),
        ]
    return found


def _side_verdicts(checks: Mapping[str, Any]) -> list[Verdict]:
    found = []
    cpu = checks.get("provider CPU per resource for check + diff (µs)")
    if cpu is not None:
        found.append(Verdict("provider CPU per resource for check + diff under 1 ms",
                             cpu < CHECK_DIFF_US, f"{cpu} µs"))
    rate = checks.get("emulator simple GETs per second (8 threads in 2 processes)")
    capacity = checks.get("emulator capacity on one core (GET/s)")
    if rate is not None:
        found.append(Verdict("the emulator serves at least 1,000 simple GETs per second",
                             rate >= EMULATOR_GETS,
                             f"{rate} GET/s measured on the shared machine; server CPU allows "
                             f"{capacity} GET/s on one core"))
    return found


def _native_verdicts(rows: list[dict[str, Any]]) -> list[Verdict]:
    """Issue 15: the native rows at the floor, and the plugin's CPU per resource (summed over
    the phases of each N) not above the dynamic host's."""
    if not rows:
        return []
    above = [f"N={r['n']} {r['provider']} {r['phase']}: {'; '.join(r['excess'])}"
             for r in rows if not r["at_floor"]]
    cpu, rounds = cpu_per_resource(rows), cpu_per_round(rows)
    sizes = sorted({n for n, _ in cpu})
    heavier = [n for n in sizes if cpu[(n, "native")] > cpu[(n, "dynamic")]]
    return [
        Verdict("native and dynamic rows at the request floor in every phase", not above,
                "; ".join(above) or "all phases at the floor"),
        Verdict("native plugin CPU per resource not above the dynamic host's (all phases)",
                not heavier, "; ".join(
                    f"N={n}: {cpu[(n, 'native')]} vs {cpu[(n, 'dynamic')]} ms, the mean of "
                    f"rounds {rounds[(n, 'native')]} vs {rounds[(n, 'dynamic')]}"
                    for n in sizes)),
    ]


def verdicts(results: Mapping[str, Any]) -> list[Verdict]:
    found = _floor_verdicts(results)
    largest = _largest(results)
    if largest is not None:
        found += _speed_verdicts(largest)
    found += _native_verdicts(results.get("native", []))
    return found + _side_verdicts(results.get("checks", {}))

"""The benchmark in its CI configuration (N = 10, 2 ms latency, no native rows: those run in
tests/native/test_native_bench.py, marked slow): it must produce its outputs and the request
floor must hold. Correctness assertions only; the timings are printed, not tested.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks.__main__ import main
from benchmarks.measure import check_floor, summarise
from benchmarks.native_bench import cpu_per_resource, cpu_per_round
from benchmarks.report import markdown
from benchmarks.targets import verdicts


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    out = tmp_path_factory.mktemp("bench")
    found = main(["--sizes", "10", "--native-sizes", "", "--latency-ms", "2", "--out", str(out),
                  "--skip-side-checks"])
    return found, out


def _provider(results: dict[str, Any], phase: str) -> dict[str, Any]:
    run = results["runs"][0]
    return next(p for p in run["provider"] if p["phase"] == phase)


def test_outputs_are_written(results: tuple[dict[str, Any], Path]) -> None:
    found, out = results
    assert json.loads((out / "benchmarks.json").read_text())["runs"][0]["n"] == 10
    assert "| provider | up |" in (out / "benchmarks.md").read_text()
    assert (out / "benchmarks.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert {p["phase"] for p in found["runs"][0]["baseline"]} == {"up", "destroy"}


@pytest.mark.parametrize("phase", ["up", "preview", "noop-up", "refresh", "update", "destroy"])
def test_every_phase_is_at_the_floor(results: tuple[dict[str, Any], Path], phase: str) -> None:
    p = _provider(results[0], phase)
    assert p["floor"]["at_floor"], p["floor"]["excess"]
    assert p["requests"]["errors"] <= p["resources"]  # only the 404s that end delete waits


@pytest.mark.parametrize("phase", ["preview", "noop-up"])
def test_check_and_diff_make_no_request(results: tuple[dict[str, Any], Path], phase: str) -> None:
    p = _provider(results[0], phase)
    assert p["requests"]["total"] == 0
    assert set(p["ops"]) <= {"same", "update"}


@pytest.mark.parametrize("phase", ["up", "refresh", "update", "destroy"])
def test_one_token_per_provider_process(results: tuple[dict[str, Any], Path], phase: str) -> None:
    p = _provider(results[0], phase)
    assert p["host_processes"] == 1
    assert p["requests"]["token_requests"] == 1


def test_the_provider_never_sends_more_requests_than_the_baseline(
    results: tuple[dict[str, Any], Path],
) -> None:
    # ... apart from two checks the baseline script skips: that the cluster exists (so a typo
    # fails the preview) and that no identical access rule is held already (a tenant that
    # accepts duplicates would otherwise get a second one): one list each per command.
    run = results[0]["runs"][0]
    skipped_by_baseline = ("GET lookup:clusters", "GET lookup:access-rules")
    for phase in ("up", "destroy"):
        requests = _provider(results[0], phase)["requests"]
        extra = sum(requests["by_method_kind"].get(k, 0) for k in skipped_by_baseline)
        assert extra <= len(skipped_by_baseline)
        theirs = next(p for p in run["baseline"] if p["phase"] == phase)["requests"]["total"]
        assert requests["total"] - extra <= theirs


def test_the_floor_check_catches_a_redundant_lookup() -> None:
    """The floor can fail: a second role list in one process is flagged."""
    log = [{"method": "POST", "path": "/api/v1/token", "status": 200, "clientId": "c"},
           {"method": "GET", "path": "/api/v1/authorization/roles", "status": 200},
           {"method": "GET", "path": "/api/v1/authorization/roles", "status": 200},
           {"method": "POST", "path": "/api/v1/authorization/access-rules", "status": 201}]
    check = check_floor("up", summarise(log), {"access-rule": 1})
    assert not check.at_floor
    assert check.excess == ("GET lookup:roles: 2 > 1",)


def test_a_noop_with_a_request_is_above_the_floor() -> None:
    log = [{"method": "GET", "path": "/api/v1/org-unit/projects/7", "status": 200}]
    assert check_floor("noop-up", summarise(log), {}).excess == ("GET project: 1 > 0",)


def _native_row(provider: str, phase: str, cpu_ms: float, at_floor: bool = True,
                round_: int = 1) -> dict[str, Any]:
    return {"provider": provider, "phase": phase, "n": 500, "wall_s": 1.0, "requests": 0,
            "floor": 0, "at_floor": at_floor, "excess": [] if at_floor else ["1 GET too many"],
            "provider_cpu_s": cpu_ms / 2, "provider_cpu_ms_per_resource": cpu_ms,
            "round": round_}


def test_the_native_verdicts_judge_the_floor_and_the_cpu_per_resource(
    results: tuple[dict[str, Any], Path],
) -> None:
    """The native section and verdicts of the full run (`--native-sizes`), on given rows."""
    lighter = [_native_row("dynamic", "up", 3.0), _native_row("native", "up", 2.5)]
    heavier = [_native_row("dynamic", "up", 3.0), _native_row("native", "up", 3.5, False)]
    judged = {v.target: v.met for v in verdicts({**results[0], "native": lighter})}
    assert judged["native plugin CPU per resource not above the dynamic host's (all phases)"]
    assert judged["native and dynamic rows at the request floor in every phase"]
    judged = {v.target: v.met for v in verdicts({**results[0], "native": heavier})}
    assert not judged["native plugin CPU per resource not above the dynamic host's (all phases)"]
    assert not judged["native and dynamic rows at the request floor in every phase"]
    assert "| 500 | 1 | native | up |" in markdown({**results[0], "native": lighter})


def test_the_native_cpu_verdict_compares_the_means_over_rounds() -> None:
    """One round may go either way on a shared machine; the mean over the rounds decides, and
    the verdict shows every round's sum."""
    rows = [_native_row("dynamic", "up", 3.0), _native_row("dynamic", "refresh", 2.0),
            _native_row("native", "up", 3.2), _native_row("native", "refresh", 2.1),
            _native_row("dynamic", "up", 3.4, round_=2), _native_row("dynamic", "refresh", 2.2,
                                                                     round_=2),
            _native_row("native", "up", 2.8, round_=2), _native_row("native", "refresh", 2.0,
                                                                    round_=2)]
    assert cpu_per_round(rows) == {(500, "dynamic"): [5.0, 5.6], (500, "native"): [5.3, 4.8]}
    assert cpu_per_resource(rows) == {(500, "dynamic"): 5.3, (500, "native"): 5.05}
    verdict = next(v for v in verdicts({"runs": [], "native": rows})
                   if v.target.startswith("native plugin CPU"))
    assert verdict.met
    assert "N=500: 5.05 vs 5.3 ms, the mean of rounds [5.3, 4.8] vs [5.0, 5.6]" in verdict.figure
    heavier = [{**r, "provider_cpu_ms_per_resource": 9.0} if r["provider"] == "native" else r
               for r in rows]
    assert not next(v for v in verdicts({"runs": [], "native": heavier})
                    if v.target.startswith("native plugin CPU")).met

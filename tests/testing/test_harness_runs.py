"""Dependency order, real overlap of independent steps, and state shared across processes."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import toyprov
from pulumi_runai.testing import Stack

HERE = Path(__file__).resolve().parent


def fan(files: Path, count: int, delay: float) -> Callable[[], None]:
    def run() -> None:
        for i in range(count):
            toyprov.File(f"f{i}", dir=str(files), key=f"f{i}", content="x", delay=delay)

    return run


def max_overlap(entries: list[dict[str, Any]]) -> int:
    """Most provider calls in flight at one instant, from the journal's own timestamps."""
    events = sorted([(e["t0"], 1) for e in entries] + [(e["t1"], -1) for e in entries])
    best = current = 0
    for _, change in events:
        current += change
        best = max(best, current)
    return best


def test_dependents_wait_and_independents_overlap(make_stack: Callable[..., Stack],
                                                  files: Path) -> None:
    def program() -> None:
        roots = [toyprov.File(f"r{i}", dir=str(files), key=f"r{i}", content="x", delay=0.3)
                 for i in range(3)]
        toyprov.File("child", dir=str(files), key="child", delay=0.0,
                     content=roots[0].size.apply(lambda s: f"after {s}"))

    make_stack(parallel=8).up(program)
    log = {e["key"]: e for e in toyprov.journal(str(files))}
    assert log["child"]["t0"] >= log["r0"]["t1"]  # created only after its dependency finished
    assert max_overlap([log["r0"], log["r1"], log["r2"]]) == 3


def test_parallel_bounds_concurrency(make_stack: Callable[..., Stack], files: Path) -> None:
    make_stack(parallel=2).up(fan(files, 6, 0.1))
    assert max_overlap(toyprov.journal(str(files))) == 2


SCRIPT = """
import sys, json
sys.path.insert(0, {here!r})
import toyprov
from pulumi_runai.testing import Stack
stack = Stack({state!r}, project="toy", cwd={here!r})
def program():
    toyprov.File("a", dir={files!r}, key="a", content=sys.argv[1])
print(json.dumps(stack.up(program).ops()))
"""


def test_two_processes_share_the_json_state(tmp_path: Path, files: Path) -> None:
    script = tmp_path / "up.py"
    script.write_text(SCRIPT.format(here=str(HERE), state=str(tmp_path / "state.json"),
                                    files=str(files)))

    def up(content: str) -> dict[str, str]:
        done = subprocess.run([sys.executable, str(script), content], capture_output=True,
                              text=True, timeout=120, check=True)
        ops: dict[str, str] = json.loads(done.stdout.strip().splitlines()[-1])
        return ops

    assert up("one") == {"a": "create"}
    assert up("one") == {"a": "same"}
    assert up("two") == {"a": "update"}
    assert (files / "a.txt").read_text() == "two"
    assert len({e["pid"] for e in toyprov.journal(str(files))}) == 2  # two host processes


@pytest.mark.slow
def test_fifty_creates_parallel_vs_serial(tmp_path: Path) -> None:
    timings = {}
    for parallel in (8, 1):
        files = tmp_path / f"p{parallel}"
        files.mkdir()
        stack = Stack(tmp_path / f"state{parallel}.json", project="toy", cwd=HERE,
                      parallel=parallel)
        started = time.monotonic()
        stack.up(fan(files, 50, 0.05))
        timings[parallel] = time.monotonic() - started
    print(f"\n50 creates (50 ms each): parallel=8 {timings[8]:.2f}s, parallel=1 {timings[1]:.2f}s")
    assert timings[8] < timings[1]

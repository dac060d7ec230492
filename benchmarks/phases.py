"""One measured phase: wall time, the emulator's request log for it, host memory, CPU.

Why the log is cleared before each phase: the emulator's log is the only witness of what
reached the control plane; slicing it per phase attributes every request to the step that
made it.
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pulumi_runai.testing import use_forkserver
from runai_emulator.testing import EmulatorProcess

from .measure import FloorCheck, PhaseRequests, check_floor, summarise
from .memory import HostMemoryWatcher

CORES = os.cpu_count() or 1


@dataclass
class PhaseResult:
    name: str
    runner: str  # "provider" or "baseline"
    resources: int  # resources the phase acts on
    wall_s: float
    requests: PhaseRequests
    floor: FloorCheck | None
    host_peak_mib: float = 0.0
    host_processes: int = 0
    children_cpu_s: float = 0.0
    cpu_s: float = 0.0  # this process + its children + the emulator: the whole machine's work
    extra: dict[str, Any] = field(default_factory=dict)

    def ideal_s(self, latency_ms: float, concurrency: int) -> float:
        """requests x latency / concurrency: the time the network alone would take."""
        return self.requests.total * latency_ms / 1000 / max(1, concurrency)

    def as_dict(self, latency_ms: float, concurrency: int) -> dict[str, Any]:
        ideal = self.ideal_s(latency_ms, concurrency)
        return {
            "phase": self.name,
            "runner": self.runner,
            "resources": self.resources,
            "wall_s": round(self.wall_s, 3),
            "ideal_s": round(ideal, 3),
            "wall_over_ideal": round(self.wall_s / ideal, 2) if ideal > 0 else None,
            "requests": self.requests.as_dict(),
            "requests_per_resource": round(self.requests.total / self.resources, 3)
            if self.resources else None,
            "floor": self.floor.as_dict() if self.floor else None,
            "host_peak_mib": round(self.host_peak_mib, 1),
            "host_processes": self.host_processes,
            "children_cpu_s": round(self.children_cpu_s, 3),
            "cpu_s": round(self.cpu_s, 3),
            # No schedule can beat the CPU work spread over every core of the machine.
            "cpu_floor_s": round(self.cpu_s / CORES, 3),
            **self.extra,
        }


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def process_cpu(pid: int) -> float:
    """CPU seconds of a running process (user + system), from /proc."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(
    emulator: EmulatorProcess,
    name: str,
    runner: str,
    action: Callable[[], Any],
    *,
    resources: int,
    affected: Mapping[str, int] | None = None,
    floor_phase: str | None = None,
) -> tuple[PhaseResult, Any]:
    """Run `action` once; returns the measurements and whatever `action` returned.

    `affected` (resources per kind the phase must touch) and `floor_phase` select the floor;
    without them no floor is checked (the baseline has none to meet).
    """
    # hosts spawned as the engine spawns them: children of this process, counted and watched
    forked = use_forkserver(False)
    try:
        return _measure(emulator, name, runner, action, resources, affected, floor_phase)
    finally:
        use_forkserver(forked)


def _measure(emulator: EmulatorProcess, name: str, runner: str, action: Callable[[], Any],
             resources: int, affected: Mapping[str, int] | None,
             floor_phase: str | None) -> tuple[PhaseResult, Any]:
    emulator.clear_requests()
    cpu_before = _children_cpu()
    machine_before = cpu_before + _own_cpu() + process_cpu(emulator.pid)
    with HostMemoryWatcher() as watcher:
        started = time.perf_counter()
        value = action()
        wall = time.perf_counter() - started
    children = _children_cpu()
    machine = children + _own_cpu() + process_cpu(emulator.pid) - machine_before
    requests = summarise(emulator.requests())
    processes = max(1, watcher.hosts)
    floor = (check_floor(floor_phase, requests, affected or {}, processes)
             if floor_phase is not None else None)
    result = PhaseResult(name, runner, resources, wall, requests, floor,
                         host_peak_mib=watcher.peak_mib, host_processes=watcher.hosts,
                         children_cpu_s=children - cpu_before, cpu_s=machine)
    return result, value

"""Peak memory of the provider host processes a harness run starts.

Why a watcher over /proc instead of an accessor: `Stack` starts and stops its
`python -m pulumi.dynamic` host inside each command and does not hand it out. The kernel keeps
each process's high-water mark (VmHWM); sampling it from a thread every few milliseconds
until the process is gone gives its peak without touching the harness.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

HOST_MARKER = b"pulumi.dynamic"
RESCAN_TICKS = 5


def children(parent: int) -> list[int]:
    """Child pids from /proc/<pid>/task/*/children (each thread lists those it started)."""
    found: list[int] = []
    try:
        tasks = list(Path(f"/proc/{parent}/task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            found.extend(int(pid) for pid in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return found


def _is_host(pid: int) -> bool:
    try:
        return HOST_MARKER in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def vm_hwm_kib(pid: int) -> int | None:
    """VmHWM of `pid` in KiB, or None once it has exited."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


class HostMemoryWatcher:
    """Context manager: the peak VmHWM (MiB) over the provider hosts started meanwhile."""

    def __init__(self, interval: float = 0.02, parent: int | None = None) -> None:
        self.interval = interval
        self.parent = os.getpid() if parent is None else parent
        self.peaks_kib: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="host-memory")

    def __enter__(self) -> HostMemoryWatcher:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mib(self) -> float:
        return max(self.peaks_kib.values(), default=0) / 1024

    @property
    def hosts(self) -> int:
        return len(self.peaks_kib)

    def _sample(self, pids: list[int]) -> None:
        for pid in pids:
            hwm = vm_hwm_kib(pid)
            if hwm is not None:
                self.peaks_kib[pid] = max(hwm, self.peaks_kib.get(pid, 0))

    def _hosts(self) -> list[int]:
        return [pid for pid in children(self.parent) if pid in self.peaks_kib or _is_host(pid)]

    def _run(self) -> None:
        """Look for new hosts every few ticks (a scan reads every thread's children list);
        sample the known ones every tick, and once more at the end."""
        hosts: list[int] = []
        tick = 0
        while not self._stop.is_set():
            if tick % RESCAN_TICKS == 0:
                hosts = self._hosts()
            self._sample(hosts)
            tick += 1
            self._stop.wait(self.interval)
        self._sample(hosts)

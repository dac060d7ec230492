"""The background emulator: a busy port says what to do; stopping one it started is prompt."""

from __future__ import annotations

import socket
import time
from pathlib import Path

from pulumi_runai.local.emulator import STOP_TIMEOUT, LocalEmulator, alive

from .repo_copy import make_copy, run


def test_a_busy_port_is_named_with_the_two_ways_around_it(tmp_path: Path) -> None:
    repo = make_copy(tmp_path / "pulumi-runai")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]

        failed = run(repo, "deploy", "--port", str(port))

    assert failed.code != 0
    assert failed.stderr.splitlines() == [
        f"error: port {port} is already in use by another program, so the emulator cannot "
        "listen there. Run with --port 0 to pick a free port (or set RUNAI_EMULATOR_PORT=0, "
        "or another free port)"]
    assert not (repo / ".runai-emulator" / "url").exists()


def test_stopping_an_emulator_this_process_started_waits_only_for_it_to_exit(
        tmp_path: Path) -> None:
    emulator = LocalEmulator(tmp_path / ".runai-emulator")
    url = emulator.ensure_running(0)
    assert alive(url)
    assert emulator.process is not None

    started = time.monotonic()
    emulator.stop()

    # it is reaped, not left a zombie that `kill -0` would still find (the old 10 s wait)
    assert emulator.process.returncode is not None
    assert time.monotonic() - started < STOP_TIMEOUT / 2
    assert not alive(url) and not (tmp_path / ".runai-emulator" / "url").exists()

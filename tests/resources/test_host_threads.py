"""The dynamic host serves more than four provider calls at once (runai:hostThreads)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pulumi_runai as runai
import pytest
from pulumi_runai.errors import ConfigError
from pulumi_runai.resources._host_threads import widen_host_threads
from pulumi_runai.resources._provider_base import host_threads, remember_config, wait_timeout
from pulumi_runai.testing import Stack
from runai_emulator.testing import EmulatorProcess

USERS = 12


def test_outside_the_host_nothing_is_touched() -> None:
    assert widen_host_threads(16) is None


def test_the_server_pool_is_raised_and_never_lowered() -> None:
    script = (
        "import grpc\n"
        "from concurrent import futures\n"
        "from pulumi_runai.resources._host_threads import widen_host_threads\n"
        "server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))\n"
        "first = widen_host_threads(16, force=True)\n"
        "second = widen_host_threads(8, force=True)\n"
        "print(first, second, server._state.thread_pool._max_workers)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.split() == ["16", "16", "16"]


@pytest.mark.parametrize("raw", ["0", "many", "-3"])
def test_a_bad_thread_count_names_the_setting(raw: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RUNAI_HOST_THREADS", raising=False)
    remember_config({"runai:hostThreads": raw})
    try:
        with pytest.raises(ConfigError, match="runai:hostThreads / RUNAI_HOST_THREADS"):
            host_threads()
    finally:
        remember_config({})


def test_wait_timeout_from_config_or_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUNAI_WAIT_TIMEOUT", "12")
    try:
        remember_config({})
        assert wait_timeout() == 12.0
        remember_config({"runai:waitTimeout": "2.5"})  # stack config wins
        assert wait_timeout() == 2.5
        remember_config({"runai:waitTimeout": "soon"})
        with pytest.raises(ConfigError, match="runai:waitTimeout / RUNAI_WAIT_TIMEOUT must be a "
                                              "positive number of seconds, got 'soon'"):
            wait_timeout()
    finally:
        remember_config({})


def _users() -> None:
    for n in range(USERS):
        runai.User(f"u{n}", email=f"wide{n}@example.com")


def _peak_during_up(emulator: EmulatorProcess, tmp_path: Path, extra: dict[str, str]) -> int:
    stack = Stack(
        None,
        config={"runai:url": emulator.url, "runai:clientId": emulator.client_id, **extra},
        secret_config={"runai:clientSecret": emulator.client_secret},
        parallel=USERS,
        cwd=tmp_path,
    )
    emulator.set_faults(latencyMs=250)
    emulator.clear_requests()
    stack.up(_users)
    creates = [r for r in emulator.requests() if r["method"] == "POST" and "users" in r["path"]]
    emulator.reset_faults()
    assert len(creates) == USERS
    peak = emulator.peak_in_flight(creates)
    stack.destroy()
    return peak


def test_the_host_serves_more_than_four_creates_at_once(
    emulator: EmulatorProcess, tmp_path: Path
) -> None:
    assert _peak_during_up(emulator, tmp_path, {}) > 4


def test_four_threads_when_asked(emulator: EmulatorProcess, tmp_path: Path) -> None:
    assert _peak_during_up(emulator, tmp_path, {"runai:hostThreads": "4"}) <= 4

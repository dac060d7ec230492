"""Shared fixtures: the Run:ai emulator as a real subprocess (see runai_emulator.testing)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from pulumi_runai.client import reset_process_state
from pulumi_runai.testing import use_forkserver
from runai_emulator.testing import EmulatorProcess

# Property tests draw the same examples on every run by default, so that a CI run cannot fail
# on an input no earlier run tried; RUNAI_HYPOTHESIS_PROFILE=explore draws new ones (with
# RUNAI_HYPOTHESIS_EXAMPLES=1000 for a deep run, see docs/reliability.md).
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("RUNAI_HYPOTHESIS_PROFILE", "ci"))

# Provider hosts and plugins of this process start from a forkserver that has imported the
# Pulumi SDK once (a fresh process per command still; tests/testing/test_forkserver.py holds
# both ways to the same behaviour). Subprocesses the tests start spawn theirs as the engine does.
use_forkserver()


@pytest.fixture(scope="session")
def emulator_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmulatorProcess]:
    """One emulator for the session, on a temporary SQLite file."""
    db = tmp_path_factory.mktemp("emulator") / "session.db"
    with EmulatorProcess(db) as server:
        yield server


@pytest.fixture
def emulator(emulator_server: EmulatorProcess) -> EmulatorProcess:
    """The session emulator, reset to the seed with an empty request log and no faults; this
    process forgets its caches of it too (a reset emulator is a new tenant that reuses ids)."""
    reset_process_state()
    emulator_server.reset_faults()
    emulator_server.reset()
    emulator_server.clear_requests()
    return emulator_server


@pytest.fixture
def emulator_factory(tmp_path: Path) -> Iterator[Callable[..., EmulatorProcess]]:
    """`emulator_factory(*extra_args)` starts a dedicated emulator; all stop at teardown."""
    started: list[EmulatorProcess] = []

    def start(*extra_args: str) -> EmulatorProcess:
        server = EmulatorProcess(tmp_path / f"dedicated-{len(started)}.db", *extra_args)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def runai_env(emulator: EmulatorProcess, monkeypatch: pytest.MonkeyPatch) -> EmulatorProcess:
    """RUNAI_URL / RUNAI_CLIENT_ID / RUNAI_CLIENT_SECRET pointing at the emulator."""
    monkeypatch.setenv("RUNAI_URL", emulator.url)
    monkeypatch.setenv("RUNAI_CLIENT_ID", emulator.client_id)
    monkeypatch.setenv("RUNAI_CLIENT_SECRET", emulator.client_secret)
    return emulator

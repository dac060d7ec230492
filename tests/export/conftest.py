"""Fixtures for the export tests: a tenant built by hand, and `runai-export` run in-process."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pulumi_runai.client import reset_process_state
from pulumi_runai.export.cli import main
from pulumi_runai.testing import Stack
from runai_emulator.testing import EmulatorProcess

from .tenant_by_hand import build

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
TOKEN_PATH = "/api/v1/token"


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str


Export = Callable[..., Outcome]


def connection(emulator: EmulatorProcess) -> dict[str, str]:
    return {"RUNAI_URL": emulator.url, "RUNAI_CLIENT_ID": emulator.client_id,
            "RUNAI_CLIENT_SECRET": emulator.client_secret}


@pytest.fixture
def tenant(emulator: EmulatorProcess) -> dict[str, str]:
    """The hand-built tenant (ids by label); the request log starts empty after it."""
    ids = build(emulator)
    emulator.clear_requests()
    return ids


@pytest.fixture
def export(emulator: EmulatorProcess, capsys: pytest.CaptureFixture[str]) -> Export:
    """`export(*args, env=...)`: runai-export in this process, with the emulator's connection;
    each run starts without cached tokens, as a new process would."""

    def run(*args: str, env: dict[str, str] | None = None) -> Outcome:
        reset_process_state()
        capsys.readouterr()
        code = main(list(args), connection(emulator) if env is None else env)
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return run


@pytest.fixture
def stack(emulator: EmulatorProcess, tmp_path: Path) -> Stack:
    """A fresh stack (empty state) whose config points at the emulator."""
    reset_process_state()
    return Stack(
        tmp_path / "state.json",
        project="exported",
        config={"runai:url": emulator.url, "runai:clientId": emulator.client_id},
        secret_config={"runai:clientSecret": emulator.client_secret},
    )


def writes(emulator: EmulatorProcess) -> list[str]:
    """Changes the tenant received since the log was cleared (a token request is a read)."""
    return [f"{r['method']} {r['path']}" for r in emulator.requests()
            if r["method"] in WRITE_METHODS and r["path"] != TOKEN_PATH]


def state_counts(emulator: EmulatorProcess) -> dict[str, Any]:
    state = emulator.state()
    return {kind: len(state[kind]) for kind in ("nodepools", "departments", "projects", "users",
                                                 "service_accounts", "access_rules",
                                                 "policies")}

"""Example programs run unmodified through pulumi_runai.testing against the real emulator."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests
from pulumi_runai.testing import Stack
from runai_emulator.testing import EmulatorProcess

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

StackFactory = Callable[..., Stack]


@pytest.fixture
def stack(emulator: EmulatorProcess, tmp_path: Path) -> StackFactory:
    """`stack(**extra)`: a stack whose config points at the emulator, state in tmp_path."""

    def make(**extra: Any) -> Stack:
        return Stack(
            state_file=tmp_path / "state.json",
            config={"runai:url": emulator.url, "runai:clientId": emulator.client_id},
            secret_config={"runai:clientSecret": emulator.client_secret},
            **extra,
        )

    return make


def copy_program(source: Path, tmp_path: Path) -> Path:
    """A copy of a program directory that a test may edit."""
    target = tmp_path / source.name
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def api(emulator: EmulatorProcess, method: str, path: str, body: Any = None) -> Any:
    """A call to the emulator's public API, as someone clicking in the UI would cause."""
    response = requests.request(
        method, emulator.url + path, json=body, headers=emulator.headers(), timeout=10
    )
    response.raise_for_status()
    return response.json() if response.content else None


def by_name(emulator: EmulatorProcess, kind: str, key: str = "name") -> dict[str, dict[str, Any]]:
    """The emulator's objects of `kind` indexed by `key` (name, username, ...)."""
    return {str(obj[key]): obj for obj in emulator.state()[kind]}


def posts(emulator: EmulatorProcess, path: str) -> list[dict[str, Any]]:
    return [r for r in emulator.requests() if r["method"] == "POST" and r["path"] == path]


def writes(emulator: EmulatorProcess) -> list[str]:
    """Paths of the changes sent to the tenant (token requests are reads)."""
    return [
        f"{r['method']} {r['path']}"
        for r in emulator.requests()
        if r["method"] in {"POST", "PUT", "PATCH", "DELETE"} and "token" not in r["path"]
    ]

"""One real `pulumi` CLI run over examples/quickstart, for machines that have the CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

QUICKSTART = Path(__file__).resolve().parents[2] / "examples" / "quickstart"

pytestmark = pytest.mark.cli


def _pulumi(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(["pulumi", *args, "--non-interactive"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"pulumi {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.skipif(shutil.which("pulumi") is None, reason="the pulumi CLI is not on PATH")
def test_quickstart_up_and_destroy_with_the_real_cli(emulator: Any, tmp_path: Path) -> None:
    if not (QUICKSTART / "__main__.py").exists():
        pytest.skip(f"{QUICKSTART} is not there yet")
    backend = tmp_path / "backend"
    backend.mkdir()
    env = dict(os.environ, PULUMI_CONFIG_PASSPHRASE="test", PULUMI_SKIP_UPDATE_CHECK="1",
               PULUMI_BACKEND_URL=f"file://{backend}")
    _pulumi(["login", f"file://{backend}"], QUICKSTART, env)
    _pulumi(["stack", "init", "cli-smoke"], QUICKSTART, env)
    try:
        _pulumi(["config", "set", "runai:url", emulator.url], QUICKSTART, env)
        _pulumi(["config", "set", "runai:clientId", emulator.client_id], QUICKSTART, env)
        _pulumi(["config", "set", "--secret", "runai:clientSecret", emulator.client_secret],
                QUICKSTART, env)
        _pulumi(["up", "--yes", "--skip-preview"], QUICKSTART, env)
        second = _pulumi(["preview", "--expect-no-changes"], QUICKSTART, env)
        assert "error" not in second.lower()
        _pulumi(["destroy", "--yes"], QUICKSTART, env)
    finally:
        _pulumi(["stack", "rm", "--yes", "--force", "cli-smoke"], QUICKSTART, env)

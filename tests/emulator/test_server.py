"""The server process: the printed URL line, restarts, persistence."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

import requests
from runai_emulator.testing import EmulatorProcess

from .api import Api


def test_first_stdout_line_is_the_url(emulator_server: EmulatorProcess) -> None:
    assert emulator_server.url.startswith("http://127.0.0.1:")
    assert emulator_server.port > 0
    assert requests.get(f"{emulator_server.url}/_emulator/faults", timeout=5).status_code == 200


def test_help_documents_defaults() -> None:
    out = subprocess.run([sys.executable, "-m", "runai_emulator", "serve", "--help"],
                         capture_output=True, text=True, check=True).stdout
    assert "--ready-delay" in out and "default: 8900" in out and "pulumi-runai" in out


def test_state_and_tokens_survive_a_restart(
    emulator_factory: Callable[..., EmulatorProcess],
) -> None:
    server = emulator_factory()
    api = Api(server)
    dep = api.department("survivor")
    token = server.token()
    port = server.port
    server.restart()
    assert server.port == port  # SO_REUSEADDR lets the new process take the old port
    after = Api(server, token=token)
    got = after.get(f"/api/v1/org-unit/departments/{dep['id']}")
    assert got.status_code == 200, got.text
    assert got.json()["name"] == "survivor"
    # ids keep counting after the restart instead of reusing the old one
    assert after.department("second")["id"] != dep["id"]


def test_bad_arguments_fail_with_stderr(tmp_path: object) -> None:
    try:
        EmulatorProcess(None, "--error-rate", "7")
    except RuntimeError as err:
        assert "error-rate" in str(err)
    else:  # pragma: no cover - the assertion is the point
        raise AssertionError("an invalid --error-rate must not start")

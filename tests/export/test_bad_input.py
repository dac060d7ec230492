"""Bad input: one line on stderr that says the fix, a non-zero exit, no traceback, no request
to the tenant when the mistake can be seen before asking it, and never the secret."""

from __future__ import annotations

import importlib
import os
import socket
import stat
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

from pulumi_runai.export.cli import main
from runai_emulator.testing import EmulatorProcess

from .conftest import Export, connection
from .tenant_by_hand import ByHand


def _one_line_error(outcome_stderr: str, *fragments: str) -> None:
    lines = outcome_stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("runai-export: error: "), outcome_stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_unreachable_url(emulator: EmulatorProcess, export: Export) -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    outcome = export(env={**connection(emulator), "RUNAI_URL": url})
    assert outcome.code == 1 and outcome.stdout == ""
    _one_line_error(outcome.stderr, url, "RUNAI_URL")


def test_a_url_without_a_scheme_is_explained_in_the_cli_words(
    emulator: EmulatorProcess, export: Export,
) -> None:
    """The library's message names stack config (runai:url); the CLI's names its flag."""
    outcome = export("--url", "acme.run.ai", env=connection(emulator))
    assert outcome.code == 1 and outcome.stdout == ""
    _one_line_error(outcome.stderr, "--url / RUNAI_URL must be an http(s) URL such as "
                    "https://<tenant>.run.ai, got 'acme.run.ai'")
    assert "runai:url" not in outcome.stderr


def test_a_bad_timeout_names_the_variable_the_cli_reads(
    emulator: EmulatorProcess, export: Export,
) -> None:
    outcome = export(env={**connection(emulator), "RUNAI_TIMEOUT": "soon"})
    assert outcome.code == 1
    _one_line_error(outcome.stderr, "RUNAI_TIMEOUT must be a positive number of seconds, "
                    "got 'soon'")
    assert "runai:timeout" not in outcome.stderr


def test_wrong_credentials_never_echo_the_secret(emulator: EmulatorProcess, export: Export) -> None:
    outcome = export(env={**connection(emulator), "RUNAI_CLIENT_SECRET": "not-the-secret"})
    assert outcome.code == 1
    _one_line_error(outcome.stderr, "rejected client id 'pulumi-runai'", "RUNAI_CLIENT_SECRET")
    assert "not-the-secret" not in outcome.stderr


def test_unknown_cluster_and_department_name_what_exists(
    tenant: dict[str, str], export: Export
) -> None:
    outcome = export("--cluster", "lcoal")
    assert outcome.code == 1
    _one_line_error(outcome.stderr, "no cluster named 'lcoal'", "--cluster", "local")
    outcome = export("--department", "reserach")
    assert outcome.code == 1
    _one_line_error(outcome.stderr, "no department 'reserach'", "default, platform, research")


def test_existing_output_is_refused_before_any_request(
    emulator: EmulatorProcess, tenant: dict[str, str], export: Export, tmp_path: Path
) -> None:
    out = tmp_path / "org.yaml"
    out.write_text("mine\n")
    outcome = export("--out", str(out))
    assert outcome.code == 1
    _one_line_error(outcome.stderr, f"--out {out} exists", "--force")
    assert out.read_text() == "mine\n" and emulator.requests() == []
    assert export("--out", str(out), "--force").code == 0
    assert out.read_text().startswith("# Exported by runai-export")


def test_secret_only_from_environment_or_file(
    emulator: EmulatorProcess, export: Export, tmp_path: Path
) -> None:
    without = {k: v for k, v in connection(emulator).items() if k != "RUNAI_CLIENT_SECRET"}
    outcome = export("--client-secret", emulator.client_secret, env=without)
    assert outcome.code == 1
    _one_line_error(outcome.stderr, "never a command-line argument", "--client-secret-file")
    assert emulator.client_secret not in outcome.stderr
    _one_line_error(export(env=without).stderr, "RUNAI_CLIENT_SECRET", "--client-secret-file")

    secret_file = tmp_path / "secret"
    secret_file.write_text(emulator.client_secret + "\n")
    outcome = export("--client-secret-file", str(secret_file), env=without)
    assert outcome.code == 0, outcome.stderr


def test_console_entry_point_exits_without_traceback(emulator: EmulatorProcess) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pulumi_runai.export", "--cluster", "nope"],
        env={**connection(emulator), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 1 and done.stdout == ""
    _one_line_error(done.stderr, "no cluster named 'nope'")


def test_a_pipe_as_output_is_written_into_not_replaced(
    tenant: dict[str, str], export: Export, tmp_path: Path
) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    # a daemon: should the export fail before opening the pipe, the reader must not keep
    # the test process alive
    reader = threading.Thread(target=lambda: received.append(pipe.read_text()), daemon=True)
    reader.start()
    outcome = export("--out", str(pipe))
    reader.join(timeout=30)
    assert outcome.code == 0, outcome.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)  # still the pipe, not a file renamed over it
    assert received[0].startswith("# Exported by runai-export")


def test_a_tenant_org_yaml_refuses_is_an_error_naming_the_problem(
    emulator: EmulatorProcess, tenant: dict[str, str], export: Export, tmp_path: Path
) -> None:
    """A project in the `default` department (no GPUs of its own) asking for a GPU: Run:ai
    allows it, org.yaml does not. The yaml export says so; the python export still works."""
    api = ByHand(emulator)
    default_id = next(d["id"] for d in api.get("/api/v1/org-unit/departments")["departments"]
                      if d["name"] == "default")
    api.project("stray", str(default_id), [{"nodePool": {"name": "default"},
                                            "gpu": {"deserved": 1}}])
    out = tmp_path / "org.yaml"
    outcome = export("--out", str(out))
    assert outcome.code == 1 and not out.exists()
    _one_line_error(outcome.stderr, "cannot be written as org.yaml", "(stray 1)",
                    "--format python")
    assert export("--format", "python").code == 0


def test_console_script_is_declared() -> None:
    pyproject = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    target = pyproject["project"]["scripts"]["runai-export"]
    module, _, attribute = target.partition(":")
    assert getattr(importlib.import_module(module), attribute) is main

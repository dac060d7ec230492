"""A copy of the repository's deployable files in a test directory, and running its scripts.

The copy holds what a clone holds for ``scripts/deploy`` (scripts, top-level program, the
sample org.yaml as committed, examples, policy) so a test edits its own org.yaml and gets its
own ``.runai-emulator`` and ``.pulumi-state``. Its ``.venv/bin/python`` runs this test run's
interpreter (the project is installed there), so bootstrap finds the venv ready; it refuses
``-m pip`` so a copy can never reinstall the shared environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from pulumi_runai.local.emulator import LocalEmulator

ROOT = Path(__file__).resolve().parents[2]
DEPLOYABLE = ("scripts", "examples", "policy", "__main__.py", "Pulumi.yaml", "pyproject.toml")
_PYTHON_WRAPPER = """#!/bin/sh
case "$*" in *"-m pip"*) echo "test copy: the shared venv is not reinstalled" >&2; exit 1;; esac
exec {python} "$@"
"""


def sample_org_yaml() -> str:
    """The sample org.yaml as committed, so an admin's edits to the working tree's copy never
    change what the tests deploy (the working tree's file only when git cannot tell)."""
    shown = subprocess.run(["git", "show", "HEAD:org.yaml"], cwd=ROOT, capture_output=True,
                           text=True, check=False)
    return shown.stdout if shown.returncode == 0 else (ROOT / "org.yaml").read_text()


def make_copy(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in DEPLOYABLE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__", ".*"))
        else:
            shutil.copy2(source, dest / name)
    (dest / "org.yaml").write_text(sample_org_yaml())
    venv_bin = dest / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    python = venv_bin / "python"
    python.write_text(_PYTHON_WRAPPER.format(python=sys.executable))
    python.chmod(0o755)
    (dest / ".venv" / ".installed-emulator,testing").touch()  # newer than the copied pyproject.toml
    return dest


def stop_emulator(repo: Path) -> None:
    """Stops the copy's background emulator if a script left one running (a failed test)."""
    LocalEmulator(repo / ".runai-emulator").stop()


@dataclass
class Ran:
    code: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def clean_env(tmp: Path) -> dict[str, str]:
    """No Pulumi CLI on PATH, no RUNAI_/PULUMI_ settings, temp files in ``tmp``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RUNAI_", "PULUMI_"))}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if not shutil.which("pulumi", path=p))
    env["TMPDIR"] = str(tmp)
    return env


def run(repo: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 300) -> Ran:
    """``scripts/<name> args…`` in the copy, without a terminal (stdin is /dev/null)."""
    tmp = repo.parent / "tmp"
    tmp.mkdir(exist_ok=True)
    started = time.monotonic()
    done = subprocess.run([str(repo / "scripts" / args[0]), *args[1:]], cwd=repo,
                          env=env or clean_env(tmp), stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=timeout, check=False)
    return Ran(done.returncode, done.stdout, done.stderr, time.monotonic() - started)


def ok(repo: Path, *args: str) -> str:
    ran = run(repo, *args)
    assert ran.code == 0, f"{args} failed ({ran.code}):\n{ran.stdout}\n{ran.stderr}"
    return ran.stdout


class Emulator:
    """The copy's background emulator, reached through the URL deploy recorded."""

    def __init__(self, repo: Path) -> None:
        self.url = (repo / ".runai-emulator" / "url").read_text().strip()

    def requests(self) -> list[dict[str, Any]]:
        log: list[dict[str, Any]] = requests.get(f"{self.url}/_emulator/requests",
                                                 timeout=10).json()
        return log

    def clear_requests(self) -> None:
        requests.delete(f"{self.url}/_emulator/requests", timeout=10).raise_for_status()

    def writes(self) -> list[str]:
        """Changes sent to the tenant (getting a token changes nothing)."""
        return [f"{r['method']} {r['path']}" for r in self.requests()
                if r["method"] in {"POST", "PUT", "PATCH", "DELETE"} and "token" not in r["path"]]

    def api(self, method: str, path: str, body: Any = None) -> Any:
        """A call as someone clicking in the UI would cause, with the default client."""
        token = requests.post(f"{self.url}/api/v1/token", timeout=10, json={
            "grantType": "client_credentials", "clientId": "pulumi-runai",
            "clientSecret": "emulator-secret"}).json()["accessToken"]
        response = requests.request(method, self.url + path, json=body, timeout=10,
                                    headers={"Authorization": f"Bearer {token}"})
        response.raise_for_status()
        return response.json() if response.content else None

    def named(self, kind: str, name: str) -> dict[str, Any] | None:
        state = requests.get(f"{self.url}/_emulator/state", timeout=10).json()
        key = "username" if kind == "users" else "name"
        return next((o for o in state[kind] if o[key] == name), None)

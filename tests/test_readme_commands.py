"""The README's first command, run as a newcomer would: in a fresh copy of the repository.

`scripts/deploy` creates its own virtual environment, installs the project, starts the emulator
in the background and deploys org.yaml; the printed table must match org.yaml, a second run
must change nothing, and `scripts/destroy` must leave the emulator empty of the stack's objects
and stopped. (The second README command, `scripts/test`, is what CI itself runs.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml

ROOT = Path(__file__).resolve().parent.parent


def _fresh_copy(dest: Path) -> Path:
    """The tracked files only, as a clone would have them (no .venv, no emulator state)."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True,
                           capture_output=True).stdout.decode().split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return dest


def _run(repo: Path, *command: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RUNAI_", "PULUMI_"))}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if not shutil.which("pulumi", path=p))
    done = subprocess.run(list(command), cwd=repo, env=env, capture_output=True, text=True,
                          timeout=900)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _quota_summary(resources: list[dict[str, Any]]) -> str:
    def number(value: int) -> str:
        return "unlimited" if value == -1 else str(value)

    return ", ".join(
        f"{r['node_pool']}: {number(r['gpu']['deserved'])}/{number(r['gpu']['limit'])}"
        for r in sorted(resources, key=lambda r: r["node_pool"])
    )


def _table_rows(output: str, title: str) -> list[str]:
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{title} ("))
    rows = []
    for line in lines[start + 3:]:
        if not line.strip():
            break
        rows.append(line)
    return rows


@pytest.mark.timeout(1200)
def test_deploy_twice_then_destroy_in_a_fresh_copy(tmp_path: Path) -> None:
    repo = _fresh_copy(tmp_path / "pulumi-runai")
    org = yaml.safe_load((repo / "org.yaml").read_text())

    first = _run(repo, "scripts/deploy", "--port", "0")
    assert "deploying through pulumi_runai.testing" in first  # no CLI on PATH here: says so

    projects = {row.split()[0]: row for row in _table_rows(first, "Projects")}
    for department in org["departments"]:
        for project in department["projects"]:
            row = projects[project["name"]]
            assert department["name"] in row
            assert row.endswith(_quota_summary(project["resources"])), row
    users = {row.split()[0] for row in _table_rows(first, "Users")}
    assert users == {u["email"] for u in org["users"]}
    assert len(_table_rows(first, "Access rules")) == len(org["access"])

    second = _run(repo, "scripts/deploy", "--port", "0")
    assert "0 changed" in second
    assert second.split("holds now:")[1] == first.split("holds now:")[1]

    url = (repo / ".runai-emulator" / "url").read_text().strip()
    gone = _run(repo, "scripts/destroy", "--port", "0")
    after = gone.split("holds after destroy:")[1]
    for title in ("Projects", "Users", "Access rules"):
        assert _table_rows(after, title) == [], title
    assert [row.split()[0] for row in _table_rows(after, "Departments")] == ["default"]
    assert not (repo / ".runai-emulator" / "url").exists()
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{url}/_emulator/state", timeout=2)

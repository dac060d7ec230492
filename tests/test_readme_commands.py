"""The README's first command as a newcomer runs it: in a fresh clone, venv and all.

`scripts/deploy` creates its own virtual environment and installs the project (that part
takes a minute and the network, hence `slow`; tests/deploy runs the same scripts on a copy
that reuses this environment), starts the emulator on a free port and deploys org.yaml; a
second run changes nothing; `scripts/destroy` leaves the emulator stopped.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import requests

from tests.deploy.repo_copy import ROOT, clean_env, sample_org_yaml


def _fresh_clone(dest: Path) -> Path:
    """The tracked files only, as a clone would have them (no .venv, no emulator state)."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True,
                           capture_output=True).stdout.decode().split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    (dest / "org.yaml").write_text(sample_org_yaml())
    return dest


def _run(repo: Path, *command: str) -> str:
    tmp = repo.parent / "tmp"
    tmp.mkdir(exist_ok=True)
    done = subprocess.run(list(command), cwd=repo, env=clean_env(tmp), capture_output=True,
                          text=True, timeout=900, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_the_readme_names_the_two_commands() -> None:
    block = re.search(r"## The two commands\n.*?```bash\n(.*?)```", (ROOT / "README.md")
                      .read_text(), re.S)
    assert block is not None
    commands = [line.split()[0] for line in block.group(1).splitlines() if line.strip()]
    assert commands == ["scripts/deploy", "scripts/test"]
    assert all((ROOT / c).is_file() for c in commands)


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_deploy_twice_then_destroy_in_a_fresh_clone(tmp_path: Path) -> None:
    repo = _fresh_clone(tmp_path / "pulumi-runai")

    first = _run(repo, "scripts/deploy", "--port", "0")
    assert "Applied: 16 created" in first
    assert "Nothing to change." in _run(repo, "scripts/deploy", "--port", "0")

    url = (repo / ".runai-emulator" / "url").read_text().strip()
    _run(repo, "scripts/destroy")
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{url}/_emulator/state", timeout=2)

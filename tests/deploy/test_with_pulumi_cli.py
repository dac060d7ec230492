"""With a `pulumi` on PATH the scripts hand the work to it, with the same flags.

The real CLI cannot be installed here, so a stand-in records how it is called; the smoke test
in tests/e2e runs the real one where it exists.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from .repo_copy import clean_env, make_copy, run, stop_emulator

# Records its arguments; `preview --json` answers a plan that deletes a project.
FAKE_PULUMI = """#!/bin/sh
echo "$*" >> "{log}"
case "$*" in *"preview --json"*) echo '{{"steps": [{{"op": "delete", "urn":
  "urn:pulumi:dev::runai-org::pulumi-python:dynamic/runai:Project::org-speech"}}]}}';; esac
"""


@pytest.fixture
def with_cli(tmp_path: Path) -> Iterator[tuple[Path, dict[str, str], Path]]:
    """A fresh copy, an environment whose PATH has the stand-in first, and its call log."""
    repo = make_copy(tmp_path / "pulumi-runai")
    log = tmp_path / "pulumi-calls.log"
    fake = tmp_path / "bin" / "pulumi"
    fake.parent.mkdir()
    fake.write_text(FAKE_PULUMI.format(log=log))
    fake.chmod(0o755)
    (tmp_path / "tmp").mkdir()
    env = clean_env(tmp_path / "tmp")
    env["PATH"] = f"{fake.parent}{os.pathsep}{env['PATH']}"
    yield repo, env, log
    stop_emulator(repo)  # destroy stops it; this is for a run that failed before


def test_the_flags_reach_pulumi_and_its_deletes_need_consent(
        with_cli: tuple[Path, dict[str, str], Path]) -> None:
    repo, env, log = with_cli

    def calls() -> list[str]:
        return log.read_text().splitlines()

    preview = run(repo, "deploy", "--port", "0", "--preview", "--refresh", env=env)
    assert preview.code == 0, preview.output
    assert "using the Pulumi CLI (stack dev" in preview.stdout
    assert "preview --diff --stack dev --refresh" in calls()
    assert not any(c.startswith("up") for c in calls())  # a preview applies nothing
    url = next(c for c in calls() if c.startswith("config set --stack dev runai:url "))
    assert url.split()[-1] == (repo / ".runai-emulator" / "url").read_text().strip()
    assert "config set --stack dev --secret runai:clientSecret emulator-secret" in calls()

    refused = run(repo, "deploy", env=env)  # no terminal, and the plan deletes
    assert refused.code != 0 and "delete org-speech" in refused.stderr
    assert "--yes" in refused.stderr and "Traceback" not in refused.output
    assert not any(c.startswith("up") for c in calls())

    agreed = run(repo, "deploy", "--yes", env=env)
    assert agreed.code == 0, agreed.output
    assert [c for c in calls() if c.startswith("up")] == ["up --yes --diff --stack dev"]

    stopped = run(repo, "destroy", env=env)
    assert stopped.code == 0, stopped.output
    assert calls()[-1] == "destroy --yes --skip-preview --stack dev"
    assert not (repo / ".runai-emulator" / "url").exists()

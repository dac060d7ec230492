"""With a `pulumi` on PATH the scripts hand the work to it, with the same flags.

The real CLI cannot be installed here, so a stand-in records how it is called; the smoke test
in tests/e2e runs the real one where it exists.
"""

from __future__ import annotations

import os
from pathlib import Path

from .repo_copy import clean_env, make_copy, run

FAKE_PULUMI = """#!/bin/sh
echo "$*" >> "{log}"
"""


def test_preview_runs_pulumi_preview_diff_on_the_configured_stack(tmp_path: Path) -> None:
    repo = make_copy(tmp_path / "pulumi-runai")
    log = tmp_path / "pulumi-calls.log"
    fake = tmp_path / "bin" / "pulumi"
    fake.parent.mkdir()
    fake.write_text(FAKE_PULUMI.format(log=log))
    fake.chmod(0o755)
    env = clean_env(tmp_path / "tmp")
    (tmp_path / "tmp").mkdir()
    env["PATH"] = f"{fake.parent}{os.pathsep}{env['PATH']}"

    preview = run(repo, "deploy", "--port", "0", "--preview", "--refresh", env=env)
    stopped = run(repo, "destroy", env=env)

    assert preview.code == 0 and stopped.code == 0, preview.output + stopped.output
    assert "using the Pulumi CLI (stack dev" in preview.stdout
    calls = log.read_text().splitlines()
    url = next(c for c in calls if c.startswith("config set --stack dev runai:url "))
    assert url.split()[-1].startswith("http://127.0.0.1:")
    assert "config set --stack dev --secret runai:clientSecret emulator-secret" in calls
    assert "preview --diff --stack dev --refresh" in calls
    assert not any(c.startswith("up") for c in calls)  # a preview applies nothing
    assert calls[-1] == "destroy --yes --skip-preview --stack dev"
    assert not (repo / ".runai-emulator" / "url").exists()

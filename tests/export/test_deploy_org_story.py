"""The adoption-day story through the scripts an admin runs: a tenant built by hand in the
local emulator -> `runai-export` -> `scripts/deploy --org <export>` as its own, new stack. The
deploy only adopts (the emulator's log shows no change sent) and its next preview plans none.

Marked slow (about 15 s: two script runs, each starting its own provider host): CI covers the
same adoption in process through `pulumi_runai.testing` (test_round_trip.py), which is what
`scripts/deploy` runs when the Pulumi CLI is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import requests
from pulumi_runai.export.cli import main
from pulumi_runai.local.emulator import LocalEmulator
from runai_emulator.config import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET

from tests.deploy.repo_copy import Emulator, make_copy, ok, stop_emulator

from .tenant_by_hand import build


class _LocalControlPlane:
    """The copy's background emulator, as `tenant_by_hand` reaches a control plane."""

    def __init__(self, url: str) -> None:
        self.url = url

    def token(self) -> str:
        answer = requests.post(f"{self.url}/api/v1/token", timeout=10, json={
            "grantType": "client_credentials", "clientId": DEFAULT_CLIENT_ID,
            "clientSecret": DEFAULT_CLIENT_SECRET})
        answer.raise_for_status()
        token: str = answer.json()["accessToken"]
        return token


@pytest.mark.slow
def test_scripts_deploy_of_the_export_only_adopts(tmp_path: Path) -> None:
    repo = make_copy(tmp_path / "pulumi-runai")
    try:
        url = LocalEmulator(repo / ".runai-emulator").ensure_running(0)
        build(_LocalControlPlane(url))
        env = {"RUNAI_URL": url, "RUNAI_CLIENT_ID": DEFAULT_CLIENT_ID,
               "RUNAI_CLIENT_SECRET": DEFAULT_CLIENT_SECRET}
        assert main(["--out", str(repo / "exported.yaml")], env) == 0
        emulator = Emulator(repo)
        emulator.clear_requests()

        deployed = ok(repo, "deploy", "--org", "exported.yaml")
        assert emulator.writes() == [], deployed
        assert "stack org-exported" in deployed
        preview = ok(repo, "deploy", "--org", "exported.yaml", "--preview")
        assert "0 to create, 0 to update, 0 to replace, 0 to delete" in preview
        assert emulator.writes() == []
    finally:
        stop_emulator(repo)

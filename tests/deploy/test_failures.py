"""Failures as one message with the fix: the cause is named, not what it broke."""

from __future__ import annotations

import pytest
from pulumi_runai.client import reset_process_state
from pulumi_runai.errors import Unauthorized
from pulumi_runai.local.failures import explain
from pulumi_runai.organization.tenant import resolve_cluster_id
from pulumi_runai.testing import DeploymentError, ProviderError
from runai_emulator.testing import EmulatorProcess


def test_rejected_credentials_are_reported_as_credentials_not_as_the_cluster(
    runai_env: EmulatorProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RUNAI_CLIENT_SECRET", "not-the-secret")
    reset_process_state()
    with pytest.raises(Exception) as failed:
        resolve_cluster_id("local", "org.yaml")  # what the org.yaml program asks first
    assert "cluster" in str(failed.value)  # the description error blames `cluster:` ...

    message = explain(failed.value)  # ... the command reports what is really wrong
    assert isinstance(failed.value.__cause__, Unauthorized)
    assert message == str(failed.value.__cause__)
    assert "client id and secret" in message and "cluster:" not in message
    assert "not-the-secret" not in message


def test_a_provider_failure_is_its_own_last_line_and_unknown_ones_point_to_debug() -> None:
    host = ProviderError("Create", "UNKNOWN", "Traceback (most recent call last):\n  ...\n"
                         "pulumi_runai.errors.Conflict: POST /api/v1/users: 409 exists")
    assert explain(DeploymentError([host], [])) == "POST /api/v1/users: 409 exists"
    crashed = ProviderError("Update", "UNKNOWN", "Traceback ...\nKeyError: 'resources'")
    assert explain(crashed).splitlines() == [
        "KeyError: 'resources'", "(run with --debug or RUNAI_DEBUG=1 to see the traceback)"]
    assert explain(RuntimeError("boom")).splitlines() == [
        "RuntimeError: boom", "(run with --debug or RUNAI_DEBUG=1 to see the traceback)"]

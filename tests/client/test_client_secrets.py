"""No client secret, token or temporary password reaches logs or exception text."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

import pytest
from pulumi_runai.client import get_client
from pulumi_runai.errors import Conflict, Forbidden, RunaiError, Unauthorized
from pulumi_runai.services import Clusters, Departments, NodePools, Users
from pulumi_runai.settings import Settings
from runai_emulator.testing import EmulatorProcess

JWT = re.compile(r"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")


def test_failing_runs_leak_no_secret(
    emulator: EmulatorProcess,
    settings_for: Callable[..., Settings],
    cluster_id: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    errors: list[RunaiError] = []

    bad = get_client(settings_for(emulator, client_secret="wrong-secret-123"))
    with pytest.raises(Unauthorized) as unauthorized:
        Clusters(bad).list()
    errors.append(unauthorized.value)

    viewer = get_client(settings_for(emulator, client_id="viewer", client_secret="viewer-secret"))
    with pytest.raises(Forbidden) as forbidden:
        Users(viewer).create({"email": "nobody@example.com"})
    errors.append(forbidden.value)

    good = get_client(settings_for(emulator))
    user = Users(good).create({"email": "leak@example.com"})
    temp_password = user["tempPassword"]
    with pytest.raises(Conflict) as conflict:
        Users(good).create({"email": "leak@example.com"})
    errors.append(conflict.value)
    emulator.set_faults(dropAfterCommitRate=1.0)
    pool = NodePools(good).by_name(cluster_id, "default")
    Departments(good).create(
        {
            "name": "quiet",
            "clusterId": cluster_id,
            "resources": [{"nodePool": {"id": pool["id"]}, "gpu": {"deserved": 1}}],
        }
    )
    emulator.reset_faults()

    token = emulator.token()
    texts = [caplog.text, *(str(e) for e in errors), *(repr(e) for e in errors)]
    texts += [repr(good), repr(good.settings)]
    for text in texts:
        for secret in ("wrong-secret-123", "viewer-secret", emulator.client_secret, temp_password):
            assert secret not in text
        assert not JWT.search(text), text
        assert token not in text
    # the run was really logged (method, path, status), just without secrets
    assert "POST /api/v1/users" in caplog.text
    assert "answer lost" in caplog.text

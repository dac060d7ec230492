"""Credentials against the real emulator: a read-only client, clients shared and never pickled.

Tokens (one per process, renewed before expiry and after a 401) are tested against a scripted
control plane in test_client_sending.py; wrong credentials in test_client_errors.py.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

import pytest
from pulumi_runai.client import RunaiClient, get_client
from pulumi_runai.errors import Forbidden
from pulumi_runai.services import Departments
from pulumi_runai.settings import Settings
from runai_emulator.testing import EmulatorProcess


def test_read_only_client_gets_forbidden_on_writes(
    emulator: EmulatorProcess, settings_for: Callable[..., Settings], cluster_id: str
) -> None:
    client = get_client(settings_for(emulator, client_id="viewer", client_secret="viewer-secret"))
    assert Departments(client).find({"clusterId": cluster_id, "name": "default"}) is not None
    with pytest.raises(Forbidden, match="access rule"):
        Departments(client).create({"name": "x", "clusterId": cluster_id, "resources": []})


def test_clients_are_shared_and_refuse_pickling(settings: Settings) -> None:
    client: Any = get_client(settings)
    assert client is get_client(settings)
    assert isinstance(client, RunaiClient)
    with pytest.raises(TypeError, match="must not be pickled"):
        pickle.dumps(client)

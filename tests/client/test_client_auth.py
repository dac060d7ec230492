"""Tokens: one per process for many calls and threads, renewed before expiry and after a 401."""

from __future__ import annotations

import pickle
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from pulumi_runai import client as client_module
from pulumi_runai.client import RunaiClient, get_client
from pulumi_runai.errors import Forbidden, Unauthorized
from pulumi_runai.services import Clusters, Departments, NodePools
from pulumi_runai.settings import Settings
from runai_emulator.testing import EmulatorProcess

TOKEN = "/api/v1/token"


def token_requests(server: EmulatorProcess) -> int:
    return sum(1 for r in server.requests() if r["path"] == TOKEN)


def test_one_token_request_for_many_calls_from_many_threads(
    settings: Settings, emulator: EmulatorProcess
) -> None:
    def work(_: int) -> int:
        # a fresh get_client each call, as a provider method would do
        return len(Clusters(get_client(settings)).list())

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(work, range(200))) == [1] * 200
    log = emulator.requests()
    assert token_requests(emulator) == 1
    assert sum(1 for r in log if r["path"] == "/api/v1/clusters" and r["status"] == 200) == 200


def test_token_expiring_mid_run_is_renewed_without_failures(
    emulator_factory: Callable[..., EmulatorProcess], settings_for: Callable[..., Settings]
) -> None:
    server = emulator_factory("--token-ttl", "2")
    client = get_client(settings_for(server))
    cluster_id = Clusters(client).list()[0]["uuid"]
    deadline = time.monotonic() + 5.0
    calls = 0

    def work(_: int) -> None:
        nonlocal calls
        while time.monotonic() < deadline:
            assert len(NodePools(client).list(cluster_id, fresh=True)) == 2
            calls += 1

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(work, range(4)))
    log = server.requests()
    tokens = token_requests(server)
    # ~5 s of work with 2 s tokens renewed at 90 % of their life: 3 or 4 tokens, not one per call
    assert 2 <= tokens <= 6, tokens
    assert calls > 20
    assert sum(1 for r in log if r["status"] == 401) <= 4


def test_a_401_renews_the_token_once_and_the_call_succeeds(
    emulator_factory: Callable[..., EmulatorProcess], settings_for: Callable[..., Settings]
) -> None:
    server = emulator_factory()
    settings = settings_for(server)
    # White-box: plant a token the server will reject, as after a signing-key rotation.
    client = get_client(settings)
    client_module._TOKENS.get(client._token_key, lambda: ("revoked", 3600))
    assert Clusters(client).list()
    assert [(r["path"], r["status"]) for r in server.requests()] == [
        ("/api/v1/clusters", 401),
        (TOKEN, 200),
        ("/api/v1/clusters", 200),
    ]


def test_wrong_secret_is_unauthorized_naming_the_settings(
    emulator: EmulatorProcess, settings_for: Callable[..., Settings]
) -> None:
    client = get_client(settings_for(emulator, client_secret="not-the-secret"))
    with pytest.raises(Unauthorized) as info:
        Clusters(client).list()
    text = str(info.value)
    assert "runai:clientSecret" in text and "RUNAI_CLIENT_SECRET" in text
    assert "'pulumi-runai'" in text
    assert "not-the-secret" not in text


def test_read_only_client_gets_forbidden_on_writes(
    emulator: EmulatorProcess, settings_for: Callable[..., Settings], cluster_id: str
) -> None:
    client = get_client(settings_for(emulator, client_id="viewer", client_secret="viewer-secret"))
    assert Departments(client).find(cluster_id, "default") is not None
    with pytest.raises(Forbidden, match="access rule"):
        Departments(client).create({"name": "x", "clusterId": cluster_id, "resources": []})


def test_clients_are_shared_and_refuse_pickling(settings: Settings) -> None:
    client: Any = get_client(settings)
    assert client is get_client(settings)
    assert isinstance(client, RunaiClient)
    with pytest.raises(TypeError, match="must not be pickled"):
        pickle.dumps(client)

"""A native plugin process per test module, configured for the emulator with a secret."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from pulumi_runai.testing import Stack
from pulumi_runai.testing._wire import secret
from pulumi_runai.testing.native_host import NativeHost, plugin_command
from runai_emulator.testing import EmulatorProcess

from .programs import SDKS

TOKEN_PATHS = ("/api/v1/token", "/api/v2/token")


def writes(emulator: EmulatorProcess) -> list[str]:
    """The calls that change the tenant (token requests aside), as `METHOD path`."""
    return [f"{r['method']} {r['path']}" for r in emulator.requests()
            if r["method"] != "GET" and r["path"] not in TOKEN_PATHS]


def department_by_hand(emulator: EmulatorProcess, gpu: int = 4) -> tuple[str, str]:
    """Department "ml" made in the tenant as a person would (not by Pulumi), with `gpu` GPUs on
    the default node pool: (its id, the cluster's uuid)."""
    cluster = str(emulator.state()["clusters"][0]["uuid"])
    made = requests.post(f"{emulator.url}/api/v1/org-unit/departments", json={
        "name": "ml", "clusterId": cluster,
        "resources": [{"nodePool": {"name": "default"}, "gpu": {"deserved": gpu}}]},
        headers=emulator.headers(), timeout=10)
    made.raise_for_status()
    return str(made.json()["id"]), cluster


def plugin_env() -> dict[str, str]:
    """The engine's environment without RUNAI_* (the provider config must be what counts)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("RUNAI_")}


def provider_args(emulator: EmulatorProcess, **extra: object) -> dict[str, object]:
    """Provider inputs as the engine sends them: the client secret wrapped as a secret."""
    return {"url": emulator.url, "clientId": emulator.client_id,
            "clientSecret": secret(emulator.client_secret), **extra}


@pytest.fixture(params=sorted(SDKS))
def sdk(request: pytest.FixtureRequest) -> Any:
    """Each provider's Python SDK in turn: `pulumi_runai` (dynamic), `pulumi_runai_native`."""
    return SDKS[request.param]


@pytest.fixture
def stack(emulator: EmulatorProcess, tmp_path: Path) -> Stack:
    """A harness stack for the emulator; `runai:*` resources go to the native plugin."""
    return Stack(tmp_path / "state.json", project="org",
                 config={"runai:url": emulator.url, "runai:clientId": emulator.client_id},
                 secret_config={"runai:clientSecret": emulator.client_secret})


@pytest.fixture
def plugin(emulator: EmulatorProcess) -> Iterator[NativeHost]:
    """The installed `pulumi-resource-runai` (the console script, even where the suite forks
    plugins from a forkserver), configured, recording every response."""
    with NativeHost(env=plugin_env(), record=True, command=plugin_command()) as host:
        assert host.configure(provider_args(emulator, hostThreads=16)) is True
        yield host

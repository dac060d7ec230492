"""A native plugin process per test module, configured for the emulator with a secret."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from pulumi_runai.testing._wire import secret
from pulumi_runai.testing.native_host import NativeHost
from runai_emulator.testing import EmulatorProcess


def plugin_env() -> dict[str, str]:
    """The engine's environment without RUNAI_* (the provider config must be what counts)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("RUNAI_")}


def provider_args(emulator: EmulatorProcess, **extra: object) -> dict[str, object]:
    """Provider inputs as the engine sends them: the client secret wrapped as a secret."""
    return {"url": emulator.url, "clientId": emulator.client_id,
            "clientSecret": secret(emulator.client_secret), **extra}


@pytest.fixture
def plugin(emulator: EmulatorProcess) -> Iterator[NativeHost]:
    """The installed `pulumi-resource-runai`, configured, recording every response."""
    with NativeHost(env=plugin_env(), record=True) as host:
        assert host.configure(provider_args(emulator, hostThreads=16)) is True
        yield host

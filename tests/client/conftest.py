"""Fixtures for the client tests: settings/clients bound to the emulator, clean process caches."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pulumi_runai.client import RunaiClient, get_client, reset_process_state
from pulumi_runai.settings import Settings
from runai_emulator.testing import EmulatorProcess


@pytest.fixture(autouse=True)
def _fresh_process_state() -> Iterator[None]:
    """Tokens, sessions and lookup caches must not leak from one emulator to the next."""
    reset_process_state()
    yield
    reset_process_state()


def settings_for(server: EmulatorProcess, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "url": server.url,
        "client_id": server.client_id,
        "client_secret": server.client_secret,
        "timeout": 10.0,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture(name="settings_for")
def settings_for_fixture() -> Callable[..., Settings]:
    """``settings_for(server, **overrides)`` for dedicated emulators."""
    return settings_for


@pytest.fixture
def settings(emulator: EmulatorProcess) -> Settings:
    return settings_for(emulator)


@pytest.fixture
def client(settings: Settings) -> RunaiClient:
    return get_client(settings)


@pytest.fixture
def cluster_id(emulator: EmulatorProcess) -> str:
    return str(emulator.state()["clusters"][0]["uuid"])

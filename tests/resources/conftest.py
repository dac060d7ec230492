"""Fixtures for provider tests: providers talk to the real emulator through the environment."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import requests
from pulumi.dynamic import ResourceProvider
from pulumi_runai.resources import _provider_base
from runai_emulator.testing import EmulatorProcess

Api = Callable[..., Any]
Checked = Callable[[ResourceProvider, dict[str, Any]], dict[str, Any]]
Calls = Callable[..., list[tuple[str, str]]]


@pytest.fixture(autouse=True)
def no_stack_config() -> Iterator[None]:
    """Each test starts with no `runai:*` stack config, so the environment decides."""
    _provider_base.remember_config({})
    yield
    _provider_base.remember_config({})


def make_api(emulator: EmulatorProcess) -> Api:
    """`api(method, path, json=None)`: an out-of-band call, as a person in the UI would make."""
    headers = emulator.headers()

    def call(method: str, path: str, json: Any = None) -> Any:
        response = requests.request(
            method, emulator.url + path, json=json, headers=headers, timeout=10
        )
        response.raise_for_status()
        return response.json() if response.content else None

    return call


@pytest.fixture
def api_for() -> Callable[[EmulatorProcess], Api]:
    """`api_for(emulator)`: out-of-band calls to a dedicated emulator."""
    return make_api


@pytest.fixture
def api(runai_env: EmulatorProcess) -> Api:
    return make_api(runai_env)


@pytest.fixture
def cluster_id(api: Api) -> str:
    return str(api("GET", "/api/v1/clusters")[0]["uuid"])


def _checked(provider: ResourceProvider, news: dict[str, Any]) -> dict[str, Any]:
    result = provider.check({}, {**news, "__provider": "serialized"})
    assert result.failures == [], [(f.property, f.reason) for f in result.failures]
    return dict(result.inputs)


@pytest.fixture
def checked() -> Callable[[ResourceProvider, dict[str, Any]], dict[str, Any]]:
    """`checked(provider, news)`: run `check` like the engine does and insist it passes."""
    return _checked


@pytest.fixture
def api_calls(runai_env: EmulatorProcess) -> Callable[..., list[tuple[str, str]]]:
    """`api_calls(method=None)`: (method, path) of the API calls since `clear_requests()`,
    token requests aside."""

    def calls(method: str | None = None) -> list[tuple[str, str]]:
        return [
            (r["method"], r["path"])
            for r in runai_env.requests()
            if not r["path"].startswith("/api/v1/token") and method in (None, r["method"])
        ]

    return calls

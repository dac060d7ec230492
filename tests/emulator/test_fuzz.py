"""Schemathesis over the implemented part of the vendored spec: never a 5xx, never a crash.

The CI run is small (a few examples per operation); `-m slow` runs a larger one.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import requests
import schemathesis
import schemathesis.specs.openapi.schemas
from hypothesis import HealthCheck, settings
from runai_emulator.testing import EmulatorProcess

from .spec_tools import subset

# The OpenAPI loader is imported here, at collection, not lazily inside the session fixture: on
# Python 3.11, compiling a module from deep inside a running test session can fail with
# "SystemError: AST constructor recursion depth mismatch" (a CPython 3.11 bug), which made this
# test error once.
EXAMPLES = int(os.environ.get("EMULATOR_FUZZ_EXAMPLES", "3"))
_SETTINGS = dict(deadline=None, derandomize=True, database=None,
                 suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="session")
def fuzz_schema(emulator_server: EmulatorProcess) -> schemathesis.BaseSchema:
    schema = schemathesis.openapi.from_dict(subset(emulator_server.url))
    return schema


fuzzed = schemathesis.pytest.from_fixture("fuzz_schema")


def _check(case: schemathesis.Case[Any], emulator: EmulatorProcess, token: str) -> None:
    response = case.call(base_url=emulator.url, headers={"Authorization": f"Bearer {token}"},
                         timeout=10)
    assert response.status_code < 500, f"{case.method} {case.path}: {response.text[:300]}"
    if response.status_code >= 400 and case.path != "/api/v2/token":
        body = response.json()
        assert body["code"] == response.status_code and body["message"]


@fuzzed.parametrize()
@settings(max_examples=EXAMPLES, **_SETTINGS)  # type: ignore[arg-type]
def test_fuzz_finds_no_server_error(case: schemathesis.Case[Any], emulator_server: EmulatorProcess,
                                    fuzz_token: str) -> None:
    _check(case, emulator_server, fuzz_token)


@pytest.fixture(scope="session")
def fuzz_token(emulator_server: EmulatorProcess) -> str:
    requests.put(f"{emulator_server.url}/_emulator/faults", timeout=5, json={
        "latencyMs": 0, "latencyJitterMs": 0, "errorRate": 0, "rateLimitRate": 0,
        "dropAfterCommitRate": 0})
    return emulator_server.token()


@pytest.mark.slow
@fuzzed.parametrize()
@settings(max_examples=200, **_SETTINGS)  # type: ignore[arg-type]
def test_fuzz_longer(case: schemathesis.Case[Any], emulator_server: EmulatorProcess,
                     fuzz_token: str) -> None:
    _check(case, emulator_server, fuzz_token)


def test_server_survives_fuzzing(emulator: EmulatorProcess) -> None:
    assert emulator.running
    assert requests.get(f"{emulator.url}/_emulator/faults", timeout=5).status_code == 200

"""Injected faults: 429 with Retry-After, 503, and writes whose answer is lost."""

from __future__ import annotations

from collections.abc import Callable

import requests
from runai_emulator.testing import EmulatorProcess

from .api import Api


def test_rate_limit_answers_429_with_fractional_retry_after(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    emulator.set_faults(rateLimitRate=1.0)
    response = api.get("/api/v1/clusters")
    assert response.status_code == 429
    assert 0 < float(response.headers["Retry-After"]) <= 0.2
    assert response.json()["code"] == 429
    # the token endpoint is spared so a client can always log in
    assert emulator.token()


def test_error_rate_answers_503_and_writes_nothing(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    emulator.set_faults(errorRate=1.0)
    response = api.post("/api/v1/users", {"email": "lost@example.com"})
    assert response.status_code == 503 and response.json()["code"] == 503
    assert emulator.state()["users"] == []


def test_drop_after_commit_writes_then_answers_503(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    emulator.set_faults(dropAfterCommitRate=1.0)
    response = api.post("/api/v1/users", {"email": "ghost@example.com"})
    assert response.status_code == 503
    assert [u["username"] for u in emulator.state()["users"]] == ["ghost@example.com"]
    assert api.get("/api/v1/users").status_code == 200  # reads are not dropped
    log = [r for r in emulator.requests() if r["method"] == "POST"]
    assert log[-1]["status"] == 503 and log[-1]["dropped"] is True
    # the retry a naive client would make now conflicts
    emulator.set_faults(dropAfterCommitRate=0)
    assert api.post("/api/v1/users", {"email": "ghost@example.com"}).status_code == 409


def test_latency_is_added(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    emulator.set_faults(latencyMs=150)
    response = api.get("/api/v1/clusters")
    assert response.status_code == 200 and response.elapsed.total_seconds() >= 0.15


def test_fault_settings_validate_and_merge(emulator: EmulatorProcess) -> None:
    assert emulator.set_faults(errorRate=0.25)["errorRate"] == 0.25
    merged = emulator.set_faults(latencyMs=5)
    assert merged["errorRate"] == 0.25 and merged["latencyMs"] == 5
    bad = requests.put(f"{emulator.url}/_emulator/faults", json={"errorRate": 2}, timeout=5)
    assert bad.status_code == 400 and "errorRate" in bad.json()["message"]
    unknown = requests.put(f"{emulator.url}/_emulator/faults", json={"chaos": 1}, timeout=5)
    assert unknown.status_code == 400 and "chaos" in unknown.json()["message"]


def _statuses(server: EmulatorProcess, n: int) -> list[int]:
    api = Api(server)
    return [api.get("/api/v1/clusters").status_code for _ in range(n)]


def test_seed_makes_faults_reproducible(emulator_factory: Callable[..., EmulatorProcess]) -> None:
    first = emulator_factory("--error-rate", "0.5", "--seed", "7")
    second = emulator_factory("--error-rate", "0.5", "--seed", "7")
    a, b = _statuses(first, 30), _statuses(second, 30)
    assert a == b and 503 in a and 200 in a

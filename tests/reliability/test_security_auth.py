"""No one gets in where they don't belong: cunning forgeries get 401 (the plain missing,
malformed, forged and expired cases are in tests/emulator/test_auth.py); through the provider's
client a wrong secret is a clear Unauthorized, the read-only client's writes are Forbidden,
not retried and change nothing; expiring tokens are renewed without the caller noticing."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable
from typing import Any

import pytest
import requests
from pulumi_runai.client import RunaiClient
from pulumi_runai.errors import Forbidden, Unauthorized
from pulumi_runai.services import Departments
from pulumi_runai.settings import Settings
from runai_emulator.testing import EmulatorProcess

DEPARTMENTS = "/api/v1/org-unit/departments"
VIEWER = ("viewer", "viewer-secret")


def _get(server: EmulatorProcess, headers: dict[str, str]) -> requests.Response:
    return requests.get(server.url + DEPARTMENTS, headers=headers, timeout=10)


def _b64(data: dict[str, Any]) -> str:
    raw = json.dumps(data).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _claims(client_id: str = "pulumi-runai") -> dict[str, Any]:
    now = time.time()
    return {"sub": client_id, "client_id": client_id, "tenant_id": 1001, "read_only": False,
            "iat": int(now), "exp": now + 3600}


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# Missing, malformed, foreign-key and expired bearers are tested at the HTTP level in
# tests/emulator/test_auth.py; these are the forgeries that need a little more cunning.
FORGED: dict[str, Callable[[], dict[str, str]]] = {
    "alg none": lambda: _bearer(f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(_claims())}."),
    "client secret as bearer": lambda: _bearer("emulator-secret"),
    "client id and secret as basic": lambda: {
        "Authorization": "Basic " + base64.b64encode(b"pulumi-runai:emulator-secret").decode()},
}
@pytest.mark.parametrize("kind", sorted(FORGED))
def test_bad_bearers_get_401(emulator: EmulatorProcess, kind: str) -> None:
    response = _get(emulator, FORGED[kind]())
    assert response.status_code == 401, response.text
    assert set(response.json()) >= {"code", "message"}


def test_a_tampered_valid_token_gets_401(emulator: EmulatorProcess) -> None:
    """Flip the read_only claim of a real viewer token without re-signing it."""
    viewer = requests.post(emulator.url + "/api/v1/token", timeout=10, json={
        "grantType": "client_credentials", "clientId": VIEWER[0], "clientSecret": VIEWER[1]})
    header, payload, signature = viewer.json()["accessToken"].split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["read_only"] = False
    tampered = f"{header}.{_b64(claims)}.{signature}"
    response = requests.post(emulator.url + DEPARTMENTS, headers=_bearer(tampered), timeout=10,
                             json={"name": "sneaky", "clusterId": "x", "resources": []})
    assert response.status_code == 401
    assert "sneaky" not in json.dumps(emulator.state()["departments"])


def test_wrong_client_secret_is_refused_with_a_clear_error(emulator: EmulatorProcess) -> None:
    client = RunaiClient(Settings(url=emulator.url, client_id=emulator.client_id,
                                  client_secret="wrong-secret-value", timeout=10))
    with pytest.raises(Unauthorized) as caught:
        client.get(DEPARTMENTS)
    assert "runai:clientSecret" in str(caught.value)
    assert "wrong-secret-value" not in str(caught.value)


def test_a_wrong_secret_is_refused_even_after_a_right_one(emulator: EmulatorProcess) -> None:
    def client(secret: str) -> RunaiClient:
        return RunaiClient(Settings(url=emulator.url, client_id=emulator.client_id,
                                    client_secret=secret, timeout=10))

    assert client(emulator.client_secret).get(DEPARTMENTS)["departments"]
    with pytest.raises(Unauthorized):
        client("wrong-secret-value").get(DEPARTMENTS)


def test_the_client_rides_through_token_expiries(
    emulator_factory: Callable[..., EmulatorProcess],
) -> None:
    server = emulator_factory("--token-ttl", "1")
    # Tokens live 1 s: calls spread over 3+ lifetimes must all succeed, renewing each time.
    client = RunaiClient(Settings(url=server.url, client_id=server.client_id,
                                  client_secret=server.client_secret, timeout=10))
    server.clear_requests()
    fetches = 0
    deadline = time.monotonic() + 15
    while fetches < 3 and time.monotonic() < deadline:
        assert client.get(DEPARTMENTS)["departments"]  # raises if renewal failed
        fetches = sum(1 for r in server.requests() if r["path"] == "/api/v1/token")
        time.sleep(0.2)  # paced calls spanning several token lifetimes
    assert fetches >= 3, "the client did not renew its token across expiries"


@pytest.fixture
def viewer(emulator: EmulatorProcess) -> RunaiClient:
    return RunaiClient(Settings(url=emulator.url, client_id=VIEWER[0],
                                client_secret=VIEWER[1], timeout=10))


def test_read_only_client_reads(viewer: RunaiClient) -> None:
    assert [d["name"] for d in Departments(viewer).list()] == ["default"]


def test_read_only_client_writes_get_403_and_change_nothing(
    emulator: EmulatorProcess, viewer: RunaiClient
) -> None:
    before = emulator.state()
    cluster_id = before["clusters"][0]["uuid"]
    default = before["departments"][0]
    attempts: list[Callable[[], object]] = [
        lambda: Departments(viewer).create(
            {"name": "intruders", "clusterId": cluster_id, "resources": []}),
        lambda: viewer.put(f"{DEPARTMENTS}/{default['id']}",
                           {"description": "owned", "resources": []}),
        lambda: viewer.delete(f"{DEPARTMENTS}/{default['id']}"),
        lambda: viewer.create("/api/v1/users", {"email": "mallory@example.com"},
                              find_existing=lambda: None),
    ]
    for attempt in attempts:
        with pytest.raises(Forbidden) as caught:
            attempt()
        assert "access rule" in str(caught.value)
    assert emulator.state() == before
    writes = [r for r in emulator.requests() if r["method"] != "GET"
              and r["path"] != "/api/v1/token"]
    assert len(writes) == len(attempts), "a 403 must not be retried"
    assert {r["status"] for r in writes} == {403}

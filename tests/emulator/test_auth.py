"""Tokens: every documented request shape works; bad bearers get 401; the viewer cannot write."""

from __future__ import annotations

import time
from collections.abc import Callable

import jwt
import pytest
import requests
from runai_emulator.testing import EmulatorProcess

from .api import Api

_ID, _SECRET = "pulumi-runai", "emulator-secret"


@pytest.mark.parametrize("body", [
    {"grantType": "client_credentials", "clientId": _ID, "clientSecret": _SECRET},
    {"grantType": "client_credentials", "clientID": _ID, "clientSecret": _SECRET},
    {"grantType": "app_token", "AppId": _ID, "AppSecret": _SECRET},
    {"GRANTTYPE": "app_token", "appID": _ID, "appSecret": _SECRET},
])
def test_v1_token_accepts_every_key_casing(emulator: EmulatorProcess, body: dict[str, str]) -> None:
    response = requests.post(f"{emulator.url}/api/v1/token", json=body, timeout=5)
    assert response.status_code == 200, response.text
    token = response.json()["accessToken"]
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["exp"] > time.time() + 3000 and claims["tenant_id"] == 1001
    assert response.json()["expiresIn"] == 3600
    assert Api(emulator, token).get("/api/v1/clusters").status_code == 200


def test_v2_token_is_oauth2_form(emulator: EmulatorProcess) -> None:
    ok = requests.post(f"{emulator.url}/api/v2/token", timeout=5, data={
        "grant_type": "client_credentials", "client_id": emulator.client_id,
        "client_secret": emulator.client_secret})
    assert ok.status_code == 200 and ok.json()["token_type"] == "Bearer"
    bad = requests.post(f"{emulator.url}/api/v2/token", timeout=5, data={
        "grant_type": "client_credentials", "client_id": emulator.client_id,
        "client_secret": "wrong"})
    assert bad.status_code == 401 and bad.json()["error"] == "invalid_client"


@pytest.mark.parametrize("body, field", [
    ({"grantType": "client_credentials", "clientId": "pulumi-runai", "clientSecret": "nope"},
     "credentials"),
    ({"grantType": "password", "clientId": "a", "clientSecret": "b"}, "grantType"),
    ({"grantType": "client_credentials", "clientId": "pulumi-runai"}, "clientSecret"),
    (["not", "an", "object"], "body"),
])
def test_v1_token_rejects_bad_requests(emulator: EmulatorProcess, body: object, field: str) -> None:
    response = requests.post(f"{emulator.url}/api/v1/token", json=body, timeout=5)
    assert response.status_code == 400
    assert field in response.json()["message"]
    assert "nope" not in response.text  # the secret is never echoed


def _forged() -> str:
    claims = {"client_id": "pulumi-runai", "exp": time.time() + 60}
    return jwt.encode(claims, "a-guessed-signing-key-of-32-bytes!!", algorithm="HS256")


@pytest.mark.parametrize("header", [
    None, "", "Bearer", "Basic abc", "Bearer not-a-jwt", "Bearer " + "x" * 20,
])
def test_missing_or_malformed_bearer_gets_401(emulator: EmulatorProcess,
                                              header: str | None) -> None:
    headers = {} if header is None else {"Authorization": header}
    response = requests.get(f"{emulator.url}/api/v1/clusters", headers=headers, timeout=5)
    assert response.status_code == 401
    assert response.json()["code"] == 401 and response.json()["message"]


def test_forged_token_gets_401(emulator: EmulatorProcess) -> None:
    response = Api(emulator, _forged()).get("/api/v1/org-unit/projects")
    assert response.status_code == 401 and "invalid" in response.json()["message"]


def test_expired_token_gets_401(emulator_factory: Callable[..., EmulatorProcess]) -> None:
    server = emulator_factory("--token-ttl", "0.5")
    token = server.token()
    api = Api(server, token)
    assert api.get("/api/v1/clusters").status_code == 200
    exp = jwt.decode(token, options={"verify_signature": False})["exp"]
    while time.time() <= exp + 0.01:  # wait for the token's own expiry instant, then probe
        time.sleep(0.05)
    response = api.get("/api/v1/clusters")
    assert response.status_code == 401 and "expired" in response.json()["message"]


def test_read_only_client_reads_but_cannot_write(emulator: EmulatorProcess) -> None:
    token = requests.post(f"{emulator.url}/api/v1/token", timeout=5, json={
        "grantType": "client_credentials", "clientId": "viewer",
        "clientSecret": "viewer-secret"}).json()["accessToken"]
    viewer = Api(emulator, token)
    assert viewer.get("/api/v1/org-unit/departments").status_code == 200
    refused = viewer.post("/api/v1/users", {"email": "nobody@example.com"})
    assert refused.status_code == 403 and refused.json()["code"] == 403
    assert emulator.state()["users"] == []
    assert emulator.requests()[-1]["clientId"] == "viewer"

"""Service accounts: lifecycle, login with their secret, rotation, and the secret kept secret."""

from __future__ import annotations

import json
from typing import Any

import pytest
import requests
from runai_emulator.testing import EmulatorProcess

from .api import Api
from .conformance import assert_answers_conform
from .test_spec_conformance import Recorder

BASE = "/api/v1/service-accounts"


def _login(emulator: EmulatorProcess, client_id: str, secret: str) -> requests.Response:
    return requests.post(f"{emulator.url}/api/v1/token", timeout=5, json={
        "grantType": "client_credentials", "clientId": client_id, "clientSecret": secret})


def _token_works(emulator: EmulatorProcess, client_id: str, secret: str) -> bool:
    response = _login(emulator, client_id, secret)
    if response.status_code != 200:
        return False
    api = Api(emulator, response.json()["accessToken"])
    return api.get("/api/v1/clusters").status_code == 200


def test_service_account_lifecycle(emulator: EmulatorProcess) -> None:
    api = Recorder(emulator)
    created = api.post(BASE, {"name": "ci-bot"})
    assert created.status_code == 201, created.text
    account = created.json()
    ident, first_secret = account["id"], account["clientSecret"]
    assert account["name"] == account["clientId"] == "ci-bot" and first_secret
    assert _token_works(emulator, "ci-bot", first_secret)
    v2 = requests.post(f"{emulator.url}/api/v2/token", timeout=5, data={
        "grant_type": "client_credentials", "client_id": "ci-bot", "client_secret": first_secret})
    assert v2.status_code == 200, v2.text

    listed = api.get(BASE).json()
    assert [a["name"] for a in listed] == ["ci-bot"]
    one = api.get(f"{BASE}/{ident}").json()
    assert one["enabled"] is True and one["clientId"] == "ci-bot" and one["lastLogin"]
    assert "clientSecret" not in one and "clientSecret" not in listed[0]

    assert api.patch(f"{BASE}/{ident}", {"enabled": False}).status_code == 200
    assert api.get(f"{BASE}/{ident}").json()["enabled"] is False
    refused = _login(emulator, "ci-bot", first_secret)
    assert refused.status_code == 400 and "disabled" in refused.json()["message"]
    assert api.patch(f"{BASE}/{ident}", {"enabled": True}).status_code == 200

    rotated = api.post(f"{BASE}/{ident}/secret", None)
    assert rotated.status_code == 200, rotated.text
    second_secret = rotated.json()["clientSecret"]
    assert second_secret != first_secret
    assert _login(emulator, "ci-bot", first_secret).status_code == 400
    assert _token_works(emulator, "ci-bot", second_secret)
    assert api.get(f"{BASE}/{ident}").json()["id"] == ident  # same account, new secret

    assert api.delete(f"{BASE}/{ident}").status_code == 204
    assert api.get(f"{BASE}/{ident}").status_code == 404
    assert api.delete(f"{BASE}/{ident}").status_code == 404
    assert api.post(f"{BASE}/{ident}/secret", None).status_code == 404
    assert _login(emulator, "ci-bot", second_secret).status_code == 400
    assert_answers_conform(api.seen, emulator.url)


def test_secrets_never_leave_the_create_and_rotate_answers(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    account = api.post(BASE, {"name": "leaky"}).json()
    rotated = api.post(f"{BASE}/{account['id']}/secret", None).json()["clientSecret"]
    _login(emulator, "leaky", account["clientSecret"])  # a failed login with the old one
    _login(emulator, "leaky", rotated)
    state = emulator.state()
    assert [a["name"] for a in state["service_accounts"]] == ["leaky"]
    seen = {"state": json.dumps(state), "requests": json.dumps(emulator.requests()),
            "stderr": emulator.stderr(), "list": api.get(BASE).text,
            "one": api.get(f"{BASE}/{account['id']}").text}
    for secret in (account["clientSecret"], rotated):
        leaks = [where for where, text in seen.items() if secret in text]
        assert not leaks, f"a client secret appears in {leaks}"


def test_deleting_an_account_removes_its_access_rules(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    account = api.post(BASE, {"name": "deployer"}).json()
    rule = api.post("/api/v1/authorization/access-rules", {
        "subjectType": "service-account", "subjectId": account["clientId"], "roleId": 5,
        "scopeType": "tenant", "scopeId": "1001"})
    assert rule.status_code == 201, rule.text
    assert api.delete(f"{BASE}/{account['id']}").status_code == 204
    assert api.get(f"/api/v1/authorization/access-rules/{rule.json()['id']}").status_code == 404


@pytest.mark.parametrize("body, status, words", [
    ({}, 400, "name is required"),
    ({"name": 7}, 400, "string"),
    ({"name": "Bot"}, 400, "must match"),
    ({"name": "b"}, 400, "must match"),
    ({"name": "9bot"}, 400, "must match"),
    ({"name": "bot-"}, 400, "must match"),
    ({"name": "bot", "enabled": True}, 400, "enabled"),
    ({"name": "taken"}, 409, "already exists"),
    ({"name": "pulumi-runai"}, 409, "configured client"),
])
def test_bad_creates_name_the_problem(emulator: EmulatorProcess, body: dict[str, Any],
                                      status: int, words: str) -> None:
    api = Recorder(emulator)
    api.post(BASE, {"name": "taken"})
    response = api.post(BASE, body)
    assert response.status_code == status and words in response.json()["message"]
    assert [a["name"] for a in api.get(BASE).json()] == ["taken"]
    assert_answers_conform(api.seen, emulator.url)


def test_bad_patches_name_the_problem(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    ident = api.post(BASE, {"name": "bot"}).json()["id"]
    for patch, words in (({"enabled": "no"}, "enabled"), ({}, "enabled"),
                         ({"enabled": True, "name": "x"}, "name")):
        response = api.patch(f"{BASE}/{ident}", patch)
        assert response.status_code == 400 and words in response.json()["message"]
    assert api.patch(f"{BASE}/not-an-id", {"enabled": False}).status_code == 404
    assert api.get(f"{BASE}/{ident}").json()["enabled"] is True

"""Lost answers to the issue-17 writes: service accounts and custom roles are made exactly once,
and an account whose create answer (the only one with its secret) was lost still ends up with a
secret that logs in: the lifecycle rotates it at once.

A dedicated emulator with a fixed fault seed and one thread: the same requests meet the same
faults on every run, so the lost-answer paths are taken every time (CI never depends on luck).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import requests
from pulumi_runai.client import get_client
from pulumi_runai.lifecycle import SERVICE_ACCOUNT, Context
from pulumi_runai.services.custom_roles import CustomRoles, PermissionSets
from pulumi_runai.settings import Settings
from runai_emulator.testing import EmulatorProcess

COUNT = 8


def _logs_in(emulator: EmulatorProcess, client_id: str, secret: str) -> bool:
    answer = requests.post(
        f"{emulator.url}/api/v1/token",
        json={"grantType": "client_credentials", "clientId": client_id, "clientSecret": secret},
        timeout=10,
    )
    return answer.status_code == 200


def test_lost_answers_never_duplicate_and_every_account_gets_a_working_secret(
    emulator_factory: Callable[..., EmulatorProcess], settings_for: Callable[..., Settings]
) -> None:
    emulator = emulator_factory("--seed", "17")
    client = get_client(settings_for(emulator))
    ctx = Context(make_client=lambda: client)
    catalogue = {s["name"]: s["id"] for s in PermissionSets(client).list()}
    emulator.set_faults(dropAfterCommitRate=0.5)

    secrets = {}
    for n in range(COUNT):
        name = f"drop-robot-{n}"
        created = SERVICE_ACCOUNT.post(ctx, {"name": name})
        secrets[name] = str(created["clientSecret"])
        CustomRoles(client).create({
            "name": f"drop-role-{n}", "description": "d",
            "permissionSets": [{"id": catalogue["Workload viewer"], "name": "Workload viewer"}],
        })
    emulator.reset_faults()

    state = emulator.state()
    accounts = Counter(a["name"] for a in state["service_accounts"])
    assert accounts == {f"drop-robot-{n}": 1 for n in range(COUNT)}
    roles = Counter(r["name"] for r in state["roles"] if r["name"].startswith("drop-role-"))
    assert roles == {f"drop-role-{n}": 1 for n in range(COUNT)}
    assert all(_logs_in(emulator, name, secret) for name, secret in secrets.items())
    dropped = {r["path"] for r in emulator.requests() if r.get("dropped")}
    assert {"/api/v1/service-accounts", "/api/v2/authorization/roles"} <= dropped
    rotated = [r for r in emulator.requests()
               if r["path"].endswith("/secret") and r["status"] == 200]
    assert rotated, "a lost create answer was answered by a rotation"

"""Secrets never reach an export: not the connection's client secret, not a user's temporary
password, not a service account's client secret (none is asked for, none is written)."""

from __future__ import annotations

from runai_emulator.testing import EmulatorProcess

from .conftest import Export
from .tenant_by_hand import ByHand


def test_no_secret_in_any_format(
    emulator: EmulatorProcess, tenant: dict[str, str], export: Export
) -> None:
    api = ByHand(emulator)
    temp_password = api.post("/api/v1/users", {"email": "new@example.com"})["tempPassword"]
    client_secret = api.post("/api/v1/service-accounts", {"name": "etl"})["clientSecret"]
    secrets = (temp_password, client_secret, emulator.client_secret)
    for fmt in ("yaml", "python", "import"):
        outcome = export("--format", fmt)
        assert outcome.code == 0, outcome.stderr
        assert "new@example.com" in outcome.stdout  # the objects are there, their secrets not
        for secret in secrets:
            assert secret not in outcome.stdout + outcome.stderr, fmt
    paths = {r["path"] for r in emulator.requests()}
    assert not any("secret" in path or "password" in path for path in paths)

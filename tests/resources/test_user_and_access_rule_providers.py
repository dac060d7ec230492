"""User and AccessRule providers against the real emulator: create-only kinds."""

from __future__ import annotations

from typing import Any

import pytest
from pulumi_runai.errors import Conflict
from pulumi_runai.resources import AccessRuleProvider, UserProvider
from runai_emulator.testing import EmulatorProcess

USERS = "/api/v1/users"
RULES = "/api/v1/authorization/access-rules"


def test_user_story(runai_env: EmulatorProcess, api: Any, checked: Any) -> None:
    provider = UserProvider()
    inputs = checked(provider, {"email": "jane@example.com", "notify": False})
    created = provider.create(inputs)
    outs = created.outs
    assert outs["user_id"] == created.id and outs["username"] == "jane@example.com"
    assert outs["temp_password"]  # shown once by the API; a secret output

    assert provider.diff(created.id, outs, inputs).changes is False
    changed = provider.diff(created.id, outs, {**inputs, "email": "joe@example.com"})
    assert changed.replaces == ["email"] and changed.delete_before_replace is False
    # Issue 12 kind 3: a create-time option never replaces the user (Run:ai would delete every
    # access rule naming it); the change is recorded without a call.
    again = provider.diff(created.id, outs, {**inputs, "notify": True})
    assert again.changes is True and again.replaces == []
    runai_env.clear_requests()
    recorded = provider.update(created.id, outs, {**inputs, "notify": True}).outs
    assert recorded["notify"] is True and recorded["user_id"] == created.id
    assert recorded["temp_password"] == outs["temp_password"]
    assert [r for r in runai_env.requests() if not r["path"].startswith("/api/v1/token")] == []

    read = provider.read(created.id, outs)
    assert read.outs["temp_password"] == outs["temp_password"]  # kept: the API never repeats it
    assert read.inputs == {
        "email": "jane@example.com",
        "reset_password": None,
        "notify": False,
        "adopt": False,
    }

    api("DELETE", f"{USERS}/{created.id}")
    assert provider.read(created.id, outs).id is None
    provider.delete(created.id, outs)


def test_user_adopt_and_conflict(runai_env: EmulatorProcess, api: Any, checked: Any) -> None:
    existing = api("POST", USERS, {"email": "jane@example.com"})
    provider = UserProvider()
    inputs = checked(provider, {"email": "jane@example.com"})
    with pytest.raises(Conflict, match=rf"id {existing['id']}.*adopt=True"):
        provider.create(inputs)
    adopted = provider.create({**inputs, "adopt": True})
    assert adopted.id == existing["id"] and adopted.outs["temp_password"] is None
    provider.delete(adopted.id, adopted.outs)
    assert provider.read(adopted.id, adopted.outs).id is None


def project_id(api: Any) -> str:
    [default] = [
        d
        for d in api("GET", "/api/v1/org-unit/departments")["departments"]
        if d["name"] == "default"
    ]
    return str(default["id"])


def test_access_rule_story(
    runai_env: EmulatorProcess, api: Any, checked: Any, api_calls: Any
) -> None:
    api("POST", USERS, {"email": "jane@example.com"})
    scope = project_id(api)
    provider = AccessRuleProvider()
    inputs = checked(
        provider,
        {
            "subject_type": "user",
            "subject_id": "jane@example.com",
            "scope_type": "department",
            "scope_id": scope,
            "role_name": "L1 researcher",
        },
    )
    created = provider.create(inputs)
    outs = created.outs
    roles = {r["name"]: r["id"] for r in api("GET", "/api/v1/authorization/roles")}
    assert outs["role_id"] == roles["L1 researcher"] and outs["access_rule_id"] == created.id
    assert outs["scope_name"] == "default"

    runai_env.clear_requests()
    assert provider.diff(created.id, outs, inputs).changes is False
    assert api_calls() == []
    changed = provider.diff(created.id, outs, {**inputs, "role_name": "Viewer"})
    assert changed.replaces == ["role_name"]

    # Adopting the same assignment again takes the existing rule; without adopt it is a 409.
    with pytest.raises(Conflict, match=rf"id {created.id}.*adopt=True"):
        provider.create(inputs)
    assert provider.create({**inputs, "adopt": True}).id == created.id

    api("DELETE", f"{RULES}/{created.id}")
    assert provider.read(created.id, outs).id is None
    provider.delete(created.id, outs)


def test_unknown_role_name_fails_the_preview_with_the_known_roles(
    runai_env: EmulatorProcess, api_calls: Any
) -> None:
    # Issue 12 kind 6: check (run by every preview) resolves a changed role name, so the
    # preview fails and nothing is created; an unchanged name costs no call.
    provider = AccessRuleProvider()
    news = {
        "subject_type": "group",
        "subject_id": "ml-team",
        "scope_type": "tenant",
        "scope_id": "1001",
        "role_name": "l1 researcher",
    }
    runai_env.clear_requests()
    [failure] = provider.check({}, news).failures
    assert failure.property == "role_name"
    assert "did you mean 'L1 researcher'" in failure.reason and "Viewer" in failure.reason
    assert api_calls() == [("GET", "/api/v2/authorization/roles")]
    runai_env.clear_requests()
    good = {**news, "role_name": "L1 researcher"}
    assert provider.check(good, good).failures == []
    assert api_calls() == []

"""Users and access rules: create-only kinds, so every change replaces."""

from __future__ import annotations

from pulumi_runai.models import access_rule, user

RULE = {
    "subject_type": "user",
    "subject_id": "jane@example.com",
    "scope_type": "project",
    "scope_id": "100003",
    "role_name": "L1 researcher",
}
API_RULE = {
    "id": 7,
    "subjectType": "user",
    "subjectId": "jane@example.com",
    "roleId": 5,
    "roleName": "L1 researcher",
    "scopeType": "project",
    "scopeId": "100003",
    "scopeName": "team-a",
    "clusterId": "c1",
    "createdAt": "t",
    "createdBy": "ci",
    "status": {"phase": "Ready"},
}


def test_user_check() -> None:
    assert user.validate({"email": "jane@example.com", "notify": True}) == []
    failures = {f.property for f in user.validate({"email": "jane", "notify": "yes"})}
    assert failures == {"email", "notify"}


def test_only_the_email_replaces_a_user() -> None:
    # Issue 12 kind 3: create-time options never replace (a replaced user loses its rules).
    outputs = user.to_outputs(
        {"id": "u1", "username": "jane@example.com"}, {"email": "jane@example.com"}, "pw"
    )
    assert outputs["temp_password"] == "pw" and outputs["user_id"] == "u1"
    assert user.diff(outputs, {"email": "jane@example.com"}) == ([], [])
    assert user.diff(outputs, {"email": "Jane@Example.com"}) == ([], [])  # kind 7
    assert user.diff(outputs, {"email": "joe@example.com", "notify": True}) == (
        ["email", "notify"],
        ["email"],
    )
    assert user.diff(outputs, {"email": "jane@example.com", "reset_password": True}) == (
        ["reset_password"],
        [],
    )
    assert {"email"} == user.REPLACE_FIELDS


def test_access_rule_check() -> None:
    assert access_rule.validate(RULE) == []
    failures = {
        f.property: f.reason
        for f in access_rule.validate(
            {
                "subject_type": "robot",
                "subject_id": "not-an-email",
                "scope_type": "org",
                "role_id": 3,
                "role_name": "Viewer",
            }
        )
    }
    assert set(failures) == {"subject_type", "scope_type", "role_name", "scope_id"}
    failures = {f.property: f.reason for f in access_rule.validate({**RULE, "role_name": None})}
    assert "either role_name" in failures["role_id"]
    failures = {f.property: f.reason for f in access_rule.validate({**RULE, "subject_id": "jane"})}
    assert "user's email" in failures["subject_id"]


def test_access_rule_role_by_name_is_resolved() -> None:
    body = access_rule.to_create_body(RULE, lambda name: {"L1 researcher": 5}[name])
    assert body == {
        "subjectType": "user",
        "subjectId": "jane@example.com",
        "scopeType": "project",
        "scopeId": "100003",
        "roleId": 5,
    }


def test_access_rule_no_op_and_replace() -> None:
    outputs = access_rule.to_outputs(API_RULE, RULE)
    assert outputs["access_rule_id"] == "7" and outputs["phase"] == "Ready"
    assert access_rule.diff(outputs, RULE) == ([], [])
    assert access_rule.diff(outputs, {**RULE, "role_name": None, "role_id": 5.0}) == ([], [])
    changed, replaces = access_rule.diff(outputs, {**RULE, "role_name": "Viewer"})
    assert changed == replaces == ["role_name"]


def test_access_rule_refresh_keeps_the_programs_role_form() -> None:
    assert access_rule.to_inputs(API_RULE, RULE)["role_id"] is None
    after_get = access_rule.to_inputs(API_RULE, {})
    assert after_get["role_id"] == 5 and after_get["role_name"] is None

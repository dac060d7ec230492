"""Shared input checks: names, emails, enums, unknown keys, preview unknowns."""

from __future__ import annotations

import pytest
from pulumi.output import Unknown
from pulumi_runai.models.validation import (
    UNKNOWN_SENTINEL,
    check_dns_label,
    check_email,
    check_enum,
    contains_unknown,
    is_unknown,
    unknown_keys,
)


@pytest.mark.parametrize("name", ["a", "team-a", "x" * 63, "0abc9"])
def test_valid_dns_names_pass(name: str) -> None:
    assert check_dns_label("name", name) == []


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("Team", "lowercase"),
        ("-team", "starting and ending"),
        ("team_a", "lowercase letters, digits and '-'"),
        ("x" * 64, "64 characters; at most 63"),
        ("", "required"),
        (None, "required"),
    ],
)
def test_bad_dns_names_say_what_to_fix(name: str | None, fragment: str) -> None:
    [failure] = check_dns_label("name", name)
    assert failure.property == "name"
    assert fragment in failure.reason


def test_email_syntax() -> None:
    assert check_email("email", "jane.doe+ml@example.com") == []
    [failure] = check_email("email", "jane@localhost")
    assert "not a valid email" in failure.reason and "jane@localhost" in failure.reason


def test_enum_lists_the_choices() -> None:
    [failure] = check_enum("scope_type", "org", ("tenant", "project"))
    assert "use one of tenant, project" in failure.reason


def test_unknown_keys_name_the_key_and_allowed_ones_but_skip_internal() -> None:
    failures = unknown_keys({"name": "a", "nmae": "b", "__provider": "p"}, ("name",))
    assert [f.property for f in failures] == ["nmae"]
    assert "allowed: name" in failures[0].reason


@pytest.mark.parametrize("value", [Unknown(), UNKNOWN_SENTINEL])
def test_unknowns_are_recognised_and_skip_validation(value: object) -> None:
    assert is_unknown(value)
    assert contains_unknown({"a": [1, {"b": value}]})
    assert check_dns_label("name", value) == []
    assert check_email("email", value) == []
    assert check_enum("scope_type", value, ("tenant",)) == []


def test_plain_values_are_not_unknown() -> None:
    assert not contains_unknown({"a": [1, "x", {"b": None}]})

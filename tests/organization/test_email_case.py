"""E-mails compare without regard to case in org.yaml, as Run:ai compares logins (kind 7)."""

from __future__ import annotations

from typing import Any

import pytest
from pulumi_runai.models.validation import email_key, same_email
from pulumi_runai.organization.description import parse_description
from pulumi_runai.organization.problems import DescriptionError


def _description(*subjects: str) -> dict[str, Any]:
    pool = [{"node_pool": "default", "gpu": {"deserved": 1}}]
    return {
        "cluster_id": "c",
        "departments": [
            {"name": "research", "resources": pool,
             "projects": [{"name": "vision", "resources": pool}]}
        ],
        "users": [{"email": "dev.user@example.com"}],
        "access": [{"user": s, "role": "Viewer", "project": "vision"} for s in subjects],
    }


def test_a_rule_names_its_user_in_any_case_and_gets_the_declared_address() -> None:
    spec = parse_description(_description("Dev.User@Example.com"), "org.yaml")
    [rule] = spec.access
    assert rule.subject == "dev.user@example.com"
    assert rule.key == "dev.user@example.com as Viewer on project vision"


def test_the_same_rule_written_in_two_cases_is_declared_twice() -> None:
    with pytest.raises(DescriptionError) as info:
        parse_description(
            _description("dev.user@example.com", "Dev.User@Example.com"), "org.yaml"
        )
    [problem] = info.value.problems
    assert problem.path == "access[1]" and "declared twice" in problem.message


def test_users_differing_only_in_case_are_declared_twice() -> None:
    data = _description()
    data["users"].append({"email": "Dev.User@Example.com"})
    with pytest.raises(DescriptionError, match=r"users\[1\]\.email: user 'Dev.User@Example.com' "
                                               r"is declared twice"):
        parse_description(data, "org.yaml")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("dev.user@example.com", "Dev.User@Example.com"),
        ("dev.user@example.com", " DEV.USER@EXAMPLE.COM "),
        ("dev.user@example.com", "dev.user2@example.com"),
        ("dev.user@example.com", "dev.user@example.org"),
    ],
)
def test_the_lookup_key_agrees_with_the_providers_rule(a: str, b: str) -> None:
    """The description looks addresses up by `email_key`; it must say what same_email says."""
    assert (email_key(a) == email_key(b)) == same_email(a, b)


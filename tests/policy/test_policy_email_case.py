"""E-mails compare without regard to case in the policy pack, as Run:ai compares logins
(issue 12, kind 7): an allow-list written in one case holds for an address written in another."""

import pytest
from policy_support import check
from pulumi_runai.policies import access_scopes, admin_roles, email_domains, tokens

WRITTEN = ["Dev.User@Example.com", "dev.user@example.com", "DEV.USER@EXAMPLE.COM"]


def admin_rule(subject: str, scope: str = "department") -> dict[str, object]:
    return {
        "subject_type": "user",
        "subject_id": subject,
        "scope_type": scope,
        "scope_id": "7",
        "role_name": "Department administrator",
    }


@pytest.mark.parametrize("listed", WRITTEN)
@pytest.mark.parametrize("subject", WRITTEN)
def test_admin_and_scope_allow_lists_hold_for_any_case(listed: str, subject: str) -> None:
    for entry in (listed, f"user:{listed}"):
        config = {"allowedSubjects": [entry]}
        assert check(admin_roles.policy, tokens.ACCESS_RULE, admin_rule(subject), config) == []
        cluster_rule = admin_rule(subject, scope="cluster")
        assert check(access_scopes.policy, tokens.ACCESS_RULE, cluster_rule, config) == []


def test_another_user_is_still_refused() -> None:
    config = {"allowedSubjects": ["user:Dev.User@Example.com"]}
    [message] = check(
        admin_roles.policy, tokens.ACCESS_RULE, admin_rule("dev.user2@example.com"), config
    )
    assert "user:dev.user2@example.com, who is not in allowedSubjects" in message


@pytest.mark.parametrize("address", WRITTEN)
def test_email_domains_hold_for_any_case(address: str) -> None:
    for domains in (["example.com"], ["EXAMPLE.COM"], ["@Example.Com"]):
        config = {"allowedDomains": domains}
        assert check(email_domains.policy, tokens.USER, {"email": address}, config) == []
        rule = admin_rule(address)
        assert check(email_domains.policy, tokens.ACCESS_RULE, rule, config) == []

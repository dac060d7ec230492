"""Who gets into Run:ai and with which power: email domains, admin roles, broad scopes."""

import pytest
from policy_support import UNKNOWN_STRING, check
from pulumi_runai.policies import access_scopes, admin_roles, email_domains, tokens

DOMAINS = {"allowedDomains": ["example.com"]}


def rule(
    subject: str = "bob@example.com",
    role: object = "L1 researcher",
    scope: str = "project",
    subject_type: str = "user",
    **extra: object,
) -> dict[str, object]:
    props: dict[str, object] = {
        "subject_type": subject_type,
        "subject_id": subject,
        "scope_type": scope,
        "scope_id": "42",
        "role_name": role,
    }
    props.update(extra)
    return props


def test_company_user_passes_and_outsider_is_reported() -> None:
    assert check(email_domains.policy, tokens.USER, {"email": "Ann@Example.COM"}, DOMAINS) == []
    [message] = check(
        email_domains.policy, tokens.USER, {"email": "eve@gmail.com"}, DOMAINS, name="eve"
    )
    assert "user 'eve@gmail.com' (resource 'eve') is outside the allowed email domains" in message
    assert "add 'gmail.com' to allowedDomains" in message


def test_subdomains_only_when_allowed() -> None:
    props = {"email": "ann@eu.example.com"}
    assert len(check(email_domains.policy, tokens.USER, props, DOMAINS)) == 1
    config = {**DOMAINS, "allowSubdomains": True}
    assert check(email_domains.policy, tokens.USER, props, config) == []
    lookalike = {"email": "ann@badexample.com"}
    assert len(check(email_domains.policy, tokens.USER, lookalike, config)) == 1


def test_user_subject_of_an_access_rule_is_checked_too() -> None:
    [message] = check(email_domains.policy, tokens.ACCESS_RULE, rule("eve@gmail.com"), DOMAINS)
    assert "access rule subject 'eve@gmail.com'" in message
    group = rule("outsiders", subject_type="group")
    assert check(email_domains.policy, tokens.ACCESS_RULE, group, DOMAINS) == []


def test_email_checks_nothing_without_domains_or_when_unknown() -> None:
    assert check(email_domains.policy, tokens.USER, {"email": "eve@gmail.com"}) == []
    assert check(email_domains.policy, tokens.USER, {"email": UNKNOWN_STRING}, DOMAINS) == []


def test_not_an_address_is_reported() -> None:
    assert len(check(email_domains.policy, tokens.USER, {"email": "example.com"}, DOMAINS)) == 1


def test_admin_role_for_a_subject_outside_the_allow_list_is_reported() -> None:
    props = rule(role="System administrator", scope="department", cluster_id="c1")
    [message] = check(admin_roles.policy, tokens.ACCESS_RULE, props, name="bob-admin")
    assert "access rule 'bob-admin' grants the admin role 'System administrator'" in message
    assert "to user:bob@example.com" in message and "nobody is listed" in message


@pytest.mark.parametrize("allowed", ["user:BOB@example.com", "bob@example.com"])
def test_allow_listed_subject_may_hold_admin_roles(allowed: str) -> None:
    props = rule(role="Department administrator")
    config = {"allowedSubjects": [allowed]}
    assert check(admin_roles.policy, tokens.ACCESS_RULE, props, config) == []


def test_allow_list_entry_with_a_type_only_matches_that_type() -> None:
    props = rule("admins", role="Department administrator", subject_type="group")
    assert (
        len(
            check(
                admin_roles.policy, tokens.ACCESS_RULE, props, {"allowedSubjects": ["user:admins"]}
            )
        )
        == 1
    )
    assert (
        check(admin_roles.policy, tokens.ACCESS_RULE, props, {"allowedSubjects": ["group:admins"]})
        == []
    )


def test_non_admin_roles_pass_and_role_lists_are_configurable() -> None:
    assert check(admin_roles.policy, tokens.ACCESS_RULE, rule(role="L1 researcher")) == []
    config = {"adminRoles": ["L1 researcher"]}
    assert len(check(admin_roles.policy, tokens.ACCESS_RULE, rule(), config)) == 1


def test_admin_role_ids_match_when_configured() -> None:
    by_id = rule(role=None, role_id=1.0)
    assert check(admin_roles.policy, tokens.ACCESS_RULE, by_id) == []
    [message] = check(admin_roles.policy, tokens.ACCESS_RULE, by_id, {"adminRoleIds": [1]})
    assert "'role id 1'" in message


@pytest.mark.parametrize(
    "props",
    [
        rule(role=UNKNOWN_STRING),
        rule(subject=UNKNOWN_STRING, role="System administrator"),
        rule(role=None, role_id=UNKNOWN_STRING),
    ],
)
def test_unknown_role_or_subject_is_no_violation(props: dict[str, object]) -> None:
    config = {"adminRoleIds": ["1"]}
    assert check(admin_roles.policy, tokens.ACCESS_RULE, props, config) == []


@pytest.mark.parametrize("scope", ["system", "tenant", "cluster"])
def test_broad_scopes_are_reported(scope: str) -> None:
    [message] = check(access_scopes.policy, tokens.ACCESS_RULE, rule(scope=scope), name="wide")
    assert (
        f"access rule 'wide' ('L1 researcher') for user:bob@example.com is at {scope} scope"
        in message
    )
    assert "Scope it to a department or project" in message


def test_department_and_project_scopes_pass() -> None:
    for scope in ("department", "project", UNKNOWN_STRING):
        assert check(access_scopes.policy, tokens.ACCESS_RULE, rule(scope=scope)) == []


def test_broad_scopes_for_allowed_subjects_or_allowed_types() -> None:
    props = rule("ops", scope="cluster", subject_type="group")
    assert (
        check(access_scopes.policy, tokens.ACCESS_RULE, props, {"allowedSubjects": ["group:ops"]})
        == []
    )
    assert (
        check(
            access_scopes.policy,
            tokens.ACCESS_RULE,
            props,
            {"restrictedScopeTypes": ["system", "tenant"]},
        )
        == []
    )

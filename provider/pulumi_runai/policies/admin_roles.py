"""Resource policy: admin-level roles go only to a named few subjects."""

from collections.abc import Mapping
from typing import Any, Final

from pulumi_policy import ReportViolation, ResourceValidationArgs

from . import tokens
from ._config import resource_policy, settings, string_list
from ._subjects import known_subject, subject_allowed, subject_key
from ._values import fmt, is_unknown, number, props_of

NAME: Final = "runai-admin-role-subjects"
SUBJECT_TYPE: Final = "service-account"
"""Subjects of this type are judged by `service_account_roles` instead."""

DEFAULT_ADMIN_ROLES: Final = [
    "System administrator",
    "Department administrator",
    "Editor",
    "Application administrator",
]

SCHEMA: Final[Mapping[str, Mapping[str, Any]]] = {
    "adminRoles": {
        "type": "array",
        "items": {"type": "string"},
        "default": DEFAULT_ADMIN_ROLES,
        "description": "Role names that count as admin-level (compared ignoring case).",
    },
    "adminRoleIds": {
        "type": "array",
        "items": {"type": ["string", "integer"]},
        "default": [],
        "description": "Role ids that count as admin-level too (ids differ per installation).",
    },
    "allowedSubjects": {
        "type": "array",
        "items": {"type": "string"},
        "default": [],
        "description": "Subjects that may hold admin roles: 'user:a@example.com', "
        "'group:admins' or a bare subject id.",
    },
}


def admin_role(props: Mapping[str, Any], names: list[str], ids: list[str]) -> str | None:
    """The admin role a rule grants (as a message names it), or None if not (known to be) one."""
    role_name = props.get("role_name")
    if isinstance(role_name, str) and not is_unknown(role_name):
        wanted = role_name.casefold()
        if any(wanted == name.casefold() for name in names):
            return role_name
    role_id = props.get("role_id")
    as_number = number(role_id)
    role_id_text = fmt(as_number) if as_number is not None else role_id
    if isinstance(role_id_text, str) and not is_unknown(role_id_text) and role_id_text in ids:
        return f"role id {role_id_text}"
    return None


def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
    """Report an admin role granted to a subject outside the allow-list."""
    if args.resource_type != tokens.ACCESS_RULE:
        return
    props = props_of(args.props)
    config = settings(args.get_config(), SCHEMA)
    role = admin_role(props, string_list(config["adminRoles"]), string_list(config["adminRoleIds"]))
    subject = known_subject(props)
    if role is None or subject is None:
        return
    subject_type, subject_id = subject
    if subject_type == SUBJECT_TYPE:
        return  # runai-service-account-roles judges service accounts, with its own allow-list
    allowed = string_list(config["allowedSubjects"])
    if subject_allowed(subject_type, subject_id, allowed):
        return
    who = subject_key(subject_type, subject_id)
    holders = ", ".join(allowed) if allowed else "nobody is listed"
    report(
        f"access rule '{args.name}' grants the admin role '{role}' to {who}, who is not in "
        f"allowedSubjects ({holders}). Grant a non-admin role, or add '{who}' to "
        f"allowedSubjects in the policy config.",
        None,
    )


policy: Final = resource_policy(
    NAME,
    "Admin-level Run:ai roles are granted only to an allow-list of subjects.",
    validate,
    SCHEMA,
)

"""Resource policy: a service account holds no admin-level role unless it is allowed.

A machine credential with admin rights is the broadest standing access a tenant can hand out,
and it outlives the people who made it. Service-account subjects are judged here, not by
`runai-admin-role-subjects`, so that one allow-list says which accounts may: and a rule for a
new account (whose client id is unknown until it exists) already fails the preview when no
account may hold an admin role.
"""

from collections.abc import Mapping
from typing import Any, Final

from pulumi_policy import ReportViolation, ResourceValidationArgs

from . import tokens
from ._config import resource_policy, settings, string_list
from ._values import is_unknown, props_of
from .admin_roles import DEFAULT_ADMIN_ROLES, SUBJECT_TYPE, admin_role

NAME: Final = "runai-service-account-roles"

SCHEMA: Final[Mapping[str, Mapping[str, Any]]] = {
    "adminRoles": {
        "type": "array",
        "items": {"type": "string"},
        "default": DEFAULT_ADMIN_ROLES,
        "description": "Role names that count as admin-level (compared ignoring case).",
    },
    "allowedServiceAccounts": {
        "type": "array",
        "items": {"type": "string"},
        "default": [],
        "description": "Client ids (names) of the service accounts that may hold admin roles.",
    },
}


def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
    """Report an admin role granted to a service account outside the allow-list."""
    if args.resource_type != tokens.ACCESS_RULE:
        return
    props = props_of(args.props)
    if props.get("subject_type") != SUBJECT_TYPE:
        return
    config = settings(args.get_config(), SCHEMA)
    role = admin_role(props, string_list(config["adminRoles"]), [])
    if role is None:
        return
    allowed = string_list(config["allowedServiceAccounts"])
    account = props.get("subject_id")
    if is_unknown(account) or not isinstance(account, str):
        if allowed:
            return  # may be a listed account: judged once its client id is known
        account = "a service account created in this deployment"
    elif account in allowed:
        return
    else:
        account = f"service account '{account}'"
    listed = ", ".join(allowed) if allowed else "none is listed"
    report(
        f"access rule '{args.name}' grants the admin role '{role}' to {account}, which is not "
        f"in allowedServiceAccounts ({listed}). Grant it a narrower role (a custom role with "
        f"only the permission sets it needs), or add its name to allowedServiceAccounts in the "
        f"policy config.",
        None,
    )


policy: Final = resource_policy(
    NAME,
    "Service accounts hold admin-level Run:ai roles only when allow-listed.",
    validate,
    SCHEMA,
)

"""Resource policy: no access rule spans the whole system, tenant or a cluster unless allowed."""

from collections.abc import Mapping
from typing import Any, Final

from pulumi_policy import ReportViolation, ResourceValidationArgs

from . import tokens
from ._config import resource_policy, settings, string_list
from ._subjects import known_subject, subject_allowed, subject_key
from ._values import is_unknown, props_of

NAME: Final = "runai-access-rule-scope"

SCHEMA: Final[Mapping[str, Mapping[str, Any]]] = {
    "restrictedScopeTypes": {
        "type": "array",
        "items": {
            "type": "string",
            "enum": ["system", "tenant", "cluster", "department", "project"],
        },
        "default": ["system", "tenant", "cluster"],
        "description": "Scope types an access rule may not use unless its subject is allowed.",
    },
    "allowedSubjects": {
        "type": "array",
        "items": {"type": "string"},
        "default": [],
        "description": "Subjects that may hold rules at restricted scopes ('group:ops', ...).",
    },
}


def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
    """Report a rule at a restricted scope type whose subject is not allowed there."""
    if args.resource_type != tokens.ACCESS_RULE:
        return
    props = props_of(args.props)
    config = settings(args.get_config(), SCHEMA)
    scope_type = props.get("scope_type")
    if not isinstance(scope_type, str) or is_unknown(scope_type):
        return
    if scope_type not in string_list(config["restrictedScopeTypes"]):
        return
    subject = known_subject(props)
    if subject is None:
        return
    subject_type, subject_id = subject
    if subject_allowed(subject_type, subject_id, string_list(config["allowedSubjects"])):
        return
    who = subject_key(subject_type, subject_id)
    role = props.get("role_name") or props.get("role_id")
    role_text = "" if role is None or is_unknown(role) else f" ('{role}')"
    report(
        f"access rule '{args.name}'{role_text} for {who} is at {scope_type} scope, which reaches "
        f"beyond one department or project. Scope it to a department or project, or add '{who}' "
        f"to allowedSubjects (or drop '{scope_type}' from restrictedScopeTypes) in the policy "
        f"config.",
        None,
    )


policy: Final = resource_policy(
    NAME,
    ("Run:ai access rules at system, tenant or cluster scope are only for allowed subjects."),
    validate,
    SCHEMA,
)

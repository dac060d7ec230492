"""AccessRule (a role assignment): inputs, API body, outputs, replace decisions.

The API has no update for access rules: every input is create-only. For a user subject the
API wants the email as `subject_id`. The role is given by exactly one of `role_id` and
`role_name`; the name is resolved to an id by the caller's resolver.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pulumi_runai.models import fields
from pulumi_runai.models.fields import ADOPT, Field
from pulumi_runai.models.kind import KindSpec
from pulumi_runai.models.validation import (
    Failure,
    as_int_if_integral,
    check_email,
    check_enum,
    check_required_str,
    check_type,
    is_unknown,
    same_email,
    unknown_keys,
)

SUBJECT_TYPES = ("user", "group", "service-account", "app")
SCOPE_TYPES = ("system", "tenant", "cluster", "department", "project")
RoleResolver = Callable[[str], int]


def _same_text(live: Any, desired: Any) -> bool:
    return str(live) == str(desired)


def _same_role_id(live: Any, desired: Any) -> bool:
    return live is not None and int(live) == int(desired)


def _same_subject(live: Any, desired: Any) -> bool:
    """E-mails (user subjects) compare without regard to case; other subjects exactly."""
    if "@" in str(live) and "@" in str(desired):
        return same_email(live, desired)
    return str(live) == str(desired)


FIELDS = (
    Field(
        "subject_type",
        f"Who gets the role: one of {', '.join(SUBJECT_TYPES)}.",
        required=True, replace=True, always=True,
    ),
    Field(
        "subject_id",
        "The subject: a user's e-mail (pass `user.email` so the rule follows the user), a "
        "group name, or a service account's client id.",
        required=True, replace=True, always=True, equal=_same_subject,
    ),
    Field(
        "scope_type",
        f"Where the role applies: one of {', '.join(SCOPE_TYPES)}.",
        required=True, replace=True, always=True,
    ),
    Field(
        "scope_id",
        "The scope's id: a project or department id, a cluster uuid, or the tenant id.",
        required=True, replace=True, equal=_same_text,
    ),
    Field(
        "role_id",
        "The role's id; give this or `role_name`, not both.",
        type="integer", replace=True, equal=_same_role_id,
    ),
    Field(
        "role_name",
        "The role's name, e.g. `L1 researcher` (case-sensitive; resolved at preview, an "
        "unknown name lists the known ones); give this or `role_id`.",
        replace=True,
    ),
    Field("cluster_id", "The cluster's uuid, for cluster-bound scopes.", replace=True),
    ADOPT,
    Field("access_rule_id", "The rule's id (also the resource id).", output_only=True),
    Field("scope_name", "The scope's name, as Run:ai reports it.", output_only=True),
    Field("phase", "The rule's phase, as Run:ai reports it.", output_only=True),
    Field("created_at", "When Run:ai created it (ISO 8601).", output_only=True),
    Field("created_by", "Who created it.", output_only=True),
)
_RULE_KEY = ("subject_type", "subject_id", "scope_type", "scope_id")
SPEC = KindSpec(
    name="AccessRule",
    label="access rule",
    doc="A Run:ai access rule: a role given to a subject in a scope. The API cannot update "
    "access rules, so every change replaces the rule. Source: /api/v1/authorization/access-rules.",
    fields=FIELDS,
    natural_key=("subject_type", "subject_id", "role_id", "role_name", "scope_type", "scope_id"),
    unique_keys=((*_RULE_KEY, "role_name"), (*_RULE_KEY, "role_id")),
    id_output="access_rule_id",
)
INPUT_KEYS = SPEC.input_keys
OUTPUT_KEYS = SPEC.output_keys
NATURAL_KEY = SPEC.natural_key
KIND = SPEC.label
REPLACE_FIELDS = SPEC.replace_fields


def validate(inputs: Mapping[str, Any]) -> list[Failure]:
    """Every problem of the inputs, without any HTTP call."""
    subject_type, subject_id = inputs.get("subject_type"), inputs.get("subject_id")
    failures = [
        *unknown_keys(inputs, OUTPUT_KEYS),
        *check_enum("subject_type", subject_type, SUBJECT_TYPES),
        *check_enum("scope_type", inputs.get("scope_type"), SCOPE_TYPES),
        *check_type("cluster_id", inputs.get("cluster_id"), str, "a cluster id string"),
        *check_type("adopt", inputs.get("adopt"), bool, "true or false"),
        *_validate_role(inputs.get("role_id"), inputs.get("role_name")),
    ]
    if subject_type == "user":
        failures += [
            Failure(f.property, f"{f.reason}: for a user, subject_id is the user's email")
            for f in check_email("subject_id", subject_id)
        ]
    else:
        failures += check_required_str("subject_id", subject_id)
    return [*failures, *check_required_str("scope_id", inputs.get("scope_id"))]


def _validate_role(role_id: object, role_name: object) -> list[Failure]:
    if role_id is None and role_name is None:
        return [
            Failure("role_id", "give the role: either role_name (e.g. 'L1 researcher') or role_id")
        ]
    if role_id is not None and role_name is not None:
        return [Failure("role_name", "give only one of role_id and role_name, not both")]
    failures = check_type("role_name", role_name, str, "a role name")
    if role_id is not None and not is_unknown(role_id):
        value = as_int_if_integral(role_id)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            failures.append(
                Failure("role_id", f"role_id must be a whole number ≥ 0, got {role_id}")
            )
    return failures


def clean(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The checked inputs as stored in state."""
    return fields.clean_inputs(inputs, INPUT_KEYS)


def diff(old_outputs: Mapping[str, Any], new_inputs: Mapping[str, Any]) -> fields.Diff:
    """(changed, replaces): every change replaces."""
    return fields.diff(FIELDS, old_outputs, new_inputs)


def role_id_of(inputs: Mapping[str, Any], resolve_role: RoleResolver) -> int:
    """The role id, resolving `role_name` when that is what the program gave."""
    if inputs.get("role_id") is not None:
        return int(inputs["role_id"])
    return resolve_role(str(inputs["role_name"]))


def to_create_body(inputs: Mapping[str, Any], resolve_role: RoleResolver) -> dict[str, Any]:
    """AccessRuleCreationFields."""
    body: dict[str, Any] = {
        "subjectType": inputs["subject_type"],
        "subjectId": inputs["subject_id"],
        "scopeType": inputs["scope_type"],
        "scopeId": str(inputs["scope_id"]),
        "roleId": role_id_of(inputs, resolve_role),
    }
    if inputs.get("cluster_id") is not None:
        body["clusterId"] = inputs["cluster_id"]
    return body


def to_outputs(api: Mapping[str, Any], inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Outputs from an AccessRule API object."""
    status = api.get("status") or {}
    return {
        "subject_type": api.get("subjectType"),
        "subject_id": api.get("subjectId"),
        "scope_type": api.get("scopeType"),
        "scope_id": None if api.get("scopeId") is None else str(api["scopeId"]),
        "role_id": as_int_if_integral(api.get("roleId")),
        "role_name": api.get("roleName"),
        "cluster_id": api.get("clusterId"),
        "adopt": bool(inputs.get("adopt", False)),
        "access_rule_id": str(api["id"]),
        "scope_name": api.get("scopeName"),
        "phase": status.get("phase"),
        "created_at": api.get("createdAt"),
        "created_by": api.get("createdBy"),
    }


def to_inputs(api: Mapping[str, Any], old_inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Refresh inputs; after `get` (no old inputs) the role is given by id only."""
    result = fields.refresh_inputs(FIELDS, to_outputs(api, old_inputs), old_inputs)
    if result.get("role_id") is not None and result.get("role_name") is not None:
        result["role_name"] = None
    return result

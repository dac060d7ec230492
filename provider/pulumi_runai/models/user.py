"""User: inputs, API body, outputs and replace decisions (no Pulumi, no HTTP).

The API has no update for users: a new e-mail replaces the user. `reset_password` and `notify`
only matter at creation: a change is recorded, never sent and never replaces (a replaced user
loses every access rule that names it). Refresh keeps what the program said for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi_runai.models import fields
from pulumi_runai.models.fields import ADOPT, Field
from pulumi_runai.models.kind import KindSpec
from pulumi_runai.models.validation import (
    Failure,
    check_email,
    check_type,
    same_email,
    unknown_keys,
)


def _same_email(live: Any, desired: Any) -> bool:
    return same_email(live, desired)


def _keep_program(_live: Any, old: Any) -> Any:
    return old


def _same_option(live: Any, desired: Any) -> bool:
    return bool(live) == bool(desired)


FIELDS = (
    Field(
        "email",
        "The user's e-mail address, also their login name. Compared without regard to case.",
        required=True, replace=True, always=True, equal=_same_email,
    ),
    Field(
        "reset_password",
        "Create-time option: make the user choose a new password at first login. A later "
        "change is recorded and does nothing (the API cannot change it).",
        type="boolean", create_only=True, equal=_same_option, refresh=_keep_program,
    ),
    Field(
        "notify",
        "Create-time option: e-mail the user their login details. A later change is recorded "
        "and does nothing (the API cannot change it).",
        type="boolean", create_only=True, equal=_same_option, refresh=_keep_program,
    ),
    ADOPT,
    Field("user_id", "The user's id (also the resource id).", output_only=True),
    Field("username", "The login name Run:ai gave the user (the e-mail).", output_only=True),
    Field(
        "temp_password",
        "The temporary password Run:ai returns once, from the create that made the user; "
        "absent for an adopted user.",
        output_only=True, secret=True,
    ),
)
SPEC = KindSpec(
    name="User",
    label="user",
    doc="A local Run:ai user. Only the e-mail identifies it; the API cannot update users, so "
    "a new e-mail replaces the user (and Run:ai removes the access rules naming the old one). "
    "Source: /api/v1/users.",
    fields=FIELDS,
    natural_key=("email",),
    unique_keys=(("email",),),
    id_output="user_id",
)
KIND = SPEC.label
INPUT_KEYS = SPEC.input_keys
# No created_at/created_by: the create answer is only {id, username, tempPassword}, and reading
# the user back would double the calls of every user create (the floor is one call).
OUTPUT_KEYS = SPEC.output_keys
SECRET_OUTPUTS = SPEC.secret_outputs
NATURAL_KEY = SPEC.natural_key
REPLACE_FIELDS = SPEC.replace_fields


def validate(inputs: Mapping[str, Any]) -> list[Failure]:
    """Every problem of the inputs, without any HTTP call."""
    return [
        *unknown_keys(inputs, OUTPUT_KEYS),
        *check_email("email", inputs.get("email")),
        *check_type("reset_password", inputs.get("reset_password"), bool, "true or false"),
        *check_type("notify", inputs.get("notify"), bool, "true or false"),
        *check_type("adopt", inputs.get("adopt"), bool, "true or false"),
    ]


def clean(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The checked inputs as stored in state."""
    return fields.clean_inputs(inputs, INPUT_KEYS)


def diff(old_outputs: Mapping[str, Any], new_inputs: Mapping[str, Any]) -> fields.Diff:
    """(changed, replaces): every change replaces."""
    return fields.diff(FIELDS, old_outputs, new_inputs)


def to_outputs(
    api: Mapping[str, Any], inputs: Mapping[str, Any], temp_password: str | None = None
) -> dict[str, Any]:
    """Outputs from a User API object; `temp_password` only exists right after creation."""
    username = api.get("username") or inputs.get("email")
    return {
        "email": inputs.get("email") or username,
        "reset_password": inputs.get("reset_password"),
        "notify": inputs.get("notify"),
        "adopt": bool(inputs.get("adopt", False)),
        "user_id": str(api["id"]),
        "username": username,
        "temp_password": temp_password,
    }


def to_inputs(api: Mapping[str, Any], old_inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Refresh inputs: the live email; the create-only flags as the program gave them."""
    live = {
        "email": api.get("username"),
        "reset_password": old_inputs.get("reset_password"),
        "notify": old_inputs.get("notify"),
    }
    return fields.refresh_inputs(FIELDS, live, old_inputs)

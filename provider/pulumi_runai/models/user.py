"""User: inputs, API body, outputs and replace decisions (no Pulumi, no HTTP).

The API has no update for users: every input is create-only, so any change replaces.
`reset_password` and `notify` cannot be read back; refresh keeps what the program said.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi_runai.models import fields
from pulumi_runai.models.fields import Field
from pulumi_runai.models.validation import Failure, check_email, check_type, unknown_keys

KIND = "user"
INPUT_KEYS = ("email", "reset_password", "notify", "adopt")
# No created_at/created_by: the create answer is only {id, username, tempPassword}, and reading
# the user back would double the calls of every user create (the floor is one call).
OUTPUT_KEYS = (*INPUT_KEYS, "user_id", "username", "temp_password")
SECRET_OUTPUTS = ("temp_password",)
NATURAL_KEY = ("email",)


def _same_email(live: Any, desired: Any) -> bool:
    return str(live or "").lower() == str(desired).lower()


def _keep_program(_live: Any, old: Any) -> Any:
    return old


FIELDS = (
    Field("email", replace=True, always=True, equal=_same_email),
    Field("reset_password", replace=True, project=_keep_program),
    Field("notify", replace=True, project=_keep_program),
)
REPLACE_FIELDS = fields.replace_fields(FIELDS)


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
    return fields.project_inputs(FIELDS, live, old_inputs)

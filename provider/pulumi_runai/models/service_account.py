"""ServiceAccount: inputs, API body, outputs and update decisions (no Pulumi, no HTTP).

A service account is a machine client of the API (what applications were before 3.0). Only its
name identifies it (a new name replaces it); `enabled` is patched in place. The client secret is
shown by Run:ai twice only: in the create answer and in the answer of a rotation; it is kept as a
secret output afterwards (a GET never returns it). `secret_version` is the program's handle on
rotation: any new value rotates the secret in place, the account and its access rules stay.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pulumi_runai.models import fields
from pulumi_runai.models.fields import ADOPT, Field
from pulumi_runai.models.kind import KindSpec
from pulumi_runai.models.validation import (
    Failure,
    check_required_str,
    check_type,
    is_number,
    is_unknown,
    unknown_keys,
)

NAME_PATTERN = re.compile(r"^[a-z][-_a-z0-9]*[a-z0-9]$")
"""`ServiceAccountCreationRequest.name` in the 2.24 spec."""


def _keep_program(_live: Any, old: Any) -> Any:
    return old


def _same_version(live: Any, desired: Any) -> bool:
    """Versions compare as text: 2, 2.0 (the Pulumi host sends floats) and "2" are one value."""
    return _version_text(live) == _version_text(desired)


def _version_text(value: Any) -> str | None:
    if value is None:
        return None
    if is_number(value) and float(value).is_integer():
        return str(int(value))
    return str(value)


FIELDS = (
    Field(
        "name",
        "The account's name, also its client id: lowercase letters, digits, '-' and '_', "
        "starting with a letter and ending with a letter or digit. A new name replaces the "
        "account (and Run:ai removes the access rules naming the old one).",
        required=True, replace=True, always=True,
    ),
    Field(
        "enabled",
        "Whether the account may log in; changed in place. Unset leaves Run:ai's value "
        "(new accounts are enabled).",
        type="boolean",
    ),
    Field(
        "secret_version",
        "Any string or number of the program's choosing: a new value rotates the client secret "
        "in place (same account, same id, same access rules).",
        equal=_same_version, refresh=_keep_program,
    ),
    ADOPT,
    Field("service_account_id", "The account's id (also the resource id).", output_only=True),
    Field(
        "client_id",
        "The client id to log in with (Run:ai gives the name); pass it as an access rule's "
        "`subject_id` so replacing the account replaces its rules.",
        output_only=True,
    ),
    Field(
        "client_secret",
        "The client secret, from the create answer and then from the last rotation; absent "
        "for an adopted account unless `secret_version` is set.",
        output_only=True, secret=True,
    ),
)
# No created_at/created_by: the create answer is only {id, name, clientId, clientSecret}, and
# a refresh would otherwise report them as drift.
SPEC = KindSpec(
    name="ServiceAccount",
    label="service account",
    doc="A Run:ai service account: a machine client of the API with its own client id and "
    "secret. A new name replaces it; `enabled` changes in place; a new `secret_version` "
    "rotates the secret in place. Source: /api/v1/service-accounts.",
    fields=FIELDS,
    natural_key=("name",),
    unique_keys=(("name",),),
    id_output="service_account_id",
)
INPUT_KEYS = SPEC.input_keys
OUTPUT_KEYS = SPEC.output_keys
SECRET_OUTPUTS = SPEC.secret_outputs


def check_name(prop: str, value: object) -> list[Failure]:
    """The API's name pattern, with the rule spelled out (org.yaml uses it too)."""
    failures = check_required_str(prop, value)
    if failures or is_unknown(value) or NAME_PATTERN.match(str(value)):
        return failures
    return [Failure(
        prop,
        f"{prop} '{value}' is not a valid service account name: use lowercase letters, digits, "
        "'-' and '_', starting with a letter and ending with a letter or digit",
    )]


def validate(inputs: Mapping[str, Any]) -> list[Failure]:
    """Every problem of the inputs, without any HTTP call."""
    version = inputs.get("secret_version")
    failures = [
        *unknown_keys(inputs, OUTPUT_KEYS),
        *check_name("name", inputs.get("name")),
        *check_type("enabled", inputs.get("enabled"), bool, "true or false"),
        *check_type("adopt", inputs.get("adopt"), bool, "true or false"),
    ]
    if version is not None and not is_unknown(version) and (
        isinstance(version, bool) or not isinstance(version, str | int | float)
        or version == ""
    ):
        failures.append(Failure(
            "secret_version",
            f"secret_version must be a non-empty string or a number, got {version!r}; change it "
            "to rotate the client secret",
        ))
    return failures


def clean(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The checked inputs as stored in state."""
    return fields.clean_inputs(inputs, INPUT_KEYS)


def diff(old_outputs: Mapping[str, Any], new_inputs: Mapping[str, Any]) -> fields.Diff:
    """(changed, replaces): a new name replaces; `enabled` and `secret_version` update."""
    return fields.diff(FIELDS, old_outputs, new_inputs)


def rotates(old_outputs: Mapping[str, Any], new_inputs: Mapping[str, Any]) -> bool:
    """True when the program asks for a new secret (a new `secret_version`)."""
    desired = new_inputs.get("secret_version")
    return desired is not None and not _same_version(old_outputs.get("secret_version"), desired)


def to_outputs(
    api: Mapping[str, Any], inputs: Mapping[str, Any], client_secret: str | None
) -> dict[str, Any]:
    """Outputs from a ServiceAccount API object; the secret comes from the caller."""
    return {
        "name": api.get("name") or inputs.get("name"),
        "enabled": api.get("enabled", inputs.get("enabled")),
        "secret_version": inputs.get("secret_version"),
        "adopt": bool(inputs.get("adopt", False)),
        "service_account_id": str(api["id"]),
        "client_id": api.get("clientId") or api.get("name"),
        "client_secret": client_secret,
    }


def to_inputs(api: Mapping[str, Any], old_inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Refresh inputs: the live name and `enabled`; `secret_version` as the program gave it."""
    live = {
        "name": api.get("name"),
        "enabled": api.get("enabled"),
        "secret_version": old_inputs.get("secret_version"),
    }
    return fields.refresh_inputs(FIELDS, live, old_inputs)

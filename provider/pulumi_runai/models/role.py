"""Role (a custom role): inputs, API body, outputs and update decisions (no Pulumi, no HTTP).

A custom role is a name, a description and a set of permission sets from the tenant's catalogue
(the v2 roles API). The program names permission sets by name; the API wants `{id, name}`
objects, so the caller resolves names to ids. Every field is updated in place with one full PUT
(an omitted `enabled` would turn the role back on, so the live value is sent when unmanaged).
Predefined roles cannot be managed at all: they are referred to with `runai.get_role`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from pulumi_runai.models import fields
from pulumi_runai.models.fields import ADOPT, Field
from pulumi_runai.models.kind import KindSpec
from pulumi_runai.models.validation import (
    Failure,
    as_int_if_integral,
    check_required_str,
    check_str_list,
    check_type,
    contains_unknown,
    is_unknown,
    unknown_keys,
)

PermissionSetResolver = Callable[[str], str]
"""A permission set's name to its id (the catalogue's uuid)."""


def _same_sets(live: Any, desired: Any) -> bool:
    """Permission sets compare as sets: their order means nothing to Run:ai."""
    return live is not None and sorted(map(str, live)) == sorted(map(str, desired))


def _program_order(live: Any, old: Any) -> Any:
    """Refresh keeps the program's order when the live sets are the same ones."""
    return old if old is not None and _same_sets(live, old) else live


FIELDS = (
    Field(
        "name",
        "The role's name, unique among roles (predefined ones included); changed in place. "
        "Access rules may name it in `role_name`.",
        required=True, always=True,
    ),
    Field("description", "What the role is for.", required=True, always=True),
    Field(
        "permission_sets",
        "Names of permission sets from the tenant's catalogue (GET "
        "/api/v1/authorization/permission-sets), e.g. `Project management`; the order does "
        "not matter. An unknown name fails the preview with the known ones listed.",
        type="array", required=True, always=True, equal=_same_sets, refresh=_program_order,
    ),
    Field(
        "enabled",
        "Whether the role can be granted; unset leaves Run:ai's value (new roles are enabled).",
        type="boolean",
    ),
    ADOPT,
    Field("role_id", "The role's id, an integer (also the resource id).", type="integer",
          output_only=True),
)
SPEC = KindSpec(
    name="Role",
    label="custom role",
    doc="A Run:ai custom role built from permission sets; every change is made in place. "
    "Predefined roles cannot be managed: refer to them with `runai.get_role(name)`. "
    "Source: /api/v2/authorization/roles.",
    fields=FIELDS,
    natural_key=("name",),
    unique_keys=(("name",),),
    id_output="role_id",
)
INPUT_KEYS = SPEC.input_keys
OUTPUT_KEYS = SPEC.output_keys


def validate(inputs: Mapping[str, Any]) -> list[Failure]:
    """Every problem of the inputs, without any HTTP call."""
    description = inputs.get("description")
    failures = [
        *unknown_keys(inputs, OUTPUT_KEYS),
        *check_required_str("name", inputs.get("name")),
        *check_type("enabled", inputs.get("enabled"), bool, "true or false"),
        *check_type("adopt", inputs.get("adopt"), bool, "true or false"),
        *_check_permission_sets(inputs.get("permission_sets")),
    ]
    if description is None:
        failures.append(Failure("description", "description is required (say what the role "
                                               "is for; an empty string is allowed)"))
    else:
        failures += check_type("description", description, str, "a string")
    return failures


def _check_permission_sets(value: object) -> list[Failure]:
    if value is None:
        return [Failure("permission_sets", "permission_sets is required: a list of permission "
                                           "set names, e.g. ['Project management']")]
    if is_unknown(value):
        return []
    failures = check_str_list("permission_sets", value)
    if not failures and not value:
        failures.append(Failure("permission_sets", "permission_sets is empty: a role needs at "
                                                   "least one permission set"))
    return failures


def clean(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The checked inputs as stored in state."""
    return fields.clean_inputs(inputs, INPUT_KEYS)


def diff(old_outputs: Mapping[str, Any], new_inputs: Mapping[str, Any]) -> fields.Diff:
    """(changed, replaces): nothing replaces, every change is one PUT."""
    return fields.diff(FIELDS, old_outputs, new_inputs)


def set_names(names: object) -> list[str]:
    """The permission-set names of an input, or [] while unknown (preview)."""
    if not isinstance(names, list | tuple) or contains_unknown(names):
        return []
    return [str(n) for n in names]


def to_body(
    inputs: Mapping[str, Any], live: Mapping[str, Any], resolve: PermissionSetResolver
) -> dict[str, Any]:
    """RoleCreationFields: the full body of a create or an update. `live` holds the old
    outputs, whose `enabled` is sent when the program leaves it unset (PUT replaces all)."""
    names: Sequence[str] = set_names(inputs["permission_sets"])
    enabled = fields.keep_or_live(inputs, live, "enabled")
    body: dict[str, Any] = {
        "name": inputs["name"],
        "description": inputs["description"],
        "permissionSets": [{"id": resolve(name), "name": name} for name in names],
    }
    if enabled is not None:
        body["enabled"] = enabled
    return body


def predefined(role_name: str) -> str:
    """Why a predefined role cannot be a `Role` resource, and what to do instead."""
    return (
        f"'{role_name}' is a predefined Run:ai role; only custom roles can be managed. Refer to "
        f"it instead: runai.get_role({role_name!r}).id, or AccessRule(role_name={role_name!r}); "
        "or give this custom role another name"
    )


def to_outputs(api: Mapping[str, Any], inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Outputs from a v2 Role API object (`permissionSets` as names)."""
    return {
        "name": api.get("name"),
        "description": api.get("description"),
        "permission_sets": [str(p.get("name")) for p in api.get("permissionSets") or []],
        "enabled": api.get("enabled"),
        "adopt": bool(inputs.get("adopt", False)),
        "role_id": as_int_if_integral(api["id"]),
    }


def to_inputs(api: Mapping[str, Any], old_inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Refresh inputs: the live role, permission sets in the program's order when unchanged."""
    return fields.refresh_inputs(FIELDS, to_outputs(api, old_inputs), old_inputs)

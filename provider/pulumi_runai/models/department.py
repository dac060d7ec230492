"""Department: inputs, API bodies, outputs and replace decisions (no Pulumi, no HTTP)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi_runai.models import fields, org_unit, quotas
from pulumi_runai.models.fields import ADOPT, Field
from pulumi_runai.models.kind import KindSpec
from pulumi_runai.models.validation import Failure, unknown_keys

FIELDS = (
    *org_unit.FIELDS,
    ADOPT,
    Field("department_id", "The department's id (also the resource id).", output_only=True),
    *org_unit.TIMESTAMPS,
)
SPEC = KindSpec(
    name="Department",
    label="department",
    doc="A Run:ai department: a group of projects with GPU, CPU and memory quotas per node "
    "pool. Source: /api/v1/org-unit/departments.",
    fields=FIELDS,
    natural_key=("name", "cluster_id"),
    unique_keys=(("name", "cluster_id"),),
    id_output="department_id",
)
KIND = SPEC.label
INPUT_KEYS = SPEC.input_keys
OUTPUT_KEYS = SPEC.output_keys
NATURAL_KEY = SPEC.natural_key
REPLACE_FIELDS = SPEC.replace_fields


def validate(inputs: Mapping[str, Any]) -> list[Failure]:
    """Every problem of the inputs, without any HTTP call."""
    return [*unknown_keys(inputs, OUTPUT_KEYS), *org_unit.validate(inputs)]


def clean(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The checked inputs as stored in state."""
    return fields.clean_inputs(inputs, INPUT_KEYS)


def diff(old_outputs: Mapping[str, Any], new_inputs: Mapping[str, Any]) -> fields.Diff:
    """(changed, replaces): see `fields.diff` and `quotas` for the comparison rules."""
    return fields.diff(FIELDS, old_outputs, new_inputs)


def to_create_body(inputs: Mapping[str, Any], resolve_pool: quotas.PoolResolver) -> dict[str, Any]:
    """DepartmentCreationRequest."""
    return org_unit.create_body(inputs, resolve_pool)


def to_update_body(
    inputs: Mapping[str, Any], old_outputs: Mapping[str, Any], resolve_pool: quotas.PoolResolver
) -> dict[str, Any]:
    """DepartmentUpdateRequest (full body)."""
    return org_unit.update_body(inputs, old_outputs, resolve_pool)


def to_outputs(api: Mapping[str, Any], inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Outputs from a Department API object; `adopt` is echoed from the inputs."""
    return {**org_unit.outputs(api, inputs), "department_id": str(api["id"])}


def to_inputs(api: Mapping[str, Any], old_inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Refresh inputs reconstructed from the live object in the program's shape."""
    live = to_outputs(api, old_inputs)
    live["description"] = live["description"] or None
    return fields.refresh_inputs(FIELDS, live, old_inputs)

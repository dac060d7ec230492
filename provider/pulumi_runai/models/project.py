"""Project: inputs, API bodies, outputs and replace decisions (no Pulumi, no HTTP).

`department_id` left as None lets the server choose the parent (the cluster's `default`
department); the actual parent is recorded in outputs and never shows as a diff.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

from pulumi_runai.models import fields, org_unit, quotas
from pulumi_runai.models.fields import ADOPT, Field
from pulumi_runai.models.kind import KindSpec
from pulumi_runai.models.validation import (
    Failure,
    as_int_if_integral,
    check_dns_label,
    check_str_list,
    check_type,
    is_number,
    is_unknown,
    unknown_keys,
)

READY = "Ready"

_RULES = {
    "interactive_job_time_limit_seconds": "interactiveJobTimeLimitSeconds",
    "interactive_job_max_idle_duration_seconds": "interactiveJobMaxIdleDurationSeconds",
    "interactive_job_preempt_idle_duration_seconds": "interactiveJobPreemptIdleDurationSeconds",
    "training_job_max_idle_duration_seconds": "trainingJobMaxIdleDurationSeconds",
    "training_job_time_limit_seconds": "trainingJobTimeLimitSeconds",
}
_NODE_TYPE_KEYS = ("training", "workspace")


class SchedulingRules(TypedDict, total=False):
    """Job time limits in seconds (each ≥ 1); None means no rule."""

    interactive_job_time_limit_seconds: int | None
    interactive_job_max_idle_duration_seconds: int | None
    interactive_job_preempt_idle_duration_seconds: int | None
    training_job_max_idle_duration_seconds: int | None
    training_job_time_limit_seconds: int | None


class NodeTypes(TypedDict, total=False):
    """Node type ids allowed per workload kind."""

    training: list[str]
    workspace: list[str]


def _rules(value: Mapping[str, Any] | None) -> dict[str, Any]:
    """Rules without None entries, ints where integral: the form compared and stored."""
    return {k: as_int_if_integral(v) for k, v in (value or {}).items() if v is not None}


def _node_types(value: Mapping[str, Any] | None) -> dict[str, Any]:
    return {k: list(value[k]) for k in _NODE_TYPE_KEYS if value and value.get(k)}


FIELDS = (
    *org_unit.FIELDS,
    Field(
        "department_id",
        "The parent department's id; unset puts the project in the cluster's `default` "
        "department (the actual parent is in the outputs).",
        replace=True,
    ),
    Field(
        "requested_namespace",
        "The Kubernetes namespace to use (DNS-1123); unset lets Run:ai name it "
        "`runai-<name>`. Unique in the cluster.",
        replace=True,
    ),
    Field(
        "default_node_pools",
        "Node pool names workloads use when they name none, in order of preference.",
        type="array", equal=lambda live, want: list(live or []) == list(want),
    ),
    Field(
        "enforce_runai_scheduler",
        "Whether every workload in the namespace must use the Run:ai scheduler.",
        type="boolean",
    ),
    Field(
        "node_types",
        "Node type ids allowed per workload kind: `{training: [...], workspace: [...]}`.",
        type="object", equal=lambda live, want: _node_types(live) == _node_types(want),
    ),
    Field(
        "scheduling_rules",
        "Time limits in whole seconds (each at least 1): "
        + ", ".join(f"`{k}`" for k in _RULES)
        + ".",
        type="object", equal=lambda live, want: _rules(live) == _rules(want),
    ),
    ADOPT,
    Field("project_id", "The project's id (also the resource id).", output_only=True),
    Field("phase", "The project's phase in the cluster (`Ready` once created).", output_only=True),
    Field("namespace", "The Kubernetes namespace the cluster made for it.", output_only=True),
    *org_unit.TIMESTAMPS,
)
SPEC = KindSpec(
    name="Project",
    label="project",
    doc="A Run:ai project: where researchers run workloads, with GPU, CPU and memory quotas "
    "per node pool; create waits until it is Ready. Source: /api/v1/org-unit/projects.",
    fields=FIELDS,
    natural_key=("name", "cluster_id"),
    unique_keys=(("name", "cluster_id"), ("requested_namespace", "cluster_id")),
    id_output="project_id",
)
KIND = SPEC.label
INPUT_KEYS = SPEC.input_keys
OUTPUT_KEYS = SPEC.output_keys
NATURAL_KEY = SPEC.natural_key
REPLACE_FIELDS = SPEC.replace_fields


def validate(inputs: Mapping[str, Any]) -> list[Failure]:
    """Every problem of the inputs, without any HTTP call."""
    return [
        *unknown_keys(inputs, OUTPUT_KEYS),
        *org_unit.validate(inputs),
        *check_type("department_id", inputs.get("department_id"), str, "a department id string"),
        *check_dns_label("requested_namespace", inputs.get("requested_namespace"), required=False),
        *check_str_list("default_node_pools", inputs.get("default_node_pools")),
        *check_type(
            "enforce_runai_scheduler", inputs.get("enforce_runai_scheduler"), bool, "true or false"
        ),
        *_validate_node_types(inputs.get("node_types")),
        *_validate_rules(inputs.get("scheduling_rules")),
    ]


def _validate_node_types(value: object) -> list[Failure]:
    if value is None or is_unknown(value):
        return []
    if not isinstance(value, Mapping):
        return [Failure("node_types", 'node_types must be a mapping like {"training": ["t4"]}')]
    failures = unknown_keys(value, _NODE_TYPE_KEYS, prefix="node_types.")
    for key in _NODE_TYPE_KEYS:
        failures += check_str_list(f"node_types.{key}", value.get(key))
    return failures


def _validate_rules(value: object) -> list[Failure]:
    if value is None or is_unknown(value):
        return []
    if not isinstance(value, Mapping):
        return [
            Failure(
                "scheduling_rules",
                "scheduling_rules must be a mapping of limits in "
                'seconds, e.g. {"training_job_time_limit_seconds": 3600}',
            )
        ]
    failures = unknown_keys(value, _RULES, prefix="scheduling_rules.")
    for key in _RULES:
        seconds = value.get(key)
        if seconds is None or is_unknown(seconds):
            continue
        if not is_number(seconds) or seconds < 1 or not float(seconds).is_integer():
            failures.append(
                Failure(
                    f"scheduling_rules.{key}",
                    f"scheduling_rules.{key} must be a whole number of seconds ≥ 1, got {seconds}",
                )
            )
    return failures


def clean(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The checked inputs as stored in state."""
    return fields.clean_inputs(inputs, INPUT_KEYS)


def diff(old_outputs: Mapping[str, Any], new_inputs: Mapping[str, Any]) -> fields.Diff:
    """(changed, replaces): see `fields.diff` and `quotas` for the comparison rules."""
    return fields.diff(FIELDS, old_outputs, new_inputs)


def _rules_to_api(value: Mapping[str, Any] | None) -> dict[str, Any] | None:
    return None if value is None else {_RULES[k]: v for k, v in _rules(value).items()}


def _optional_body(values: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value
        for key, value in (
            ("defaultNodePools", values.get("default_node_pools")),
            ("enforceRunaiScheduler", values.get("enforce_runai_scheduler")),
            ("nodeTypes", _node_types(values["node_types"]) if values.get("node_types") else None),
            ("schedulingRules", _rules_to_api(values.get("scheduling_rules"))),
        )
        if value is not None
    }


def to_create_body(inputs: Mapping[str, Any], resolve_pool: quotas.PoolResolver) -> dict[str, Any]:
    """ProjectCreationRequest; omitted optional inputs are left to the server."""
    body = org_unit.create_body(inputs, resolve_pool)
    if inputs.get("department_id") is not None:
        body["parentId"] = inputs["department_id"]
    if inputs.get("requested_namespace") is not None:
        body["requestedNamespace"] = inputs["requested_namespace"]
    return {**body, **_optional_body(inputs)}


def to_update_body(
    inputs: Mapping[str, Any], old_outputs: Mapping[str, Any], resolve_pool: quotas.PoolResolver
) -> dict[str, Any]:
    """ProjectUpdateRequest: the full body, unmanaged fields kept from the live object."""
    kept = {
        key: fields.keep_or_live(inputs, old_outputs, key)
        for key in (
            "default_node_pools",
            "enforce_runai_scheduler",
            "node_types",
            "scheduling_rules",
        )
    }
    return {**org_unit.update_body(inputs, old_outputs, resolve_pool), **_optional_body(kept)}


def to_outputs(api: Mapping[str, Any], inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Outputs from a Project API object; `department_id` is the actual parent."""
    status = api.get("status") or {}
    rules = api.get("schedulingRules")
    node_types = api.get("nodeTypes")
    return {
        **org_unit.outputs(api, inputs),
        "department_id": _str_or_none(api.get("parentId") or (api.get("parent") or {}).get("id")),
        "requested_namespace": api.get("requestedNamespace"),
        "default_node_pools": api.get("defaultNodePools"),
        "enforce_runai_scheduler": api.get("enforceRunaiScheduler"),
        "node_types": _node_types(node_types) or None if node_types is not None else None,
        "scheduling_rules": _rules({k: rules.get(v) for k, v in _RULES.items()}) or None
        if rules is not None
        else None,
        "project_id": str(api["id"]),
        "phase": status.get("phase"),
        "namespace": status.get("namespace"),
    }


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def to_inputs(api: Mapping[str, Any], old_inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Refresh inputs reconstructed from the live object in the program's shape."""
    live = to_outputs(api, old_inputs)
    live["description"] = live["description"] or None
    return fields.refresh_inputs(FIELDS, live, old_inputs)

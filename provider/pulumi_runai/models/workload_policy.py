"""WorkloadPolicy: inputs, API body, outputs and diff rules (no Pulumi, no HTTP).

A workload policy is the one policy of a workload type in a scope: the type and the scope are
its identity (a change replaces it) and the API has no id of its own to address it by, only
`?scope=…&projectId|departmentId|clusterId=…`. The policy body is the managed value, in the
API's own shape and spelling, written whole with PUT: what the program leaves out is removed.
It is checked against the 2.24 schema before any call (`policy_schema`), each problem named by
its path inside the policy.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi_runai.models import fields
from pulumi_runai.models.fields import ADOPT, Field
from pulumi_runai.models.kind import KindSpec
from pulumi_runai.models.policy_schema import WORKLOAD_TYPES, SchemaViolation, check_policy
from pulumi_runai.models.validation import (
    Failure,
    as_int_if_integral,
    check_enum,
    check_required_str,
    check_type,
    contains_unknown,
    is_unknown,
    unknown_keys,
)

SCOPE_TYPES = ("tenant", "cluster", "department", "project")
"""`PolicyScope` values a policy may have (the API's `system` is not for tenants to write)."""
SCOPE_ID_FIELDS = {"cluster": "clusterId", "department": "departmentId", "project": "projectId"}
"""The field naming the scope, in `meta` and in the query of GET and DELETE."""


def _same_scope_id(live: Any, desired: Any) -> bool:
    return (None if live is None else str(live)) == (None if desired is None else str(desired))


FIELDS = (
    Field(
        "workload_type",
        f"The workload type the policy governs, the API's path segment: one of "
        f"{', '.join(WORKLOAD_TYPES)}. A change replaces the policy.",
        required=True, replace=True, always=True,
    ),
    Field(
        "scope_type",
        f"Where the policy applies: one of {', '.join(SCOPE_TYPES)}. A change replaces the "
        "policy.",
        required=True, replace=True, always=True,
    ),
    Field(
        "scope_id",
        "The scope's id: the cluster uuid, the department id or the project id (pass "
        "`project.id`); unset for a tenant policy. A change replaces the policy.",
        replace=True, always=True, equal=_same_scope_id,
    ),
    Field(
        "policy",
        "The policy in the API's own shape and spelling (`defaults`, `rules`, `imposedAssets`; "
        "camelCase keys), e.g. "
        "`{\"rules\": {\"compute\": {\"gpuDevicesRequest\": {\"max\": 4}}}}`. "
        "Written whole: what it leaves out is removed from the policy. Checked against the "
        "2.24 schema at preview, each problem named by its path.",
        type="object", required=True, always=True,
    ),
    Field(
        "name",
        "The policy's name (`meta.name`); unset gives `<workload_type>-<scope_type>[-<id>]` at "
        "creation and leaves Run:ai's value afterwards.",
    ),
    ADOPT,
    Field("policy_id", "The policy's own id in Run:ai (`meta.id`).", output_only=True),
)
SPEC = KindSpec(
    name="WorkloadPolicy",
    label="workload policy",
    doc="A Run:ai workload policy: the defaults, rules and imposed assets of one workload type "
    "in one scope. The type and the scope identify it (a change replaces it); the policy body "
    "is written whole in place. The resource id is `<workload_type>/<scope_type>[/<scope_id>]`. "
    "Source: /api/v2/policy/{workloadType}.",
    fields=FIELDS,
    natural_key=("workload_type", "scope_type", "scope_id"),
    unique_keys=(("workload_type", "scope_type", "scope_id"),),
    id_output="policy_id",
)
INPUT_KEYS = SPEC.input_keys
OUTPUT_KEYS = SPEC.output_keys


def normalised(value: Any) -> Any:
    """The value with integral floats as ints, all the way down: the Pulumi host sends every
    number as a float, and the schema wants `"max": 4`, not `4.0`."""
    if isinstance(value, Mapping):
        return {k: normalised(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [normalised(v) for v in value]
    return as_int_if_integral(value)


def validate(inputs: Mapping[str, Any]) -> list[Failure]:
    """Every problem of the inputs, without any HTTP call."""
    workload_type = inputs.get("workload_type")
    scope_type = inputs.get("scope_type")
    return [
        *unknown_keys(inputs, OUTPUT_KEYS),
        *check_enum("workload_type", workload_type, WORKLOAD_TYPES),
        *check_enum("scope_type", scope_type, SCOPE_TYPES),
        *_check_scope_id(scope_type, inputs.get("scope_id")),
        *_check_policy(workload_type, inputs.get("policy")),
        *check_type("adopt", inputs.get("adopt"), bool, "true or false"),
        *([] if inputs.get("name") is None else check_required_str("name", inputs["name"])),
    ]


def _check_scope_id(scope_type: object, scope_id: object) -> list[Failure]:
    """Unset for a tenant policy, the scope's id otherwise; while the scope type is unknown
    or wrong (its own failure), only the id's type is checked."""
    if scope_type == "tenant":
        if scope_id is None or is_unknown(scope_id):
            return []
        return [Failure("scope_id", "scope_id must be left unset for a tenant policy (the "
                                    "tenant is the scope)")]
    what = {"cluster": "the cluster uuid", "department": "the department id",
            "project": "the project id"}
    if not isinstance(scope_type, str) or scope_type not in what:
        return check_type("scope_id", scope_id, str, "the scope's id, a string")
    return [Failure(f.property, f"{f.reason}: for a {scope_type} policy, give {what[scope_type]}")
            for f in check_required_str("scope_id", scope_id)]


def _check_policy(workload_type: object, policy: object) -> list[Failure]:
    if policy is None:
        return [Failure("policy", "policy is required: the policy object, e.g. {\"rules\": "
                                  "{\"compute\": {\"gpuDevicesRequest\": {\"max\": 4}}}} "
                                  "({} for an empty policy)")]
    if contains_unknown(policy):
        return []
    if not isinstance(policy, Mapping):
        return [Failure("policy", f"policy must be an object (defaults, rules, imposedAssets), "
                                  f"got {type(policy).__name__}")]
    known = isinstance(workload_type, str) and workload_type in WORKLOAD_TYPES
    # While the workload type is wrong (its own failure), the policy fails only if it fits
    # none of them, with the first type's reason.
    candidates = [WORKLOAD_TYPES[str(workload_type)]] if known else list(WORKLOAD_TYPES.values())
    problems = []
    for kind in candidates:
        try:
            check_policy(kind, normalised(policy))
        except SchemaViolation as exc:
            problems.append(Failure(
                exc.path, f"{exc.message} (schema {kind.policy_schema} of the 2.24 API)"))
        else:
            return []
    return problems[:1]


def clean(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The checked inputs as stored in state (numbers in the policy as the API writes them)."""
    result = fields.clean_inputs(inputs, INPUT_KEYS)
    if isinstance(result.get("policy"), Mapping):
        result["policy"] = normalised(result["policy"])
    return result


def diff(old_outputs: Mapping[str, Any], new_inputs: Mapping[str, Any]) -> fields.Diff:
    """(changed, replaces): type and scope replace; the policy and its name update."""
    return fields.diff(FIELDS, old_outputs, new_inputs)


def object_id(workload_type: str, scope_type: str, scope_id: object) -> str:
    """The resource id: `<workload_type>/<scope_type>[/<scope_id>]` (the API has no other)."""
    parts = [workload_type, scope_type] + ([] if scope_id is None else [str(scope_id)])
    return "/".join(parts)


def parse_id(resource_id: str) -> tuple[str, str, str | None]:
    """(workload_type, scope_type, scope_id) of a resource id; ValueError says the shape."""
    parts = resource_id.split("/")
    shaped = len(parts) in (2, 3) and parts[0] in WORKLOAD_TYPES and parts[1] in SCOPE_TYPES
    if shaped and (len(parts) == 2) == (parts[1] == "tenant"):
        return parts[0], parts[1], parts[2] if len(parts) == 3 else None
    raise ValueError(
        f"workload policy id {resource_id!r} is not <workload_type>/<scope_type>[/<scope_id>] "
        f"(e.g. trainings/project/5, trainings/tenant)"
    )


def default_name(inputs: Mapping[str, Any]) -> str:
    return object_id(inputs["workload_type"], inputs["scope_type"],
                     inputs.get("scope_id")).replace("/", "-")


def to_body(inputs: Mapping[str, Any], name: str) -> dict[str, Any]:
    """`{meta, policy}` for PUT /api/v2/policy/{workloadType} (PolicyCreationFields)."""
    scope_type = inputs["scope_type"]
    meta: dict[str, Any] = {"scope": scope_type, "name": name}
    if scope_type in SCOPE_ID_FIELDS:
        scope_id = str(inputs["scope_id"])
        meta[SCOPE_ID_FIELDS[scope_type]] = int(scope_id) if scope_type == "project" else scope_id
    return {"meta": meta, "policy": normalised(inputs["policy"])}


def scope_query(scope_type: str, scope_id: object) -> dict[str, str]:
    """The query that names a policy's scope in GET and DELETE."""
    query = {"scope": scope_type}
    if scope_type in SCOPE_ID_FIELDS:
        query[SCOPE_ID_FIELDS[scope_type]] = str(scope_id)
    return query


def to_outputs(
    api: Mapping[str, Any], workload_type: str, inputs: Mapping[str, Any]
) -> dict[str, Any]:
    """Outputs from a `…PolicyV2` answer: the policy's own body (not `effective`)."""
    meta = api.get("meta") or {}
    scope_type = meta.get("scope")
    scope_id = meta.get(SCOPE_ID_FIELDS.get(str(scope_type), ""))
    return {
        "workload_type": workload_type,
        "scope_type": scope_type,
        "scope_id": None if scope_id is None else str(scope_id),
        "policy": api.get("policy") or {},
        "name": meta.get("name"),
        "adopt": bool(inputs.get("adopt", False)),
        "policy_id": meta.get("id"),
    }


def to_inputs(api: Mapping[str, Any], old_inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Refresh inputs: the live policy body, in the program's shape."""
    workload_type = str(api.get("workloadType") or old_inputs.get("workload_type"))
    return fields.refresh_inputs(FIELDS, to_outputs(api, workload_type, old_inputs), old_inputs)

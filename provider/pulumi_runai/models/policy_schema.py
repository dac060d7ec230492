"""Workload-policy bodies checked against the 2.24 OpenAPI schemas, naming the offending path.

One checker for both sides: the provider runs it at check time (a bad policy fails the preview
before any call) and the emulator runs it on every PUT (`runai_emulator.backend.policy_schema`
turns a `SchemaViolation` into its 400). The schemas are read from the OpenAPI document the
package ships (`pulumi_runai.spec`), on first use. The spec never sets
`additionalProperties: false`, but a key no schema declares is a typo the real control plane
would silently drop; it is refused here, so a program learns at once.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pulumi_runai.spec import openapi_bytes

__all__ = ["WORKLOAD_TYPES", "SchemaViolation", "WorkloadType", "check", "check_policy"]

Schema = dict[str, Any]


class SchemaViolation(ValueError):
    """A value that does not fit its schema; the message starts with the path inside it."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


@dataclass(frozen=True)
class WorkloadType:
    """One `/api/v2/policy/{segment}` family: its body schema and its names elsewhere."""

    segment: str  # the path segment
    policy_schema: str  # schema of `policy` / `effective`
    list_type: str  # `PolicyListEntry.type` (PolicyType)
    list_filter: str | None  # value of the list's `workloadType` query (None: not filterable)


WORKLOAD_TYPES: dict[str, WorkloadType] = {
    w.segment: w
    for w in (
        WorkloadType("trainings", "TrainingPolicyDefaultsAndRulesV2", "training", "Training"),
        WorkloadType("workspaces", "WorkspacePolicyDefaultsAndRulesV2", "workspace", "Workspace"),
        WorkloadType("distributed", "DistributedPolicyDefaultsAndRulesV2", "distributed",
                     "Distributed"),
        WorkloadType("inferences", "InferencePolicyDefaultsAndRulesV2", "inference", "Inference"),
        WorkloadType("distributed-inferences", "DistributedInferencePolicyDefaultsAndRulesV2",
                     "distributedInference", "DistributedInference"),
        WorkloadType("nim-services", "NimServicePolicyDefaultsAndRules", "nimService", None),
    )
}


@lru_cache(maxsize=1)
def schemas() -> dict[str, Schema]:
    """`components.schemas` of the shipped spec, parsed once per process."""
    result: dict[str, Schema] = json.loads(openapi_bytes())["components"]["schemas"]
    return result


def _flatten(schema: Schema, name: str | None) -> tuple[list[Schema], str | None]:
    """The schema and its allOf members with references resolved; the innermost schema name."""
    parts: list[Schema] = []
    todo = [schema]
    while todo:
        node = todo.pop(0)
        ref = node.get("$ref")
        if isinstance(ref, str):
            name = ref.rsplit("/", 1)[-1]
            node = schemas()[name]
            todo.insert(0, node)
            continue
        parts.append(node)
        todo[0:0] = node.get("allOf", [])
    return parts, name


def check(value: object, schema: Schema, path: str, name: str | None = None) -> None:
    """Raise `SchemaViolation` naming `path` (e.g. `policy.rules.compute.gpuDevicesRequest.mx`)."""
    parts, name = _flatten(schema, name)
    if value is None:
        if any(p.get("nullable") for p in parts):
            return
        raise SchemaViolation(path, f"{path} must not be null")
    types = {p["type"] for p in parts if "type" in p}
    props: Schema = {}
    for part in parts:
        props.update(part.get("properties", {}))
    if props and not types:
        types = {"object"}
    for part in parts:
        enum = part.get("enum")
        if enum is not None and value not in enum:
            raise SchemaViolation(
                path, f"{path} must be one of {', '.join(map(str, enum))}, got {value!r}")
    if "object" in types:
        _check_object(value, parts, props, path, name)
    elif "array" in types:
        if not isinstance(value, list):
            raise SchemaViolation(path, f"{path} must be a list")
        for part in parts:
            if "items" in part:
                for index, item in enumerate(value):
                    check(item, part["items"], f"{path}[{index}]", name)
    elif types:
        _check_scalar(value, types.pop(), parts, path)


def _check_object(value: object, parts: list[Schema], props: Schema, path: str,
                  name: str | None) -> None:
    if not isinstance(value, dict):
        raise SchemaViolation(path, f"{path} must be an object")
    if props:
        for key in value:
            if key not in props:
                owner = f" of {name}" if name else ""
                raise SchemaViolation(f"{path}.{key}", f"{path}.{key} is not a field{owner} "
                                      f"(fields: {', '.join(sorted(props))})")
    for part in parts:
        for key in part.get("required", ()):
            if key not in value:
                raise SchemaViolation(f"{path}.{key}", f"{path}.{key} is required")
    for key, item in value.items():
        if key in props:
            check(item, props[key], f"{path}.{key}", name)


def _check_scalar(value: object, kind: str, parts: list[Schema], path: str) -> None:
    merged: Schema = {}
    for part in parts:
        merged.update(part)
    if kind == "string":
        _check_string(value, merged, path)
        return
    if kind == "boolean":
        if not isinstance(value, bool):
            raise SchemaViolation(path, f"{path} must be true or false")
        return
    wanted = int if kind == "integer" else int | float
    if isinstance(value, bool) or not isinstance(value, wanted):
        what = "an integer" if kind == "integer" else "a number"
        raise SchemaViolation(path, f"{path} must be {what}, got {json.dumps(value)}")
    if "minimum" in merged and value < merged["minimum"]:
        raise SchemaViolation(path, f"{path} must be >= {merged['minimum']}")
    if "maximum" in merged and value > merged["maximum"]:
        raise SchemaViolation(path, f"{path} must be <= {merged['maximum']}")


def _check_string(value: object, merged: Schema, path: str) -> None:
    if not isinstance(value, str):
        raise SchemaViolation(path, f"{path} must be a string")
    if len(value) < merged.get("minLength", 0):
        raise SchemaViolation(path, f"{path} must not be empty")
    if "maxLength" in merged and len(value) > merged["maxLength"]:
        raise SchemaViolation(path, f"{path} is longer than {merged['maxLength']} characters")
    if "pattern" in merged and not re.search(merged["pattern"], value):
        raise SchemaViolation(path, f"{path} '{value}' does not match {merged['pattern']}")
    if merged.get("format") == "uuid":
        try:
            uuid.UUID(value)
        except ValueError:
            raise SchemaViolation(path, f"{path} '{value}' is not a uuid") from None


def check_policy(workload: WorkloadType, policy: object, path: str = "policy") -> None:
    """A policy body (`defaults`, `rules`, `imposedAssets`) for this workload type."""
    check(policy, {"$ref": f"#/components/schemas/{workload.policy_schema}"}, path)

"""What departments and projects share: name, cluster, quotas and description."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi_runai.models import fields, quotas
from pulumi_runai.models.fields import Field
from pulumi_runai.models.validation import (
    Failure,
    check_dns_label,
    check_required_str,
    check_type,
)


def _same_description(live: Any, desired: Any) -> bool:
    return bool((live or "") == desired)


FIELDS = (
    Field(
        "name",
        "The name, unique in its cluster: lowercase letters, digits and '-', at most 63 "
        "characters (DNS-1123).",
        required=True, replace=True, always=True,
    ),
    Field(
        "cluster_id",
        "The cluster's uuid (`runai.get_cluster()`).",
        required=True, replace=True, always=True,
    ),
    Field(
        "resources",
        "Quotas, one entry per node pool: `{node_pool, gpu: {deserved, limit, "
        "over_quota_weight}, cpu: {...} (millicores), memory: {..., units}}`; `limit` -1 (the "
        "default) is unlimited. Only the pools listed are managed.",
        type="quotas", equal=quotas.same, refresh=quotas.to_inputs,
    ),
    Field("description", "Free text shown in the Run:ai UI.", equal=_same_description),
)
"""The inputs departments and projects share."""

TIMESTAMPS = (
    Field("created_at", "When Run:ai created it (ISO 8601).", output_only=True),
    Field("updated_at", "When it last changed (ISO 8601).", output_only=True),
    Field("created_by", "Who created it.", output_only=True),
)


def validate(inputs: Mapping[str, Any]) -> list[Failure]:
    """Checks of the shared inputs."""
    return [
        *check_dns_label("name", inputs.get("name")),
        *check_required_str("cluster_id", inputs.get("cluster_id")),
        *quotas.validate(inputs.get("resources")),
        *check_type("description", inputs.get("description"), str, "a string"),
        *check_type("adopt", inputs.get("adopt"), bool, "true or false"),
    ]


def create_body(inputs: Mapping[str, Any], resolve_pool: quotas.PoolResolver) -> dict[str, Any]:
    """The shared part of a creation request (resources are required by the API)."""
    body: dict[str, Any] = {
        "name": inputs["name"],
        "clusterId": inputs["cluster_id"],
        "resources": quotas.to_api(inputs.get("resources") or [], resolve_pool),
    }
    if inputs.get("description") is not None:
        body["description"] = inputs["description"]
    return body


def update_body(
    inputs: Mapping[str, Any], old_outputs: Mapping[str, Any], resolve_pool: quotas.PoolResolver
) -> dict[str, Any]:
    """The shared part of a full-body PUT; unmanaged values come from the live object."""
    live = old_outputs.get("resources") or []
    wanted = inputs.get("resources")
    entries = list(live) if wanted is None else quotas.for_update(wanted, live)
    return {
        "description": fields.keep_or_live(inputs, old_outputs, "description") or "",
        "resources": quotas.to_api(entries, resolve_pool),
    }


def outputs(api: Mapping[str, Any], inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The shared outputs of an org-unit API object."""
    return {
        "name": api.get("name"),
        "cluster_id": api.get("clusterId"),
        "resources": quotas.from_api(api.get("resources")),
        "description": api.get("description"),
        "adopt": bool(inputs.get("adopt", False)),
        "created_at": api.get("createdAt"),
        "updated_at": api.get("updatedAt"),
        "created_by": api.get("createdBy"),
    }

"""Workload-policy bodies checked against the 2.24 OpenAPI schemas, as the provider checks them.

The checker and the workload-type table are the provider's (`pulumi_runai.models.policy_schema`),
so both sides hold one copy of each fact; here a `SchemaViolation` becomes the 400 that names
the offending path.
"""

from __future__ import annotations

from pulumi_runai.models import policy_schema as shared
from pulumi_runai.models.policy_schema import WORKLOAD_TYPES, WorkloadType

from ..errors import bad_request

__all__ = ["WORKLOAD_TYPES", "WorkloadType", "check", "check_policy"]


def check(value: object, schema: shared.Schema, path: str) -> None:
    """400 naming `path` (e.g. `policy.rules.compute.gpuDevicesRequest.mx`)."""
    try:
        shared.check(value, schema, path)
    except shared.SchemaViolation as exc:
        raise bad_request(exc.message) from None


def check_policy(workload: WorkloadType, policy: object, path: str = "policy") -> None:
    """A policy body (`defaults`, `rules`, `imposedAssets`) for this workload type."""
    try:
        shared.check_policy(workload, policy, path)
    except shared.SchemaViolation as exc:
        raise bad_request(exc.message) from None

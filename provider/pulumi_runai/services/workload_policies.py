"""Workload policies: one per workload type and scope, written whole with PUT (no POST, no id).

A policy is addressed by its type (the path segment) and its scope (the query
`?scope=…&projectId|departmentId|clusterId=…`), which `models.workload_policy.scope_query` builds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from .._http import join_path
from ..client import RunaiClient
from ..errors import NotFound

__all__ = ["WorkloadPolicies"]

PATH = "/api/v2/policy"


class WorkloadPolicies:
    def __init__(self, client: RunaiClient) -> None:
        self.client = client

    def get(self, workload_type: str, scope: Mapping[str, str]) -> dict[str, Any]:
        """`{meta, policy, effective, effectiveUpdatedAt}`; NotFound when the scope has none."""
        result: dict[str, Any] = self.client.get(join_path(PATH, workload_type), dict(scope))
        return result

    def find(self, workload_type: str, scope: Mapping[str, str]) -> dict[str, Any] | None:
        try:
            return self.get(workload_type, scope)
        except NotFound:
            return None

    def put(self, workload_type: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """Create or replace the policy of `body["meta"]`'s scope (PUT is idempotent)."""
        result: dict[str, Any] = self.client.put(join_path(PATH, workload_type), dict(body))
        return result

    def delete(self, workload_type: str, scope: Mapping[str, str]) -> None:
        self.client.delete(f"{join_path(PATH, workload_type)}?{urlencode(dict(scope))}")

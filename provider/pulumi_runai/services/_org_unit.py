"""Behaviour shared by departments and projects: both are org units named uniquely per cluster."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from .._http import join_path
from ..client import RunaiClient
from ..errors import ValidationError
from ..filters import filter_by
from ._common import matches, only_one

__all__ = ["OrgUnits"]


class OrgUnits:
    """CRUD over ``/api/v1/org-unit/<kind>s``; subclasses set the path, envelope and kind."""

    path = ""
    envelope = ""
    kind = ""

    def __init__(self, client: RunaiClient) -> None:
        self.client = client

    def create(self, body: dict[str, Any]) -> dict[str, Any]:
        """POST the body; a lost answer is resolved by name and cluster, never duplicated."""
        name, cluster_id = body.get("name"), body.get("clusterId")
        if not name or not cluster_id:
            raise ValidationError(f"a {self.kind} needs 'name' and 'clusterId' in its body")
        key = {"clusterId": str(cluster_id), "name": str(name)}
        result: dict[str, Any] = self.client.create(self.path, body, lambda: self.find(key))
        return result

    def get(self, unit_id: str) -> dict[str, Any]:
        result: dict[str, Any] = self.client.get(join_path(self.path, unit_id))
        return result

    def find(self, key: Mapping[str, Any]) -> dict[str, Any] | None:
        """The object with this natural key (``{"clusterId", "name"}``), or None."""
        cluster_id, name = str(key["clusterId"]), str(key["name"])
        found = [
            item
            for item in self.list(cluster_id, name=name)
            if item.get("name") == name and matches(item, clusterId=cluster_id)
        ]
        return only_one(self.kind, f"name {name!r} in cluster {cluster_id}", found)

    def list(
        self, cluster_id: str | None = None, *, name: str | None = None
    ) -> list[dict[str, Any]]:
        items = self.client.list_all(
            self.path, envelope=self.envelope, filters=filter_by(name=name, clusterId=cluster_id)
        )
        return [i for i in items if matches(i, clusterId=cluster_id, name=name)]

    def update(self, unit_id: str, body: dict[str, Any]) -> dict[str, Any]:
        """One PUT with the full body (the API requires ``resources`` even for a description)."""
        result: dict[str, Any] = self.client.put(join_path(self.path, unit_id), body)
        return result

    def patch_resources(
        self, unit_id: str, entries: Sequence[Mapping[str, Any]]
    ) -> builtins.list[dict[str, Any]]:
        """PATCH ``…/{id}/resources``: merges the entries given (by node pool, field by field)
        and keeps every other field and entry; answers the whole merged list."""
        result: builtins.list[dict[str, Any]] = self.client.patch(
            join_path(self.path, unit_id, "resources"), list(entries)
        )
        return result

    def delete(self, unit_id: str) -> None:
        self.client.delete(join_path(self.path, unit_id))

"""Clusters: read-only here (a cluster needs a Helm install, so IaC only looks them up)."""

from __future__ import annotations

from typing import Any

from .._http import join_path
from ..client import RunaiClient

__all__ = ["Clusters"]

PATH = "/api/v1/clusters"


class Clusters:
    def __init__(self, client: RunaiClient) -> None:
        self.client = client

    def list(self) -> list[dict[str, Any]]:
        """Every cluster (the endpoint answers a bare array and does not page)."""
        return self.client.list_all(PATH, paginate=False)

    def get(self, uuid: str) -> dict[str, Any]:
        result: dict[str, Any] = self.client.get(join_path(PATH, uuid))
        return result

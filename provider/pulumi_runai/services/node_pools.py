"""Node pools: listed per cluster and cached for a short while (quotas name them by the dozen)."""

from __future__ import annotations

from typing import Any

from .._http import join_path
from ..client import RunaiClient
from ..filters import filter_by
from ._cache import TTLCache
from ._common import matches, not_found

__all__ = ["NodePools"]

PATH = "/api/v1/node-pools"
_CACHE: TTLCache[list[dict[str, Any]]] = TTLCache()


class NodePools:
    def __init__(self, client: RunaiClient) -> None:
        self.client = client

    def list(self, cluster_id: str | None = None, *, fresh: bool = False) -> list[dict[str, Any]]:
        """Node pools (of one cluster if given); cached ~30 s per settings and cluster."""
        key = (self.client.settings, cluster_id)
        if fresh:
            _CACHE.invalidate(key)

        def load() -> list[dict[str, Any]]:
            pools = self.client.list_all(
                PATH, envelope="nodepools", filters=filter_by(clusterId=cluster_id)
            )
            return [p for p in pools if matches(p, clusterId=cluster_id)]

        return list(_CACHE.get(key, load))

    def get(self, pool_id: str) -> dict[str, Any]:
        result: dict[str, Any] = self.client.get(join_path(PATH, pool_id))
        return result

    def by_name(
        self, cluster_id: str, name: str, *, fresh_on_miss: bool = True
    ) -> dict[str, Any]:
        """The pool called ``name`` in the cluster; NotFound lists the pools that exist.

        A miss in the cache is checked once more against the API (the pool may be new)
        unless `fresh_on_miss` is False (a preview lists each kind of name once).
        """
        for fresh in (False, True)[: 2 if fresh_on_miss else 1]:
            pools = self.list(cluster_id, fresh=fresh)
            for pool in pools:
                if pool.get("name") == name:
                    return pool
        raise not_found("node pool", f"named {name!r} in cluster {cluster_id}", PATH, pools)

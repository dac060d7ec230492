"""Node pools: listed per cluster and cached for a short while (quotas name them by the dozen);
created, changed (PATCH) and deleted by the NodePool resource, which waits for the phase."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .._http import join_path
from ..client import RunaiClient
from ..errors import NotFound, ValidationError
from ..filters import filter_by
from ._cache import TTLCache
from ._common import matches, not_found, only_one
from ._poll import poll

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

    def forget(self, cluster_id: str | None) -> None:
        """Drop the cached lists that a pool made, renamed or deleted here has made stale, so
        that a quota naming it in the same run resolves against the tenant as it is now.
        Without a cluster id every cached list goes (they reload on their next use)."""
        if cluster_id is None:
            _CACHE.clear()
            return
        for key in (cluster_id, None):
            _CACHE.invalidate((self.client.settings, key))

    def get(self, pool_id: str) -> dict[str, Any]:
        result: dict[str, Any] = self.client.get(join_path(PATH, pool_id))
        return result

    def create(self, body: dict[str, Any]) -> dict[str, Any]:
        """POST the pool; a lost answer is resolved by name and cluster, never duplicated."""
        name, cluster_id = body.get("name"), body.get("clusterId")
        if not name or not cluster_id:
            raise ValidationError("a node pool needs 'name' and 'clusterId' in its body")
        key = {"clusterId": str(cluster_id), "name": str(name)}
        try:
            result: dict[str, Any] = self.client.create(PATH, body, lambda: self.find(key))
        finally:
            self.forget(str(cluster_id))
        return result

    def find(self, key: Mapping[str, Any]) -> dict[str, Any] | None:
        """The pool with this natural key (``{"clusterId", "name"}``) as the API holds it now
        (never from the cache: adopt and lost answers need the truth), or None."""
        cluster_id, name = str(key["clusterId"]), str(key["name"])
        found = [p for p in self.list(cluster_id, fresh=True) if p.get("name") == name]
        return only_one("node pool", f"name {name!r} in cluster {cluster_id}", found)

    def patch(self, pool_id: str, body: dict[str, Any]) -> dict[str, Any]:
        """PATCH the settings the body names; the API keeps every other one."""
        result: dict[str, Any] = self.client.patch(join_path(PATH, pool_id), body)
        return result

    def delete(self, pool_id: str) -> None:
        """DELETE (answered 202: the pool reads `Deleting` until it is gone)."""
        self.client.delete(join_path(PATH, pool_id))

    def wait_settled(
        self, pool_id: str, timeout: float, settled: Callable[[dict[str, Any]], bool]
    ) -> dict[str, Any]:
        """Poll until `settled(pool)` and return the pool; the timeout names the last phase.
        Callers come here after an answer that showed the pool still changing, so the first
        probe waits one short interval."""

        def probe() -> tuple[bool, dict[str, Any]]:
            pool = self.get(pool_id)
            return settled(pool), pool

        return poll(
            probe, timeout,
            lambda p: (
                f"{_describe(pool_id, p)}; still not settled after {timeout:g}s. Check the "
                "cluster's health in the Run:ai UI, or raise the wait timeout"
            ),
            probe_at_once=False,
        )

    def wait_deleted(self, pool_id: str, timeout: float) -> None:
        """Poll until GET answers 404."""

        def probe() -> tuple[bool, dict[str, Any] | None]:
            try:
                return False, self.get(pool_id)
            except NotFound:
                return True, None

        poll(
            probe, timeout,
            lambda p: (
                f"{_describe(pool_id, p)}; still present {timeout:g}s after delete. Check "
                "the cluster in the Run:ai UI, or raise the wait timeout"
            ),
        )

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


def _describe(pool_id: str, pool: Mapping[str, Any] | None) -> str:
    """`node pool 'a100' (id 3): last phase Creating (message)` for timeout messages."""
    pool = pool or {}
    message = pool.get("phaseMessage")
    detail = f" ({message})" if message else ""
    name = pool.get("name", pool_id)
    return f"node pool {name!r} (id {pool_id}): last phase {pool.get('phase')}{detail}"

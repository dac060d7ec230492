"""Names the provider resolves against the tenant: clusters, node pools, roles.

Why at check time: a name that does not resolve must fail the preview, before anything is
created, with the known names listed. The lists come from the services' per-process caches
(a provider host lives for one command), so a preview makes at most one list call per kind
of name, and callers resolve only the values that changed since the last up, so a no-op up
makes none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pulumi_runai.client import RunaiClient
from pulumi_runai.errors import NotFound
from pulumi_runai.models.validation import Failure
from pulumi_runai.services import Clusters, NodePools, Roles
from pulumi_runai.services._cache import TTLCache

__all__ = ["Names"]

_CLUSTERS: TTLCache[list[dict[str, Any]]] = TTLCache()


class Names:
    """Resolves names for one client; every method answers from a per-process cache."""

    def __init__(self, client: RunaiClient) -> None:
        self.client = client

    def node_pool_id(self, cluster_id: str, name: str) -> str:
        """The id of node pool `name` in the cluster; NotFound lists the pools it has."""
        return str(NodePools(self.client).by_name(cluster_id, name)["id"])

    def role_id(self, name: str) -> int:
        """The id of the role called `name` (case-sensitive); NotFound lists the roles."""
        return int(Roles(self.client).by_name(name)["id"])

    # ---- check-time forms: a Failure naming the property instead of an exception ----------

    def check_cluster(self, prop: str, cluster_id: str) -> list[Failure]:
        clusters = _CLUSTERS.get(self.client.settings, Clusters(self.client).list)
        if any(str(c.get("uuid", c.get("id"))) == cluster_id for c in clusters):
            return []
        known = ", ".join(
            sorted(f"{c.get('name')} ({c.get('uuid', c.get('id'))})" for c in clusters)
        )
        return [
            Failure(
                prop,
                f"no cluster with id {cluster_id!r} in this tenant; known clusters: "
                f"{known or 'none'} (runai.get_cluster(name) finds the id)",
            )
        ]

    def check_node_pool(self, prop: str, cluster_id: str, name: str) -> list[Failure]:
        pools = NodePools(self.client)
        return _as_failure(prop, lambda: pools.by_name(cluster_id, name, fresh_on_miss=False))

    def check_role(self, prop: str, name: str) -> list[Failure]:
        roles = Roles(self.client)
        return _as_failure(prop, lambda: roles.by_name(name, fresh_on_miss=False))


def _as_failure(prop: str, resolve: Callable[[], object]) -> list[Failure]:
    try:
        resolve()
    except NotFound as exc:
        return [Failure(prop, f"{exc.message}; {exc.hint}" if exc.hint else exc.message)]
    return []

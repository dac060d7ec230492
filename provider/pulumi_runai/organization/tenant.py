"""What the component asks the tenant before it registers anything: role names, the cluster
and its node pools.

Both are reads at program time through `pulumi_runai.lookups`, with the settings the provider
uses (stack config `runai:*`, else the RUNAI_* environment): a preview needs nothing extra.
"""

from __future__ import annotations

from ..errors import RunaiError
from ..lookups import _client, get_cluster
from ..services.node_pools import NodePools
from ..services.roles import Roles
from .problems import DescriptionError, Problem

__all__ = ["resolve_cluster_id", "tenant_node_pools", "tenant_roles"]


def tenant_roles() -> frozenset[str] | None:
    """The tenant's role names, or None when it cannot be asked (no settings, unreachable).

    None makes the description fall back to the predefined Run:ai roles: a preview on a laptop
    without credentials still validates, and the provider resolves every name again at apply.
    """
    try:
        return frozenset(str(role["name"]) for role in Roles(_client(None)).list())
    except (RunaiError, KeyError):
        return None


def tenant_node_pools(cluster_id: str) -> frozenset[str] | None:
    """The names of the cluster's node pools, or None when the tenant cannot be asked (then
    the provider resolves the quotas' pool names at preview instead)."""
    try:
        return frozenset(str(pool["name"]) for pool in NodePools(_client(None)).list(cluster_id))
    except (RunaiError, KeyError):
        return None


def resolve_cluster_id(name: str | None, source: str) -> str:
    """The id of cluster `name` (or of the only cluster), as a description error if it fails."""
    try:
        return get_cluster(name).id
    except RunaiError as exc:
        fix = "name an existing cluster with `cluster: <name>`, or give `cluster_id: <uuid>`"
        raise DescriptionError(source, [Problem("cluster", str(exc).rstrip("."), fix)]) from exc

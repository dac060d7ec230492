"""Clusters (seeded, read-only through the API) and the node pools each one has."""

from __future__ import annotations

from ..errors import bad_request, not_found
from .common import Ctx, Doc, public

CLUSTER = "clusters"
NODE_POOL = "nodepools"


def list_clusters(ctx: Ctx) -> list[Doc]:
    return [public(c) for c in ctx.tx.all(CLUSTER)]


def get_cluster(ctx: Ctx, uuid: str) -> Doc:
    doc = ctx.tx.get(CLUSTER, uuid)
    if doc is None:
        raise not_found("cluster", uuid)
    return public(doc)


def require_cluster(ctx: Ctx, cluster_id: object, field: str = "clusterId") -> Doc:
    """The cluster a body refers to, or a 400 naming the field."""
    if not isinstance(cluster_id, str) or not cluster_id:
        raise bad_request(f"{field} is required and must be a string (cluster uuid)")
    doc = ctx.tx.get(CLUSTER, cluster_id)
    if doc is None:
        raise bad_request(f"{field}: cluster '{cluster_id}' does not exist")
    return doc


def pools_of(ctx: Ctx, cluster_id: str) -> list[Doc]:
    """The cluster's node pools in creation order, without those being deleted."""
    return [n for n in ctx.tx.all(NODE_POOL)
            if n["clusterId"] == cluster_id and "_deleteAt" not in n]

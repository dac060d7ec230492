"""Clusters and node pools (read-only)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from .. import listing, listspecs
from ..backend import clusters
from ._http import ctx, filter_values, ok

router = APIRouter()


@router.get("/api/v1/clusters")
async def get_clusters(request: Request) -> Response:
    """List clusters (bare array)."""
    with ctx(request) as c:
        return ok(clusters.list_clusters(c))


@router.get("/api/v1/clusters/{clusterUuid}")
async def get_cluster(request: Request, clusterUuid: str) -> Response:
    """Get one cluster by uuid."""
    with ctx(request) as c:
        return ok(clusters.get_cluster(c, clusterUuid))


@router.get("/api/v1/node-pools")
async def get_nodepools(request: Request) -> Response:
    """List node pools (`{nodepools: [...]}`)."""
    with ctx(request) as c:
        items = clusters.list_node_pools(c)
    page, _ = listing.apply(items, request.query_params, filter_values(request),
                            listspecs.NODE_POOLS)
    return ok({"nodepools": page})


@router.get("/api/v1/node-pools/{nodepoolId}")
async def get_nodepool(request: Request, nodepoolId: str) -> Response:
    """Get one node pool."""
    with ctx(request) as c:
        return ok(clusters.get_node_pool(c, nodepoolId))

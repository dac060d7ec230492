"""Clusters (read-only)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from ..backend import clusters
from ._http import ctx, ok

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

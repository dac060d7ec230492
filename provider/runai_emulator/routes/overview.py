"""What the Run:ai REST overview's first example touches: the legacy cluster list and /api/docs.

The overview lists clusters with `GET /v1/k8s/clusters` and a bearer token, and says a
self-hosted control plane serves its API documentation at `/api/docs`.
"""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from ..backend import clusters
from ..spec import openapi_bytes
from ._http import ctx, ok

router = APIRouter()


@router.get("/v1/k8s/clusters")
async def get_legacy_clusters(request: Request) -> Response:
    """List clusters, legacy path (bare array of `{uuid, name, ...}` as older scripts read)."""
    with ctx(request) as c:
        return ok(clusters.list_clusters(c))


@router.get("/api/docs")
async def get_api_docs() -> Response:
    """The OpenAPI document (2.24) the emulator follows; no token needed."""
    return Response(openapi_bytes(), media_type="application/json")

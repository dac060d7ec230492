"""Node pools: full CRUD as in the 2.24 spec (`/api/v1/node-pools`)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from .. import listing, listspecs
from ..backend import node_pools
from ._http import accepted, body, ctx, filter_values, ok

router = APIRouter()


@router.get("/api/v1/node-pools")
async def get_nodepools(request: Request) -> Response:
    """List node pools (`{nodepools: [...]}`)."""
    with ctx(request) as c:
        items = node_pools.all_for_list(c)
    page, _ = listing.apply(items, request.query_params, filter_values(request),
                            listspecs.NODE_POOLS)
    return ok({"nodepools": page})


@router.post("/api/v1/node-pools")
async def create_nodepool(request: Request) -> Response:
    """Create a node pool (`Creating`, then `Empty`); it joins every org unit at zero quota."""
    data = await body(request)
    with ctx(request) as c:
        return ok(node_pools.create(c, data), 201)


@router.get("/api/v1/node-pools/{nodepoolId}")
async def get_nodepool(request: Request, nodepoolId: str) -> Response:
    """Get one node pool."""
    with ctx(request) as c:
        return ok(node_pools.get(c, nodepoolId))


@router.put("/api/v1/node-pools/{nodepoolId}")
async def update_nodepool(request: Request, nodepoolId: str) -> Response:
    """Replace a node pool's settings (omitted ones as the putOmitted switch says)."""
    data = await body(request)
    with ctx(request) as c:
        return ok(node_pools.update(c, nodepoolId, data, patch=False))


@router.patch("/api/v1/node-pools/{nodepoolId}")
async def patch_nodepool(request: Request, nodepoolId: str) -> Response:
    """Change the node pool settings the body names."""
    data = await body(request)
    with ctx(request) as c:
        return ok(node_pools.update(c, nodepoolId, data, patch=True))


@router.delete("/api/v1/node-pools/{nodepoolId}")
async def delete_nodepool(request: Request, nodepoolId: str) -> Response:
    """Delete a node pool that grants no quota (202; `Deleting`, then 404)."""
    with ctx(request) as c:
        node_pools.delete(c, nodepoolId)
    return accepted()

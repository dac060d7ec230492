"""Departments and projects share one route shape; this builds a router for either."""

from __future__ import annotations

from types import ModuleType

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from .. import listing, listspecs
from ..backend import departments, projects
from ._http import accepted, body, ctx, filter_values, no_content, ok


def build(kind: ModuleType, singular: str, plural: str, spec: listing.ListSpec) -> APIRouter:
    """CRUD + resources routes under /api/v1/org-unit/<plural>."""
    router = APIRouter()
    base = f"/api/v1/org-unit/{plural}"
    one = f"{base}/{{{singular}Id}}"
    id_param = f"{singular}Id"

    async def create(request: Request) -> Response:
        data = await body(request)
        with ctx(request) as c:
            return ok(kind.create(c, data), 201)

    async def list_all(request: Request) -> Response:
        with ctx(request) as c:
            items = kind.all_for_list(c, request.query_params)
        page, total = listing.apply(items, request.query_params, filter_values(request), spec)
        offset = int(request.query_params.get("offset") or 0)
        out: dict[str, object] = {plural: page}
        if offset + len(page) < total:
            out["next"] = offset + len(page)
        return ok(out)

    async def get(request: Request) -> Response:
        with ctx(request) as c:
            return ok(kind.get(c, request.path_params[id_param]))

    async def update(request: Request) -> Response:
        data = await body(request)
        with ctx(request) as c:
            return ok(kind.update(c, request.path_params[id_param], data))

    async def delete(request: Request) -> Response:
        with ctx(request) as c:
            status = kind.delete(c, request.path_params[id_param])
        return accepted() if status == 202 else no_content()

    async def put_resources(request: Request) -> Response:
        data = await body(request)
        with ctx(request) as c:
            return ok(kind.replace_resources(c, request.path_params[id_param], data))

    async def patch_resources(request: Request) -> Response:
        data = await body(request)
        with ctx(request) as c:
            return ok(kind.patch_resources(c, request.path_params[id_param], data))

    title = singular.capitalize()
    routes = (
        ("POST", base, create, f"Create a {singular}."),
        ("GET", base, list_all, f"List {plural} (`{{{plural}: [...], next?}}`)."),
        ("GET", one, get, f"Get one {singular}."),
        ("PUT", one, update, f"Replace a {singular}'s updatable fields (resources required)."),
        ("DELETE", one, delete, f"Delete a {singular}."),
        ("PUT", f"{one}/resources", put_resources, f"Replace a {singular}'s resources."),
        ("PATCH", f"{one}/resources", patch_resources,
         f"Merge resources entries into a {singular}'s (by node pool)."),
    )
    for method, route_path, endpoint, summary in routes:
        router.add_api_route(route_path, endpoint, methods=[method], summary=summary,
                             name=f"{title}:{endpoint.__name__}")
    return router


department_router = build(departments, "department", "departments", listspecs.DEPARTMENTS)
project_router = build(projects, "project", "projects", listspecs.PROJECTS)

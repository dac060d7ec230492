"""Look existing Run:ai objects up from a Pulumi program (the data-source side of the provider).

They run while the program runs, so they read settings from ``pulumi.Config("runai")`` (with
the environment as fallback) each call; nothing is captured into any resource. This is the
only module here that may import pulumi, and only lazily, so plain scripts can use it too.

Each returns a frozen dataclass and raises ``NotFound`` (listing what exists) when nothing
matches, ``AmbiguousMatch`` when several things do.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .client import RunaiClient, get_client
from .errors import AmbiguousMatch
from .services import Clusters, Departments, NodePools, Projects, Roles, Users
from .services._common import not_found
from .settings import CONFIG_KEYS, Settings

__all__ = [
    "GetClusterResult",
    "GetDepartmentResult",
    "GetNodePoolResult",
    "GetProjectResult",
    "GetRoleResult",
    "GetUserResult",
    "get_cluster",
    "get_department",
    "get_node_pool",
    "get_project",
    "get_role",
    "get_user",
]


@dataclass(frozen=True)
class GetClusterResult:
    """A cluster: `id` is its uuid (what `cluster_id` inputs take)."""

    id: str
    name: str
    version: str | None
    state: str | None


@dataclass(frozen=True)
class GetNodePoolResult:
    """A node pool of a cluster; quota entries name it by `name`."""

    id: str
    name: str
    cluster_id: str
    is_default: bool
    phase: str | None


@dataclass(frozen=True)
class GetRoleResult:
    """A role (predefined or custom); `id` is what `AccessRule.role_id` takes."""

    id: int
    name: str
    description: str


@dataclass(frozen=True)
class GetDepartmentResult:
    """A department; `id` is what `Project.department_id` and access-rule scopes take."""

    id: str
    name: str
    cluster_id: str
    description: str


@dataclass(frozen=True)
class GetProjectResult:
    """A project; `namespace` and `phase` as the cluster reports them."""

    id: str
    name: str
    cluster_id: str
    department_id: str | None
    namespace: str | None
    phase: str | None


@dataclass(frozen=True)
class GetUserResult:
    """A user; `email` is the login name."""

    id: str
    email: str
    is_local: bool | None


def _program_config() -> Mapping[str, Any]:
    """``runai:*`` stack config when running inside a Pulumi program, else nothing."""
    try:
        import pulumi
    except ImportError:  # pragma: no cover - pulumi is a dependency, but stay usable without
        return {}
    config = pulumi.Config("runai")
    values: dict[str, Any] = {}
    for key in CONFIG_KEYS:
        value = config.get(key.removeprefix("runai:"))
        if value is not None:
            values[key] = value
    return values


def _client(settings: Settings | None) -> RunaiClient:
    return get_client(settings or Settings.resolve(_program_config(), os.environ))


def get_cluster(
    name: str | None = None, *, settings: Settings | None = None
) -> GetClusterResult:
    """The cluster called `name`, or without a name the tenant's only cluster.

    `settings` default to stack config `runai:*`, then the `RUNAI_*` environment. Raises
    `NotFound` listing the clusters, or `AmbiguousMatch` when several match (pass `name`).
    Source: GET /api/v1/clusters.
    """
    clusters = Clusters(_client(settings)).list()
    chosen = clusters if name is None else [c for c in clusters if c.get("name") == name]
    if not chosen:
        key = "at all" if name is None else f"named {name!r}"
        raise not_found("cluster", key, "/api/v1/clusters", clusters)
    if len(chosen) > 1:
        names = ", ".join(sorted(str(c.get("name")) for c in chosen))
        raise AmbiguousMatch(
            f"{len(chosen)} clusters exist ({names}): pass name= to get_cluster to pick one"
            if name is None
            else f"{len(chosen)} clusters are named {name!r}: use the cluster uuid instead"
        )
    c = chosen[0]
    status = c.get("status") if isinstance(c.get("status"), dict) else {}
    return GetClusterResult(
        id=str(c["uuid"]),
        name=str(c.get("name")),
        version=c.get("version"),
        state=(status or {}).get("state"),
    )


def get_node_pool(
    cluster_id: str, name: str, *, settings: Settings | None = None
) -> GetNodePoolResult:
    """The node pool called `name` in the cluster (`cluster_id` is its uuid).

    Raises `NotFound` listing the cluster's pools. Source: GET /api/v1/node-pools.
    """
    p = NodePools(_client(settings)).by_name(cluster_id, name)
    return GetNodePoolResult(
        id=str(p["id"]),
        name=str(p["name"]),
        cluster_id=str(p.get("clusterId", cluster_id)),
        is_default=bool(p.get("isDefault", False)),
        phase=p.get("phase"),
    )


def get_role(name: str, *, settings: Settings | None = None) -> GetRoleResult:
    """The role called exactly `name` (case-sensitive, e.g. `L1 researcher`).

    Raises `NotFound` listing the roles (and a close match in another case). Source: the
    tenant's roles API.
    """
    r = Roles(_client(settings)).by_name(name)
    description = str(r.get("description") or "")
    return GetRoleResult(id=int(r["id"]), name=str(r["name"]), description=description)


def get_department(
    cluster_id: str, name: str, *, settings: Settings | None = None
) -> GetDepartmentResult:
    """The department called `name` in the cluster.

    Raises `NotFound` listing the cluster's departments. Source:
    GET /api/v1/org-unit/departments.
    """
    service = Departments(_client(settings))
    d = service.find({"clusterId": cluster_id, "name": name})
    if d is None:
        known = service.list(cluster_id)
        raise not_found(
            "department", f"named {name!r} in cluster {cluster_id}", service.path, known
        )
    return GetDepartmentResult(
        id=str(d["id"]),
        name=str(d["name"]),
        cluster_id=str(d.get("clusterId", cluster_id)),
        description=str(d.get("description") or ""),
    )


def get_project(
    cluster_id: str, name: str, *, settings: Settings | None = None
) -> GetProjectResult:
    """The project called `name` in the cluster.

    Raises `NotFound` listing the cluster's projects. Source: GET /api/v1/org-unit/projects.
    """
    service = Projects(_client(settings))
    p = service.find({"clusterId": cluster_id, "name": name})
    if p is None:
        known = service.list(cluster_id)
        raise not_found("project", f"named {name!r} in cluster {cluster_id}", service.path, known)
    status = p.get("status") if isinstance(p.get("status"), dict) else {}
    parent = p.get("parentId")
    return GetProjectResult(
        id=str(p["id"]),
        name=str(p["name"]),
        cluster_id=str(p.get("clusterId", cluster_id)),
        department_id=None if parent is None else str(parent),
        namespace=(status or {}).get("namespace"),
        phase=(status or {}).get("phase"),
    )


def get_user(email: str, *, settings: Settings | None = None) -> GetUserResult:
    """The user whose login is `email` (compared without regard to case).

    Raises `NotFound` when there is none. Source: GET /api/v1/users.
    """
    service = Users(_client(settings))
    u = service.find({"email": email})
    if u is None:
        raise not_found(
            "user",
            f"with email {email!r}",
            "/api/v1/users",
            None,
            advice="check the spelling, or create the user with runai.User",
        )
    local = u.get("isLocal")
    return GetUserResult(id=str(u["id"]), email=str(u.get("username", email)), is_local=local)

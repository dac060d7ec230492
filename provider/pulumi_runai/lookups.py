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
from .settings import Settings

__all__ = [
    "Cluster",
    "Department",
    "NodePool",
    "Project",
    "Role",
    "User",
    "get_cluster",
    "get_department",
    "get_node_pool",
    "get_project",
    "get_role",
    "get_user",
]

_CONFIG_KEYS = ("url", "clientId", "clientSecret", "caBundle", "insecureSkipVerify", "timeout")


@dataclass(frozen=True)
class Cluster:
    id: str
    name: str
    version: str | None
    state: str | None


@dataclass(frozen=True)
class NodePool:
    id: str
    name: str
    cluster_id: str
    is_default: bool
    phase: str | None


@dataclass(frozen=True)
class Role:
    id: int
    name: str
    description: str


@dataclass(frozen=True)
class Department:
    id: str
    name: str
    cluster_id: str
    description: str


@dataclass(frozen=True)
class Project:
    id: str
    name: str
    cluster_id: str
    department_id: str | None
    namespace: str | None
    phase: str | None


@dataclass(frozen=True)
class User:
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
    for key in _CONFIG_KEYS:
        value = config.get(key)
        if value is not None:
            values[f"runai:{key}"] = value
    return values


def _client(settings: Settings | None) -> RunaiClient:
    return get_client(settings or Settings.resolve(_program_config(), os.environ))


def get_cluster(name: str | None = None, *, settings: Settings | None = None) -> Cluster:
    """The cluster called ``name``; without a name, the only cluster (error if several)."""
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
    return Cluster(
        id=str(c["uuid"]),
        name=str(c.get("name")),
        version=c.get("version"),
        state=(status or {}).get("state"),
    )


def get_node_pool(cluster_id: str, name: str, *, settings: Settings | None = None) -> NodePool:
    p = NodePools(_client(settings)).by_name(cluster_id, name)
    return NodePool(
        id=str(p["id"]),
        name=str(p["name"]),
        cluster_id=str(p.get("clusterId", cluster_id)),
        is_default=bool(p.get("isDefault", False)),
        phase=p.get("phase"),
    )


def get_role(name: str, *, settings: Settings | None = None) -> Role:
    r = Roles(_client(settings)).by_name(name)
    return Role(id=int(r["id"]), name=str(r["name"]), description=str(r.get("description") or ""))


def get_department(cluster_id: str, name: str, *, settings: Settings | None = None) -> Department:
    service = Departments(_client(settings))
    d = service.find({"clusterId": cluster_id, "name": name})
    if d is None:
        known = service.list(cluster_id)
        raise not_found(
            "department", f"named {name!r} in cluster {cluster_id}", service.path, known
        )
    return Department(
        id=str(d["id"]),
        name=str(d["name"]),
        cluster_id=str(d.get("clusterId", cluster_id)),
        description=str(d.get("description") or ""),
    )


def get_project(cluster_id: str, name: str, *, settings: Settings | None = None) -> Project:
    service = Projects(_client(settings))
    p = service.find({"clusterId": cluster_id, "name": name})
    if p is None:
        known = service.list(cluster_id)
        raise not_found("project", f"named {name!r} in cluster {cluster_id}", service.path, known)
    status = p.get("status") if isinstance(p.get("status"), dict) else {}
    parent = p.get("parentId")
    return Project(
        id=str(p["id"]),
        name=str(p["name"]),
        cluster_id=str(p.get("clusterId", cluster_id)),
        department_id=None if parent is None else str(parent),
        namespace=(status or {}).get("namespace"),
        phase=(status or {}).get("phase"),
    )


def get_user(email: str, *, settings: Settings | None = None) -> User:
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
    return User(id=str(u["id"]), email=str(u.get("username", email)), is_local=local)

"""The organisation the stories deploy, as data, and the Pulumi program that declares it.

Each chapter of a story changes one thing in an `Org` (a quota, a name, a missing user) and
runs the same program again, the way a team edits one line of its stack and runs `pulumi up`.
The cluster id comes from the tenant, not from `runai.get_cluster()`, so that the program
itself makes no Run:ai call and the request log shows only what the provider did.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import pulumi
import pulumi_runai as runai


@dataclass(frozen=True)
class ProjectSpec:
    """A project: its Run:ai name and its GPU quota (deserved) per node pool."""

    name: str
    gpus: Mapping[str, int]


@dataclass(frozen=True)
class Grant:
    """An access rule: `email` gets `role` on the department (`scope=None`) or a project key."""

    email: str
    role: str
    scope: str | None = None


@dataclass(frozen=True)
class Org:
    """What the program declares; projects are keyed by their Pulumi resource name."""

    cluster_id: str
    department: str = "research"
    department_gpus: Mapping[str, int] = field(
        default_factory=lambda: {"default": 8, "a100": 4})
    projects: Mapping[str, ProjectSpec] = field(default_factory=lambda: {
        "vision": ProjectSpec("vision", {"default": 4, "a100": 2}),
        "speech": ProjectSpec("speech", {"default": 2, "a100": 1}),
    })
    users: tuple[str, ...] = ("ada@example.com", "grace@example.com")
    grants: tuple[Grant, ...] = (
        Grant("ada@example.com", "Research manager"),
        Grant("grace@example.com", "L2 researcher", scope="vision"),
    )
    adopt: bool = False

    def with_gpus(self, project: str, pool: str, gpus: int) -> Org:
        """The same organisation with one project's quota on one node pool changed."""
        spec = self.projects[project]
        changed = replace(spec, gpus={**spec.gpus, pool: gpus})
        return replace(self, projects={**self.projects, project: changed})

    def with_project_name(self, project: str, name: str) -> Org:
        changed = replace(self.projects[project], name=name)
        return replace(self, projects={**self.projects, project: changed})

    def without_user(self, email: str) -> Org:
        return replace(
            self,
            users=tuple(u for u in self.users if u != email),
            grants=tuple(g for g in self.grants if g.email != email),
        )


def quotas(gpus: Mapping[str, int]) -> list[dict[str, Any]]:
    """Node-pool quotas in the provider's input shape (no limit: -1)."""
    return [{"node_pool": pool, "gpu": {"deserved": n, "limit": -1}} for pool, n in gpus.items()]


def user_key(email: str) -> str:
    """The Pulumi resource name of a user: the local part of the address."""
    return email.split("@", 1)[0]


def program(org: Org) -> Callable[[], None]:
    """A Pulumi program declaring `org` with the public API (`import pulumi_runai as runai`)."""

    def declare() -> None:
        dept = runai.Department(
            "dept", name=org.department, cluster_id=org.cluster_id,
            resources=quotas(org.department_gpus), adopt=org.adopt,
        )
        projects = {
            key: runai.Project(
                key, name=spec.name, cluster_id=org.cluster_id, department_id=dept.id,
                resources=quotas(spec.gpus),
            )
            for key, spec in org.projects.items()
        }
        users = {
            email: runai.User(user_key(email), email=email, adopt=org.adopt)
            for email in org.users
        }
        for grant in org.grants:
            scope = dept if grant.scope is None else projects[grant.scope]
            runai.AccessRule(
                f"{user_key(grant.email)}-{grant.scope or 'dept'}",
                subject_type="user", subject_id=grant.email, role_name=grant.role,
                scope_type="department" if grant.scope is None else "project",
                scope_id=scope.id, cluster_id=org.cluster_id,
                opts=pulumi.ResourceOptions(depends_on=[users[grant.email]]),
            )
        pulumi.export("department_id", dept.id)
        pulumi.export("project_ids", {key: p.id for key, p in projects.items()})

    return declare

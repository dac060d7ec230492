"""The export plan: what was selected from the tenant, as typed objects the writers share.

The plan is format-neutral. A writer that cannot express an object (org.yaml has no tenant
scope, for instance) leaves it out and says why, through `LeftOut`, like selection does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ACCESS_RULE",
    "CLUSTER",
    "DEPARTMENT",
    "KIND_ORDER",
    "NODE_POOL",
    "PROJECT",
    "ROLE",
    "USER",
    "DepartmentPlan",
    "ExportPlan",
    "LeftOut",
    "ProjectPlan",
    "Rendered",
    "RulePlan",
    "UserPlan",
]

# Kinds by their resource class name, which is also the end of the type token.
DEPARTMENT = "Department"
PROJECT = "Project"
USER = "User"
ACCESS_RULE = "AccessRule"
CLUSTER = "Cluster"
NODE_POOL = "NodePool"
ROLE = "Role"
KIND_ORDER = (DEPARTMENT, PROJECT, USER, ACCESS_RULE, CLUSTER, NODE_POOL, ROLE)

Entry = dict[str, Any]


@dataclass(frozen=True)
class LeftOut:
    """An object the export does not write, and why (grouped by kind and reason on stderr)."""

    kind: str
    name: str
    reason: str


@dataclass(frozen=True)
class ProjectPlan:
    id: str
    name: str
    department: str
    resources: tuple[Entry, ...]
    description: str | None = None
    requested_namespace: str | None = None


@dataclass(frozen=True)
class DepartmentPlan:
    id: str
    name: str
    resources: tuple[Entry, ...]
    projects: tuple[ProjectPlan, ...]
    description: str | None = None


@dataclass(frozen=True)
class UserPlan:
    id: str
    email: str


@dataclass(frozen=True)
class RulePlan:
    """A role given to a subject on a scope, with the scope named (the id is for the import)."""

    id: str
    subject_type: str
    subject: str
    role: str
    scope_type: str
    scope: str
    scope_id: str
    cluster_id: str | None
    subject_exported: bool = False  # a user subject whose User is in the plan

    @property
    def description(self) -> str:
        return f"{self.subject} as {self.role} on {self.scope_type} {self.scope}"


@dataclass(frozen=True)
class ExportPlan:
    cluster_name: str
    cluster_id: str
    departments: tuple[DepartmentPlan, ...]
    users: tuple[UserPlan, ...]
    rules: tuple[RulePlan, ...]
    left_out: tuple[LeftOut, ...] = field(default=())

    @property
    def projects(self) -> tuple[ProjectPlan, ...]:
        return tuple(p for d in self.departments for p in d.projects)

    def written_counts(self) -> dict[str, int]:
        return {
            DEPARTMENT: len(self.departments),
            PROJECT: len(self.projects),
            USER: len(self.users),
            ACCESS_RULE: len(self.rules),
        }


@dataclass(frozen=True)
class Rendered:
    """A writer's result: the file's text, how many objects of each kind it declares, and
    what the format could not express."""

    text: str
    written: dict[str, int]
    left_out: tuple[LeftOut, ...] = ()

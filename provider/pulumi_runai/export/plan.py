"""The export plan: what was selected from the tenant, as typed objects the writers share.

The plan is format-neutral. A writer that cannot express an object (org.yaml has no tenant
scope, for instance) leaves it out and says why, through `LeftOut`, like selection does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..models import (
    access_rule,
    department,
    node_pool,
    project,
    role,
    service_account,
    user,
    workload_policy,
)

__all__ = [
    "ACCESS_RULE",
    "CLUSTER",
    "DEPARTMENT",
    "KIND_ORDER",
    "NODE_POOL",
    "PROJECT",
    "ROLE",
    "SERVICE_ACCOUNT",
    "USER",
    "WORKLOAD_POLICY",
    "DepartmentPlan",
    "ExportPlan",
    "LeftOut",
    "NodePoolPlan",
    "PolicyPlan",
    "ProjectPlan",
    "Rendered",
    "RolePlan",
    "RulePlan",
    "ServiceAccountPlan",
    "UserPlan",
]

# Kinds by their declared name (the resource class, the end of the type token), from the
# models' declarations; clusters are reported but never exported.
DEPARTMENT = department.SPEC.name
PROJECT = project.SPEC.name
USER = user.SPEC.name
ACCESS_RULE = access_rule.SPEC.name
NODE_POOL = node_pool.SPEC.name
ROLE = role.SPEC.name
SERVICE_ACCOUNT = service_account.SPEC.name
WORKLOAD_POLICY = workload_policy.SPEC.name
CLUSTER = "Cluster"
KIND_ORDER = (NODE_POOL, DEPARTMENT, PROJECT, USER, SERVICE_ACCOUNT, ROLE, ACCESS_RULE,
              WORKLOAD_POLICY, CLUSTER)

Entry = dict[str, Any]


@dataclass(frozen=True)
class LeftOut:
    """An object the export does not write, and why (grouped by kind and reason on stderr)."""

    kind: str
    name: str
    reason: str


@dataclass(frozen=True)
class NodePoolPlan:
    """A pool by name and the node label that selects it (its other settings stay the
    server's: the provider compares only what is declared)."""

    id: str
    name: str
    label_key: str
    label_value: str


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
class RolePlan:
    """A custom role: its permission sets by name (sorted: their order means nothing)."""

    id: str
    name: str
    description: str
    permission_sets: tuple[str, ...]
    enabled: bool | None = None


@dataclass(frozen=True)
class ServiceAccountPlan:
    """An application's login; `enabled` only when it differs from a new account's (True)."""

    id: str
    name: str
    client_id: str
    enabled: bool | None = None


@dataclass(frozen=True)
class PolicyPlan:
    """A workload policy: its type (the API's path segment), its scope, named like a rule's,
    and its own body as the API gives it (not the effective one)."""

    id: str  # `<workload_type>/<scope_type>[/<scope_id>]`, the resource id of the kind
    workload_type: str
    scope_type: str
    scope: str
    scope_id: str | None
    policy: dict[str, Any]
    name: str | None = None

    @property
    def description(self) -> str:
        return f"{self.workload_type} policy on {self.scope_type} {self.scope}"


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
    subject_exported: bool = False  # a user or service account whose resource is in the plan

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
    node_pools: tuple[NodePoolPlan, ...] = ()
    service_accounts: tuple[ServiceAccountPlan, ...] = ()
    roles: tuple[RolePlan, ...] = ()
    policies: tuple[PolicyPlan, ...] = ()

    @property
    def projects(self) -> tuple[ProjectPlan, ...]:
        return tuple(p for d in self.departments for p in d.projects)

    def written_counts(self) -> dict[str, int]:
        return {
            NODE_POOL: len(self.node_pools),
            DEPARTMENT: len(self.departments),
            PROJECT: len(self.projects),
            USER: len(self.users),
            SERVICE_ACCOUNT: len(self.service_accounts),
            ROLE: len(self.roles),
            ACCESS_RULE: len(self.rules),
            WORKLOAD_POLICY: len(self.policies),
        }


@dataclass(frozen=True)
class Rendered:
    """A writer's result: the file's text, how many objects of each kind it declares, and
    what the format could not express."""

    text: str
    written: dict[str, int]
    left_out: tuple[LeftOut, ...] = ()

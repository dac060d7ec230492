"""The typed, validated form of an organisation description.

Plain frozen dataclasses so the component (and tests) never look at raw dicts again;
each object keeps the path it came from so later errors can still point at the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from ..models import quotas as model_quotas

__all__ = [
    "AccessSpec",
    "DepartmentSpec",
    "NodePoolQuota",
    "NodePoolSpec",
    "OrganizationSpec",
    "PolicySpec",
    "ProjectSpec",
    "Quota",
    "RoleSpec",
    "ServiceAccountSpec",
    "UserSpec",
]

Number = int | float
ScopeType = Literal["cluster", "department", "project"]
SubjectType = Literal["user", "group", "service-account"]


@dataclass(frozen=True)
class Quota:
    """One resource (gpu, cpu or memory) of a node-pool quota; None means "not set"."""

    deserved: Number | None = None
    limit: Number | None = None
    over_quota_weight: int | None = None
    units: str | None = None  # memory only: Mib, MB or GB

    def to_input(self) -> dict[str, Any]:
        """The resource input shape: unset fields are left out so the provider's defaults apply."""
        fields = {
            "deserved": self.deserved,
            "limit": self.limit,
            "over_quota_weight": self.over_quota_weight,
            "units": self.units,
        }
        return {key: value for key, value in fields.items() if value is not None}


@dataclass(frozen=True)
class NodePoolQuota:
    """A department's or project's quota on one node pool, named (the provider resolves it)."""

    node_pool: str
    gpu: Quota
    cpu: Quota | None = None
    memory: Quota | None = None
    rank: str | None = None  # None: the server's (MediumLow by default), never reset

    def to_input(self) -> model_quotas.NodePoolQuota:
        """The `resources` entry the Department and Project resources take."""
        entry: dict[str, Any] = {"node_pool": self.node_pool, "gpu": self.gpu.to_input()}
        if self.cpu is not None:
            entry["cpu"] = self.cpu.to_input()
        if self.memory is not None:
            entry["memory"] = self.memory.to_input()
        if self.rank is not None:
            entry["rank"] = self.rank
        return cast(model_quotas.NodePoolQuota, entry)


@dataclass(frozen=True)
class NodePoolSpec:
    """A node pool the description declares; `settings` are its other NodePool inputs
    (`label_key`, `label_value`, `placement_strategy`, ...), checked by the NodePool model."""

    name: str
    path: str
    settings: Mapping[str, Any] = field(default_factory=dict, hash=False)
    adopt: bool = False


@dataclass(frozen=True)
class PolicySpec:
    """A workload policy of a department or project: its workload type and body (API shape)."""

    workload_type: str
    policy: Mapping[str, Any] = field(hash=False)
    path: str


@dataclass(frozen=True)
class ProjectSpec:
    name: str
    department: str
    resources: tuple[NodePoolQuota, ...]
    path: str
    description: str | None = None
    requested_namespace: str | None = None
    adopt: bool = False
    policies: tuple[PolicySpec, ...] = ()


@dataclass(frozen=True)
class DepartmentSpec:
    name: str
    resources: tuple[NodePoolQuota, ...]
    projects: tuple[ProjectSpec, ...]
    path: str
    description: str | None = None
    adopt: bool = False
    policies: tuple[PolicySpec, ...] = ()


@dataclass(frozen=True)
class ServiceAccountSpec:
    """A service account; a new `secret_version` rotates its secret."""

    name: str
    path: str
    enabled: bool | None = None
    secret_version: str | int | float | None = None
    adopt: bool = False


@dataclass(frozen=True)
class RoleSpec:
    """A custom role built from permission sets (named as in the tenant's catalogue)."""

    name: str
    description: str
    permission_sets: tuple[str, ...]
    path: str
    enabled: bool | None = None
    adopt: bool = False


@dataclass(frozen=True)
class UserSpec:
    email: str
    path: str
    reset_password: bool | None = None
    notify: bool | None = None
    adopt: bool = False


@dataclass(frozen=True)
class AccessSpec:
    """A role given to a user (declared under `users`), an IdP group or a service account
    (declared under `service_accounts`), on one scope."""

    subject_type: SubjectType
    subject: str
    role: str
    scope_type: ScopeType
    scope: str  # department or project name; the cluster name (or id) for cluster scope
    path: str
    adopt: bool = False

    @property
    def key(self) -> str:
        """Its name in `Organization.access_rules`: `ada@example.com as Viewer on project x`."""
        return f"{self.subject} as {self.role} on {self.scope_type} {self.scope}"


@dataclass(frozen=True)
class OrganizationSpec:
    source: str
    departments: tuple[DepartmentSpec, ...]
    users: tuple[UserSpec, ...]
    access: tuple[AccessSpec, ...]
    cluster: str | None = None
    cluster_id: str | None = None
    node_pools: tuple[NodePoolSpec, ...] = ()
    service_accounts: tuple[ServiceAccountSpec, ...] = ()
    roles: tuple[RoleSpec, ...] = ()

    @property
    def projects(self) -> tuple[ProjectSpec, ...]:
        return tuple(p for d in self.departments for p in d.projects)

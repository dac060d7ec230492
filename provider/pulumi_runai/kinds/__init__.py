"""The registry: every managed Run:ai kind, one line each, in dependency order.

A kind is one model (its `KindSpec`: fields with docs, keys), one lifecycle over one service,
and one resource class; this tuple is what the README tables, the bad-input tests, the policy
pack's type tokens and the public-surface checks read. Adding a kind: docs/architecture.md,
"Adding a kind".
"""

from __future__ import annotations

from dataclasses import dataclass

from pulumi.dynamic import Resource

from pulumi_runai.lifecycle import Lifecycle
from pulumi_runai.models.fields import Field
from pulumi_runai.models.kind import KindSpec
from pulumi_runai.resources import (
    AccessRule,
    AccessRuleProvider,
    Department,
    DepartmentProvider,
    NodePool,
    NodePoolProvider,
    Project,
    ProjectProvider,
    Role,
    RoleProvider,
    ServiceAccount,
    ServiceAccountProvider,
    User,
    UserProvider,
    WorkloadPolicy,
    WorkloadPolicyProvider,
)
from pulumi_runai.resources._provider_base import RunaiProvider

__all__ = ["KINDS", "Kind", "kind_named"]


@dataclass(frozen=True)
class Kind:
    """One registered kind: the Pulumi resource class and the provider that serves it."""

    resource: type[Resource]
    provider: type[RunaiProvider]

    @property
    def lifecycle(self) -> Lifecycle:
        return self.provider.lifecycle

    @property
    def spec(self) -> KindSpec:
        return self.lifecycle.spec

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def fields(self) -> tuple[Field, ...]:
        return self.spec.fields

    @property
    def type_token(self) -> str:
        return self.spec.type_token


KINDS: tuple[Kind, ...] = (
    Kind(NodePool, NodePoolProvider),
    Kind(Department, DepartmentProvider),
    Kind(Project, ProjectProvider),
    Kind(User, UserProvider),
    Kind(ServiceAccount, ServiceAccountProvider),
    Kind(Role, RoleProvider),
    Kind(AccessRule, AccessRuleProvider),
    Kind(WorkloadPolicy, WorkloadPolicyProvider),
)


def kind_named(name: str) -> Kind:
    """The registered kind called `name` (`"Project"`); KeyError lists the known ones."""
    for kind in KINDS:
        if kind.name == name:
            return kind
    raise KeyError(f"no kind {name!r}; known kinds: {', '.join(k.name for k in KINDS)}")

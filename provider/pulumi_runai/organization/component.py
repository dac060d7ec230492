"""`Organization`: a whole Run:ai organisation from one description, as one Pulumi component.

The description is validated completely before the component registers anything, so a
mistake never leaves half an organisation behind; names are then resolved to the resources'
outputs (a department's id -> its projects, a user's email -> its access rules, a project's or
department's id -> the rules on it). Those property dependencies give the engine the creation
order, and they make a rule follow what it names: when the engine replaces a user, project or
department, it replaces the rules that take a property from it (Run:ai deletes them anyway).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping, Sequence
from typing import Any

import pulumi

from ..resources import (
    AccessRule,
    Department,
    NodePool,
    Project,
    Role,
    ServiceAccount,
    User,
    WorkloadPolicy,
)
from .description import load_description, parse_description
from .node_pools import check_quota_pools
from .spec import AccessSpec, NodePoolQuota, OrganizationSpec, PolicySpec
from .tenant import resolve_cluster_id, tenant_node_pools, tenant_roles

__all__ = ["TYPE_TOKEN", "Organization"]

TYPE_TOKEN = "runai:index:Organization"


class Organization(pulumi.ComponentResource):
    """Node pools, departments, projects, users and access rules built from a description.

    The created resources are exposed by name: `node_pools["h100"]`, `departments["research"]`,
    `projects["vision"]`, `users["ada@example.com"]`, `service_accounts["ci-robot"]`,
    `roles["Trainer"]`, `policies["trainings on project vision"]` and
    `access_rules[rule key]` (see `AccessSpec.key`, e.g. "ada@example.com as L2 researcher on
    project vision").
    """

    spec: OrganizationSpec
    cluster_id: pulumi.Output[str]
    node_pools: dict[str, NodePool]
    departments: dict[str, Department]
    projects: dict[str, Project]
    users: dict[str, User]
    service_accounts: dict[str, ServiceAccount]
    roles: dict[str, Role]
    policies: dict[str, WorkloadPolicy]
    access_rules: dict[str, AccessRule]

    def __init__(
        self,
        name: str,
        description: Mapping[str, Any] | OrganizationSpec,
        opts: pulumi.ResourceOptions | None = None,
        *,
        source: str = "<description>",
        known_roles: Collection[str] | None = None,
        cluster_node_pools: Collection[str] | None = None,
    ) -> None:
        """`description` is the plain dict of docs/org-yaml.md (or an already parsed spec).

        `known_roles` defaults to the tenant's roles when it can be reached, else the
        predefined Run:ai roles; `cluster_node_pools` (the names of the cluster's pools)
        defaults to the tenant's when it can be reached, else quotas' pool names are left to
        the provider. Raises DescriptionError before registering anything.
        """
        if isinstance(description, OrganizationSpec):
            spec = description
        else:
            roles = known_roles if known_roles is not None else tenant_roles()
            spec = parse_description(description, source, known_roles=roles)
        cluster_id = spec.cluster_id or resolve_cluster_id(spec.cluster, spec.source)
        pools = cluster_node_pools
        check_quota_pools(spec, tenant_node_pools(cluster_id) if pools is None else pools)
        super().__init__(TYPE_TOKEN, name, None, opts)
        self.spec = spec
        self.cluster_id = pulumi.Output.from_input(cluster_id)
        self.node_pools = self._node_pools(name, cluster_id)
        self.departments, self.projects = self._org_units(name, cluster_id)
        self.users = self._users(name)
        self.service_accounts = self._service_accounts(name)
        self.roles = self._roles(name)
        self.policies = self._policies(name)
        self.access_rules = {
            rule.key: self._access_rule(name, rule, cluster_id) for rule in spec.access
        }
        self.register_outputs({"summary": self.summary()})

    @classmethod
    def from_yaml(
        cls,
        path: str | os.PathLike[str],
        name: str = "org",
        opts: pulumi.ResourceOptions | None = None,
        *,
        known_roles: Collection[str] | None = None,
    ) -> Organization:
        """Build from a YAML file; errors name the file as given, relative paths from the cwd."""
        roles = known_roles if known_roles is not None else tenant_roles()
        return cls(name, load_description(path, known_roles=roles), opts)

    def _child(self) -> pulumi.ResourceOptions:
        return pulumi.ResourceOptions(parent=self)

    def _node_pools(self, prefix: str, cluster_id: str) -> dict[str, NodePool]:
        return {
            pool.name: NodePool(
                f"{prefix}-node-pool-{pool.name}",
                name=pool.name,
                cluster_id=cluster_id,
                adopt=pool.adopt,
                opts=self._child(),
                **pool.settings,
            )
            for pool in self.spec.node_pools
        }

    def _quotas(self, entries: Sequence[NodePoolQuota]) -> list[Any]:
        """`resources` inputs; a declared pool is named by its NodePool's `name` output, so the
        pool is made before the quota and the quota lets go of it before it is deleted."""
        out: list[Any] = []
        for entry in entries:
            value: dict[str, Any] = dict(entry.to_input())
            pool = self.node_pools.get(entry.node_pool)
            if pool is not None:
                value["node_pool"] = pool.name
            out.append(value)
        return out

    def _org_units(
        self, prefix: str, cluster_id: str
    ) -> tuple[dict[str, Department], dict[str, Project]]:
        departments: dict[str, Department] = {}
        projects: dict[str, Project] = {}
        for dept in self.spec.departments:
            created = Department(
                f"{prefix}-{dept.name}",
                name=dept.name,
                cluster_id=cluster_id,
                resources=self._quotas(dept.resources),
                description=dept.description,
                adopt=dept.adopt,
                opts=self._child(),
            )
            departments[dept.name] = created
            for project in dept.projects:
                projects[project.name] = Project(
                    f"{prefix}-{project.name}",
                    name=project.name,
                    cluster_id=cluster_id,
                    department_id=created.id,
                    resources=self._quotas(project.resources),
                    description=project.description,
                    requested_namespace=project.requested_namespace,
                    adopt=project.adopt,
                    opts=self._child(),
                )
        return departments, projects

    def _users(self, prefix: str) -> dict[str, User]:
        return {
            user.email: User(
                f"{prefix}-{user.email}",
                email=user.email,
                reset_password=user.reset_password,
                notify=user.notify,
                adopt=user.adopt,
                opts=self._child(),
            )
            for user in self.spec.users
        }

    def _service_accounts(self, prefix: str) -> dict[str, ServiceAccount]:
        return {
            account.name: ServiceAccount(
                f"{prefix}-sa-{account.name}",
                name=account.name,
                enabled=account.enabled,
                secret_version=account.secret_version,
                adopt=account.adopt,
                opts=self._child(),
            )
            for account in self.spec.service_accounts
        }

    def _roles(self, prefix: str) -> dict[str, Role]:
        return {
            role.name: Role(
                f"{prefix}-role-{_slug(role.name)}",
                name=role.name,
                description=role.description,
                permission_sets=list(role.permission_sets),
                enabled=role.enabled,
                adopt=role.adopt,
                opts=self._child(),
            )
            for role in self.spec.roles
        }

    def _policies(self, prefix: str) -> dict[str, WorkloadPolicy]:
        """Each unit's policies, keyed `trainings on project vision`; the scope id is the unit's
        output, so replacing the unit replaces its policies."""
        units: list[tuple[str, str, pulumi.Input[str], tuple[PolicySpec, ...]]] = [
            ("department", d.name, self.departments[d.name].id, d.policies)
            for d in self.spec.departments
        ]
        units += [("project", p.name, self.projects[p.name].id, p.policies)
                  for p in self.spec.projects]
        return {
            f"{policy.workload_type} on {scope_type} {unit}": WorkloadPolicy(
                f"{prefix}-{policy.workload_type}-{scope_type}-{unit}",
                workload_type=policy.workload_type,
                scope_type=scope_type,
                scope_id=scope_id,
                policy=dict(policy.policy),
                opts=self._child(),
            )
            for scope_type, unit, scope_id, policies in units
            for policy in policies
        }

    def _access_rule(self, prefix: str, rule: AccessSpec, cluster_id: str) -> AccessRule:
        scope_id: pulumi.Input[str]
        if rule.scope_type == "project":
            scope_id = self.projects[rule.scope].id
        elif rule.scope_type == "department":
            scope_id = self.departments[rule.scope].id
        else:
            scope_id = cluster_id
        # a user subject is the User's output (rule.subject is the address as declared under
        # `users`): known in a preview, so policies still judge it, and a property dependency
        subject_id: pulumi.Input[str] = rule.subject
        if rule.subject_type == "user":
            subject_id = self.users[rule.subject].email
        elif rule.subject_type == "service-account":  # replacing the account replaces the rule
            subject_id = self.service_accounts[rule.subject].client_id
        # a custom role declared here is named by its output: made first, deleted last
        custom = self.roles.get(rule.role)
        role_name: pulumi.Input[str] = custom.name if custom is not None else rule.role
        return AccessRule(
            f"{prefix}-{rule.subject}-{_slug(rule.role)}-{rule.scope_type}-{rule.scope}",
            subject_type=rule.subject_type,
            subject_id=subject_id,
            role_name=role_name,
            scope_type=rule.scope_type,
            scope_id=scope_id,
            cluster_id=cluster_id,
            adopt=rule.adopt,
            opts=self._child(),
        )

    def summary(self) -> pulumi.Output[dict[str, Any]]:
        """Ids by name for stack outputs: cluster_id, node_pools, departments, projects, users,
        service_accounts, roles, policies, access_rules."""

        def ids(resources: Mapping[str, pulumi.CustomResource]) -> pulumi.Output[dict[str, str]]:
            return pulumi.Output.all(**{k: r.id for k, r in resources.items()}).apply(dict)

        return pulumi.Output.all(
            cluster_id=self.cluster_id,
            node_pools=ids(self.node_pools),
            departments=ids(self.departments),
            projects=ids(self.projects),
            users=ids(self.users),
            service_accounts=ids(self.service_accounts),
            roles=ids(self.roles),
            policies=ids(self.policies),
            access_rules=ids(self.access_rules),
        ).apply(dict)


def _slug(name: str) -> str:
    """A role name as part of a resource name: `L2 researcher` -> `l2-researcher`."""
    return name.lower().replace(" ", "-")

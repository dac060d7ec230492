"""Reading the tenant: one list call per kind (paged), never a GET per object.

Every later step (selection, naming, writing) works on this snapshot only, so what the export
costs the control plane is decided here and nowhere else. Nothing secret is asked for: the
user list carries no passwords and no service-account secret endpoint is called.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..client import RunaiClient
from ..errors import NotFound
from ..models import workload_policy as policy_model
from ..models.policy_schema import WORKLOAD_TYPES
from ..services import (
    AccessRules,
    Clusters,
    Departments,
    NodePools,
    Projects,
    Roles,
    ServiceAccounts,
    Users,
)
from ..services.custom_roles import CustomRoles
from ..services.workload_policies import PATH as POLICIES_PATH
from ..services.workload_policies import WorkloadPolicies
from .errors import ExportError

__all__ = ["ApiObject", "TenantSnapshot", "choose_cluster", "read_tenant"]

ApiObject = dict[str, Any]


@dataclass(frozen=True)
class TenantSnapshot:
    """What the tenant holds for one cluster (plus the tenant-wide users, roles and rules)."""

    cluster: ApiObject
    node_pools: tuple[ApiObject, ...]
    departments: tuple[ApiObject, ...]
    projects: tuple[ApiObject, ...]
    users: tuple[ApiObject, ...]
    roles: tuple[ApiObject, ...]
    access_rules: tuple[ApiObject, ...]
    service_accounts: tuple[ApiObject, ...] = ()
    # each `{meta, policy, ...}` with `workloadType` (the path segment) added; a list entry
    # this version cannot read (a type it does not know) stays `{type, meta}`
    workload_policies: tuple[ApiObject, ...] = ()

    @property
    def cluster_id(self) -> str:
        return str(self.cluster.get("uuid") or self.cluster.get("id"))

    @property
    def cluster_name(self) -> str:
        return str(self.cluster.get("name"))


def choose_cluster(clusters: list[ApiObject], name: str | None) -> ApiObject:
    """The cluster called `name`, or the only one; the error names the clusters that exist."""
    known = sorted(str(c.get("name")) for c in clusters)
    if name is not None:
        for cluster in clusters:
            if cluster.get("name") == name:
                return cluster
        raise ExportError(
            f"no cluster named {name!r}: pass --cluster with one of: {', '.join(known) or '(none)'}"
        )
    if len(clusters) == 1:
        return clusters[0]
    if not clusters:
        raise ExportError("the tenant has no cluster: connect a cluster to Run:ai first")
    raise ExportError(f"the tenant has {len(clusters)} clusters: choose one with --cluster "
                      f"({', '.join(known)})")


def read_tenant(client: RunaiClient, cluster_name: str | None) -> TenantSnapshot:
    """List every kind once: clusters, then node pools, departments and projects of the chosen
    cluster, users, service accounts, roles (predefined and custom), access rules and workload
    policies. Rules
    and roles marked deleted are not part of the tenant; a control plane without the
    service-account API (before 2.20) has none."""
    cluster = choose_cluster(Clusters(client).list(), cluster_name)
    cluster_id = str(cluster.get("uuid") or cluster.get("id"))
    rules = [rule for rule in AccessRules(client).list() if not rule.get("deletedAt")]
    return TenantSnapshot(
        cluster=cluster,
        node_pools=tuple(NodePools(client).list(cluster_id, fresh=True)),
        departments=tuple(Departments(client).list(cluster_id)),
        projects=tuple(Projects(client).list(cluster_id)),
        users=tuple(Users(client).list()),
        roles=tuple(_roles(client)),
        access_rules=tuple(rules),
        service_accounts=tuple(_service_accounts(client)),
        workload_policies=tuple(_workload_policies(client)),
    )


def _roles(client: RunaiClient) -> list[ApiObject]:
    """Every role, from the v2 API where it exists: only it lists a custom role's permission
    sets by name. Older control planes answer the v1 list (custom roles then lack them)."""
    try:
        return [role for role in CustomRoles(client).list() if not role.get("deletedAt")]
    except NotFound:
        return Roles(client).list(fresh=True)


def _workload_policies(client: RunaiClient) -> list[ApiObject]:
    """Every workload policy with its body. The list (no service has a list call, so it is
    made here, unpaged as the API is) gives only `{type, meta}`: the API forces one GET per
    policy for the body. Before 2.18 there is no v2 policy API."""
    try:
        entries = client.list_all(POLICIES_PATH, envelope="policies", paginate=False)
    except NotFound:
        return []
    segments = {w.list_type: w.segment for w in WORKLOAD_TYPES.values()}
    policies = WorkloadPolicies(client)
    found: list[ApiObject] = []
    for entry in entries:
        meta = entry.get("meta") or {}
        segment = segments.get(str(entry.get("type")))
        scope_type = str(meta.get("scope"))
        if segment is None or scope_type not in policy_model.SCOPE_TYPES:
            found.append(entry)
            continue
        scope_id = meta.get(policy_model.SCOPE_ID_FIELDS.get(scope_type, ""))
        body = policies.get(segment, policy_model.scope_query(scope_type, scope_id))
        found.append({**body, "workloadType": segment})
    return found


def _service_accounts(client: RunaiClient) -> list[ApiObject]:
    try:
        return ServiceAccounts(client).list()
    except NotFound:
        return []

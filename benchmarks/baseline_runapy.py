"""The alternative today: a hand-written script over the official SDK (runapy), one call after
another. It creates and deletes the same workload as the provider, so the two compare fairly.

What a careful script author would write, no more: one client (one token) per run, node pools
and roles listed once, a project polled until Ready after its create (1 s sleeps, as scripts
do) and until gone after its delete.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from runai.api_client import ApiClient
from runai.configuration import Configuration
from runai.exceptions import NotFoundException
from runai.models.access_rule_creation_fields import AccessRuleCreationFields
from runai.models.department_creation_request import DepartmentCreationRequest
from runai.models.project_creation_request import ProjectCreationRequest
from runai.models.user_creation_request1 import UserCreationRequest1
from runai.runai_client import RunaiClient

from .workload import ROLE, Quota, Workload

POLL_SECONDS = 1.0


@dataclass
class Created:
    """Ids of what the script created, in creation order per kind."""

    departments: dict[str, str] = field(default_factory=dict)
    projects: dict[str, str] = field(default_factory=dict)
    users: dict[str, str] = field(default_factory=dict)
    rules: list[int] = field(default_factory=list)


def connect(url: str, client_id: str, client_secret: str) -> RunaiClient:
    """A runapy client; constructing it requests the token (AppId/AppSecret)."""
    config = Configuration(client_id=client_id, client_secret=client_secret,
                           runai_base_url=url)
    return RunaiClient(ApiClient(config))  # type: ignore[no-untyped-call]


def _resources(quota: Quota, pool_ids: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {"nodePool": {"id": pool_ids[e["node_pool"]], "name": e["node_pool"]}, "gpu": e.get("gpu")}
        for e in quota.entries()
    ]


def _wait_ready(client: RunaiClient, project: dict[str, Any]) -> None:
    while (project.get("status") or {}).get("phase") not in (None, "Ready"):
        time.sleep(POLL_SECONDS)
        project = client.organizations.projects.get_project(str(project["id"])).data


def _wait_gone(client: RunaiClient, project_id: str) -> None:
    while True:
        try:
            client.organizations.projects.get_project(project_id)
        except NotFoundException:
            return
        time.sleep(POLL_SECONDS)


def create_all(client: RunaiClient, workload: Workload, cluster_id: str) -> Created:
    org, auth = client.organizations, client.authentication_and_authorization
    pools = org.node_pools.get_nodepools(filter_by=[f"clusterId=={cluster_id}"]).data
    pool_ids = {p["name"]: str(p["id"]) for p in pools["nodepools"]}
    role_id = next(r["id"] for r in auth.roles.get_roles_v1().data if r["name"] == ROLE)
    created = Created()
    for d in workload.departments:
        body = {"name": d.name, "clusterId": cluster_id,
                "resources": _resources(d.quota, pool_ids)}
        answer = org.departments.create_department(
            DepartmentCreationRequest.from_dict(body)).data
        created.departments[d.name] = str(answer["id"])
    for p in workload.projects:
        body = {"name": p.name, "clusterId": cluster_id,
                "parentId": created.departments[p.department],
                "resources": _resources(p.quota, pool_ids)}
        answer = org.projects.create_project(ProjectCreationRequest.from_dict(body)).data
        _wait_ready(client, answer)
        created.projects[p.name] = str(answer["id"])
    for u in workload.users:
        answer = auth.users.create_user(
            UserCreationRequest1.from_dict({"email": u.email})).data
        created.users[u.email] = str(answer["id"])
    for r in workload.rules:
        body = {"subjectType": "user", "subjectId": r.email, "roleId": role_id,
                "scopeType": "project", "scopeId": created.projects[r.project],
                "clusterId": cluster_id}
        answer = auth.access_rules.create_access_rule(
            AccessRuleCreationFields.from_dict(body)).data
        created.rules.append(int(answer["id"]))
    return created


def delete_all(client: RunaiClient, created: Created) -> None:
    """Dependents first: rules, users, projects (waiting until gone), departments."""
    org, auth = client.organizations, client.authentication_and_authorization
    for rule_id in created.rules:
        auth.access_rules.delete_access_rule(rule_id)
    for user_id in created.users.values():
        auth.users.delete_user_by_id(user_id)
    for project_id in created.projects.values():
        org.projects.delete_project(project_id)
        _wait_gone(client, project_id)
    for department_id in created.departments.values():
        org.departments.delete_department(department_id)

"""The official Run:ai SDK (runapy) works against the emulator, create to delete."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from runai.api_client import ApiClient
from runai.configuration import Configuration
from runai.exceptions import ApiException
from runai.models import (
    AccessRuleCreationFields,
    DepartmentCreationRequest,
    NodepoolCreateFields,
    NodepoolCreateResponseFieldsPlacementStrategy,
    NodepoolUpdateFields,
    NonNullResource,
    PlacementStrategy,
    ProjectCreationRequest,
    ResourcesNodePool,
    ResourcesNullable,
    ScopeType,
    SubjectType,
    UserCreationRequest1,
)
from runai.runai_client import RunaiClient
from runai_emulator.testing import EmulatorProcess


@pytest.fixture
def client(emulator: EmulatorProcess) -> Iterator[RunaiClient]:
    config = Configuration(client_id=emulator.client_id, client_secret=emulator.client_secret,
                           runai_base_url=emulator.url, retry_enabled=False)
    with RunaiClient(ApiClient(config)) as sdk:
        yield sdk


def _resources(pool: dict[str, str], gpu: float) -> list[ResourcesNullable]:
    return [ResourcesNullable(
        nodePool=ResourcesNodePool(id=pool["id"], name=pool["name"]),
        gpu=NonNullResource(deserved=gpu, limit=-1))]


def test_runapy_org_lifecycle(client: RunaiClient, emulator: EmulatorProcess) -> None:
    org = client.organizations
    clusters = org.clusters.get_clusters().data
    assert [c["name"] for c in clusters] == ["local"]
    cluster_id = clusters[0]["uuid"]
    pools = org.node_pools.get_nodepools().data["nodepools"]
    assert {p["name"] for p in pools} == {"default", "a100"}
    a100 = next(p for p in pools if p["name"] == "a100")

    dep = org.departments.create_department(DepartmentCreationRequest(
        name="research", clusterId=cluster_id, resources=_resources(a100, 4))).data
    quotas = {r["nodePool"]["id"]: r["gpu"]["deserved"] for r in dep["resources"]}
    assert quotas == {p["id"]: 4 if p is a100 else 0 for p in pools}  # every pool is listed
    org.departments.update_department_resources(
        department_id=dep["id"], resources_nullable=_resources(a100, 6))
    assert org.departments.get_department(dep["id"]).data["totalResources"]["gpuQuota"] == 6

    project = org.projects.create_project(ProjectCreationRequest(
        name="vision", clusterId=cluster_id, parentId=dep["id"],
        resources=_resources(a100, 2))).data
    assert project["parentId"] == dep["id"]
    found = org.projects.get_projects(filter_by=["name==vision", f"clusterId=={cluster_id}"])
    assert [p["id"] for p in found.data["projects"]] == [project["id"]]

    auth = client.authentication_and_authorization
    user = auth.users.create_user(UserCreationRequest1(email="ada@example.com")).data
    assert user["username"] == "ada@example.com" and user["tempPassword"]
    assert auth.users.get_user_by_id(user["id"]).data["isLocal"] is True
    roles = {r["name"]: r["id"] for r in auth.roles.get_roles_v1().data}
    rule = auth.access_rules.create_access_rule(AccessRuleCreationFields(
        subjectId="ada@example.com", subjectType=SubjectType.USER, roleId=roles["L2 researcher"],
        scopeId=project["id"], scopeType=ScopeType.PROJECT)).data
    listed = auth.access_rules.get_access_rules().data
    assert listed["totalRecords"] == 1 and listed["accessRules"][0]["id"] == rule["id"]

    auth.access_rules.delete_access_rule(rule["id"])
    auth.users.delete_user_by_id(user["id"])
    org.projects.delete_project(project["id"])
    org.departments.delete_department(dep["id"])
    with pytest.raises(ApiException) as gone:
        org.departments.get_department(dep["id"])
    assert gone.value.status == 404
    # every call went out as the SDK's client, with the token it fetched itself
    assert {r["clientId"] for r in emulator.requests()} == {emulator.client_id}


def test_runapy_node_pool_example(client: RunaiClient, emulator: EmulatorProcess) -> None:
    """runapy's examples/node_pools.py: create, list by cluster, find by name, patch, delete."""
    pools = client.organizations.node_pools
    cluster_id = client.organizations.clusters.get_clusters().data[0]["uuid"]
    created = pools.create_nodepool(nodepool_create_fields=NodepoolCreateFields(
        name="h100", labelKey="node-pool-type", labelValue="h100", clusterId=cluster_id)).data
    listed = pools.get_nodepools(filter_by=[f"clusterId=={cluster_id}"]).data["nodepools"]
    assert [p["name"] for p in listed] == ["default", "a100", "h100"]
    found = pools.get_nodepools(filter_by=["name==h100"]).data["nodepools"][0]
    assert found["id"] == created["id"]
    spread = PlacementStrategy(PlacementStrategy.SPREAD)
    patched = pools.patch_nodepool(nodepool_id=found["id"], nodepool_update_fields=(
        NodepoolUpdateFields(placementStrategy=NodepoolCreateResponseFieldsPlacementStrategy(
            cpu=spread, gpu=spread)))).data
    assert patched["schedulingConfiguration"]["placementStrategy"] == {"cpu": "spread",
                                                                       "gpu": "spread"}
    pools.delete_nodepool(nodepool_id=found["id"])
    with pytest.raises(ApiException) as gone:
        pools.get_nodepool(found["id"])
    assert gone.value.status == 404

"""Every service against the real emulator server: what a user of the services would check."""

from __future__ import annotations

from typing import Any

import pytest
from pulumi_runai.client import RunaiClient, get_client
from pulumi_runai.errors import Conflict, NotFound, WaitTimeout
from pulumi_runai.services import (
    AccessRules,
    Clusters,
    Departments,
    NodePools,
    Projects,
    Roles,
    Users,
)
from runai_emulator.testing import EmulatorProcess


def quota(pool: dict[str, Any], gpu: float) -> list[dict[str, Any]]:
    return [{"nodePool": {"id": pool["id"], "name": pool["name"]}, "gpu": {"deserved": gpu}}]


def test_clusters_list_and_get(client: RunaiClient) -> None:
    clusters = Clusters(client).list()
    assert [c["name"] for c in clusters] == ["local"]
    assert Clusters(client).get(clusters[0]["uuid"])["name"] == "local"


def test_node_pools_by_name_and_a_typo_lists_known_names(
    client: RunaiClient, cluster_id: str
) -> None:
    pools = NodePools(client)
    assert sorted(p["name"] for p in pools.list(cluster_id)) == ["a100", "default"]
    assert pools.by_name(cluster_id, "a100")["isDefault"] is False
    with pytest.raises(NotFound) as info:
        pools.by_name(cluster_id, "h100")
    assert "a100, default" in str(info.value)


def test_departments_crud_and_find(client: RunaiClient, cluster_id: str) -> None:
    deps = Departments(client)
    pool = NodePools(client).by_name(cluster_id, "default")
    created = deps.create(
        {"name": "research", "clusterId": cluster_id, "resources": quota(pool, 4)}
    )
    found = deps.find({"clusterId": cluster_id, "name": "research"})
    assert found is not None and found["id"] == created["id"] == deps.get(created["id"])["id"]
    assert deps.find({"clusterId": cluster_id, "name": "nope"}) is None
    assert {d["name"] for d in deps.list(cluster_id)} >= {"default", "research"}

    updated = deps.update(created["id"], {"description": "ml", "resources": quota(pool, 6)})
    assert updated["description"] == "ml"
    assert deps.get(created["id"])["resources"][0]["gpu"]["deserved"] == 6

    with pytest.raises(Conflict, match="already exists"):
        deps.create({"name": "research", "clusterId": cluster_id, "resources": quota(pool, 1)})

    deps.delete(created["id"])
    with pytest.raises(NotFound):
        deps.get(created["id"])


def test_projects_wait_ready_then_delete_and_wait_gone(
    client: RunaiClient, cluster_id: str
) -> None:
    projects = Projects(client)
    pool = NodePools(client).by_name(cluster_id, "default")
    dep = Departments(client).find({"clusterId": cluster_id, "name": "default"})
    assert dep is not None
    body = {
        "name": "team-a",
        "clusterId": cluster_id,
        "parentId": dep["id"],
        "resources": quota(pool, 1),
    }
    created = projects.create(body)
    ready = projects.wait_ready(created["id"], timeout=10)
    assert ready["status"]["phase"] == "Ready"
    assert ready["status"]["namespace"] == "runai-team-a"
    found = projects.find({"clusterId": cluster_id, "name": "team-a"})
    assert found is not None and found["id"] == created["id"]
    projects.delete(created["id"])
    projects.wait_deleted(created["id"], timeout=10)
    assert projects.find({"clusterId": cluster_id, "name": "team-a"}) is None


def test_project_wait_ready_times_out_naming_project_and_phase(
    emulator_factory: Any, settings_for: Any
) -> None:
    server: EmulatorProcess = emulator_factory("--ready-delay", "30")
    client = get_client(settings_for(server))
    cluster_id = Clusters(client).list()[0]["uuid"]
    pool = NodePools(client).by_name(cluster_id, "default")
    dep = Departments(client).find({"clusterId": cluster_id, "name": "default"})
    assert dep is not None
    created = Projects(client).create(
        {
            "name": "slow",
            "clusterId": cluster_id,
            "parentId": dep["id"],
            "resources": quota(pool, 1),
        }
    )
    # Polls at 0.05, 0.15, 0.35, 0.75 and 1.5 s: at most 5 however fast the server, and at
    # least 3 unless the first two polls take over a second (at 0.5 s, 0.35 s of delay sufficed).
    with pytest.raises(WaitTimeout) as info:
        Projects(client).wait_ready(created["id"], timeout=1.5)
    assert "'slow'" in str(info.value)
    assert "last phase Creating" in str(info.value)
    polls = [r for r in server.requests() if r["path"].endswith(f"/projects/{created['id']}")]
    assert 3 <= len(polls) <= 8  # backed off from 0.05 s, not a busy loop


def test_users_create_find_delete(client: RunaiClient) -> None:
    users = Users(client)
    created = users.create({"email": "Ada@Example.com", "resetPassword": False})
    assert created["tempPassword"]
    found = users.find({"email": "Ada@Example.com"})
    assert found is not None and found["id"] == created["id"]
    assert any(u["id"] == created["id"] for u in users.list())
    with pytest.raises(Conflict):
        users.create({"email": "Ada@Example.com"})
    users.delete(created["id"])
    assert users.find({"email": "Ada@Example.com"}) is None


def test_roles_by_name_is_cached_and_case_sensitive(
    client: RunaiClient, emulator: EmulatorProcess
) -> None:
    roles = Roles(client)
    emulator.clear_requests()
    for _ in range(20):
        assert roles.by_name("L1 researcher")["name"] == "L1 researcher"
    role_calls = [r for r in emulator.requests() if r["path"] == "/api/v2/authorization/roles"]
    assert len(role_calls) == 1
    with pytest.raises(NotFound, match="did you mean 'Viewer'"):
        roles.by_name("viewer")
    assert roles.get(roles.by_name("Viewer")["id"])["name"] == "Viewer"


def rule_key(role_id: int, scope_id: str) -> dict[str, Any]:
    return {"subjectType": "user", "subjectId": "bob@example.com", "roleId": role_id,
            "scopeType": "department", "scopeId": scope_id}


def test_access_rules_create_find_list_delete(client: RunaiClient, cluster_id: str) -> None:
    rules = AccessRules(client)
    role = Roles(client).by_name("Viewer")
    dep = Departments(client).find({"clusterId": cluster_id, "name": "default"})
    assert dep is not None
    body = {
        "subjectType": "user",
        "subjectId": "bob@example.com",
        "roleId": role["id"],
        "scopeType": "department",
        "scopeId": dep["id"],
        "clusterId": cluster_id,
    }
    created = rules.create(body)
    assert created["roleName"] == "Viewer"
    found = rules.find(rule_key(role["id"], dep["id"]))
    assert found is not None and found["id"] == created["id"]
    assert rules.find(rule_key(role["id"], "999")) is None
    assert [r["id"] for r in rules.list(subject_id="bob@example.com")] == [created["id"]]
    rules.delete(created["id"])
    assert rules.find(rule_key(role["id"], dep["id"])) is None


def test_list_all_pages_through_everything(client: RunaiClient, cluster_id: str) -> None:
    users = Users(client)
    for n in range(7):
        users.create({"email": f"page{n}@example.com"})
    listed = client.list_all("/api/v1/users", page_size=3)
    emails = [u["username"] for u in listed if u["username"].startswith("page")]
    assert sorted(emails) == [f"page{n}@example.com" for n in range(7)]
    assert len({u["id"] for u in listed}) == len(listed)

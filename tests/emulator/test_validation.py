"""Bad input gets a 4xx naming the field, and a rejected write leaves nothing behind."""

from __future__ import annotations

from typing import Any

import pytest
from runai_emulator.testing import EmulatorProcess

from .api import Api

CLUSTER = "{cluster}"


def _gpu(**quota: Any) -> list[dict[str, Any]]:
    return [{"nodePool": {"name": "default"}, "gpu": quota}]


DEPARTMENT_CASES = [
    ({"clusterId": CLUSTER, "resources": []}, "name"),
    ({"name": "Bad_Name", "clusterId": CLUSTER, "resources": []}, "name"),
    ({"name": "x" * 64, "clusterId": CLUSTER, "resources": []}, "63"),
    ({"name": "ok", "resources": []}, "clusterId"),
    ({"name": "ok", "clusterId": "nope", "resources": []}, "clusterId"),
    ({"name": "ok", "clusterId": CLUSTER}, "resources"),
    ({"name": "ok", "clusterId": CLUSTER, "resources": {}}, "resources"),
    ({"name": "ok", "clusterId": CLUSTER, "resources": _gpu(deserved=-1)},
     "resources[0].gpu.deserved"),
    ({"name": "ok", "clusterId": CLUSTER, "resources": _gpu(deserved=5, limit=2)}, "limit"),
    ({"name": "ok", "clusterId": CLUSTER, "resources": _gpu(deserved="2")}, "gpu.deserved"),
    ({"name": "ok", "clusterId": CLUSTER, "resources": [{"nodePool": {"name": "h100"}}]}, "h100"),
    ({"name": "ok", "clusterId": CLUSTER, "resources": [{"nodePool": {"id": "99"}}]},
     "nodePool.id"),
    ({"name": "ok", "clusterId": CLUSTER, "resources": [
        {"nodePool": {"name": "default"}, "memory": {"deserved": 1}}]}, "memory.units"),
    ({"name": "ok", "clusterId": CLUSTER, "resources": [], "defaultNodePools": ["h100"]},
     "defaultNodePools"),
    ({"name": "ok", "clusterId": CLUSTER, "resources": [],
      "schedulingRules": {"trainingJobTimeLimitSeconds": 0}}, "trainingJobTimeLimitSeconds"),
    ({"name": "ok", "clusterId": CLUSTER, "resources": [], "description": 5}, "description"),
]


def _fill(body: dict[str, Any], cluster: str) -> dict[str, Any]:
    return {k: (cluster if v == CLUSTER else v) for k, v in body.items()}


@pytest.mark.parametrize("body, field", DEPARTMENT_CASES)
def test_bad_department_bodies(emulator: EmulatorProcess, body: dict[str, Any],
                               field: str) -> None:
    api = Api(emulator)
    before = emulator.state()
    response = api.post("/api/v1/org-unit/departments", _fill(body, api.cluster_id()))
    assert response.status_code == 400, response.text
    assert field in response.json()["message"]
    assert emulator.state() == before


@pytest.mark.parametrize("extra, field", [
    ({"parentId": "424242"}, "parentId"),
    ({"requestedNamespace": "Not Valid"}, "requestedNamespace"),
    ({"enforceRunaiScheduler": "yes"}, "enforceRunaiScheduler"),
])
def test_bad_project_bodies(emulator: EmulatorProcess, extra: dict[str, Any], field: str) -> None:
    api = Api(emulator)
    before = emulator.state()
    body = {"name": "p", "clusterId": api.cluster_id(), "resources": [], **extra}
    response = api.post("/api/v1/org-unit/projects", body)
    assert response.status_code == 400 and field in response.json()["message"]
    assert emulator.state() == before


@pytest.mark.parametrize("body, field", [
    ({}, "subjectType"),
    ({"subjectType": "robot"}, "subjectType"),
    ({"subjectType": "user", "subjectId": "a@b.io", "roleId": 999, "scopeType": "tenant",
      "scopeId": "1001"}, "roleId"),
    ({"subjectType": "user", "subjectId": "a@b.io", "roleId": "8", "scopeType": "tenant",
      "scopeId": "1001"}, "roleId"),
    ({"subjectType": "user", "subjectId": "a@b.io", "roleId": 8, "scopeType": "galaxy",
      "scopeId": "1"}, "scopeType"),
    ({"subjectType": "user", "subjectId": "a@b.io", "roleId": 8, "scopeType": "project",
      "scopeId": "424242"}, "scopeId"),
])
def test_bad_access_rules(emulator: EmulatorProcess, body: dict[str, Any], field: str) -> None:
    response = Api(emulator).post("/api/v1/authorization/access-rules", body)
    assert response.status_code == 400 and field in response.json()["message"]
    assert emulator.state()["access_rules"] == []


@pytest.mark.parametrize("body, field", [
    ({}, "email"), ({"email": "not-an-email"}, "email"), ({"email": 5}, "email"),
    ({"email": "a@b.io", "notify": "yes"}, "notify"),
])
def test_bad_users(emulator: EmulatorProcess, body: dict[str, Any], field: str) -> None:
    response = Api(emulator).post("/api/v1/users", body)
    assert response.status_code == 400 and field in response.json()["message"]
    assert emulator.state()["users"] == []


def test_non_json_body_is_400(emulator: EmulatorProcess) -> None:
    response = Api(emulator).call("POST", "/api/v1/users", data=b"{nope",
                                  headers={"Content-Type": "application/json"})
    assert response.status_code == 400 and "JSON" in response.json()["message"]


def test_failed_update_keeps_the_old_object(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    dep = api.department("keep", gpu=3, description="before")
    bad = api.put(f"/api/v1/org-unit/departments/{dep['id']}",
                  {"description": "after", "resources": _gpu(deserved=-2)})
    assert bad.status_code == 400
    now = api.get(f"/api/v1/org-unit/departments/{dep['id']}").json()
    assert now["description"] == "before" and now["resources"] == dep["resources"]


@pytest.mark.parametrize("query, field", [
    ("filterBy=colour==red", "colour"), ("filterBy=name~~x", "~~"), ("limit=0", "limit"),
    ("limit=501", "limit"), ("offset=-1", "offset"), ("sortBy=shoe", "sortBy"),
    ("sortOrder=up", "sortOrder"), ("limit=ten", "limit"),
])
def test_bad_list_queries(emulator: EmulatorProcess, query: str, field: str) -> None:
    response = Api(emulator).get(f"/api/v1/org-unit/projects?{query}")
    assert response.status_code == 400 and field in response.json()["message"]


def test_users_accept_only_their_operators(emulator: EmulatorProcess) -> None:
    response = Api(emulator).get("/api/v1/users?filterBy=username!=x")
    assert response.status_code == 400 and "!=" in response.json()["message"]


@pytest.mark.parametrize("path", [
    "/api/v1/org-unit/departments/424242", "/api/v1/org-unit/projects/424242",
    "/api/v1/users/424242", "/api/v1/authorization/access-rules/424242",
    "/api/v1/authorization/roles/424242", "/api/v1/node-pools/424242",
    "/api/v1/clusters/424242",
])
def test_unknown_ids_are_404(emulator: EmulatorProcess, path: str) -> None:
    response = Api(emulator).get(path)
    assert response.status_code == 404 and response.json()["code"] == 404

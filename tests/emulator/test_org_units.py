"""Departments and projects behave the way the provider relies on."""

from __future__ import annotations

import time
from collections.abc import Callable

from runai_emulator.testing import EmulatorProcess

from .api import Api

PROJECTS = "/api/v1/org-unit/projects"
DEPARTMENTS = "/api/v1/org-unit/departments"


def test_server_fills_in_defaults(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    project = api.project("defaults")
    assert project["enforceRunaiScheduler"] is True
    assert project["description"] == ""
    assert project["createdBy"] == emulator.client_id
    assert project["parent"]["name"] == "default"  # no parentId → the cluster's default dept
    assert project["resources"][0]["nodePool"]["id"] and project["totalResources"]["gpuQuota"] == 1
    assert project["status"]["namespace"] == "runai-defaults"


def test_node_pool_by_id_or_name_answers_both(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    pools = {p["name"]: p["id"] for p in api.get("/api/v1/node-pools").json()["nodepools"]}
    by_id = api.department("by-id", resources=[{"nodePool": {"id": pools["a100"]},
                                                 "gpu": {"deserved": 3}}])
    by_name = api.department("by-name", resources=[{"nodePool": {"name": "a100"},
                                                     "gpu": {"deserved": 3}}])
    expected = {"id": pools["a100"], "name": "a100"}
    for dep in (by_id, by_name):
        assert [r["nodePool"] for r in dep["resources"] if r["gpu"]["deserved"]] == [expected]


def test_duplicate_names_conflict(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    api.department("twin")
    again = api.post(DEPARTMENTS, {"name": "twin", "clusterId": api.cluster_id(),
                                   "resources": []})
    assert again.status_code == 409 and "twin" in again.json()["message"]
    api.project("p-twin")
    assert api.post(PROJECTS, {"name": "p-twin", "clusterId": api.cluster_id(),
                               "resources": []}).status_code == 409


def test_project_phase_follows_ready_delay(
    emulator_factory: Callable[..., EmulatorProcess],
) -> None:
    # 1 s, not less: the GET right after the DELETE must land while the project is Deleting,
    # even when a loaded machine stalls between the two requests.
    server = emulator_factory("--ready-delay", "1")
    api = Api(server)
    project = api.project("slow")
    assert project["status"]["phase"] == "Creating" and project["status"]["namespace"] is None
    deadline = time.monotonic() + 5
    phase = "Creating"
    while phase != "Ready" and time.monotonic() < deadline:
        time.sleep(0.02)
        phase = api.get(f"{PROJECTS}/{project['id']}").json()["status"]["phase"]
    assert phase == "Ready"

    gone = api.delete(f"{PROJECTS}/{project['id']}")
    assert gone.status_code == 202
    assert api.get(f"{PROJECTS}/{project['id']}").json()["status"]["phase"] == "Deleting"
    status = 200
    while status == 200 and time.monotonic() < deadline + 5:
        time.sleep(0.02)
        status = api.get(f"{PROJECTS}/{project['id']}").status_code
    assert status == 404


def test_zero_delay_delete_is_202_and_gone(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    project = api.project("quick")
    assert api.delete(f"{PROJECTS}/{project['id']}").status_code == 202
    assert api.get(f"{PROJECTS}/{project['id']}").status_code == 404


def test_legacy_project_delete_is_204(emulator_factory: Callable[..., EmulatorProcess]) -> None:
    api = Api(emulator_factory("--legacy-project-delete", "--ready-delay", "5"))
    project = api.project("legacy")
    assert api.delete(f"{PROJECTS}/{project['id']}").status_code == 204
    assert api.get(f"{PROJECTS}/{project['id']}").status_code == 404


def test_department_with_projects_is_not_deleted(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    dep = api.department("busy")
    api.project("alpha", parent_id=dep["id"])
    api.project("beta", parent_id=dep["id"])
    refused = api.delete(f"{DEPARTMENTS}/{dep['id']}")
    assert refused.status_code == 409
    assert "alpha" in refused.json()["message"] and "beta" in refused.json()["message"]
    assert api.get(f"{DEPARTMENTS}/{dep['id']}").json()["children"][0]["name"] == "alpha"


def test_cascading_department_delete(emulator_factory: Callable[..., EmulatorProcess]) -> None:
    server = emulator_factory("--cascade-department-delete")
    api = Api(server)
    dep = api.department("doomed")
    project = api.project("inside", parent_id=dep["id"])
    assert api.delete(f"{DEPARTMENTS}/{dep['id']}").status_code == 204
    assert api.get(f"{PROJECTS}/{project['id']}").status_code == 404


def test_deletes_remove_access_rules(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    project = api.project("ruled")
    user = api.post("/api/v1/users", {"email": "r@example.com"}).json()
    rule = {"subjectType": "user", "subjectId": "r@example.com", "roleId": 8}
    on_project = api.post("/api/v1/authorization/access-rules",
                          {**rule, "scopeType": "project", "scopeId": project["id"]})
    on_tenant = api.post("/api/v1/authorization/access-rules",
                         {**rule, "scopeType": "tenant", "scopeId": "1001"})
    other = api.post("/api/v1/authorization/access-rules",
                     {**rule, "subjectId": "x@example.com", "scopeType": "tenant",
                      "scopeId": "1001"})
    assert {on_project.status_code, on_tenant.status_code, other.status_code} == {201}
    api.delete(f"{PROJECTS}/{project['id']}")
    assert api.get(f"/api/v1/authorization/access-rules/{on_project.json()['id']}"
                   ).status_code == 404
    api.delete(f"/api/v1/users/{user['id']}")
    remaining = api.get("/api/v1/authorization/access-rules").json()["accessRules"]
    assert [r["subjectId"] for r in remaining] == ["x@example.com"]


def test_duplicate_access_rule_conflicts(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    body = {"subjectType": "group", "subjectId": "ml-team", "roleId": 7, "scopeType": "tenant",
            "scopeId": "1001"}
    first = api.post("/api/v1/authorization/access-rules", body)
    second = api.post("/api/v1/authorization/access-rules", body)
    assert first.status_code == 201 and second.status_code == 409
    assert str(first.json()["id"]) in second.json()["message"]


def test_resources_put_replaces_and_patch_merges(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    dep = api.department("quota", gpu=2)
    path = f"{DEPARTMENTS}/{dep['id']}/resources"
    replaced = api.put(path, [{"nodePool": {"name": "a100"}, "gpu": {"deserved": 8}}]).json()
    assert {r["nodePool"]["name"]: r["gpu"]["deserved"] for r in replaced} == {"a100": 8,
                                                                               "default": 0}
    merged = api.patch(path, [{"nodePool": {"name": "default"}, "gpu": {"deserved": 1}},
                              {"nodePool": {"name": "a100"}, "gpu": {"deserved": 4}}]).json()
    assert {r["nodePool"]["name"]: r["gpu"]["deserved"] for r in merged} == {"a100": 4,
                                                                             "default": 1}
    assert api.get(f"{DEPARTMENTS}/{dep['id']}").json()["totalResources"]["gpuQuota"] == 5


def test_lists_filter_sort_and_page(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    for name in ("team-c", "team-a", "team-b", "other"):
        api.project(name)
    listed = api.get(f"{PROJECTS}?filterBy=name=^team&sortBy=name&sortOrder=desc&limit=2").json()
    assert [p["name"] for p in listed["projects"]] == ["team-c", "team-b"]
    assert listed["next"] == 2
    rest = api.get(f"{PROJECTS}?filterBy=name=^team&sortBy=name&sortOrder=desc&offset=2").json()
    assert [p["name"] for p in rest["projects"]] == ["team-a"] and "next" not in rest
    both = f"name==team-a,clusterId=={api.cluster_id()}"
    joined = api.get(PROJECTS, params={"filterBy": both})
    assert [p["name"] for p in joined.json()["projects"]] == ["team-a"]
    assert [p["name"] for p in api.get(f"{PROJECTS}?search=OTH").json()["projects"]] == ["other"]
    not_team = api.get(f"{PROJECTS}?filterBy=name!@team").json()["projects"]
    assert [p["name"] for p in not_team] == ["other"]


def test_node_pools_flag_seeds_more_pools(emulator_factory: Callable[..., EmulatorProcess]) -> None:
    api = Api(emulator_factory("--node-pools", "default,a100,h100"))
    pools = api.get("/api/v1/node-pools?sortBy=name").json()["nodepools"]
    assert [p["name"] for p in pools] == ["a100", "default", "h100"]
    assert [p["name"] for p in pools if p["isDefault"]] == ["default"]


def test_reset_returns_to_the_seed(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    api.department("temporary")
    emulator.reset()
    names = [d["name"] for d in api.get(DEPARTMENTS).json()["departments"]]
    assert names == ["default"]
    assert len(emulator.state()["roles"]) == 18

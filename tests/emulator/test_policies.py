"""Workload policies: PUT/GET/DELETE per type and scope, effective merge, validation by path."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from runai_emulator.testing import EmulatorProcess

from .api import Api
from .conformance import assert_answers_conform
from .test_spec_conformance import Recorder

TRAININGS = "/api/v2/policy/trainings"
WORKLOAD_TYPES = ("trainings", "workspaces", "distributed", "inferences",
                  "distributed-inferences", "nim-services")


def _gpu_limit(maximum: int, default: int | None = None) -> dict[str, Any]:
    policy: dict[str, Any] = {"rules": {"compute": {"gpuDevicesRequest": {"max": maximum}}}}
    if default is not None:
        policy["defaults"] = {"compute": {"gpuDevicesRequest": default}}
    return policy


def _put(api: Api, meta: dict[str, Any], policy: dict[str, Any],
         path: str = TRAININGS) -> requests.Response:
    return api.put(path, {"meta": {"name": "p", **meta}, "policy": policy})


def test_policy_lifecycle_with_effective_merge(emulator: EmulatorProcess) -> None:
    api = Recorder(emulator)
    dep = api.department("pol-dep")
    project = api.project("pol-proj", parent_id=dep["id"])
    on_dep = _put(api, {"scope": "department", "departmentId": dep["id"]}, _gpu_limit(4))
    assert on_dep.status_code == 200, on_dep.text
    own = _gpu_limit(8, default=1)
    on_project = _put(api, {"scope": "project", "projectId": int(project["id"])}, own)
    assert on_project.status_code == 200, on_project.text
    answer = on_project.json()
    meta = answer["meta"]
    assert meta["scope"] == "project" and meta["projectId"] == int(project["id"])
    assert meta["clusterId"] == api.cluster_id() and meta["name"] == "p" and meta["id"]
    assert answer["policy"] == own  # the project's own policy, as written
    effective = answer["effective"]
    assert effective["rules"]["compute"]["gpuDevicesRequest"]["max"] == 4  # department wins
    assert effective["defaults"]["compute"]["gpuDevicesRequest"] == 1

    query = {"scope": "project", "projectId": project["id"]}
    assert api.get(TRAININGS, params=query).json() == answer
    changed = _put(api, {"scope": "project", "projectId": int(project["id"]), "name": "q"},
                   _gpu_limit(2))
    assert changed.json()["meta"]["id"] == meta["id"]  # replaced in place
    assert changed.json()["policy"] == _gpu_limit(2)  # what was left out is gone
    assert changed.json()["effective"]["rules"]["compute"]["gpuDevicesRequest"]["max"] == 4

    listed = api.get("/api/v2/policy", params={"workloadType": "Training"}).json()["policies"]
    assert sorted((p["type"], p["meta"]["scope"]) for p in listed) == [
        ("training", "department"), ("training", "project")]
    only = api.get("/api/v2/policy", params={"projectId": project["id"]}).json()["policies"]
    assert [p["meta"]["name"] for p in only] == ["q"]

    assert api.delete(f"{TRAININGS}?scope=project&projectId={project['id']}").status_code == 204
    assert api.get(TRAININGS, params=query).status_code == 404
    assert api.delete(f"{TRAININGS}?scope=project&projectId={project['id']}").status_code == 404
    assert api.get("/api/v2/policy", params={"workloadType": "Workspace"}).json() == {
        "policies": []}
    assert_answers_conform([r for r in api.seen if "/api/v2/policy" in r.url], emulator.url)


def test_every_workload_type_on_tenant_and_cluster(emulator: EmulatorProcess) -> None:
    api = Recorder(emulator)
    cluster = api.cluster_id()
    pools: dict[str, Any] = {"nodePools": ["default"]}
    for kind in WORKLOAD_TYPES:
        path = f"/api/v2/policy/{kind}"
        defaults = {"worker": pools} if kind == "distributed" else pools
        policy = {"defaults": defaults, "rules": {}}
        for meta in ({"scope": "tenant"}, {"scope": "cluster", "clusterId": cluster}):
            response = _put(api, meta, policy, path)
            assert response.status_code == 200, f"{kind} {meta}: {response.text}"
        got = api.get(path, params={"scope": "cluster", "clusterId": cluster})
        assert got.status_code == 200 and got.json()["meta"]["clusterId"] == cluster
        assert api.delete(f"{path}?scope=tenant").status_code == 204
    assert len(api.get("/api/v2/policy").json()["policies"]) == len(WORKLOAD_TYPES)
    assert api.put("/api/v2/policy/jobs", {}).status_code == 404
    assert_answers_conform([r for r in api.seen if "/jobs" not in r.url], emulator.url)


def _meta(case: str, ids: dict[str, str]) -> dict[str, Any]:
    return {
        "project": {"scope": "project", "projectId": int(ids["project"])},
        "no-project": {"scope": "project", "projectId": 999999},
        "string-project": {"scope": "project", "projectId": ids["project"]},
        "no-id": {"scope": "department"},
        "tenant-with-cluster": {"scope": "tenant", "clusterId": ids["cluster"]},
        "department-with-project": {"scope": "department", "departmentId": ids["department"],
                                    "projectId": int(ids["project"])},
        "system": {"scope": "system"},
        "no-name": {"scope": "tenant", "name": ""},
        "unknown-meta": {"scope": "tenant", "owner": "me"},
    }[case]


@pytest.mark.parametrize("case, policy, words", [
    ("project", {"rules": {"compute": {"gpuDevicesRequest": {"mx": 4}}}},
     "policy.rules.compute.gpuDevicesRequest.mx is not a field"),
    ("project", {"rules": {"compute": {"gpuDevicesRequest": {"max": "4"}}}},
     "policy.rules.compute.gpuDevicesRequest.max must be an integer"),
    ("project", {"defaults": {"imagePullPolicy": "Sometimes"}},
     "policy.defaults.imagePullPolicy must be one of"),
    ("project", {"imposedAssets": ["not-a-uuid"]}, "policy.imposedAssets[0]"),
    ("project", {"limits": {}}, "policy.limits is not a field"),
    ("no-project", {}, "meta.projectId: project '999999' does not exist"),
    ("string-project", {}, "meta.projectId must be an integer"),
    ("no-id", {}, "meta.departmentId is required"),
    ("tenant-with-cluster", {}, "meta.clusterId must not be set"),
    ("department-with-project", {}, "meta.projectId must not be set"),
    ("system", {}, "meta.scope must be one of tenant"),
    ("no-name", {}, "meta.name must not be empty"),
    ("unknown-meta", {}, "meta.owner is not a field"),
])
def test_bad_policies_name_the_path(emulator: EmulatorProcess, case: str,
                                    policy: dict[str, Any], words: str) -> None:
    api = Api(emulator)
    dep = api.department("bad-dep")
    ids = {"project": api.project("bad-proj", parent_id=dep["id"])["id"],
           "department": dep["id"], "cluster": api.cluster_id()}
    response = _put(api, _meta(case, ids), policy)
    assert response.status_code == 400, response.text
    assert words in response.json()["message"]
    assert api.get("/api/v2/policy").json() == {"policies": []}


def test_nim_policies_have_no_imposed_assets_and_queries_are_checked(
        emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    nim = _put(api, {"scope": "tenant"}, {"imposedAssets": []}, "/api/v2/policy/nim-services")
    assert nim.status_code == 400 and "policy.imposedAssets" in nim.json()["message"]
    for query, words in (({}, "scope is required"), ({"scope": "department"}, "departmentId"),
                         ({"scope": "tenant", "projectId": "1"}, "projectId")):
        response = api.get(TRAININGS, params=query)
        assert response.status_code == 400 and words in response.json()["message"]
    assert api.get(TRAININGS, params={"scope": "tenant"}).status_code == 404
    body = api.get("/api/v2/policy", params={"workloadType": "Jobs"})
    assert body.status_code == 400 and "workloadType" in body.json()["message"]


def test_validate_only_stores_nothing(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    body = {"meta": {"scope": "tenant", "name": "t"}, "policy": _gpu_limit(2)}
    checked = api.call("PUT", TRAININGS, json=body, params={"validateOnly": "true"})
    assert checked.status_code == 200 and checked.json()["policy"] == _gpu_limit(2)
    assert api.get(TRAININGS, params={"scope": "tenant"}).status_code == 404


def test_deleting_a_project_or_department_deletes_its_policies(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    dep = api.department("short-dep")
    project = api.project("short-lived")
    assert _put(api, {"scope": "project", "projectId": int(project["id"])}, {}).status_code == 200
    assert _put(api, {"scope": "department", "departmentId": dep["id"]}, {},
                "/api/v2/policy/workspaces").status_code == 200
    assert api.delete(f"/api/v1/org-unit/projects/{project['id']}").status_code in (202, 204)
    assert [p["meta"]["scope"] for p in emulator.state()["policies"]] == ["department"]
    assert api.get(TRAININGS, params={"scope": "project", "projectId": project["id"]}
                   ).status_code == 404
    assert api.delete(f"/api/v1/org-unit/departments/{dep['id']}").status_code == 204
    assert emulator.state()["policies"] == []
    assert api.get("/api/v2/policy").json() == {"policies": []}


def test_state_lists_and_reset_clears_the_new_kinds(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    api.post("/api/v1/service-accounts", {"name": "bot"})
    api.post("/api/v2/authorization/roles", {"name": "Custom", "description": "d"})
    _put(api, {"scope": "tenant"}, _gpu_limit(1))
    state = emulator.state()
    assert [a["name"] for a in state["service_accounts"]] == ["bot"]
    assert [p["meta"]["scope"] for p in state["policies"]] == ["tenant"]
    assert "Custom" in [r["name"] for r in state["roles"]]
    emulator.reset()
    state = emulator.state()
    assert state["service_accounts"] == [] and state["policies"] == []
    assert "Custom" not in [r["name"] for r in state["roles"]]
    assert "L1 researcher" in [r["name"] for r in state["roles"]]

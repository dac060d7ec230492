"""v2 roles: predefined ones listed and read-only, custom ones from the permission-set catalogue."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from runai_emulator.testing import EmulatorProcess

from .api import Api
from .conformance import assert_answers_conform, assert_matches_schema, component

ROLES = "/api/v2/authorization/roles"
SETS = "/api/v1/authorization/permission-sets"
ROLE_LIST = {"type": "object", "required": ["roles"],
             "properties": {"roles": {"type": "array", "items": component("Role1")},
                            "next": {"type": "integer"}}}


def _catalogue(api: Api) -> dict[str, dict[str, Any]]:
    response = api.get(SETS)
    assert response.status_code == 200
    return {s["name"]: s for s in response.json()["permissionSets"]}


def _ref(permission_set: dict[str, Any]) -> dict[str, str]:
    return {"id": permission_set["id"], "name": permission_set["name"]}


def test_v2_lists_the_predefined_roles_with_v1_ids(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    v1 = {r["name"]: r["id"] for r in api.get("/api/v1/authorization/roles").json()}
    listed = api.get(ROLES, params={"limit": 500}).json()
    assert_matches_schema(listed, ROLE_LIST)
    assert "next" not in listed
    assert {r["name"]: r["id"] for r in listed["roles"]} == v1
    assert v1["L1 researcher"] == 5 and not any(r["custom"] for r in listed["roles"])
    page = api.get(ROLES, params={"limit": 5, "sortBy": "name"}).json()
    assert len(page["roles"]) == 5 and page["next"] == 5
    found = api.get(ROLES, params={"filterBy": "name==L1 researcher"}).json()["roles"]
    assert [r["id"] for r in found] == [5]
    one = api.get(f"{ROLES}/5").json()
    assert_matches_schema(one, component("Role1"))
    assert api.get(f"{ROLES}/424242").status_code == 404


def test_permission_set_catalogue(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    body = api.get(SETS).json()
    sets = body["permissionSets"]
    assert len(sets) >= 5 and len({s["name"] for s in sets}) == len(sets)
    for item in sets:
        assert_matches_schema(item, component("PermissionSet"))
        assert uuid.UUID(item["id"]) and item["description"] and item["permissions"]
    first = api.get(f"{SETS}/{sets[0]['id']}")
    assert first.status_code == 200 and first.json() == sets[0]
    assert api.get(f"{SETS}/{uuid.uuid4()}").status_code == 404
    emulator.reset()
    assert api.get(SETS).json() == body  # ids are stable across resets


def test_custom_role_lifecycle_and_access_rules(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    sets = _catalogue(api)
    chosen = [_ref(sets["Project management"]), _ref(sets["Workload viewer"])]
    created = api.post(ROLES, {"name": "Project lead", "description": "runs projects",
                               "permissionSets": chosen})
    assert created.status_code == 201, created.text
    role = created.json()
    assert_matches_schema(role, component("Role1"))
    assert isinstance(role["id"], int) and role["custom"] is True and role["enabled"] is True
    assert role["permissionSets"] == chosen
    granted = {p["resourceType"]: p["actions"] for p in role["permissions"]}
    assert granted["project"] == ["create", "read", "update", "delete"]
    assert granted["trainings"] == ["read"]
    path = f"{ROLES}/{role['id']}"
    assert api.get(path).json() == role
    names = [r["name"] for r in api.get(ROLES, params={"limit": 500}).json()["roles"]]
    assert "Project lead" in names and "L1 researcher" in names

    viewer = [_ref(sets["Organization viewer"])]
    updated = api.put(path, {"name": "Project lead", "description": "reads projects",
                             "enabled": False, "permissionSets": viewer})
    assert updated.status_code == 200, updated.text
    after = updated.json()
    assert after["id"] == role["id"] and after["enabled"] is False
    assert after["description"] == "reads projects"
    assert {p["resourceType"] for p in after["permissions"]} == {
        "department", "project", "cluster", "nodepools"}
    v1 = api.get(f"/api/v1/authorization/roles/{role['id']}")
    assert v1.status_code == 200 and v1.json()["custom"] is True
    assert_answers_conform([v1, api.get("/api/v1/authorization/roles")], emulator.url)

    rule = api.post("/api/v1/authorization/access-rules", {
        "subjectType": "user", "subjectId": "lead@example.com", "roleId": role["id"],
        "scopeType": "tenant", "scopeId": "1001"})
    assert rule.status_code == 201, rule.text
    assert rule.json()["roleName"] == "Project lead"
    refused = api.delete(path)
    assert refused.status_code == 400 and str(rule.json()["id"]) in refused.json()["message"]
    assert api.delete(f"/api/v1/authorization/access-rules/{rule.json()['id']}").status_code == 204
    assert api.delete(path).status_code == 204
    assert api.get(path).status_code == 404
    assert api.delete(path).status_code == 404


def test_predefined_roles_are_read_only(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    for response in (api.put(f"{ROLES}/5", {"name": "L1 researcher", "description": "x"}),
                     api.delete(f"{ROLES}/5")):
        assert response.status_code == 403
        assert "predefined" in response.json()["message"]
    assert api.get(f"{ROLES}/5").json()["description"] != "x"


@pytest.mark.parametrize("body, status, words", [
    ({"description": "d"}, 400, "name is required"),
    ({"name": "r"}, 400, "description is required"),
    ({"name": " ", "description": "d"}, 400, "name must not be empty"),
    ({"name": "r", "description": "d", "enabled": "yes"}, 400, "enabled"),
    ({"name": "r", "description": "d", "permissions": []}, 400, "permissions"),
    ({"name": "r", "description": "d", "permissionSets": {}}, 400, "permissionSets"),
    ({"name": "r", "description": "d", "permissionSets": [{"id": str(uuid.UUID(int=7))}]},
     400, "permissionSets[0].id"),
    ({"name": "r", "description": "d", "permissionSets": [{"name": "Workload viewer"}]},
     400, "permissionSets[0]"),
    ({"name": "L1 researcher", "description": "d"}, 409, "already exists"),
    ({"name": "Taken", "description": "d"}, 409, "already exists"),
])
def test_bad_role_writes_name_the_problem(emulator: EmulatorProcess, body: dict[str, Any],
                                          status: int, words: str) -> None:
    api = Api(emulator)
    api.post(ROLES, {"name": "Taken", "description": "d"})
    before = api.get(ROLES, params={"limit": 500}).json()
    response = api.post(ROLES, body)
    assert response.status_code == status and words in response.json()["message"]
    assert api.get(ROLES, params={"limit": 500}).json() == before


def test_permission_set_name_must_match_its_id(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    sets = _catalogue(api)
    wrong = {"id": sets["Workload viewer"]["id"], "name": "Project management"}
    response = api.post(ROLES, {"name": "r", "description": "d", "permissionSets": [wrong]})
    assert response.status_code == 400 and "Workload viewer" in response.json()["message"]
    twice = [_ref(sets["Workload viewer"])] * 2
    response = api.post(ROLES, {"name": "r", "description": "d", "permissionSets": twice})
    assert response.status_code == 400 and "twice" in response.json()["message"]


def test_v2_roles_serve_a_3_0_control_plane(emulator: EmulatorProcess) -> None:
    """3.0 removed v1 roles; v2 still lists the predefined roles and takes custom ones."""
    emulator.set_switches(api_version="3.0")
    api = Api(emulator)
    assert api.get("/api/v1/authorization/roles").status_code == 404
    names = {r["name"]: r["id"] for r in api.get(ROLES, params={"limit": 500}).json()["roles"]}
    assert names["L1 researcher"] == 5
    role = api.post(ROLES, {"name": "Auditor", "description": "reads",
                            "permissionSets": [_ref(_catalogue(api)["Organization viewer"])]})
    assert role.status_code == 201, role.text
    rule = api.post("/api/v1/authorization/access-rules", {
        "subjectType": "user", "subjectId": "a@example.com", "roleId": role.json()["id"],
        "scopeType": "tenant", "scopeId": "1001"})
    assert rule.status_code == 201 and rule.json()["roleName"] == "Auditor"

"""adopt-existing: objects made by hand are taken over (same ids), not created again."""

from __future__ import annotations

from runai_emulator.testing import EmulatorProcess

from .conftest import EXAMPLES, StackFactory, api, by_name, posts


def _click_it_together(emulator: EmulatorProcess) -> dict[str, str]:
    """What an admin did in the UI before the team adopted Pulumi."""
    cluster = emulator.state()["clusters"][0]["uuid"]
    pool = {"id": "1", "name": "default"}
    dept = api(
        emulator,
        "POST",
        "/api/v1/org-unit/departments",
        {
            "name": "legacy",
            "clusterId": cluster,
            "resources": [{"nodePool": pool, "gpu": {"deserved": 4, "limit": -1}}],
        },
    )
    project = api(
        emulator,
        "POST",
        "/api/v1/org-unit/projects",
        {
            "name": "legacy-batch",
            "clusterId": cluster,
            "parentId": dept["id"],
            "resources": [{"nodePool": pool, "gpu": {"deserved": 2, "limit": -1}}],
        },
    )
    user = api(emulator, "POST", "/api/v1/users", {"email": "old-timer@example.com"})
    role = next(r for r in emulator.state()["roles"] if r["name"] == "L2 researcher")
    rule = api(
        emulator,
        "POST",
        "/api/v1/authorization/access-rules",
        {
            "subjectId": "old-timer@example.com",
            "subjectType": "user",
            "roleId": role["id"],
            "scopeId": project["id"],
            "scopeType": "project",
            "clusterId": cluster,
        },
    )
    return {
        "dept": dept["id"],
        "project": project["id"],
        "user": user["id"],
        "rule": str(rule["id"]),
    }


def test_adopting_keeps_ids_creates_nothing_and_applies_the_description(
    emulator: EmulatorProcess, stack: StackFactory
) -> None:
    before = _click_it_together(emulator)
    emulator.clear_requests()

    result = stack().up(EXAMPLES / "adopt-existing")

    for path in (
        "/api/v1/org-unit/departments",
        "/api/v1/org-unit/projects",
        "/api/v1/users",
        "/api/v1/authorization/access-rules",
    ):
        assert posts(emulator, path) == [], f"{path} was created again instead of adopted"
    assert result.stack_outputs == {
        "department_id": before["dept"],
        "project_id": before["project"],
    }
    dept = by_name(emulator, "departments")["legacy"]
    assert dept["description"].startswith("Created in the UI in 2023")
    assert [str(r["id"]) for r in emulator.state()["access_rules"]] == [before["rule"]]
    assert by_name(emulator, "users", "username")["old-timer@example.com"]["id"] == before["user"]

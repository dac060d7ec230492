"""quickstart: one of each kind lands in the tenant, a re-run changes nothing, destroy cleans up."""

from __future__ import annotations

from runai_emulator.testing import EmulatorProcess

from .conftest import EXAMPLES, StackFactory, by_name


def test_quickstart_creates_one_of_each_kind_linked_by_id(
    emulator: EmulatorProcess, stack: StackFactory
) -> None:
    s = stack()
    result = s.up(EXAMPLES / "quickstart")

    dept = by_name(emulator, "departments")["ml"]
    project = by_name(emulator, "projects")["ml-team"]
    assert project["parentId"] == dept["id"]
    deserved = {r["nodePool"]["name"]: r["gpu"]["deserved"] for r in project["resources"]}
    # the pool it names gets its quota; the tenant lists its other pools at zero
    assert deserved.pop("default") == 2 and set(deserved.values()) <= {0}
    assert "kim@example.com" in by_name(emulator, "users", "username")
    [rule] = emulator.state()["access_rules"]
    assert (rule["subjectId"], rule["roleName"], rule["scopeType"], rule["scopeId"]) == (
        "kim@example.com",
        "L1 researcher",
        "project",
        project["id"],
    )
    assert result.stack_outputs["project_id"] == project["id"]

    again = s.up(EXAMPLES / "quickstart")
    assert set(again.ops().values()) == {"same"}

    s.destroy()
    assert "ml" not in by_name(emulator, "departments")
    assert emulator.state()["access_rules"] == [] and emulator.state()["users"] == []

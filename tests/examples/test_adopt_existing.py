"""adopt-existing: objects made by hand are taken over (same ids), not created again."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from runai_emulator.testing import EmulatorProcess

from .conftest import EXAMPLES, StackFactory, by_name, posts


def _made_by_hand_script() -> ModuleType:
    """The example's own step that makes the objects by hand (what its README runs first)."""
    spec = importlib.util.spec_from_file_location(
        "made_by_hand", EXAMPLES / "adopt-existing" / "made_by_hand.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_adopting_keeps_ids_creates_nothing_and_applies_the_description(
    emulator: EmulatorProcess, stack: StackFactory
) -> None:
    script = _made_by_hand_script()
    tenant = script.Tenant(emulator.url, emulator.client_id, emulator.client_secret)
    before = script.make_by_hand(tenant)
    assert script.make_by_hand(tenant) == before  # running it again makes nothing new
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
        "department_id": before["department"],
        "project_id": before["project"],
    }
    dept = by_name(emulator, "departments")["legacy"]
    assert dept["description"].startswith("Created in the UI in 2023")
    assert [str(r["id"]) for r in emulator.state()["access_rules"]] == [before["access_rule"]]
    assert by_name(emulator, "users", "username")["old-timer@example.com"]["id"] == before["user"]

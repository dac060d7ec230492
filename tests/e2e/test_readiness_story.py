"""Story: on a real cluster a project takes a while to become Ready and to go away.

With `--ready-delay 0.3` the emulator keeps a new project `Creating` and a deleted one
`Deleting` for 0.3 s. Whatever is scoped to a project must wait for it, and the department
may be deleted only once its projects are really gone (Run:ai refuses it before).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from runai_emulator.testing import EmulatorProcess

from .conftest import stack_on
from .programs import Grant, Org, ProjectSpec, program
from .tenant import Tenant


def test_creates_wait_for_ready_and_destroy_waits_for_the_project_to_be_gone(
    emulator_factory: Callable[..., EmulatorProcess], tmp_path: Path
) -> None:
    slow = emulator_factory("--ready-delay", "0.3")
    tenant = Tenant(slow)
    org = replace(
        Org(cluster_id=tenant.cluster_id),
        projects={"vision": ProjectSpec("vision", {"default": 1})},
        users=("grace@example.com",),
        grants=(Grant("grace@example.com", "L2 researcher", scope="vision"),),
    )
    stack = stack_on(slow, tmp_path / "state.json")

    # Up: the rule on vision is posted only after vision reports Ready.
    result = stack.up(program(org))
    calls = tenant.calls()
    project_id = tenant.named("projects")["vision"]["id"]
    created = calls.index("POST /api/v1/org-unit/projects")
    granted = calls.index("POST /api/v1/authorization/access-rules")
    polls = calls[created + 1:granted].count(f"GET /api/v1/org-unit/projects/{project_id}")
    assert polls >= 1, f"no wait for Ready between the project and its rule: {calls}"
    live = tenant.by_hand("GET", f"/api/v1/org-unit/projects/{project_id}")
    assert live["status"]["phase"] == "Ready"
    assert result.outputs["vision"]["phase"] == "Ready"

    # Destroy: the department goes only after the project answers 404 (not while Deleting).
    tenant.forget_calls()
    stack.destroy()
    calls = tenant.calls()
    dropped = calls.index(f"DELETE /api/v1/org-unit/projects/{project_id}")
    dept = calls.index(next(c for c in calls if c.startswith("DELETE /api/v1/org-unit/dep")))
    assert f"GET /api/v1/org-unit/projects/{project_id}" in calls[dropped:dept]
    refused = [r for r in slow.requests() if r["status"] >= 400 and r["method"] != "GET"]
    assert refused == [], "nothing was refused (no 409 for a department with projects)"
    assert tenant.inventory() == {
        "departments": [], "projects": [], "users": [], "access_rules": [],
    }

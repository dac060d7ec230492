"""The lifecycle stories, one suite over both providers: the dynamic resources (`pulumi_runai`)
and the native plugin (`pulumi_runai_native`), run by `pulumi_runai.testing` against the
emulator: create, no-op, update, replace (under lost answers), drift, destroy, secrets, and
taking over an existing object. One program text serves both (`programs.org`)."""

from __future__ import annotations

from typing import Any

import pulumi_runai_native
import pytest
import requests
from pulumi_runai.testing import HarnessError, Stack, is_secret
from runai_emulator.testing import EmulatorProcess

from .conftest import department_by_hand, writes
from .programs import key, org

DEPARTMENTS = "/api/v1/org-unit/departments"


def test_create_no_op_update_replace_drift_and_destroy(
    sdk: Any, stack: Stack, emulator: EmulatorProcess
) -> None:
    first = stack.up(org(sdk))
    assert first.ops() == dict.fromkeys(("ml", "vision", "kim", "kim-vision"), "create")
    assert key(sdk, "temp_password") in first.secret_outputs["kim"]
    assert is_secret(first.raw_stack_outputs["password"])
    assert emulator.client_secret not in stack.state_file.read_text()  # type: ignore[union-attr]
    emulator.clear_requests()
    assert set(stack.up(org(sdk)).ops().values()) == {"same"}
    assert writes(emulator) == []

    more = stack.up(org(sdk, gpu=3))
    assert more.ops()["vision"] == "update" and more.ops()["ml"] == "same"
    # the replacement under a fault: every write's answer is lost after Run:ai committed it;
    # still one new project, one new access rule (found again, never posted twice)
    emulator.set_faults(dropAfterCommitRate=1.0)
    renamed = stack.up(org(sdk, project="vision2", gpu=3))
    emulator.reset_faults()
    assert renamed.ops()["vision"] == "replace"
    state = emulator.state()
    assert [p["name"] for p in state["projects"] if p["name"].startswith("vision")] == \
        ["vision2"]
    assert [r.get("subjectId") for r in state["access_rules"]].count("kim@example.com") == 1

    # drift: the department's quota is edited in the UI; refresh sees it, up puts it back
    department = next(d for d in emulator.state()["departments"] if d["name"] == "ml")
    requests.patch(f"{emulator.url}{DEPARTMENTS}/{department['id']}/resources",
                   json=[{"nodePool": {"name": "default"}, "gpu": {"deserved": 1}}],
                   headers=emulator.headers(), timeout=10).raise_for_status()
    assert stack.refresh().outputs["ml"]["resources"][0]["gpu"]["deserved"] == 1
    assert stack.up(org(sdk, project="vision2", gpu=3)).ops()["ml"] == "update"

    stack.destroy()
    state = emulator.state()
    assert not [d for d in state["departments"] if d["name"] == "ml"]
    assert not [u for u in state["users"] if u["username"] == "kim@example.com"]


def test_an_update_preview_shows_what_the_update_will_leave(
    sdk: Any, stack: Stack, emulator: EmulatorProcess
) -> None:
    """The native plugin previews an update (Update with preview=true): the new quota over the
    old outputs, so dependents see the namespace the update keeps; the dynamic host has no
    preview support, so the engine hands back the inputs and the namespace is unknown."""
    made = stack.up(org(sdk)).outputs["vision"]
    emulator.clear_requests()
    preview = stack.preview(org(sdk, gpu=3))
    assert preview.ops()["vision"] == "update" and writes(emulator) == []
    planned = preview.outputs["vision"]
    assert planned["resources"][0]["gpu"]["deserved"] == 3
    if sdk is pulumi_runai_native:
        assert planned["namespace"] == "runai-vision"
        assert planned[key(sdk, "project_id")] == made[key(sdk, "project_id")]
    else:
        assert "namespace" not in planned


def test_an_existing_department_is_taken_over_without_a_create(
    sdk: Any, stack: Stack, emulator: EmulatorProcess
) -> None:
    """Native: `import_` (Read by id; the program must match). Dynamic: `adopt=True`, since the
    dynamic host cannot import (pulumi/pulumi#16175). A clash without either is explained."""
    dept_id, _cluster = department_by_hand(emulator)
    with pytest.raises(Exception, match="adopt"):
        stack.up(org(sdk))  # 409: the message names the id and the way out
    if sdk is pulumi_runai_native:
        with pytest.raises(Exception, match="do not match"):
            stack.up(org(sdk, import_=dept_id, dept_gpu=9))
        emulator.clear_requests()
        taken = stack.up(org(sdk, import_=dept_id))
        assert taken.ops()["ml"] == "import"
        # the option may stay: in state with that id, the department is like any other
        assert set(stack.up(org(sdk, import_=dept_id)).ops().values()) == {"same"}
        assert stack.up(org(sdk, import_=dept_id, dept_gpu=5)).ops()["ml"] == "update"
        with pytest.raises(HarnessError, match="already holds this resource with id"):
            stack.up(org(sdk, import_="999999"))
        assert set(stack.up(org(sdk, dept_gpu=5)).ops().values()) == {"same"}
    else:
        emulator.clear_requests()
        taken = stack.up(org(sdk, adopt=True))
        assert taken.ops()["ml"] == "create" and taken.outputs["ml"]["department_id"] == dept_id
    assert not [w for w in writes(emulator) if w.startswith(f"POST {DEPARTMENTS}")]

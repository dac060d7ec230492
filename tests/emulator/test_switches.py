"""Switches: each behaviour the Run:ai docs leave open can be set either way, per test."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests
from runai_emulator.switches import camel
from runai_emulator.testing import EmulatorProcess, switch_id, switch_settings

from .api import Api

RULES = "/api/v1/authorization/access-rules"
DEPARTMENTS = "/api/v1/org-unit/departments"
PROJECTS = "/api/v1/org-unit/projects"
RULE = {"subjectType": "group", "subjectId": "ml-team", "roleId": 7, "scopeType": "tenant",
        "scopeId": "1001"}


def test_switches_start_with_todays_choices_and_reset_restores_them(
    emulator: EmulatorProcess,
) -> None:
    defaults = {"duplicateAccessRules": "reject", "departmentDelete": "refuse",
                "putOmitted": "reset", "deletingDelay": 0.0, "apiVersion": "2.24"}
    assert emulator.switches() == defaults
    changed = emulator.set_switches(put_omitted="keep", deleting_delay=1.5)
    assert changed == {**defaults, "putOmitted": "keep", "deletingDelay": 1.5}
    emulator.reset()  # what the `emulator` fixture does before each test
    assert emulator.switches() == defaults


def test_a_bad_switch_is_refused_with_its_choices(emulator: EmulatorProcess) -> None:
    with pytest.raises(ValueError, match="putOmitted must be one of reset, keep"):
        emulator.set_switches(put_omitted="sometimes")
    with pytest.raises(ValueError, match=r"unknown switch .colour. \(known: .*put_omitted"):
        emulator.set_switches(colour="blue")
    answer = requests.put(f"{emulator.url}/_emulator/switches",
                          json={"putOmitted": "keep", "apiVersion": "4.0"}, timeout=10)
    assert answer.status_code == 400 and "apiVersion must be one of 2.24, 3.0" in answer.text
    assert emulator.switches()["putOmitted"] == "reset"  # nothing applied


def test_duplicate_access_rules_rejected_or_stored(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    assert api.post(RULES, RULE).status_code == 201
    assert api.post(RULES, RULE).status_code == 409
    emulator.set_switches(duplicate_access_rules="allow")
    second = api.post(RULES, RULE)
    assert second.status_code == 201
    listed = api.get(RULES).json()["accessRules"]
    assert len(listed) == 2 and len({r["id"] for r in listed}) == 2
    assert {(r["subjectId"], r["roleId"], r["scopeId"]) for r in listed} == {("ml-team", 7, "1001")}


def test_department_with_projects_refused_or_cascaded(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    dep = api.department("busy")
    project = api.project("inside", parent_id=dep["id"])
    assert api.delete(f"{DEPARTMENTS}/{dep['id']}").status_code == 409
    emulator.set_switches(department_delete="cascade")
    assert api.delete(f"{DEPARTMENTS}/{dep['id']}").status_code == 204
    assert api.get(f"{PROJECTS}/{project['id']}").status_code == 404


def _entry(dep: dict[str, Any], pool: str) -> dict[str, Any]:
    entry: dict[str, Any] = next(r for r in dep["resources"] if r["nodePool"]["name"] == pool)
    return entry


def _customised(api: Api) -> tuple[str, dict[str, Any]]:
    """A department whose optional fields are all set away from their defaults."""
    dep = api.department("tuned", description="GPU team",
                         resources=[{"nodePool": {"name": "default"}, "rank": "High",
                                     "gpu": {"deserved": 2, "limit": 4, "overQuotaWeight": 5}},
                                    {"nodePool": {"name": "a100"}, "gpu": {"deserved": 1}}])
    return f"{DEPARTMENTS}/{dep['id']}", dep


def test_full_put_resets_what_it_omits(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    path, dep = _customised(api)
    assert _entry(dep, "default")["rank"] == "High"
    put = api.put(path, {"resources": [{"nodePool": {"name": "default"},
                                        "gpu": {"deserved": 3}}]})
    assert put.status_code == 200, put.text
    after = put.json()
    assert after["description"] == ""
    assert _entry(after, "default")["rank"] == "MediumLow"
    assert _entry(after, "default")["gpu"] == {"deserved": 3, "limit": -1, "overQuotaWeight": 2}
    assert _entry(after, "a100")["gpu"]["deserved"] == 0  # an omitted entry is zeroed too


def test_full_put_keeps_what_it_omits(emulator: EmulatorProcess) -> None:
    emulator.set_switches(put_omitted="keep")
    api = Api(emulator)
    path, _ = _customised(api)
    after = api.put(path, {"resources": [{"nodePool": {"name": "default"},
                                          "gpu": {"deserved": 3}}]}).json()
    assert after["description"] == "GPU team"
    assert _entry(after, "default")["rank"] == "High"
    assert _entry(after, "default")["gpu"] == {"deserved": 3, "limit": 4, "overQuotaWeight": 5}
    assert _entry(after, "a100")["gpu"]["deserved"] == 1
    # the resources PUT follows the same switch
    only = api.put(f"{path}/resources", [{"nodePool": {"name": "a100"}, "rank": "Low"}]).json()
    assert [(r["nodePool"]["name"], r["rank"], r["gpu"]["deserved"]) for r in only] == [
        ("default", "High", 3), ("a100", "Low", 1)]


def test_patch_keeps_the_rank_it_does_not_set(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    path, _ = _customised(api)
    patched = api.patch(f"{path}/resources", [{"nodePool": {"name": "default"},
                                               "gpu": {"deserved": 4}}]).json()
    assert _entry({"resources": patched}, "default")["rank"] == "High"
    assert _entry({"resources": patched}, "default")["gpu"]["deserved"] == 4


def _deleting_for(api: Api, project_id: str, timeout: float) -> float:
    """Seconds the project read `Deleting` after its DELETE (polls until 404)."""
    start = time.monotonic()
    assert api.delete(f"{PROJECTS}/{project_id}").status_code == 202
    while time.monotonic() < start + timeout:
        answer = api.get(f"{PROJECTS}/{project_id}")
        if answer.status_code == 404:
            return time.monotonic() - start
        assert answer.json()["status"]["phase"] == "Deleting"
        time.sleep(0.02)
    raise AssertionError(f"project {project_id} still there after {timeout} s")


def test_deleting_lasts_the_deleting_delay(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    quick = api.project("quick")
    assert api.delete(f"{PROJECTS}/{quick['id']}").status_code == 202
    assert api.get(f"{PROJECTS}/{quick['id']}").status_code == 404  # default: gone at once
    emulator.set_switches(deleting_delay=0.5)
    slow = api.project("slow")
    assert slow["status"]["phase"] == "Ready"  # the Creating delay is a separate setting
    assert _deleting_for(api, slow["id"], timeout=10) >= 0.5


def test_switches_as_flags_and_keywords(emulator_factory: Callable[..., EmulatorProcess],
                                        tmp_path: Path) -> None:
    flags = emulator_factory("--put-omitted", "keep", "--cascade-department-delete",
                             "--ready-delay", "3")
    got = flags.switches()
    assert (got["putOmitted"], got["departmentDelete"]) == ("keep", "cascade")
    assert got["deletingDelay"] == 3.0  # unset: as long as --ready-delay
    flags.stop()
    with EmulatorProcess(tmp_path / "kw.db", duplicate_access_rules="allow",
                         deleting_delay=2) as keywords:
        assert keywords.switches()["duplicateAccessRules"] == "allow"
        assert keywords.switches()["deletingDelay"] == 2.0
        keywords.set_switches(duplicate_access_rules="reject")
        keywords.reset()
        assert keywords.switches()["duplicateAccessRules"] == "allow"  # the start value


@pytest.mark.parametrize("setting", switch_settings(), ids=switch_id)
def test_every_setting_can_be_flipped_for_one_test(emulator: EmulatorProcess,
                                                   setting: dict[str, str | float]) -> None:
    defaults = emulator.switches()
    changed = emulator.set_switches(**setting)
    assert changed == {**defaults, **{camel(k): v for k, v in setting.items()}}
    assert (changed != defaults) == bool(setting)

"""Plan, drift and report lines in the user's terms, from harness steps (no I/O)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pulumi_runai.local.consent import require
from pulumi_runai.local.failures import LocalError
from pulumi_runai.local.plan import Plan, drift_lines
from pulumi_runai.local.policy import pack_config
from pulumi_runai.testing import UNKNOWN, Step

PROJECT = "pulumi-python:dynamic/runai:Project"
USER = "pulumi-python:dynamic/runai:User"


def _pools(a100: float, default_limit: float = -1.0) -> list[dict[str, Any]]:
    return [{"node_pool": "default", "gpu": {"deserved": 4.0, "limit": default_limit}},
            {"node_pool": "a100", "gpu": {"deserved": a100, "limit": 8.0}}]


def _step(op: str, type_: str, name: str, **values: Any) -> Step:
    return Step(op, f"urn:pulumi:dev::p::{type_}::{name}", type_, name, **values)


def test_an_update_names_each_field_by_node_pool_with_numbers_as_written() -> None:
    update = _step("update", PROJECT, "org-vision", id="7", changed_keys=("resources",),
                   old_inputs={"name": "vision", "resources": list(reversed(_pools(4.0)))},
                   new_inputs={"name": "vision", "resources": _pools(6.0)})
    plan = Plan.of([update, _step("same", PROJECT, "org-language"),
                    _step("same", "runai:index:Organization", "org")])

    assert plan.lines() == [
        "  update   project vision: resources[a100].gpu.deserved 4 → 6"]
    assert plan.summary() == "0 to create, 1 to update, 0 to replace, 0 to delete, 1 unchanged"
    assert plan.lines(past=True) == [
        "  updated  project vision: resources[a100].gpu.deserved 4 → 6"]


def test_a_replace_names_the_field_that_forces_it_and_counts_as_destructive() -> None:
    replace = _step("replace", USER, "org-ada", changed_keys=("email",),
                    replace_keys=("email",), old_inputs={"email": "ada@example.com"},
                    new_inputs={"email": "ada@example.org"})
    delete = _step("delete", PROJECT, "org-speech", old_inputs={"name": "speech"})
    plan = Plan.of([replace, delete])

    assert plan.lines() == [
        '  replace  user ada@example.org: email "ada@example.com" → "ada@example.org" '
        "(forces replacement)",
        "  delete   project speech"]
    assert plan.destructive() == ["replace user ada@example.org", "delete project speech"]


def test_unknown_values_and_added_pools_read_plainly() -> None:
    update = _step("update", PROJECT, "org-vision", changed_keys=("resources", "department_id"),
                   old_inputs={"name": "vision", "department_id": "1",
                               "resources": _pools(4.0)[:1]},
                   new_inputs={"name": "vision", "department_id": UNKNOWN,
                               "resources": _pools(4.0)})
    assert Plan.of([update]).lines() == [
        "  update   project vision: resources[a100] (unset) → {gpu: {deserved: 4, limit: 8}}",
        "  update   project vision: department_id \"1\" → (known after apply)"]


def test_drift_compares_the_inputs_read_back_and_reports_objects_gone() -> None:
    drifted = _step("refresh", PROJECT, "org-serving", id="9",
                    old_inputs={"name": "serving", "resources": _pools(4.0, 4.0)},
                    new_inputs={"name": "serving", "resources": _pools(4.0, -1.0)})
    gone = _step("delete", USER, "org-ada", old_inputs={"email": "ada@example.com"})
    lines, summary = drift_lines([drifted, gone, _step("refresh", PROJECT, "org-x")])
    assert lines == [
        "  drift    project serving: resources[default].gpu.limit 4 → -1",
        "  gone     user ada@example.com: deleted outside Pulumi; the apply creates it again"]
    assert summary == "1 drifted, 1 gone, 1 unchanged"


def test_consent_refuses_without_a_terminal_and_asks_on_one() -> None:
    require([], yes=False, stdin=io.StringIO())  # nothing destructive: no question
    with pytest.raises(LocalError) as refused:
        require(["delete project speech"], yes=False, stdin=io.StringIO())
    assert "delete project speech" in str(refused.value) and "--yes" in str(refused.value)
    require(["delete project speech"], yes=True, stdin=io.StringIO())

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    require(["delete project speech"], yes=False, stdin=Terminal("yes\n"))
    with pytest.raises(LocalError, match="nothing was changed"):
        require(["delete project speech"], yes=False, stdin=Terminal("no\n"))


def test_policy_config_takes_levels_and_keys_and_names_unknown_policies() -> None:
    levels = {"runai-project-gpu-quota": "mandatory", "runai-resource-naming": "mandatory"}
    assert pack_config({"runai-resource-naming": "advisory",
                        "runai-project-gpu-quota": {"maxDeservedGpu": 8}}, levels, "c.json") == {
        "runai-resource-naming": {"enforcementLevel": "advisory", "properties": {}},
        "runai-project-gpu-quota": {"enforcementLevel": "mandatory",
                                    "properties": {"maxDeservedGpu": 8}}}
    with pytest.raises(LocalError, match=r"c\.json: 'runai-typo' is not a policy of this pack"):
        pack_config({"runai-typo": "advisory"}, levels, "c.json")

"""Departments and projects: validation, bodies, no-op diffs, replace decisions, refresh."""

from __future__ import annotations

from typing import Any

from pulumi.output import Unknown
from pulumi_runai.models import department, project

CLUSTER = "7d121425-6d47-5edc-a35c-6ce0cc2d1d56"


def resolve(name: str) -> str:
    return {"default": "11", "a100": "12"}[name]


def api_project(**over: Any) -> dict[str, Any]:
    """A project as the API answers it, with server defaults filled in."""
    obj: dict[str, Any] = {
        "id": "100003",
        "name": "team-a",
        "clusterId": CLUSTER,
        "parentId": "100001",
        "description": "",
        "requestedNamespace": None,
        "enforceRunaiScheduler": True,
        "defaultNodePools": None,
        "nodeTypes": None,
        "schedulingRules": None,
        "createdAt": "t0",
        "updatedAt": "t0",
        "createdBy": "ci",
        "resources": [
            {
                "nodePool": {"id": "11", "name": "default"},
                "gpu": {"deserved": 2.0, "limit": -1.0, "overQuotaWeight": 2.0},
                "cpu": None,
                "memory": None,
                "priority": None,
            }
        ],
        "status": {"phase": "Ready", "namespace": "runai-team-a"},
    }
    obj.update(over)
    return obj


PROGRAM = {
    "name": "team-a",
    "cluster_id": CLUSTER,
    "resources": [{"node_pool": "default", "gpu": {"deserved": 2.0}}],
}


def test_department_check_reports_every_bad_property() -> None:
    failures = {
        f.property
        for f in department.validate(
            {
                "name": "Research!",
                "resources": [{"node_pool": "default", "gpu": {"deserved": -1}}],
                "descripton": "typo",
                "__provider": "x",
            }
        )
    }
    assert failures == {"name", "cluster_id", "resources[0].gpu.deserved", "descripton"}


def test_project_check_covers_project_only_inputs() -> None:
    failures = {
        f.property: f.reason
        for f in project.validate(
            {
                **PROGRAM,
                "requested_namespace": "Bad_NS",
                "default_node_pools": ["a", "a"],
                "enforce_runai_scheduler": "yes",
                "node_types": {"inference": []},
                "scheduling_rules": {"training_job_time_limit_seconds": 0.5},
            }
        )
    }
    assert set(failures) == {
        "requested_namespace",
        "default_node_pools[1]",
        "enforce_runai_scheduler",
        "node_types.inference",
        "scheduling_rules.training_job_time_limit_seconds",
    }
    assert "whole number of seconds" in failures["scheduling_rules.training_job_time_limit_seconds"]


def test_check_accepts_unknowns_in_preview() -> None:
    assert (
        project.validate(
            {
                "name": Unknown(),
                "cluster_id": Unknown(),
                "department_id": Unknown(),
                "resources": Unknown(),
            }
        )
        == []
    )


def test_no_op_against_server_defaults() -> None:
    outputs = project.to_outputs(api_project(), PROGRAM)
    assert project.diff(outputs, PROGRAM) == ([], [])
    assert outputs["department_id"] == "100001"  # the server's default department
    assert outputs["resources"][0]["gpu"] == {"deserved": 2, "limit": -1, "over_quota_weight": 2}


def test_updatable_fields_change_in_place() -> None:
    outputs = project.to_outputs(api_project(), PROGRAM)
    new = {
        **PROGRAM,
        "description": "GPU team",
        "enforce_runai_scheduler": False,
        "scheduling_rules": {"training_job_time_limit_seconds": 3600.0},
        "resources": [{"node_pool": "default", "gpu": {"deserved": 3.0}}],
    }
    changed, replaces = project.diff(outputs, new)
    assert set(changed) == {
        "description",
        "enforce_runai_scheduler",
        "scheduling_rules",
        "resources",
    }
    assert replaces == []


def test_identity_fields_replace() -> None:
    outputs = project.to_outputs(api_project(), PROGRAM)
    new = {
        **PROGRAM,
        "name": "team-b",
        "department_id": "100009",
        "requested_namespace": "team-b-ns",
    }
    _, replaces = project.diff(outputs, new)
    assert set(replaces) == {"name", "department_id", "requested_namespace"}
    assert {"name", "cluster_id", "department_id", "requested_namespace"} == project.REPLACE_FIELDS
    assert {"name", "cluster_id"} == department.REPLACE_FIELDS


def test_adopt_and_provider_never_count_and_unknowns_do() -> None:
    outputs = project.to_outputs(api_project(), PROGRAM)
    assert project.diff(outputs, {**PROGRAM, "adopt": True, "__provider": "new"}) == ([], [])
    assert project.diff(outputs, {**PROGRAM, "department_id": Unknown()}) == (
        ["department_id"],
        ["department_id"],
    )


def test_create_body_maps_to_camel_case_and_omits_unset() -> None:
    body = project.to_create_body(
        {
            **PROGRAM,
            "department_id": "100001",
            "scheduling_rules": {"training_job_time_limit_seconds": 60.0},
        },
        resolve,
    )
    assert body == {
        "name": "team-a",
        "clusterId": CLUSTER,
        "parentId": "100001",
        "resources": [
            {"nodePool": {"id": "11", "name": "default"}, "gpu": {"deserved": 2, "limit": -1}}
        ],
        "schedulingRules": {"trainingJobTimeLimitSeconds": 60},
    }


def test_update_body_is_full_and_keeps_unmanaged_values() -> None:
    outputs = project.to_outputs(
        api_project(enforceRunaiScheduler=False, defaultNodePools=["a100"]), PROGRAM
    )
    body = project.to_update_body({**PROGRAM, "description": "x"}, outputs, resolve)
    assert body["description"] == "x"
    assert body["enforceRunaiScheduler"] is False
    assert body["defaultNodePools"] == ["a100"]
    assert body["resources"][0]["gpu"] == {"deserved": 2, "limit": -1, "overQuotaWeight": 2}


def test_refresh_inputs_show_drift_in_the_programs_shape() -> None:
    drifted = api_project(
        description="changed by hand",
        resources=[
            {
                "nodePool": {"id": "11", "name": "default"},
                "gpu": {"deserved": 7.0, "limit": -1.0, "overQuotaWeight": 2.0},
            }
        ],
    )
    inputs = project.to_inputs(drifted, {**PROGRAM, "description": "ours"})
    assert inputs["description"] == "changed by hand"
    assert inputs["resources"] == [{"node_pool": "default", "gpu": {"deserved": 7}}]
    assert inputs["enforce_runai_scheduler"] is None  # left to the server by the program
    assert project.diff(project.to_outputs(drifted, PROGRAM), PROGRAM)[0] == ["resources"]


def test_refresh_after_get_returns_every_live_value() -> None:
    inputs = department.to_inputs(api_project(), {})
    assert inputs["name"] == "team-a" and inputs["cluster_id"] == CLUSTER
    assert inputs["resources"][0]["gpu"]["deserved"] == 2

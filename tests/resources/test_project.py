"""Project provider against the real emulator, including readiness and deletion waits."""

from __future__ import annotations

from typing import Any

import pytest
from pulumi_runai.errors import Conflict, WaitTimeout
from pulumi_runai.resources import ProjectProvider
from runai_emulator.testing import EmulatorProcess

PATH = "/api/v1/org-unit/projects"


def program(cluster_id: str, **extra: object) -> dict[str, Any]:
    return {
        "name": "team-a",
        "cluster_id": cluster_id,
        "resources": [
            {"node_pool": "default", "gpu": {"deserved": 2.0}},
            {
                "node_pool": "a100",
                "gpu": {"deserved": 1.0, "limit": 2.0},
                "memory": {"deserved": 10.0, "limit": -1.0, "units": "GB"},
            },
        ],
        **extra,
    }


def test_project_story(
    runai_env: EmulatorProcess, api: Any, cluster_id: str, checked: Any, api_calls: Any
) -> None:
    provider = ProjectProvider()
    inputs = checked(provider, program(cluster_id))
    created = provider.create(inputs)
    outs = created.outs
    assert outs["phase"] == "Ready" and outs["namespace"] == "runai-team-a"
    default = next(
        d
        for d in api("GET", "/api/v1/org-unit/departments")["departments"]
        if d["name"] == "default"
    )
    assert outs["department_id"] == str(default["id"])  # the server's choice, recorded
    assert outs["resources"][1]["memory"] == {
        "deserved": 10,
        "limit": -1,
        "over_quota_weight": 2,
        "units": "GB",
    }

    # No-op: department_id left as None never shows a diff.
    runai_env.clear_requests()
    assert provider.diff(created.id, outs, inputs).changes is False
    assert api_calls() == []

    # In place.
    new = checked(
        provider,
        program(
            cluster_id,
            description="team A",
            scheduling_rules={"training_job_time_limit_seconds": 3600.0},
        ),
    )
    assert provider.diff(created.id, outs, new).replaces == []
    runai_env.clear_requests()
    outs = provider.update(created.id, outs, new).outs
    assert api_calls("PUT") == [("PUT", f"{PATH}/{created.id}")]
    assert outs["scheduling_rules"] == {"training_job_time_limit_seconds": 3600}
    assert provider.diff(created.id, outs, new).changes is False

    # Moving to another department or namespace replaces; same name → delete first.
    moved = provider.diff(
        created.id, outs, {**new, "department_id": "999", "requested_namespace": "ns-a"}
    )
    assert set(moved.replaces) == {"department_id", "requested_namespace"}
    assert moved.delete_before_replace is True

    # Drift then out-of-band delete.
    live = api("GET", f"{PATH}/{created.id}")
    live["resources"][0]["gpu"]["deserved"] = 5
    api(
        "PUT",
        f"{PATH}/{created.id}",
        {"resources": live["resources"], "description": live["description"]},
    )
    read = provider.read(created.id, outs)
    assert read.inputs["resources"][0] == {"node_pool": "default", "gpu": {"deserved": 5}}
    assert provider.diff(created.id, read.outs, new).changes is True
    api("DELETE", f"{PATH}/{created.id}")
    assert provider.read(created.id, read.outs).id is None
    provider.delete(created.id, read.outs)


def test_adopt_and_conflict(
    runai_env: EmulatorProcess, api: Any, cluster_id: str, checked: Any
) -> None:
    existing = api("POST", PATH, {"name": "team-a", "clusterId": cluster_id, "resources": []})
    provider = ProjectProvider()
    inputs = checked(provider, program(cluster_id))
    with pytest.raises(Conflict, match=rf"id {existing['id']}.*adopt=True"):
        provider.create(inputs)
    adopted = provider.create({**inputs, "adopt": True})
    assert adopted.id == str(existing["id"])
    assert provider.diff(adopted.id, adopted.outs, inputs).changes is False


def test_create_waits_for_ready_and_delete_waits_until_gone(
    emulator_factory: Any, monkeypatch: pytest.MonkeyPatch, checked: Any, api_for: Any
) -> None:
    slow = emulator_factory("--ready-delay", "0.4")
    for var, value in (
        ("RUNAI_URL", slow.url),
        ("RUNAI_CLIENT_ID", slow.client_id),
        ("RUNAI_CLIENT_SECRET", slow.client_secret),
    ):
        monkeypatch.setenv(var, value)
    api = api_for(slow)
    cluster_id = api("GET", "/api/v1/clusters")[0]["uuid"]
    provider = ProjectProvider()
    created = provider.create(checked(provider, program(cluster_id)))
    assert created.outs["phase"] == "Ready"
    provider.delete(created.id, created.outs)
    with pytest.raises(Exception, match="404"):
        api("GET", f"{PATH}/{created.id}")


def test_readiness_timeout_names_the_last_phase(
    emulator_factory: Any, monkeypatch: pytest.MonkeyPatch, checked: Any, api_for: Any
) -> None:
    stuck = emulator_factory("--ready-delay", "60")
    for var, value in (
        ("RUNAI_URL", stuck.url),
        ("RUNAI_CLIENT_ID", stuck.client_id),
        ("RUNAI_CLIENT_SECRET", stuck.client_secret),
        ("RUNAI_WAIT_TIMEOUT", "0.3"),
    ):
        monkeypatch.setenv(var, value)
    cluster_id = api_for(stuck)("GET", "/api/v1/clusters")[0]["uuid"]
    provider = ProjectProvider()
    with pytest.raises(WaitTimeout, match=r"last phase Creating.*adopt=True"):
        provider.create(checked(provider, program(cluster_id)))

"""Department provider against the real emulator: a story from create to destroy."""

from __future__ import annotations

from typing import Any

import pytest
from pulumi_runai.errors import Conflict
from pulumi_runai.resources import DepartmentProvider
from runai_emulator.testing import EmulatorProcess

PATH = "/api/v1/org-unit/departments"


def program(cluster_id: str, gpu: float = 4.0, **extra: object) -> dict[str, object]:
    # Numbers as the Pulumi host sends them: floats.
    return {
        "name": "research",
        "cluster_id": cluster_id,
        "resources": [
            {
                "node_pool": "default",
                "gpu": {"deserved": gpu, "limit": -1.0, "over_quota_weight": 2.0},
            }
        ],
        **extra,
    }


def test_department_story(
    runai_env: EmulatorProcess, api: Any, cluster_id: str, checked: Any, api_calls: Any
) -> None:
    provider = DepartmentProvider()
    inputs = checked(provider, program(cluster_id))
    runai_env.clear_requests()

    created = provider.create(inputs)
    assert api_calls("POST") == [("POST", PATH)]
    outs = created.outs
    assert outs["department_id"] == created.id
    # Run:ai attaches every node pool of the cluster; the ones the program does not name hold
    # no quota, and the outputs show the server's truth.
    by_pool = {entry["node_pool"]: entry for entry in outs["resources"]}
    assert by_pool.pop("default") == {
        "node_pool": "default",
        "gpu": {"deserved": 4, "limit": -1, "over_quota_weight": 2},
        "cpu": None,
        "memory": None,
        "rank": "MediumLow",  # the server's default, unmanaged by this program
    }
    assert all(entry["gpu"]["deserved"] == 0 for entry in by_pool.values())
    assert api("GET", f"{PATH}/{created.id}")["resources"][0]["gpu"]["deserved"] == 4

    # A second `up` with the same program is a no-op, and costs no API call.
    runai_env.clear_requests()
    assert provider.diff(created.id, outs, checked(provider, program(cluster_id))).changes is False
    assert api_calls() == []

    # In place: quota and description.
    new = checked(provider, program(cluster_id, gpu=6.0, description="ML research"))
    diff = provider.diff(created.id, outs, new)
    assert diff.changes is True and diff.replaces == []
    runai_env.clear_requests()
    outs = provider.update(created.id, outs, new).outs
    assert [c for c in api_calls() if c[0] != "GET"] == [("PUT", f"{PATH}/{created.id}")]
    assert outs["description"] == "ML research"
    assert outs["resources"][0]["gpu"]["deserved"] == 6
    assert provider.diff(created.id, outs, new).changes is False

    # A new name needs a new department; it can be created before the old one goes.
    renamed = provider.diff(created.id, outs, {**new, "name": "research-2"})
    assert renamed.replaces == ["name"] and renamed.delete_before_replace is False

    # Drift: someone edits the quota in the UI; refresh sees it and so does the next preview.
    live = api("GET", f"{PATH}/{created.id}")
    live["resources"][0]["gpu"]["deserved"] = 1
    api(
        "PUT",
        f"{PATH}/{created.id}",
        {"description": live["description"], "resources": live["resources"]},
    )
    read = provider.read(created.id, outs)
    assert read.id == created.id
    assert read.outs["resources"][0]["gpu"]["deserved"] == 1
    assert read.inputs["resources"] == [
        {"node_pool": "default", "gpu": {"deserved": 1, "limit": -1, "over_quota_weight": 2}}
    ]
    assert provider.diff(created.id, read.outs, new).changes is True

    # Deleted out of band: refresh drops it from the state; delete of a gone object succeeds.
    api("DELETE", f"{PATH}/{created.id}")
    gone = provider.read(created.id, read.outs)
    assert gone.id is None and gone.outs == {}
    provider.delete(created.id, read.outs)


def test_delete_removes_the_department(
    runai_env: EmulatorProcess, api: Any, cluster_id: str, checked: Any
) -> None:
    provider = DepartmentProvider()
    created = provider.create(checked(provider, program(cluster_id)))
    provider.delete(created.id, created.outs)
    assert provider.read(created.id, created.outs).id is None
    assert all(d["name"] != "research" for d in api("GET", PATH)["departments"])


def test_existing_name_is_an_error_naming_the_id_unless_adopted(
    runai_env: EmulatorProcess, api: Any, cluster_id: str, checked: Any, api_calls: Any
) -> None:
    existing = api("POST", PATH, {"name": "research", "clusterId": cluster_id, "resources": []})
    provider = DepartmentProvider()
    inputs = checked(provider, program(cluster_id))

    with pytest.raises(Conflict) as failure:
        provider.create(inputs)
    assert f"(id {existing['id']})" in str(failure.value)
    assert "adopt=True" in str(failure.value)

    adopted = provider.create({**inputs, "adopt": True})
    assert adopted.id == str(existing["id"])
    assert adopted.outs["adopt"] is True
    # Adopting brings it to the program's quota.
    assert api("GET", f"{PATH}/{existing['id']}")["resources"][0]["gpu"]["deserved"] == 4


def test_get_reads_an_existing_department_by_id(
    runai_env: EmulatorProcess, api: Any, cluster_id: str
) -> None:
    provider = DepartmentProvider()
    [default] = [d for d in api("GET", PATH)["departments"] if d["name"] == "default"]
    read = provider.read(str(default["id"]), {"__provider": "serialized"})
    assert read.id == str(default["id"])
    assert read.outs["name"] == "default" and read.outs["cluster_id"] == cluster_id
    assert read.inputs["name"] == "default"


def test_unknown_node_pool_fails_the_preview_with_the_known_pools(
    runai_env: EmulatorProcess, cluster_id: str, api_calls: Any
) -> None:
    # Issue 12 kind 6: the check of a preview resolves the pool, so nothing is created.
    provider = DepartmentProvider()
    runai_env.clear_requests()
    result = provider.check({}, {
        "name": "research",
        "cluster_id": cluster_id,
        "resources": [{"node_pool": "h100", "gpu": {"deserved": 1}}],
    })
    [failure] = result.failures
    assert failure.property == "resources[0].node_pool"
    assert "h100" in failure.reason and "a100, default" in failure.reason
    assert [c for c in api_calls() if c[0] != "GET"] == []
    # one list per kind of name: the clusters and the cluster's node pools
    assert api_calls() == [("GET", "/api/v1/clusters"), ("GET", "/api/v1/node-pools")]

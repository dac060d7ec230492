"""Node pools as the 2.24 spec has them: create, read, update (PUT/PATCH), delete, phases."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from runai_emulator.testing import EmulatorProcess

from .api import Api
from .conformance import assert_answers_conform
from .test_spec_conformance import Recorder

POOLS = "/api/v1/node-pools"
DEPARTMENTS = "/api/v1/org-unit/departments"

FULL = {
    "labelKey": "run.ai/type", "labelValue": "h100",
    "overProvisioningRatio": 2,
    "schedulingConfiguration": {"placementStrategy": {"cpu": "spread", "gpu": "binpack"},
                                "minGuaranteedRuntime": "5d8h40m"},
    "gpuNetworkAccelerationLabelKey": "nvidia.com/gpu.network",
    "gpuNetworkAccelerationDetection": "Use",
    "gpuResourceOptimization": {"swapEnabled": True, "cpuSwapMemorySize": "200G"},
    "networkTopologyId": "123e4567-e89b-12d3-a456-426614174000",
}


def _create(api: Api, name: str, **fields: Any) -> dict[str, Any]:
    body = {"name": name, "clusterId": api.cluster_id(), "labelKey": "node-type",
            "labelValue": name, **fields}
    answer = api.post(POOLS, body)
    assert answer.status_code == 201, answer.text
    result: dict[str, Any] = answer.json()
    return result


def _quota_on(unit: dict[str, Any], pool: str) -> list[float]:
    return [r["gpu"]["deserved"] for r in unit["resources"] if r["nodePool"]["name"] == pool]


def test_create_stores_every_writable_field_and_the_answers_follow_the_spec(
    emulator: EmulatorProcess,
) -> None:
    api = Recorder(emulator)
    pool = _create(api, "h100", **FULL)
    assert pool["phase"] == "Empty"  # settled at once (ready delay 0); no node has the label
    assert {k: pool[k] for k in FULL} == {
        **FULL, "gpuResourceOptimization": {  # the keys not sent take the spec's defaults
            "swapEnabled": True, "cpuSwapMemorySize": "200G",
            "reservedGpuMemoryForSwapOperations": "2G", "nodeLevelSchedulerEnabled": False}}
    assert pool["placementStrategy"] == {"cpu": "spread", "gpu": "binpack"}  # deprecated mirror
    assert api.get(f"{POOLS}/{pool['id']}").json() == pool
    listed = api.get(POOLS, params={"filterBy": "name==h100"}).json()["nodepools"]
    assert [p["id"] for p in listed] == [pool["id"]]
    cluster, path = api.cluster_id(), f"{POOLS}/{pool['id']}"
    statuses = [api.patch(path, {"labelValue": "h100-sxm"}).status_code,
                api.put(path, {"overProvisioningRatio": 3}).status_code,
                api.delete(path).status_code, api.get(path).status_code,
                api.post(POOLS, {"name": "h100", "clusterId": cluster}).status_code]
    assert statuses == [200, 200, 202, 404, 400]
    assert_answers_conform(api.seen, emulator.url)


def test_org_units_list_every_pool_both_ways(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    before = api.department("before", gpu=2)
    assert _quota_on(before, "default") == [2] and _quota_on(before, "a100") == [0]
    _create(api, "h100")
    for unit in (api.get(f"{DEPARTMENTS}/{before['id']}").json(), api.project("after")):
        assert _quota_on(unit, "h100") == [0]
        entry = next(r for r in unit["resources"] if r["nodePool"]["name"] == "h100")
        assert entry["rank"] == "MediumLow" and entry["gpu"]["limit"] == -1


def test_a_second_pool_of_the_same_name_conflicts(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    first = _create(api, "h100")
    again = api.post(POOLS, {"name": "h100", "clusterId": api.cluster_id(),
                             "labelKey": "x", "labelValue": "y"})
    assert again.status_code == 409
    assert "h100" in again.json()["message"] and first["id"] in again.json()["message"]


@pytest.mark.parametrize(("fields", "message"), [
    ({"placementStrategy": {"gpu": "pack"}},
     "placementStrategy.gpu must be one of spread, binpack"),
    ({"schedulingConfiguration": {"placementStrategy": {"cpu": "x"}}},
     "schedulingConfiguration.placementStrategy.cpu must be one of spread, binpack"),
    ({"overProvisioningRatio": 6}, "overProvisioningRatio must be an integer from 1 to 5, got 6"),
    ({"overProvisioningRatio": 0}, "overProvisioningRatio must be an integer from 1 to 5, got 0"),
    ({"labelKey": "bad key!"}, "labelKey 'bad key!' is not a valid Kubernetes label key"),
    ({"labelKey": "Bad_Prefix/name"}, "the prefix before '/' must be a DNS subdomain"),
    ({"labelValue": "-edge"}, "labelValue '-edge' is not a valid Kubernetes label value"),
    ({"gpuNetworkAccelerationDetection": "Maybe"},
     "gpuNetworkAccelerationDetection must be one of Use, DontUse, Auto"),
    ({"schedulingConfiguration": {"minGuaranteedRuntime": "5 days"}},
     "minGuaranteedRuntime '5 days' is not a duration"),
    ({"gpuResourceOptimization": {"cpuSwapMemorySize": "lots"}},
     "gpuResourceOptimization.cpuSwapMemorySize 'lots' is not a quantity"),
    ({"networkTopologyId": "nope"}, "networkTopologyId must be a uuid"),
    ({"labelkey": "typo"}, "unknown field(s) labelkey"),
    ({"name": "Bad Name"}, "name 'Bad Name' is not a valid DNS-1123 label"),
])
def test_bad_fields_are_refused_naming_them(emulator: EmulatorProcess, fields: dict[str, Any],
                                            message: str) -> None:
    api = Api(emulator)
    body = {"name": "bad", "clusterId": api.cluster_id(), "labelKey": "k", "labelValue": "v",
            **fields}
    answer = api.post(POOLS, body)
    assert answer.status_code == 400 and message in answer.json()["message"], answer.text
    assert [p["name"] for p in api.get(POOLS).json()["nodepools"]] == ["default", "a100"]


def test_updates_patch_put_and_the_put_switch(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    pool = _create(api, "h100", overProvisioningRatio=4, placementStrategy={"gpu": "spread"})
    path = f"{POOLS}/{pool['id']}"
    patched = api.patch(path, {"labelValue": "h100-sxm"}).json()
    assert (patched["labelValue"], patched["overProvisioningRatio"]) == ("h100-sxm", 4)
    renamed = api.patch(path, {"name": "other"})
    assert renamed.status_code == 400 and "name of a node pool cannot change" in renamed.text
    reset = api.put(path, {"gpuNetworkAccelerationDetection": "DontUse"}).json()
    assert reset["overProvisioningRatio"] == 1 and reset["labelValue"] == "h100-sxm"
    assert reset["schedulingConfiguration"]["placementStrategy"]["gpu"] == "binpack"
    api.patch(path, {"overProvisioningRatio": 4})
    emulator.set_switches(put_omitted="keep")
    kept = api.put(path, {"gpuNetworkAccelerationDetection": "Auto"}).json()
    assert (kept["overProvisioningRatio"], kept["gpuNetworkAccelerationDetection"]) == (4, "Auto")


def test_delete_refuses_the_default_and_a_pool_with_quota(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    pools = {p["name"]: p["id"] for p in api.get(POOLS).json()["nodepools"]}
    refused = api.delete(f"{POOLS}/{pools['default']}")
    assert refused.status_code == 400 and "default" in refused.json()["message"]
    h100 = _create(api, "h100")
    dep = api.department("gpu-team", resources=[{"nodePool": {"name": "h100"},
                                                 "gpu": {"deserved": 2}}])
    busy = api.delete(f"{POOLS}/{h100['id']}")
    assert busy.status_code == 400
    assert "still grants quota to department 'gpu-team'" in busy.json()["message"]
    api.patch(f"{DEPARTMENTS}/{dep['id']}/resources",
              [{"nodePool": {"name": "h100"}, "gpu": {"deserved": 0}}])
    assert api.delete(f"{POOLS}/{h100['id']}").status_code == 202
    assert api.get(f"{POOLS}/{h100['id']}").status_code == 404
    assert _quota_on(api.get(f"{DEPARTMENTS}/{dep['id']}").json(), "h100") == []


def _phase_until(api: Api, path: str, wanted: str, timeout: float = 10) -> list[str]:
    """The phases seen while polling until `wanted` (404 reads as 'gone')."""
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        answer = api.get(path)
        phase = "gone" if answer.status_code == 404 else answer.json()["phase"]
        if not seen or seen[-1] != phase:
            seen.append(phase)
        if phase == wanted:
            return seen
        time.sleep(0.02)
    raise AssertionError(f"{path} never reached {wanted}; phases seen: {seen}")


def test_phases_follow_the_delays(emulator_factory: Callable[..., EmulatorProcess]) -> None:
    api = Api(emulator_factory("--ready-delay", "1", "--deleting-delay", "60"))
    pool = _create(api, "slow")
    assert pool["phase"] == "Creating"  # the create's own answer: deterministic
    path = f"{POOLS}/{pool['id']}"
    # a stalled machine may miss the pending phase while polling, never see another one
    assert _phase_until(api, path, "Empty") in (["Creating", "Empty"], ["Empty"])
    assert api.patch(path, {"labelValue": "slower"}).json()["phase"] == "Updating"
    assert _phase_until(api, path, "Empty") in (["Updating", "Empty"], ["Empty"])
    assert api.patch(path, {"labelValue": "slower"}).json()["phase"] == "Empty"  # no change
    assert api.delete(path).status_code == 202
    assert api.get(path).json()["phase"] == "Deleting"
    assert api.patch(path, {"labelValue": "x"}).status_code == 409

"""NodePool model: validation names the field and the fix, the mapping to the 2.24 API, and
the rules that keep unmanaged settings as the server holds them."""

from __future__ import annotations

from typing import Any

import pytest
from pulumi_runai.models import node_pool, quotas
from pulumi_runai.models.validation import UNKNOWN_SENTINEL

BASE: dict[str, Any] = {
    "name": "h100", "cluster_id": "c-1", "label_key": "run.ai/type", "label_value": "h100",
}

# A pool as GET /api/v1/node-pools/{id} answers it (2.24 `Nodepool`).
API: dict[str, Any] = {
    "id": "7", "name": "h100", "clusterId": "c-1", "labelKey": "run.ai/type",
    "labelValue": "h100", "overProvisioningRatio": 1,
    "placementStrategy": {"cpu": "binpack", "gpu": "spread"},
    "schedulingConfiguration": {"placementStrategy": {"cpu": "binpack", "gpu": "spread"},
                                "minGuaranteedRuntime": "1h"},
    "gpuNetworkAccelerationDetection": "Auto",
    "gpuResourceOptimization": {"swapEnabled": False, "cpuSwapMemorySize": "100G",
                                "reservedGpuMemoryForSwapOperations": "2G",
                                "nodeLevelSchedulerEnabled": False},
    "networkTopologyId": None, "phase": "Empty", "createdAt": "2026-11-30T00:00:00Z",
}


def failures(**changes: Any) -> dict[str, str]:
    return {f.property: f.reason for f in node_pool.validate({**BASE, **changes})}


@pytest.mark.parametrize(("field", "value", "says"), [
    ("label_key", "Run.ai/type", "prefix before '/' must be a DNS subdomain"),
    ("label_key", "node type", "not a valid Kubernetes label key"),
    ("label_key", "x" * 64, "at most 63"),
    ("label_value", "h100 sxm", "not a valid Kubernetes label value"),
    ("over_provisioning_ratio", 6, "whole number from 1 to 5, got 6"),
    ("over_provisioning_ratio", 1.5, "whole number from 1 to 5"),
    ("gpu_network_acceleration_detection", "auto", "use one of Use, DontUse, Auto"),
    ("min_guaranteed_runtime", "5 days", "duration such as 5d8h40m"),
    ("network_topology_id", "topology-1", "must be a uuid"),
])
def test_bad_values_name_their_field_and_the_fix(field: str, value: Any, says: str) -> None:
    found = failures(**{field: value})
    assert list(found) == [field], found
    assert says in found[field]


def test_nested_settings_name_the_key_that_is_wrong() -> None:
    found = failures(placement_strategy={"gpu": "pack", "tpu": "spread"},
                     gpu_resource_optimization={"swap_enabled": "yes",
                                                "cpu_swap_memory_size": "lots"})
    assert sorted(found) == [
        "gpu_resource_optimization.cpu_swap_memory_size",
        "gpu_resource_optimization.swap_enabled",
        "placement_strategy.gpu", "placement_strategy.tpu",
    ]
    assert "use one of spread, binpack" in found["placement_strategy.gpu"]


def test_good_inputs_and_preview_unknowns_pass() -> None:
    assert failures(placement_strategy={"cpu": "spread"}, over_provisioning_ratio=5.0,
                    min_guaranteed_runtime="5d8h40m",
                    gpu_network_acceleration_label_key="nvidia.com/gpu.rdma",
                    network_topology_id="123e4567-e89b-12d3-a456-426614174000") == {}
    assert failures(name=UNKNOWN_SENTINEL, label_key=UNKNOWN_SENTINEL,
                    placement_strategy=UNKNOWN_SENTINEL) == {}


def test_create_body_is_nodepool_create_fields() -> None:
    inputs = {**BASE, "placement_strategy": {"gpu": "spread", "cpu": None},
              "over_provisioning_ratio": 2.0, "min_guaranteed_runtime": "5d8h40m",
              "gpu_resource_optimization": {"swap_enabled": True}}
    assert node_pool.to_create_body(inputs) == {
        "name": "h100", "clusterId": "c-1", "labelKey": "run.ai/type", "labelValue": "h100",
        "overProvisioningRatio": 2,
        "schedulingConfiguration": {"placementStrategy": {"gpu": "spread"},
                                    "minGuaranteedRuntime": "5d8h40m"},
        "gpuResourceOptimization": {"swapEnabled": True},
    }


def test_an_update_sends_what_the_program_manages_and_completes_nested_objects() -> None:
    live = node_pool.to_outputs(API, {})
    relabel = {**BASE, "label_value": "h100-nvl"}
    assert not node_pool.needs_live_object(relabel)
    assert node_pool.to_patch_body(relabel, None) == {"labelKey": "run.ai/type",
                                                      "labelValue": "h100-nvl"}
    # A new CPU placement keeps the GPU placement and the runtime as the server holds them.
    cpu = {**BASE, "placement_strategy": {"cpu": "spread"}}
    assert node_pool.needs_live_object(cpu)
    assert node_pool.to_patch_body(cpu, live)["schedulingConfiguration"] == {
        "placementStrategy": {"cpu": "spread", "gpu": "spread"}, "minGuaranteedRuntime": "1h"}
    # A new runtime keeps both placements; a swap setting keeps the other three.
    runtime = {**BASE, "min_guaranteed_runtime": "2h",
               "gpu_resource_optimization": {"swap_enabled": True}}
    body = node_pool.to_patch_body(runtime, live)
    assert body["schedulingConfiguration"] == {
        "placementStrategy": {"cpu": "binpack", "gpu": "spread"}, "minGuaranteedRuntime": "2h"}
    assert body["gpuResourceOptimization"] == {
        "swapEnabled": True, "cpuSwapMemorySize": "100G",
        "reservedGpuMemoryForSwapOperations": "2G", "nodeLevelSchedulerEnabled": False}


def test_diff_compares_only_what_the_program_manages() -> None:
    live = node_pool.to_outputs(API, {})
    same = {**BASE, "placement_strategy": {"gpu": "spread"}, "over_provisioning_ratio": 1.0,
            "adopt": True}
    assert node_pool.diff(live, same) == ([], [])
    assert node_pool.diff(live, {**BASE, "placement_strategy": {"cpu": "spread"}}) == (
        ["placement_strategy"], [])
    assert node_pool.diff(live, {**BASE, "name": "h200", "label_value": "h200"}) == (
        ["name", "label_value"], ["name"])
    assert node_pool.diff(live, {**BASE, "label_key": UNKNOWN_SENTINEL}) == (["label_key"], [])


def test_outputs_and_refresh_in_the_programs_shape() -> None:
    outputs = node_pool.to_outputs(API, {"adopt": True})
    assert outputs["node_pool_id"] == "7" and outputs["phase"] == "Empty"
    assert outputs["placement_strategy"] == {"cpu": "binpack", "gpu": "spread"}
    assert outputs["gpu_resource_optimization"]["cpu_swap_memory_size"] == "100G"
    old_inputs = {**BASE, "placement_strategy": {"gpu": "binpack"}, "adopt": False}
    refreshed = node_pool.to_inputs(API, old_inputs)
    assert refreshed["placement_strategy"] == {"gpu": "spread"}, "only the keys it set"
    assert refreshed["over_provisioning_ratio"] is None, "unmanaged stays unmanaged"
    assert node_pool.to_inputs(API, {})["over_provisioning_ratio"] == 1, "get: every value"


@pytest.mark.parametrize(("phase", "settled"), [
    ("Creating", False), ("Updating", False), ("Ready", True), ("Empty", True), (None, True)])
def test_a_pool_is_settled_once_it_is_no_longer_creating_or_updating(
    phase: str | None, settled: bool
) -> None:
    assert node_pool.is_settled({**API, "phase": phase}) is settled


def test_a_pool_the_quotas_let_go_of_is_released_of_every_resource() -> None:
    """A renamed (replaced) pool is deleted only once no org unit grants quota on it; Run:ai
    refuses the delete while any of GPU, CPU or memory is still deserved there."""
    live = [{"node_pool": "h100", "rank": "High",
             "gpu": {"deserved": 2, "limit": -1, "over_quota_weight": 2},
             "cpu": {"deserved": 1000, "limit": -1, "over_quota_weight": 2},
             "memory": {"deserved": 8, "limit": -1, "over_quota_weight": 2, "units": "GB"}}]
    wanted = [{"node_pool": "h200", "gpu": {"deserved": 2}}]
    released = {"node_pool": "h100", "gpu": {"deserved": 0}, "cpu": {"deserved": 0},
                "memory": {"deserved": 0, "units": "GB"}}
    assert released in quotas.patch_entries(wanted, live)
    assert released in quotas.for_update(wanted, live)

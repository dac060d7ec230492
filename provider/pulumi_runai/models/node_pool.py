"""Node pool: inputs, API bodies, outputs and replace decisions (no Pulumi, no HTTP).

The API is the 2.24 `NodepoolCreateFields` / `NodepoolUpdateFields` (`/api/v1/node-pools`).
`name` and `cluster_id` cannot change (the API refuses it): a new value replaces the pool.
Everything else is updated in place. The two nested settings (`placement_strategy`,
`gpu_resource_optimization`) are managed key by key, like every optional input: a key left
as None is the server's, never compared and never sent as a change.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from typing import Any, TypedDict

from pulumi_runai.models import fields
from pulumi_runai.models.fields import ADOPT, Field
from pulumi_runai.models.kind import KindSpec
from pulumi_runai.models.validation import (
    Failure,
    as_int_if_integral,
    check_dns_label,
    check_enum,
    check_required_str,
    check_type,
    is_number,
    is_unknown,
    unknown_keys,
)

PLACEMENTS = ("spread", "binpack")
DETECTIONS = ("Use", "DontUse", "Auto")
RATIO_RANGE = (1, 5)
SETTLING = ("Creating", "Updating")
"""Phases a pool leaves on its own; create and update wait until it has (the spec's other
phases: Ready, Empty (no node carries the label yet), Unschedulable, Deleting, Deleted)."""

_PLACEMENT_KEYS = ("cpu", "gpu")
_OPTIMIZATION = {
    "swap_enabled": "swapEnabled",
    "cpu_swap_memory_size": "cpuSwapMemorySize",
    "reserved_gpu_memory_for_swap_operations": "reservedGpuMemoryForSwapOperations",
    "node_level_scheduler_enabled": "nodeLevelSchedulerEnabled",
}
_FLAGS = ("swap_enabled", "node_level_scheduler_enabled")
# Patterns of the 2.24 spec (SchedulingConfiguration.minGuaranteedRuntime, the quantities of
# GPUResourceOptimization) and of Kubernetes label keys and values.
_DURATION = re.compile(r"0|[+]?((\d+(\.\d+)?)(ns|us|µs|μs|ms|s|m|h|d|w))+")
_QUANTITY = re.compile(r"([+]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)")
_LABEL_NAME = re.compile(r"[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")
_DNS_SUBDOMAIN = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")
_LABEL_MAX = 63
_PREFIX_MAX = 253


class PlacementStrategy(TypedDict, total=False):
    """How the scheduler places workloads per resource: "spread" or "binpack"."""

    cpu: str | None
    gpu: str | None


class GpuResourceOptimization(TypedDict, total=False):
    """GPU memory swap and the node-level scheduler (quantities such as "100G")."""

    swap_enabled: bool | None
    cpu_swap_memory_size: str | None
    reserved_gpu_memory_for_swap_operations: str | None
    node_level_scheduler_enabled: bool | None


def _given(value: Mapping[str, Any] | None) -> dict[str, Any]:
    """The keys of a nested setting that the program manages (None ones are the server's)."""
    return {k: v for k, v in (value or {}).items() if v is not None}


def _same_keys(live: Any, desired: Any) -> bool:
    have = live if isinstance(live, Mapping) else {}
    return all(have.get(k) == v for k, v in _given(desired).items())


def _project_keys(live: Any, old: Any) -> Any:
    """Refresh: the live values of the keys the program set (all of them for `get`)."""
    if not isinstance(live, Mapping):
        return live
    if not isinstance(old, Mapping):
        return dict(live)
    return {k: live.get(k) for k in _given(old)}


def _same_number(live: Any, desired: Any) -> bool:
    return bool(as_int_if_integral(live) == as_int_if_integral(desired))


def _same_uuid(live: Any, desired: Any) -> bool:
    return str(live or "").lower() == str(desired).lower()


FIELDS = (
    Field(
        "name",
        "The pool's name, unique in its cluster (DNS-1123: lowercase letters, digits and '-', "
        "at most 63 characters). Quota entries name the pool by it (`pool.name`).",
        required=True, replace=True, always=True,
    ),
    Field(
        "cluster_id",
        "The cluster's uuid (`runai.get_cluster()`).",
        required=True, replace=True, always=True,
    ),
    Field(
        "label_key",
        "The Kubernetes node label key whose value selects the pool's nodes "
        "(`[prefix/]name`, e.g. `run.ai/type`).",
        required=True,
    ),
    Field("label_value", "The node label value of the pool's nodes (e.g. `a100`).", required=True),
    Field(
        "placement_strategy",
        "Scheduling strategy per resource: `{cpu: spread|binpack, gpu: spread|binpack}` "
        "(either key optional; Run:ai's default is binpack).",
        type="object", equal=_same_keys, refresh=_project_keys,
    ),
    Field(
        "over_provisioning_ratio",
        "A whole number from 1 to 5 (deprecated by Run:ai in 2.24 in favour of "
        "`gpu_resource_optimization.node_level_scheduler_enabled`, still writable).",
        type="integer", equal=_same_number,
    ),
    Field(
        "min_guaranteed_runtime",
        "How long a preemptible workload runs before it may be preempted, e.g. `5d8h40m` "
        "(units ns, us, ms, s, m, h, d, w; `0` allows immediate preemption).",
    ),
    Field(
        "gpu_network_acceleration_label_key",
        "The node label key by which nodes with GPU network acceleration are detected.",
    ),
    Field(
        "gpu_network_acceleration_detection",
        "GPU network acceleration detection: `Use`, `DontUse` or `Auto` (Run:ai's default).",
    ),
    Field(
        "gpu_resource_optimization",
        "`{swap_enabled, cpu_swap_memory_size, reserved_gpu_memory_for_swap_operations, "
        "node_level_scheduler_enabled}` (sizes as Kubernetes quantities, e.g. `100G`); "
        "each key optional.",
        type="object", equal=_same_keys, refresh=_project_keys,
    ),
    Field(
        "network_topology_id",
        "The uuid of the network topology the pool uses.",
        equal=_same_uuid,
    ),
    ADOPT,
    Field("node_pool_id", "The pool's id (also the resource id).", output_only=True),
    Field(
        "phase",
        "The pool's phase (`Ready`, or `Empty` while no node carries the label, once created).",
        output_only=True,
    ),
    Field("created_at", "When Run:ai created it (ISO 8601).", output_only=True),
    Field("updated_at", "When it last changed (ISO 8601).", output_only=True),
    Field("created_by", "Who created it.", output_only=True),
)
SPEC = KindSpec(
    name="NodePool",
    label="node pool",
    doc="A Run:ai node pool: the nodes of a cluster that carry one label, with their own "
    "scheduling settings; quotas of departments and projects are given per pool. Create "
    "waits until the pool has settled (Ready or Empty); delete waits until it is gone. "
    "Source: /api/v1/node-pools.",
    fields=FIELDS,
    natural_key=("name", "cluster_id"),
    unique_keys=(("name", "cluster_id"),),
    id_output="node_pool_id",
)
KIND = SPEC.label
INPUT_KEYS = SPEC.input_keys
OUTPUT_KEYS = SPEC.output_keys
NATURAL_KEY = SPEC.natural_key
REPLACE_FIELDS = SPEC.replace_fields


# ---- validation -------------------------------------------------------------------------------

def check_label_key(prop: str, value: object, required: bool = True) -> list[Failure]:
    """A Kubernetes label key: `[prefix/]name`, name at most 63 letters, digits, '-', '_' or
    '.' (alphanumeric at both ends), prefix a DNS subdomain of at most 253 characters."""
    if is_unknown(value):
        return []
    if value is None or value == "":
        return [Failure(prop, f"{prop} is required (a Kubernetes label key)")] if required else []
    if not isinstance(value, str):
        return [Failure(prop, f"{prop} must be a string, got {type(value).__name__}")]
    prefix, slash, name = value.rpartition("/")
    if slash and (len(prefix) > _PREFIX_MAX or not _DNS_SUBDOMAIN.fullmatch(prefix)):
        return [
            Failure(
                prop,
                f"{prop} '{value}' is not a valid Kubernetes label key: the prefix before '/' "
                "must be a DNS subdomain (lowercase letters, digits, '-' and '.', at most "
                f"{_PREFIX_MAX} characters), e.g. 'run.ai/type'",
            )
        ]
    if len(name) > _LABEL_MAX or not _LABEL_NAME.fullmatch(name):
        return [
            Failure(
                prop,
                f"{prop} '{value}' is not a valid Kubernetes label key: the name must be at "
                f"most {_LABEL_MAX} letters, digits, '-', '_' or '.', starting and ending with "
                "a letter or digit (e.g. 'node-type' or 'run.ai/type')",
            )
        ]
    return []


def _check_label_value(prop: str, value: object) -> list[Failure]:
    if is_unknown(value):
        return []
    if value is None or value == "":
        return [Failure(prop, f"{prop} is required (the node label value, e.g. 'a100')")]
    if not isinstance(value, str):
        return [Failure(prop, f"{prop} must be a string, got {type(value).__name__}")]
    if len(value) > _LABEL_MAX or not _LABEL_NAME.fullmatch(value):
        return [
            Failure(
                prop,
                f"{prop} '{value}' is not a valid Kubernetes label value: at most {_LABEL_MAX} "
                "letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
            )
        ]
    return []


def _check_pattern(prop: str, value: object, pattern: re.Pattern[str], what: str) -> list[Failure]:
    if value is None or is_unknown(value):
        return []
    if not isinstance(value, str) or not pattern.fullmatch(value):
        return [Failure(prop, f"{prop} {value!r} is not {what}")]
    return []


def _check_placement(value: object) -> list[Failure]:
    prop = "placement_strategy"
    if value is None or is_unknown(value):
        return []
    if not isinstance(value, Mapping):
        return [Failure(prop, f'{prop} must be a mapping like {{"gpu": "spread", "cpu": '
                              f'"binpack"}}, got {type(value).__name__}')]
    failures = unknown_keys(value, _PLACEMENT_KEYS, prefix=f"{prop}.")
    for key in _PLACEMENT_KEYS:
        failures += check_enum(f"{prop}.{key}", value.get(key), PLACEMENTS, required=False)
    return failures


def _check_ratio(value: object) -> list[Failure]:
    prop = "over_provisioning_ratio"
    if value is None or is_unknown(value):
        return []
    low, high = RATIO_RANGE
    if not is_number(value) or not float(value).is_integer() or not low <= value <= high:
        return [Failure(prop, f"{prop} must be a whole number from {low} to {high}, "
                              f"got {value!r}")]
    return []


def _check_optimization(value: object) -> list[Failure]:
    prop = "gpu_resource_optimization"
    if value is None or is_unknown(value):
        return []
    if not isinstance(value, Mapping):
        return [Failure(prop, f'{prop} must be a mapping like {{"swap_enabled": true, '
                              f'"cpu_swap_memory_size": "100G"}}, got {type(value).__name__}')]
    failures = unknown_keys(value, _OPTIMIZATION, prefix=f"{prop}.")
    for key in _OPTIMIZATION:
        where = f"{prop}.{key}"
        if key in _FLAGS:
            failures += check_type(where, value.get(key), bool, "true or false")
        else:
            failures += _check_pattern(where, value.get(key), _QUANTITY,
                                       "a Kubernetes quantity such as 100G or 2Gi")
    return failures


def _check_uuid(prop: str, value: object) -> list[Failure]:
    if value is None or is_unknown(value):
        return []
    try:
        uuid.UUID(str(value))
    except ValueError:
        return [Failure(prop, f"{prop} must be a uuid, got {value!r}")]
    return [] if isinstance(value, str) else [Failure(prop, f"{prop} must be a uuid string")]


def validate(inputs: Mapping[str, Any]) -> list[Failure]:
    """Every problem of the inputs, without any HTTP call."""
    return [
        *unknown_keys(inputs, OUTPUT_KEYS),
        *check_dns_label("name", inputs.get("name")),
        *check_required_str("cluster_id", inputs.get("cluster_id")),
        *check_label_key("label_key", inputs.get("label_key")),
        *_check_label_value("label_value", inputs.get("label_value")),
        *_check_placement(inputs.get("placement_strategy")),
        *_check_ratio(inputs.get("over_provisioning_ratio")),
        *_check_pattern("min_guaranteed_runtime", inputs.get("min_guaranteed_runtime"),
                        _DURATION, "a duration such as 5d8h40m (units ns, us, ms, s, m, h, d, "
                        "w; or 0)"),
        *check_label_key("gpu_network_acceleration_label_key",
                         inputs.get("gpu_network_acceleration_label_key"), required=False),
        *check_enum("gpu_network_acceleration_detection",
                    inputs.get("gpu_network_acceleration_detection"), DETECTIONS, required=False),
        *_check_optimization(inputs.get("gpu_resource_optimization")),
        *_check_uuid("network_topology_id", inputs.get("network_topology_id")),
        *check_type("adopt", inputs.get("adopt"), bool, "true or false"),
    ]


def clean(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The checked inputs as stored in state."""
    return fields.clean_inputs(inputs, INPUT_KEYS)


def diff(old_outputs: Mapping[str, Any], new_inputs: Mapping[str, Any]) -> fields.Diff:
    """(changed, replaces): a new name or cluster replaces; see `fields.diff`."""
    return fields.diff(FIELDS, old_outputs, new_inputs)


# ---- API bodies -------------------------------------------------------------------------------

def _scheduling(values: Mapping[str, Any]) -> dict[str, Any]:
    placement = _given(values.get("placement_strategy"))
    body: dict[str, Any] = {}
    if placement:
        body["placementStrategy"] = placement
    if values.get("min_guaranteed_runtime") is not None:
        body["minGuaranteedRuntime"] = values["min_guaranteed_runtime"]
    return body


def _settings_body(values: Mapping[str, Any]) -> dict[str, Any]:
    """The settable fields the values manage, in the API's shape (None ones left out)."""
    body: dict[str, Any] = {}
    for key, api_key in (
        ("label_key", "labelKey"),
        ("label_value", "labelValue"),
        ("gpu_network_acceleration_label_key", "gpuNetworkAccelerationLabelKey"),
        ("gpu_network_acceleration_detection", "gpuNetworkAccelerationDetection"),
        ("network_topology_id", "networkTopologyId"),
    ):
        if values.get(key) is not None:
            body[api_key] = values[key]
    if values.get("over_provisioning_ratio") is not None:
        body["overProvisioningRatio"] = int(values["over_provisioning_ratio"])
    scheduling = _scheduling(values)
    if scheduling:
        body["schedulingConfiguration"] = scheduling
    optimization = {_OPTIMIZATION[k]: v for k, v in
                    _given(values.get("gpu_resource_optimization")).items()}
    if optimization:
        body["gpuResourceOptimization"] = optimization
    return body


def to_create_body(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """NodepoolCreateFields: name, cluster, label and the settings the program gives (the
    rest are Run:ai's defaults). Placement goes in `schedulingConfiguration` only: the
    top-level `placementStrategy` is deprecated in 2.24."""
    return {"name": inputs["name"], "clusterId": inputs["cluster_id"], **_settings_body(inputs)}


def needs_live_object(inputs: Mapping[str, Any]) -> bool:
    """True when the update sends a nested object (`schedulingConfiguration`,
    `gpuResourceOptimization`): the docs do not say whether PATCH merges those key by key or
    replaces them, so the keys the program leaves unset are sent back as the server holds
    them now, read just before."""
    body = _settings_body(inputs)
    return "schedulingConfiguration" in body or "gpuResourceOptimization" in body


def to_patch_body(inputs: Mapping[str, Any], live: Mapping[str, Any] | None) -> dict[str, Any]:
    """NodepoolUpdateFields for PATCH: every managed setting (PATCH keeps what it omits).
    With `live` (the pool as read now, in output shape), each nested object sent is completed
    with the keys the program leaves unset, as the server holds them."""
    if live is None:
        return _settings_body(inputs)
    merged = dict(inputs)
    if _scheduling(inputs):
        merged["placement_strategy"] = {
            **_given(live.get("placement_strategy")), **_given(inputs.get("placement_strategy"))
        }
        if inputs.get("min_guaranteed_runtime") is None:
            merged["min_guaranteed_runtime"] = live.get("min_guaranteed_runtime")
    optimization = _given(inputs.get("gpu_resource_optimization"))
    if optimization:
        merged["gpu_resource_optimization"] = {
            **_given(live.get("gpu_resource_optimization")), **optimization
        }
    return _settings_body(merged)


# ---- outputs and refresh ----------------------------------------------------------------------

def _placement_from_api(api: Mapping[str, Any]) -> dict[str, Any] | None:
    scheduling = api.get("schedulingConfiguration") or {}
    placement = scheduling.get("placementStrategy") or api.get("placementStrategy")
    if not isinstance(placement, Mapping):
        return None
    return {k: placement.get(k) for k in _PLACEMENT_KEYS}


def _optimization_from_api(api: Mapping[str, Any]) -> dict[str, Any] | None:
    value = api.get("gpuResourceOptimization")
    if not isinstance(value, Mapping):
        return None
    return {k: value.get(api_key) for k, api_key in _OPTIMIZATION.items()}


def phase_of(api: Mapping[str, Any]) -> str | None:
    """The pool's phase (top level in 2.24; `status.phase` read as well, to be lenient)."""
    status = api.get("status")
    nested = status.get("phase") if isinstance(status, Mapping) else None
    value = api.get("phase") or nested
    return None if value is None else str(value)


def is_settled(api: Mapping[str, Any]) -> bool:
    """Not creating or updating any more (no phase at all counts as settled)."""
    return phase_of(api) not in SETTLING


def to_outputs(api: Mapping[str, Any], inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Outputs from a Nodepool API object; `adopt` is echoed from the inputs."""
    scheduling = api.get("schedulingConfiguration") or {}
    ratio = api.get("overProvisioningRatio")
    return {
        "name": api.get("name"),
        "cluster_id": api.get("clusterId"),
        "label_key": api.get("labelKey"),
        "label_value": api.get("labelValue"),
        "placement_strategy": _placement_from_api(api),
        "over_provisioning_ratio": None if ratio is None else as_int_if_integral(ratio),
        "min_guaranteed_runtime": scheduling.get("minGuaranteedRuntime"),
        "gpu_network_acceleration_label_key": api.get("gpuNetworkAccelerationLabelKey"),
        "gpu_network_acceleration_detection": api.get("gpuNetworkAccelerationDetection"),
        "gpu_resource_optimization": _optimization_from_api(api),
        "network_topology_id": api.get("networkTopologyId"),
        "adopt": bool(inputs.get("adopt", False)),
        "node_pool_id": str(api["id"]),
        "phase": phase_of(api),
        "created_at": api.get("createdAt"),
        "updated_at": api.get("updatedAt"),
        "created_by": api.get("createdBy"),
    }


def to_inputs(api: Mapping[str, Any], old_inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Refresh inputs reconstructed from the live object in the program's shape."""
    return fields.refresh_inputs(FIELDS, to_outputs(api, old_inputs), old_inputs)

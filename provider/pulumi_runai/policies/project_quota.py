"""Resource policy: cap what one project may be promised, and keep its GPU limit bounded."""

from collections.abc import Mapping
from typing import Any, Final

from pulumi_policy import ReportViolation, ResourceValidationArgs

from ..models.units import DEFAULT_LIMIT, UNLIMITED
from . import tokens
from ._config import resource_policy, settings
from ._values import fmt, is_unknown, label, number, props_of
from .quota_math import Unknowable, deserved, node_pool_of

NAME: Final = "runai-project-gpu-quota"

SCHEMA: Final[Mapping[str, Mapping[str, Any]]] = {
    "maxDeservedGpu": {
        "type": "number",
        "minimum": 0,
        "default": 8,
        "description": "Most GPUs one project may deserve, summed over its node pools.",
    },
    "allowUnlimitedGpuLimit": {
        "type": "boolean",
        "default": False,
        "description": "Allow gpu.limit = -1 (a project may take every idle GPU).",
    },
}


def gpu_entries(resources: Any) -> list[tuple[str, Mapping[str, Any]]]:
    """(node pool, entry) pairs whose pool is known; unknown entries cannot be judged."""
    if not isinstance(resources, list):
        return []
    pairs: list[tuple[str, Mapping[str, Any]]] = []
    for entry in resources:
        if not isinstance(entry, Mapping):
            continue
        try:
            pairs.append((node_pool_of(entry), entry))
        except Unknowable:
            continue
    return pairs


def total_deserved_gpu(resources: Any) -> tuple[float, list[tuple[str, float]]] | None:
    """Sum of gpu.deserved over node pools with the breakdown, None if an amount is unknown."""
    if not isinstance(resources, list):
        return None if is_unknown(resources) else (0.0, [])
    breakdown: list[tuple[str, float]] = []
    try:
        for entry in resources:
            if is_unknown(entry):
                return None
            if not isinstance(entry, Mapping):
                continue
            amount = deserved(entry, "gpu")
            if amount is not None:
                breakdown.append((_pool_label(entry), amount))
    except Unknowable:
        return None
    return sum(amount for _, amount in breakdown), breakdown


def _unlimited_gpu(entry: Mapping[str, Any]) -> str | None:
    """How an entry leaves its GPU limit unlimited, or None (also when it is unknown).

    An omitted limit (or gpu block) is sent as DEFAULT_LIMIT, so it counts as written.
    """
    gpu = entry.get("gpu")
    if is_unknown(gpu):
        return None
    limit = gpu.get("limit") if isinstance(gpu, Mapping) else None
    if is_unknown(limit):
        return None
    omitted = limit is None
    if number(DEFAULT_LIMIT if omitted else limit) != UNLIMITED:
        return None
    if omitted:
        return f"no gpu.limit, which the provider sends as unlimited ({UNLIMITED})"
    return f"an unlimited GPU limit (gpu.limit = {UNLIMITED})"


def _pool_label(entry: Mapping[str, Any]) -> str:
    try:
        return node_pool_of(entry)
    except Unknowable:
        return "(unknown node pool)"


def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
    """Report a project above the per-project GPU maximum, and unlimited GPU limits."""
    if args.resource_type != tokens.PROJECT:
        return
    props = props_of(args.props)
    config = settings(args.get_config(), SCHEMA)
    name = label(props, args.name)
    resources = props.get("resources")
    maximum = float(config["maxDeservedGpu"])
    total = total_deserved_gpu(resources)
    if total is not None and total[0] > maximum:
        pools = ", ".join(f"{pool} {fmt(amount)}" for pool, amount in total[1])
        report(
            f"project '{name}' deserves {fmt(total[0])} GPUs ({pools}), more than the maximum of "
            f"{fmt(maximum)} per project. Lower gpu.deserved by {fmt(total[0] - maximum)}, or "
            f"raise maxDeservedGpu in the policy config.",
            None,
        )
    if config["allowUnlimitedGpuLimit"]:
        return
    for pool, entry in gpu_entries(resources):
        how = _unlimited_gpu(entry)
        if how is not None:
            report(
                f"project '{name}' has {how} on node pool '{pool}', so it may take every idle "
                f"GPU. Set gpu.limit to a number of GPUs, or set allowUnlimitedGpuLimit in the "
                f"policy config.",
                None,
            )


policy: Final = resource_policy(
    NAME,
    (
        "A Run:ai project may deserve at most a configured number of GPUs, and its GPU limit "
        "may not be unlimited (-1) unless allowed."
    ),
    validate,
    SCHEMA,
)

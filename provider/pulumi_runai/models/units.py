"""Quota facts stated once: memory units and what an omitted quota field means.

The provider's model, the org.yaml fit check and the policy pack all do quota arithmetic; when
each kept its own copy, they disagreed about memory without `units` (MB in the model, Mib in
the others), so the description check passed a project that the provider then created larger
than its department. Everything that needs one of these facts imports it from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

__all__ = [
    "DEFAULT_GPU_DESERVED",
    "DEFAULT_LIMIT",
    "DEFAULT_MEMORY_UNITS",
    "DEFAULT_OVER_QUOTA_WEIGHT",
    "MEMORY_UNITS",
    "MEMORY_UNITS_IN_MB",
    "UNLIMITED",
    "to_mb",
]

# The API's enum for memory quotas (schema `units`: Mib | MB | GB), spelled and cased as the API
# spells it, with the factor that turns an amount in that unit into MB (10^6 bytes).
MEMORY_UNITS_IN_MB: Final[Mapping[str, float]] = MappingProxyType(
    {"Mib": 2**20 / 10**6, "MB": 1.0, "GB": 1000.0}
)
MEMORY_UNITS: Final[tuple[str, ...]] = tuple(MEMORY_UNITS_IN_MB)

# Memory without `units` is MB: what the API assumes, and what the provider sends.
DEFAULT_MEMORY_UNITS: Final = "MB"

# A `limit` of -1 means no limit; an omitted limit is sent as -1, so omitted means unlimited.
UNLIMITED: Final = -1
DEFAULT_LIMIT: Final = UNLIMITED

# An omitted `gpu.deserved` (or a node pool a department does not list) is 0 GPUs.
DEFAULT_GPU_DESERVED: Final = 0

# An omitted `over_quota_weight` is left to the server (the spec gives no default): it is never
# sent on create and an update sends back the live value.
DEFAULT_OVER_QUOTA_WEIGHT: Final = None


def to_mb(amount: float, units: str | None) -> float:
    """`amount` of memory in `units` (None: the default) as MB; KeyError for unknown units."""
    return amount * MEMORY_UNITS_IN_MB[units if units is not None else DEFAULT_MEMORY_UNITS]

"""Which parts of a live quota list an export must declare, and nothing more.

The provider compares only what a program declares (`pulumi_runai.models.quotas`): a node pool
left out is unmanaged unless it grants quota, and `over_quota_weight`, `cpu` and `memory` left
out keep the server's values. So the export declares every entry that differs from the
server's defaults, and in it every number that differs: the first `up` then changes nothing,
and the file stays as short as the tenant allows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..models import quotas as model_quotas
from ..models.units import UNLIMITED

__all__ = ["SERVER_OVER_QUOTA_WEIGHT", "declared_entries"]

SERVER_OVER_QUOTA_WEIGHT = 2
"""The weight control planes answer when none was sent (research/runai-api.md, quotas). The
provider leaves an undeclared weight to the server, so skipping this value is safe either way;
it only keeps the file short."""

Entry = dict[str, Any]


def _declared(kind: str, quota: Mapping[str, Any] | None) -> Entry | None:
    """The fields of one quota (gpu, cpu or memory) that differ from the defaults."""
    if quota is None:
        return None
    out: Entry = {}
    deserved = quota.get("deserved")
    if deserved is not None and (kind != "gpu" or deserved != 0):
        out["deserved"] = deserved
    limit = quota.get("limit")
    if limit is not None and limit != UNLIMITED:
        out["limit"] = limit
    weight = quota.get("over_quota_weight")
    if weight is not None and weight != SERVER_OVER_QUOTA_WEIGHT:
        out["over_quota_weight"] = weight
    if not out:
        return None
    if kind == "memory" and quota.get("units"):
        out["units"] = quota["units"]
    return out


def declared_entries(api_resources: Sequence[Mapping[str, Any]] | None) -> tuple[Entry, ...]:
    """Input-shaped entries (`node_pool`, `gpu`, optional `cpu`/`memory`), sorted by pool.

    An entry appears when any of its quotas differs from the defaults; `gpu` is always
    written in it (org.yaml requires it), with `deserved` spelled out for the reader.
    """
    entries: list[Entry] = []
    for live in model_quotas.from_api(api_resources):
        parts = {kind: _declared(kind, live.get(kind)) for kind in model_quotas.KINDS}
        if not any(parts.values()) and live.get("rank") in (None, model_quotas.DEFAULT_RANK):
            continue
        gpu = parts["gpu"] or {}
        entry: Entry = {
            "node_pool": live["node_pool"],
            "gpu": {"deserved": (live.get("gpu") or {}).get("deserved") or 0, **gpu},
        }
        for kind in ("cpu", "memory"):
            if parts[kind]:
                entry[kind] = parts[kind]
        if live.get("rank") not in (None, model_quotas.DEFAULT_RANK):
            entry["rank"] = live["rank"]
        entries.append(entry)
    return tuple(sorted(entries, key=lambda e: str(e["node_pool"])))

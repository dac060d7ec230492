"""Read the emulator's request log: requests by method and kind, and the floor they must meet.

Why a floor per phase and kind: what a platform team pays is Run:ai calls, and the minimum is
known (docs/benchmarks.md states it). Comparing each phase's counts with that minimum shows
exactly which call is redundant, rather than one total that hides it.

Kinds: the four managed kinds (per-resource calls), `lookup` (clusters, node pools, roles:
shared by all resources, at most one list per lookup per provider process) and `token`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

MANAGED = ("department", "project", "user", "access-rule")
_PREFIXES = (
    ("/api/v1/org-unit/departments", "department"),
    ("/api/v1/org-unit/projects", "project"),
    ("/api/v1/users", "user"),
    ("/api/v1/authorization/access-rules", "access-rule"),
    ("/api/v1/authorization/roles", "lookup:roles"),
    ("/api/v2/authorization/roles", "lookup:roles"),
    ("/api/v1/node-pools", "lookup:node-pools"),
    ("/api/v1/clusters", "lookup:clusters"),
    ("/api/v1/token", "token"),
    ("/api/v2/token", "token"),
)
# Per managed resource and phase: the calls that are allowed (method -> count), polls apart.
FLOOR: dict[str, dict[str, int]] = {
    "preview": {},
    "up": {"POST": 1},
    "noop-up": {},
    "refresh": {"GET": 1},
    "update": {"PATCH": 1},  # a quota change: one PATCH of the managed entries
    "destroy": {"DELETE": 1},
}
# Project GETs that the floor allows beyond the above: readiness polls after create, the wait
# for 404 after delete (one each when the emulator answers at once).
POLL_ALLOWANCE = {"up": 0, "destroy": 1}


def kind_of(path: str) -> str:
    for prefix, kind in _PREFIXES:
        if path == prefix or path.startswith(prefix + "/"):
            return kind
    return "other"


@dataclass
class PhaseRequests:
    """One phase's requests: counts by (method, kind), token requests by client."""

    by_method_kind: Counter[tuple[str, str]] = field(default_factory=Counter)
    tokens_by_client: Counter[str] = field(default_factory=Counter)
    errors: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_method_kind.values())

    @property
    def api_total(self) -> int:
        """Requests other than token grants."""
        return sum(n for (_, kind), n in self.by_method_kind.items() if kind != "token")

    def count(self, kind: str, method: str | None = None) -> int:
        return sum(n for (m, k), n in self.by_method_kind.items()
                   if k == kind and (method is None or m == method))

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "api_total": self.api_total,
            "token_requests": sum(self.tokens_by_client.values()),
            "errors": self.errors,
            "by_method_kind": {f"{m} {k}": n for (m, k), n in sorted(self.by_method_kind.items())},
        }


# The one list of access rules a command makes before its first rule create (an identical rule
# already held is a conflict, never a duplicate): a lookup, allowed once per process.
_RULE_LIST = ("GET", "/api/v1/authorization/access-rules")


def summarise(entries: Iterable[Mapping[str, Any]]) -> PhaseRequests:
    result = PhaseRequests()
    for entry in entries:
        path = str(entry.get("path", ""))
        rule_list = (str(entry.get("method")), path) == _RULE_LIST
        kind = "lookup:access-rules" if rule_list else kind_of(path)
        result.by_method_kind[(str(entry.get("method")), kind)] += 1
        if kind == "token":
            result.tokens_by_client[str(entry.get("clientId"))] += 1
        if int(entry.get("status") or 0) >= 400:
            result.errors += 1
    return result


@dataclass(frozen=True)
class FloorCheck:
    """Requests of one phase against the floor; `excess` lists every call above it."""

    phase: str
    floor: int
    actual: int
    excess: tuple[str, ...]

    @property
    def at_floor(self) -> bool:
        return not self.excess

    def as_dict(self) -> dict[str, Any]:
        return {"floor": self.floor, "actual": self.actual, "at_floor": self.at_floor,
                "excess": list(self.excess)}


def check_floor(phase: str, requests: PhaseRequests, affected: Mapping[str, int],
                processes: int = 1) -> FloorCheck:
    """Compare with the floor; `affected` counts the resources per kind this phase touches.

    Lookups may be listed at most once per provider process and kind of lookup, and tokens
    requested at most once per process (zero when the phase makes no other call).
    """
    allowed: Counter[tuple[str, str]] = Counter()
    for kind in MANAGED:
        n = affected.get(kind, 0)
        for method, per in FLOOR[phase].items():
            allowed[(method, kind)] += per * n
    allowed[("GET", "project")] += POLL_ALLOWANCE.get(phase, 0) * affected.get("project", 0)
    floor = sum(allowed.values())
    excess: list[str] = []
    for (method, kind), n in sorted(requests.by_method_kind.items()):
        if kind.startswith("lookup:"):
            limit = processes if requests.api_total else 0
        elif kind == "token":
            limit = processes if requests.api_total > n else 0
        else:
            limit = allowed[(method, kind)]
        if kind.startswith("lookup:") or kind == "token":
            floor += min(n, limit)
        if n > limit:
            excess.append(f"{method} {kind}: {n} > {limit}")
    return FloorCheck(phase, floor, requests.total, tuple(excess))

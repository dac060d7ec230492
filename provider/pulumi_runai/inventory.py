"""What a Run:ai tenant holds, as readable tables.

Run as ``python -m pulumi_runai.inventory`` (settings from ``RUNAI_*`` environment variables).
The deploy script prints it after ``pulumi up`` so a person can compare the tenant with
``org.yaml`` at a glance; it reads the live API, not the Pulumi state, so it shows drift too.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pulumi_runai.client import RunaiClient, get_client
from pulumi_runai.services import AccessRules, Departments, Projects, Users
from pulumi_runai.settings import Settings


@dataclass(frozen=True)
class Table:
    """A titled table of strings, rendered with aligned columns."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]

    def render(self) -> str:
        widths = [len(h) for h in self.headers]
        for row in self.rows:
            widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

        def line(cells: Sequence[str]) -> str:
            return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

        rule = line(["-" * w for w in widths])
        out = [f"{self.title} ({len(self.rows)})", line(self.headers), rule]
        out.extend(line(r) for r in self.rows)
        return "\n".join(out)


def _number(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "unlimited" if value == -1 else str(value)


def gpu_quotas(resources: Iterable[Mapping[str, Any]] | None) -> str:
    """``default: 4/-1, a100: 2/8`` style summary of deserved/limit GPUs per node pool."""
    parts = []
    for entry in sorted(resources or [], key=lambda e: str((e.get("nodePool") or {}).get("name"))):
        pool = (entry.get("nodePool") or {}).get("name", "?")
        gpu = entry.get("gpu") or {}
        parts.append(f"{pool}: {_number(gpu.get('deserved'))}/{_number(gpu.get('limit'))}")
    return ", ".join(parts) or "-"


def collect(client: RunaiClient) -> list[Table]:
    """Reads departments, projects, users and access rules (one list call each)."""
    departments = Departments(client).list()
    dept_names = {str(d["id"]): d["name"] for d in departments}
    projects = Projects(client).list()
    return [
        Table(
            "Departments",
            ["name", "id", "GPU deserved/limit per node pool"],
            [[d["name"], str(d["id"]), gpu_quotas(d.get("resources"))]
             for d in sorted(departments, key=lambda d: d["name"])],
        ),
        Table(
            "Projects",
            ["name", "department", "phase", "GPU deserved/limit per node pool"],
            [[p["name"], dept_names.get(str(p.get("parentId")), str(p.get("parentId"))),
              str((p.get("status") or {}).get("phase", "-")), gpu_quotas(p.get("resources"))]
             for p in sorted(projects, key=lambda p: p["name"])],
        ),
        Table(
            "Users",
            ["username", "id"],
            [[u["username"], str(u["id"])] for u in sorted(Users(client).list(),
                                                           key=lambda u: u["username"])],
        ),
        Table(
            "Access rules",
            ["subject", "role", "scope"],
            [[f"{r['subjectType']}:{r['subjectId']}", str(r.get("roleName", r["roleId"])),
              f"{r['scopeType']}:{r.get('scopeName') or r['scopeId']}"]
             for r in sorted(AccessRules(client).list(),
                             key=lambda r: (r["subjectId"], str(r.get("roleName")),
                                            r["scopeType"], str(r.get("scopeName"))))],
        ),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    del argv
    client = get_client(Settings.resolve(None))
    print("\n\n".join(t.render() for t in collect(client)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

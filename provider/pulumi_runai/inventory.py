"""What a Run:ai tenant holds, as readable tables.

Run as ``python -m pulumi_runai.inventory`` (settings from ``RUNAI_*`` environment variables),
or ``scripts/inventory`` for the local emulator. It reads the live API, not the Pulumi state,
so it shows drift too. Quotas are listed per node pool (GPU, CPU in millicores, memory, and
over-quota weights); ``-1`` reads ``unlimited``. Given which objects the local stacks manage,
each row names its stack, and objects no stack manages say so.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pulumi_runai.client import RunaiClient, get_client
from pulumi_runai.models.units import UNLIMITED
from pulumi_runai.models.validation import as_int_if_integral
from pulumi_runai.services import AccessRules, Departments, NodePools, Projects, Users
from pulumi_runai.settings import Settings

NOT_MANAGED = "not managed"
# {(kind, id): stack}; kinds are "department", "project", "user", "access rule".
Managed = Mapping[tuple[str, str], str]


@dataclass(frozen=True)
class Table:
    """A titled table of strings, rendered with aligned columns.

    ``count`` is the number of objects when rows continue over several lines (quotas per
    node pool); by default every row is one object.
    """

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    count: int | None = None

    def render(self) -> str:
        widths = [len(h) for h in self.headers]
        for row in self.rows:
            widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

        def line(cells: Sequence[str]) -> str:
            return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

        rule = line(["-" * w for w in widths])
        count = len(self.rows) if self.count is None else self.count
        out = [f"{self.title} ({count})", line(self.headers), rule]
        out.extend(line(r) for r in self.rows)
        return "\n".join(out)


def number(value: Any) -> str:
    """As written: ``5`` (not ``5.0``), ``unlimited`` for -1, ``-`` when the server has none."""
    if value is None:
        return "-"
    value = as_int_if_integral(value)
    return "unlimited" if value == UNLIMITED else str(value)


def _quota(entry: Mapping[str, Any] | None, unit_key: str | None = None) -> tuple[str, str]:
    """(deserved/limit, over-quota weight) of one resource of one node pool."""
    if not entry:
        return "-", "-"
    amount = f"{number(entry.get('deserved'))}/{number(entry.get('limit'))}"
    if unit_key and entry.get(unit_key):
        amount += f" {entry[unit_key]}"
    return amount, number(entry.get("overQuotaWeight"))


QUOTA_HEADERS = ("node pool", "GPU deserved/limit", "GPU weight", "CPU (millicores)",
                 "CPU weight", "memory", "memory weight")


def quota_rows(resources: Iterable[Mapping[str, Any]] | None) -> list[list[str]]:
    """One row per node pool: GPU, CPU and memory deserved/limit with over-quota weights."""
    rows = []
    for entry in sorted(resources or [], key=lambda e: str((e.get("nodePool") or {}).get("name"))):
        gpu, gpu_weight = _quota(entry.get("gpu"))
        cpu, cpu_weight = _quota(entry.get("cpu"))
        memory, memory_weight = _quota(entry.get("memory"), "units")
        pool = str((entry.get("nodePool") or {}).get("name", "?"))
        rows.append([pool, gpu, gpu_weight, cpu, cpu_weight, memory, memory_weight])
    return rows or [["-"] * len(QUOTA_HEADERS)]


def _with_quotas(objects: Iterable[tuple[list[str], Any]], width: int) -> list[list[str]]:
    """Each object's cells on its first node pool's row; further pools below, cells blank."""
    rows: list[list[str]] = []
    for cells, resources in objects:
        for i, pool_row in enumerate(quota_rows(resources)):
            rows.append((cells if i == 0 else [""] * width) + pool_row)
    return rows


def _label(pool: Mapping[str, Any]) -> str:
    key, value = pool.get("labelKey"), pool.get("labelValue")
    return f"{key}={value}" if key else "-"


def _placement(pool: Mapping[str, Any]) -> str:
    strategy = ((pool.get("schedulingConfiguration") or {}).get("placementStrategy")
                or pool.get("placementStrategy") or {})
    return f"{strategy.get('cpu', '-')}/{strategy.get('gpu', '-')}"


def collect(client: RunaiClient, managed: Managed | None = None) -> list[Table]:
    """Reads node pools, departments, projects, users and access rules (one list call each).

    With ``managed`` a column names the stack that manages each object, or ``not managed``.
    """

    def stack(kind: str, id_: Any) -> list[str]:
        if managed is None:
            return []
        return [managed.get((kind, str(id_)), NOT_MANAGED)]

    stack_header = ["stack"] if managed is not None else []
    pools = sorted(NodePools(client).list(fresh=True),
                   key=lambda n: (str(n.get("clusterId")), str(n["name"])))
    departments = sorted(Departments(client).list(), key=lambda d: d["name"])
    dept_names = {str(d["id"]): d["name"] for d in departments}
    projects = sorted(Projects(client).list(), key=lambda p: p["name"])
    users = sorted(Users(client).list(), key=lambda u: u["username"])
    rules = sorted(AccessRules(client).list(),
                   key=lambda r: (r["subjectId"], str(r.get("roleName")), r["scopeType"],
                                  str(r.get("scopeName"))))
    dept_cells = [(
        [d["name"], str(d["id"]), *stack("department", d["id"])], d.get("resources"))
        for d in departments]
    project_cells = [(
        [p["name"], dept_names.get(str(p.get("parentId")), str(p.get("parentId"))),
         str((p.get("status") or {}).get("phase", "-")), *stack("project", p["id"])],
        p.get("resources")) for p in projects]
    return [
        Table("Node pools", ["name", "id", "label", "phase", "placement cpu/gpu", *stack_header],
              [[str(n["name"]), str(n["id"]), _label(n), str(n.get("phase") or "-"),
                _placement(n), *stack("node pool", n["id"])] for n in pools]),
        Table("Departments", ["name", "id", *stack_header, *QUOTA_HEADERS],
              _with_quotas(dept_cells, 2 + len(stack_header)), len(departments)),
        Table("Projects", ["name", "department", "phase", *stack_header, *QUOTA_HEADERS],
              _with_quotas(project_cells, 3 + len(stack_header)), len(projects)),
        Table("Users", ["username", "id", *stack_header],
              [[u["username"], str(u["id"]), *stack("user", u["id"])] for u in users]),
        Table("Access rules", ["subject", "role", "scope", *stack_header],
              [[f"{r['subjectType']}:{r['subjectId']}", str(r.get("roleName", r["roleId"])),
                f"{r['scopeType']}:{r.get('scopeName') or r['scopeId']}",
                *stack("access rule", r["id"])] for r in rules]),
    ]


def render(tables: Iterable[Table]) -> str:
    return "\n\n".join(t.render() for t in tables)


def main(argv: Sequence[str] | None = None) -> int:
    del argv
    client = get_client(Settings.resolve(None))
    print(render(collect(client)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What the export costs the tenant: one token, then one paged list per kind; nothing else."""

from __future__ import annotations

from collections import Counter

from pulumi_runai.client import DEFAULT_PAGE_SIZE
from runai_emulator.testing import EmulatorProcess

from .conftest import TOKEN_PATH, Export

POLICY_PATH = "/api/v2/policy/trainings"  # the tenant's one workload policy
LIST_PATHS = {
    "/api/v1/clusters", "/api/v1/node-pools", "/api/v1/org-unit/departments",
    "/api/v1/org-unit/projects", "/api/v1/users", "/api/v2/authorization/roles",
    "/api/v1/authorization/access-rules", "/api/v1/service-accounts", "/api/v2/policy",
}


def test_every_format_reads_each_kind_once_and_writes_nothing(
    emulator: EmulatorProcess, tenant: dict[str, str], export: Export
) -> None:
    for fmt in ("yaml", "python", "import"):
        emulator.clear_requests()
        assert export("--format", fmt).code == 0
        calls = Counter(f"{r['method']} {r['path']}" for r in emulator.requests())
        assert calls == Counter({f"POST {TOKEN_PATH}": 1,
                                 **{f"GET {path}": 1 for path in LIST_PATHS},
                                 # the policy list has no bodies: the API forces this GET
                                 f"GET {POLICY_PATH}": 1}), fmt
        assert all(r["status"] < 400 for r in emulator.requests())


def test_lists_are_paged(emulator: EmulatorProcess, tenant: dict[str, str],
                         export: Export) -> None:
    """Page size and offsets as sent: the tenant here fits one page per kind."""
    assert export().code == 0
    paged = [r for r in emulator.requests() if "offset=" in str(r.get("query"))]
    assert {r["path"] for r in paged} == LIST_PATHS - {
        "/api/v1/clusters", "/api/v1/service-accounts", "/api/v2/policy"}
    assert all(f"limit={DEFAULT_PAGE_SIZE}" in r["query"] for r in paged)

"""`python -m benchmarks.export_bench`: runai-export against a large tenant in the emulator.

The tenant is `workload.build(N)` (the proportions of the provider benchmark: 5 % departments,
35 % projects, 35 % users, the rest access rules), seeded through the emulator's public API by a
few threads, the way a script would fill a tenant. Then each format is exported in this process
(as the console script would, without interpreter start-up) and timed, and the emulator's
request log is checked against the promise of docs/export.md: one token and one paged list per
kind, so at most one request per 100 objects listed at N = 5,000.

    python -m benchmarks.export_bench                      # N = 5000, every format
    python -m benchmarks.export_bench --objects 300 --formats yaml --json /tmp/export.json
    python -m benchmarks.export_bench --db /tmp/tenant-5000.db   # seed once, export again
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import requests
from pulumi_runai.client import DEFAULT_PAGE_SIZE, reset_process_state
from pulumi_runai.export.cli import main as export_main
from pulumi_runai.export.formats import FORMATS
from runai_emulator.testing import EmulatorProcess

from .workload import POOLS, ROLE, Workload, build

SEED_THREADS = 8
OBJECTS_PER_REQUEST = 100  # the promise at N = 5,000
UNPAGED_KINDS = ("clusters", "service_accounts", "policies")  # each answers in one call
PAGED_KINDS = ("departments", "projects", "users", "access_rules", "nodepools", "roles")
TOKEN_PATH = "/api/v1/token"  # a read: the one POST an export may make
# The emulator builds each department's `children` by reading every project, so one page of
# 200 departments over 1,750 projects can take longer than the default 30 s per call on a
# busy machine; the server's share of the time is reported apart (`server_seconds`).
SLOW_LIST_TIMEOUT = "300"


class _Seeder:
    """Public-API calls from several threads (one session each), in dependency order."""

    def __init__(self, emulator: EmulatorProcess) -> None:
        self.url = emulator.url
        self.token = emulator.token()
        self.sessions: dict[int, requests.Session] = {}
        session = self._session()
        self.cluster_id = session.get(f"{self.url}/api/v1/clusters", timeout=30).json()[0]["uuid"]
        roles = session.get(f"{self.url}/api/v1/authorization/roles", timeout=30).json()
        self.role_id = next(r["id"] for r in roles if r["name"] == ROLE)

    def _session(self) -> requests.Session:
        key = threading.get_ident()
        if key not in self.sessions:
            session = requests.Session()
            session.headers["Authorization"] = f"Bearer {self.token}"
            self.sessions[key] = session
        return self.sessions[key]

    def post(self, path: str, body: dict[str, Any]) -> str:
        response = self._session().post(f"{self.url}{path}", json=body, timeout=60)
        if response.status_code >= 300:
            raise RuntimeError(f"seeding POST {path} failed: {response.status_code} "
                               f"{response.text[:200]}")
        return str(response.json()["id"])

    def all(self, calls: Iterable[Callable[[], str]]) -> list[str]:
        with ThreadPoolExecutor(SEED_THREADS) as pool:
            return list(pool.map(lambda call: call(), calls))


def _resources(default_gpu: int, a100_gpu: int) -> list[dict[str, Any]]:
    gpus = dict(zip(POOLS, (default_gpu, a100_gpu), strict=True))
    return [{"nodePool": {"name": pool}, "gpu": {"deserved": gpu}}
            for pool, gpu in gpus.items() if gpu]


def seed(emulator: EmulatorProcess, workload: Workload) -> float:
    """Create the workload's objects through the API; returns the seconds it took."""
    started = time.perf_counter()
    api = _Seeder(emulator)
    departments = dict(zip((d.name for d in workload.departments), api.all(
        (lambda d=d: api.post("/api/v1/org-unit/departments", {
            "name": d.name, "clusterId": api.cluster_id,
            "resources": _resources(d.quota.default_gpu, d.quota.a100_gpu)}))
        for d in workload.departments), strict=True))
    projects = dict(zip((p.name for p in workload.projects), api.all(
        (lambda p=p: api.post("/api/v1/org-unit/projects", {
            "name": p.name, "clusterId": api.cluster_id, "parentId": departments[p.department],
            "resources": _resources(p.quota.default_gpu, p.quota.a100_gpu)}))
        for p in workload.projects), strict=True))
    api.all((lambda u=u: api.post("/api/v1/users", {"email": u.email}))
            for u in workload.users)
    api.all((lambda r=r: api.post("/api/v1/authorization/access-rules", {
        "subjectType": "user", "subjectId": r.email, "roleId": api.role_id,
        "scopeType": "project", "scopeId": projects[r.project]}))
        for r in workload.rules)
    return time.perf_counter() - started


def listed_objects(emulator: EmulatorProcess) -> dict[str, int]:
    """What the export lists, by kind (the seed's cluster, node pools, roles and `default`
    department included; a kind the emulator's state does not show counts 0)."""
    state = emulator.state()
    return {kind: len(state.get(kind, ())) for kind in (*PAGED_KINDS, *UNPAGED_KINDS)}


def request_bound(listed: dict[str, int]) -> int:
    """The most requests one export may make: a token, one call per unpaged kind, and for each
    paged kind its pages (a full last page costs one more, empty, page)."""
    pages = sum(listed[kind] // DEFAULT_PAGE_SIZE + 1 for kind in PAGED_KINDS)
    return 1 + len(UNPAGED_KINDS) + pages


def export_once(emulator: EmulatorProcess, fmt: str, out: Path) -> dict[str, Any]:
    """One export as a fresh process would make it: timed, with its requests counted."""
    reset_process_state()
    emulator.clear_requests()
    env = {"RUNAI_URL": emulator.url, "RUNAI_CLIENT_ID": emulator.client_id,
           "RUNAI_CLIENT_SECRET": emulator.client_secret, "RUNAI_TIMEOUT": SLOW_LIST_TIMEOUT}
    summary = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stderr(summary):
        code = export_main(["--format", fmt, "--out", str(out), "--force"], env)
    seconds = time.perf_counter() - started
    calls = emulator.requests()
    return {
        "format": fmt,
        "exit": code,
        "seconds": round(seconds, 3),
        "server_seconds": round(sum(r["end"] - r["start"] for r in calls), 3),
        "requests": len(calls),
        "tokens": sum(1 for r in calls if r["path"] == TOKEN_PATH),
        "writes": [f"{r['method']} {r['path']}" for r in calls
                   if r["method"] != "GET" and r["path"] != TOKEN_PATH],
        "bytes": out.stat().st_size if out.exists() else 0,
        "summary": summary.getvalue().splitlines(),
    }


def run(objects: int, formats: Iterable[str], latency_ms: float = 0.0,
        db: Path | None = None, emulator: EmulatorProcess | None = None) -> dict[str, Any]:
    """Seed a tenant of `objects` objects, export it in each format; the figures as a dict.

    With `db`, the emulator keeps its state there and a database seeded by an earlier run (it
    holds more than the seed's `default` department) is reused as it is. With `emulator`
    (a test's, holding only the seed), that one is used instead of starting one.
    """
    workload = build(objects)
    with contextlib.ExitStack() as stack:
        if emulator is None:
            emulator = stack.enter_context(
                EmulatorProcess(db, "--latency-ms", str(latency_ms)))
        scratch = stack.enter_context(tempfile.TemporaryDirectory(prefix="export-bench-"))
        seeded_before = listed_objects(emulator)["departments"] > 1
        seed_seconds = 0.0 if seeded_before else seed(emulator, workload)
        listed = listed_objects(emulator)
        rows = [export_once(emulator, fmt, Path(scratch) / f"export.{fmt}") for fmt in formats]
    total = sum(listed.values())
    return {
        "objects": total,
        "workload": workload.counts(),
        "listed": listed,
        "latency_ms": latency_ms,
        "seed_seconds": round(seed_seconds, 2),
        "request_bound": request_bound(listed),
        "one_per_100": max(1, total // OBJECTS_PER_REQUEST),
        "exports": rows,
    }


def table(result: dict[str, Any]) -> str:
    lines = [
        f"Tenant: {result['objects']} objects listed ({result['workload']}), seeded in "
        f"{result['seed_seconds']} s; latency {result['latency_ms']} ms per request.",
        "",
        "| format | seconds | of which server | export itself | requests | objects per request "
        "| bytes |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in result["exports"]:
        per = result["objects"] / row["requests"] if row["requests"] else 0
        own = row["seconds"] - row["server_seconds"]
        lines.append(f"| {row['format']} | {row['seconds']:.2f} | {row['server_seconds']:.2f} | "
                     f"{own:.2f} | {row['requests']} | {per:.0f} | {row['bytes']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.export_bench",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--objects", type=int, default=5000, help="tenant size N (default 5000)")
    parser.add_argument("--formats", default=",".join(FORMATS),
                        help=f"comma-separated, of {', '.join(FORMATS)}")
    parser.add_argument("--latency-ms", type=float, default=0.0,
                        help="emulator latency added to every request")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--db", type=Path,
                        help="emulator database to keep; one seeded before is reused (seeding "
                        "5,000 objects through the API takes a minute or two)")
    args = parser.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    result = run(args.objects, formats, args.latency_ms, args.db)
    print(table(result))
    if args.json is not None:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return result


if __name__ == "__main__":
    main()

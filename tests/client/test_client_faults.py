"""Fault injection against the real emulator: nothing is lost and nothing is duplicated.

The client's rules (retries, pacing, lost answers, timeouts) are tested one by one against a
scripted transport in test_client_sending.py; here the emulator's real faults check that every
service's lookup by natural key finds what a lost create made, and that the pooled transport
serves many threads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from pulumi_runai.client import RunaiClient
from pulumi_runai.services import AccessRules, Departments, NodePools, Projects, Roles, Users
from runai_emulator.testing import EmulatorProcess


def run_parallel(fn: Callable[[int], Any], count: int, threads: int = 4) -> list[Any]:
    with ThreadPoolExecutor(max_workers=threads) as pool:
        return list(pool.map(fn, range(count)))


def names_in_state(
    emulator: EmulatorProcess, kind: str, prefix: str, field: str = "name"
) -> Counter[str]:
    return Counter(
        str(o[field]) for o in emulator.state()[kind] if str(o.get(field, "")).startswith(prefix)
    )


def dep_body(cluster_id: str, pool: dict[str, Any], name: str) -> dict[str, Any]:
    return {
        "name": name,
        "clusterId": cluster_id,
        "resources": [
            {"nodePool": {"id": pool["id"], "name": pool["name"]}, "gpu": {"deserved": 1}}
        ],
    }


def test_drop_after_commit_never_duplicates_any_kind(
    client: RunaiClient, emulator: EmulatorProcess, cluster_id: str
) -> None:
    pool = NodePools(client).by_name(cluster_id, "default")
    role = Roles(client).by_name("Viewer")
    parent = Departments(client).find({"clusterId": cluster_id, "name": "default"})
    assert parent is not None
    # No kind escapes a drop: 4 kinds * 0.1**8 < 1e-7 (at 0.75 it was 4 * 0.25**8 = 6e-5).
    emulator.set_faults(dropAfterCommitRate=0.9)

    def work(n: int) -> tuple[str, str, str, str]:
        dep = Departments(client).create(dep_body(cluster_id, pool, f"drop-dep-{n}"))
        body = dep_body(cluster_id, pool, f"drop-prj-{n}")
        body["parentId"] = parent["id"]
        prj = Projects(client).create(body)
        user = Users(client).create({"email": f"drop-{n}@example.com"})
        rule = AccessRules(client).create(
            {
                "subjectType": "user",
                "subjectId": f"drop-{n}@example.com",
                "roleId": role["id"],
                "scopeType": "project",
                "scopeId": prj["id"],
                "clusterId": cluster_id,
            }
        )
        return str(dep["id"]), str(prj["id"]), str(user["id"]), str(rule["id"])

    results = run_parallel(work, 8)
    emulator.reset_faults()
    assert all(all(ids) for ids in results)
    assert names_in_state(emulator, "departments", "drop-dep-") == {
        f"drop-dep-{n}": 1 for n in range(8)
    }
    assert names_in_state(emulator, "projects", "drop-prj-") == {
        f"drop-prj-{n}": 1 for n in range(8)
    }
    assert names_in_state(emulator, "users", "drop-", field="username") == {
        f"drop-{n}@example.com": 1 for n in range(8)
    }
    rules = Counter(
        (r["subjectId"], r["scopeId"])
        for r in emulator.state()["access_rules"]
        if str(r["subjectId"]).startswith("drop-") and not r.get("deletedAt")
    )
    assert sorted(rules.values()) == [1] * 8
    dropped = [r for r in emulator.requests() if r.get("dropped")]
    assert {r["path"] for r in dropped} >= {"/api/v1/org-unit/departments"}
    assert len(dropped) >= 8  # the lost-answer path really ran, many times


def test_latency_from_several_threads(
    client: RunaiClient, emulator: EmulatorProcess, cluster_id: str
) -> None:
    emulator.set_faults(latencyMs=40, latencyJitterMs=40)
    results = run_parallel(lambda _: len(NodePools(client).list(cluster_id, fresh=True)), 12, 6)
    assert results == [2] * 12

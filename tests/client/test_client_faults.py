"""Fault injection against the real emulator: nothing is lost and nothing is duplicated."""

from __future__ import annotations

import socket
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from pulumi_runai._retry import RetryPolicy
from pulumi_runai.client import RunaiClient
from pulumi_runai.errors import ServerError, TransportError
from pulumi_runai.services import AccessRules, Departments, NodePools, Projects, Roles, Users
from pulumi_runai.settings import Settings
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


def test_429_storm_on_reads_and_creates(
    settings: Settings, emulator: EmulatorProcess, cluster_id: str
) -> None:
    # Odds per CI run that the 16 POSTs or the 16 GETs all escape the storm: 2 * 0.4**16 < 1e-6.
    # The emulator's 429s carry Retry-After, so they pace the calls without spending the
    # default attempt budget (RetryPolicy.charges); only the total time bounds them.
    client = RunaiClient(settings)
    pool = NodePools(client).by_name(cluster_id, "default")
    deps = Departments(client)
    emulator.set_faults(rateLimitRate=0.6)

    def work(n: int) -> str:
        created = deps.create(dep_body(cluster_id, pool, f"storm-{n}"))
        assert deps.get(created["id"])["name"] == f"storm-{n}"
        return str(created["id"])

    ids = run_parallel(work, 16)
    emulator.reset_faults()
    assert len(set(ids)) == 16
    assert names_in_state(emulator, "departments", "storm-") == {f"storm-{n}": 1 for n in range(16)}
    statuses = Counter((r["method"], r["status"]) for r in emulator.requests())
    assert statuses[("POST", 429)] > 0 and statuses[("GET", 429)] > 0  # the storm did happen


def test_a_long_throttle_outlasts_a_small_attempt_budget(
    emulator: EmulatorProcess, settings_for: Callable[..., Settings]
) -> None:
    """Paced 429s (Retry-After 0.1 s) are waited out, not counted against two attempts."""
    client = RunaiClient(settings_for(emulator), retry=RetryPolicy(max_attempts=2))
    client.get("/api/v1/clusters")  # the token first, outside the storm
    emulator.set_faults(rateLimitRate=1.0)
    with ThreadPoolExecutor(max_workers=1) as pool:
        call = pool.submit(client.get, "/api/v1/clusters")
        deadline = time.monotonic() + 20
        while sum(r["status"] == 429 for r in emulator.requests()) < 5:
            assert not call.done(), call.exception()  # gave up inside the storm
            assert time.monotonic() < deadline
            time.sleep(0.02)
        emulator.reset_faults()
        assert len(call.result(timeout=20)) == 1


def test_503s_on_every_verb(
    settings: Settings, emulator: EmulatorProcess, cluster_id: str
) -> None:
    # Odds per CI run: no 503 among the 30 writes, 0.6**30 < 1e-6; one of ~40 calls failing
    # 40 attempts in a row, 40 * 0.4**40 < 1e-14. (At 0.35 with the default 10 attempts:
    # 0.65**30 = 2e-6 plus 40 * 0.35**10 = 1e-3.)
    client = RunaiClient(settings, retry=RetryPolicy(max_attempts=40))
    pool = NodePools(client).by_name(cluster_id, "default")
    deps = Departments(client)
    emulator.set_faults(errorRate=0.4)

    def work(n: int) -> None:
        created = deps.create(dep_body(cluster_id, pool, f"flaky-{n}"))
        body = dep_body(cluster_id, pool, f"flaky-{n}")
        body["description"] = "updated"
        del body["name"], body["clusterId"]
        assert deps.update(created["id"], body)["description"] == "updated"
        if n % 2:
            deps.delete(created["id"])

    run_parallel(work, 12)
    emulator.reset_faults()
    remaining = names_in_state(emulator, "departments", "flaky-")
    assert remaining == {f"flaky-{n}": 1 for n in range(12) if n % 2 == 0}
    assert all(
        d["description"] == "updated"
        for d in emulator.state()["departments"]
        if d["name"].startswith("flaky-")
    )
    assert any(r["status"] == 503 for r in emulator.requests())


def test_drop_after_commit_never_duplicates_any_kind(
    client: RunaiClient, emulator: EmulatorProcess, cluster_id: str
) -> None:
    pool = NodePools(client).by_name(cluster_id, "default")
    role = Roles(client).by_name("Viewer")
    parent = Departments(client).find(cluster_id, "default")
    assert parent is not None
    # No kind escapes a drop: 4 kinds * 0.1**8 < 1e-7 (at 0.75 it was 4 * 0.25**8 = 6e-5).
    emulator.set_faults(dropAfterCommitRate=0.9)

    def work(n: int) -> tuple[str, str, str, str]:
        dep = Departments(client).create(dep_body(cluster_id, pool, f"drop-dep-{n}"))
        body = dep_body(cluster_id, pool, f"drop-prj-{n}")
        body["parentId"] = parent["id"]
        prj = Projects(client).create(body)
        user = Users(client).create(f"drop-{n}@example.com")
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


def test_delete_whose_answer_was_lost_counts_as_done(
    client: RunaiClient, emulator: EmulatorProcess, cluster_id: str
) -> None:
    pool = NodePools(client).by_name(cluster_id, "default")
    deps = Departments(client)
    created = [deps.create(dep_body(cluster_id, pool, f"gone-{n}")) for n in range(6)]
    # Every DELETE commits and loses its answer; the retry's 404 is not a write, so it passes.
    emulator.set_faults(dropAfterCommitRate=1.0)
    for dep in created:
        deps.delete(dep["id"])
    emulator.reset_faults()
    assert names_in_state(emulator, "departments", "gone-") == {}
    dropped = [r for r in emulator.requests() if r.get("dropped") and r["method"] == "DELETE"]
    assert len(dropped) == len(created)


def test_latency_from_several_threads(
    client: RunaiClient, emulator: EmulatorProcess, cluster_id: str
) -> None:
    emulator.set_faults(latencyMs=40, latencyJitterMs=40)
    results = run_parallel(lambda _: len(NodePools(client).list(cluster_id, fresh=True)), 12, 6)
    assert results == [2] * 12


def test_timeout_is_a_transport_error_naming_the_setting(
    emulator: EmulatorProcess, settings_for: Callable[..., Settings]
) -> None:
    client = RunaiClient(
        settings_for(emulator, timeout=0.2), retry=RetryPolicy(max_attempts=2, total_timeout=2)
    )
    client.get("/api/v1/clusters")  # token fetched before the server slows down
    emulator.set_faults(latencyMs=600)
    with pytest.raises(TransportError) as info:
        client.get("/api/v1/clusters")
    assert "runai:timeout" in str(info.value)
    assert info.value.method == "GET" and info.value.path == "/api/v1/clusters"
    # The server still answers the abandoned calls later: wait for them so that they do not
    # land in the request log of the next test (1 call before the slowdown + 2 attempts).
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if sum(r["path"] == "/api/v1/clusters" for r in emulator.requests()) >= 3:
            break
        time.sleep(0.05)
    else:
        pytest.fail("the emulator never logged the timed-out calls")


def test_unreachable_control_plane_names_the_url_setting() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = Settings(url=f"http://127.0.0.1:{port}", client_id="x", client_secret="y-secret")
    client = RunaiClient(settings, retry=RetryPolicy(max_attempts=2))
    with pytest.raises(TransportError, match="RUNAI_URL"):
        client.get("/api/v1/clusters")


def test_a_lost_post_is_looked_up_not_posted_again(
    client: RunaiClient, emulator: EmulatorProcess, cluster_id: str
) -> None:
    pool = NodePools(client).by_name(cluster_id, "default")
    emulator.clear_requests()
    emulator.set_faults(dropAfterCommitRate=1.0)
    created = Departments(client).create(dep_body(cluster_id, pool, "once"))
    emulator.reset_faults()
    assert created["name"] == "once" and created["id"]
    # only department calls: a slow request of an earlier test may still land in the log
    calls = [
        (r["method"], r["path"], r["status"])
        for r in emulator.requests()
        if r["path"].startswith("/api/v1/org-unit/departments")
    ]
    assert calls == [
        ("POST", "/api/v1/org-unit/departments", 503),
        ("GET", "/api/v1/org-unit/departments", 200),
    ]


def test_a_post_under_a_total_outage_gives_up_bounded_and_creates_nothing(
    settings: Settings, emulator: EmulatorProcess, cluster_id: str
) -> None:
    client = RunaiClient(settings, retry=RetryPolicy(max_attempts=3))
    pool = NodePools(client).by_name(cluster_id, "default")
    emulator.clear_requests()
    emulator.set_faults(rateLimitRate=0.0, errorRate=1.0)
    with pytest.raises(ServerError):
        # every answer is 503, including the look-ups: the client gives up, bounded
        Departments(client).create(dep_body(cluster_id, pool, "never"))
    emulator.reset_faults()
    posts = [r for r in emulator.requests() if r["method"] == "POST"]
    assert 1 <= len(posts) <= 3
    assert names_in_state(emulator, "departments", "never") == {}

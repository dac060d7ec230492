"""Crash and restart: the provider host is SIGKILLed in the middle of an `up`, the emulator is
restarted in the middle of another. The next `up` never duplicates and never silently takes
over an object the stack did not create; where it cannot tell (an object created just before
the kill, whose id never reached the state), it stops with an error naming the object and
`adopt=True` as the fix, and with that flag it converges.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pulumi_runai as runai
import pytest
import requests
from pulumi_runai.testing import HarnessError, Stack, use_forkserver
from runai_emulator.testing import EmulatorProcess

from .fleet import Fleet, duplicates, expected, held, stack_on, state_ids

SIZE = int(os.environ.get("RUNAI_CRASH_RESOURCES", "24"))
CREATED = {200, 201, 202}


def _creates(emulator: EmulatorProcess) -> int:
    return sum(1 for r in emulator.requests()
               if r["method"] == "POST" and r["status"] in CREATED
               and not r["path"].endswith("/token"))


def _host_pids() -> list[int]:
    """Dynamic-provider hosts started by this test process (children running pulumi.dynamic).

    Read from /proc because the harness does not expose the host's pid through Stack.
    """
    me, found = os.getpid(), []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == me and b"pulumi.dynamic" in cmdline:
            found.append(int(entry.name))
    return found


class When:
    """A watcher thread: once the emulator has answered `after` creates, run `action` once.

    Bounded: it gives up after `timeout` seconds; `fired` tells whether the action ran.
    """

    def __init__(self, emulator: EmulatorProcess, after: int, action: Callable[[], None],
                 timeout: float = 120.0) -> None:
        self.fired = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True,
                                        args=(emulator, after, action, timeout))

    def _watch(self, emulator: EmulatorProcess, after: int, action: Callable[[], None],
               timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not self._stop.is_set() and time.monotonic() < deadline:
            try:
                if _creates(emulator) >= after:
                    action()
                    self.fired.set()
                    return
            except requests.RequestException:
                pass
            self._stop.wait(0.01)

    def __enter__(self) -> When:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=30)


@pytest.fixture(autouse=True)
def spawned_hosts() -> Iterator[None]:
    """Hosts are spawned here, as the engine spawns them: `_host_pids` finds them as children."""
    forked = use_forkserver(False)
    yield
    use_forkserver(forked)


def _kill_hosts() -> None:
    for pid in _host_pids():
        os.kill(pid, signal.SIGKILL)


@pytest.fixture
def crash_emulator(emulator_factory: Callable[..., EmulatorProcess]) -> EmulatorProcess:
    """Slow enough (latency on every call) that a kill lands in the middle of the run."""
    server = emulator_factory("--seed", "3")
    server.set_faults(latencyMs=20.0, latencyJitterMs=20.0)
    return server


@pytest.fixture
def fleet(crash_emulator: EmulatorProcess) -> Fleet:
    return Fleet(crash_emulator.state()["clusters"][0]["uuid"], SIZE)


def _forget_last_checkpoint(state_file: Path) -> str:
    """Drop the newest resource (and what depends on it) from the state file, as if the host
    had died between the API's commit and the engine's checkpoint (the window a SIGKILL can
    hit, but only sometimes does). Returns its name."""
    data = json.loads(state_file.read_text())
    victim = [r for r in data["resources"] if r["custom"]][-1]
    data["resources"] = [r for r in data["resources"]
                         if r is not victim and victim["urn"] not in r["dependencies"]]
    state_file.write_text(json.dumps(data))
    return str(victim["name"])


def _orphans(emulator: EmulatorProcess, stack: Stack) -> dict[str, str]:
    """Fleet objects (any kind, access rules included) the emulator holds whose id the state
    does not know: id -> what it is."""
    known = set(state_ids(stack).values())
    state = emulator.state()
    found: dict[str, str] = {}
    for kind in ("departments", "projects", "users", "access_rules"):
        for obj in state[kind]:
            label = str(obj.get("name") or obj.get("username") or obj.get("subjectId"))
            if label.startswith("rel") and str(obj["id"]) not in known:
                found[str(obj["id"])] = f"{kind[:-1]} {label}"
    return found


@pytest.mark.timeout(600)
def test_host_killed_mid_up_never_duplicates_and_names_what_it_cannot_decide(
    crash_emulator: EmulatorProcess, fleet: Fleet, tmp_path: Path
) -> None:
    state_file = tmp_path / "state.json"
    stack = stack_on(crash_emulator, state_file)

    with When(crash_emulator, after=SIZE // 3, action=_kill_hosts) as killer, \
            pytest.raises(HarnessError):
        stack.up(fleet.program())
    assert killer.fired.is_set(), "the host finished before it could be killed"
    assert _host_pids() == []
    checkpointed = len(state_ids(stack))
    assert checkpointed < SIZE
    # Make sure the uncheckpointed-create window is exercised, whatever the kill timing was.
    if checkpointed:
        _forget_last_checkpoint(state_file)
    orphans = _orphans(crash_emulator, stack)
    assert orphans

    # The next up (new host, same state) duplicates nothing and names every orphan it met.
    with pytest.raises(HarnessError) as stopped:
        stack.up(fleet.program())
    message = str(stopped.value)
    assert "adopt=True" in message, message
    named = {label for id_, label in orphans.items() if f"(id {id_})" in message}
    assert named, (orphans, message)
    assert all(n <= 1 for counts in held(crash_emulator).values() for n in counts.values()), \
        duplicates(crash_emulator)

    # With the fix the error names, the stack converges: every object exactly once.
    adopted = Fleet(fleet.cluster_id, SIZE, adopt=True)
    stack.up(adopted.program())
    assert held(crash_emulator) == expected(fleet), duplicates(crash_emulator)
    assert _orphans(crash_emulator, stack) == {}

    stack.destroy()
    assert all(not counts for counts in held(crash_emulator).values())


@pytest.mark.timeout(600)
def test_emulator_restarted_mid_up_converges_without_duplicates(
    crash_emulator: EmulatorProcess, fleet: Fleet, tmp_path: Path
) -> None:
    stack = stack_on(crash_emulator, tmp_path / "state.json")
    failure: list[BaseException] = []
    with When(crash_emulator, after=SIZE // 3, action=crash_emulator.restart) as restarter:
        try:
            stack.up(fleet.program())
        except HarnessError as exc:  # acceptable only if the next up converges
            failure.append(exc)
    assert restarter.fired.is_set(), "the up finished before the emulator could restart"
    crash_emulator.set_faults(latencyMs=0.0)
    assert all(n <= 1 for counts in held(crash_emulator).values() for n in counts.values()), \
        duplicates(crash_emulator)
    if failure:
        stack.up(fleet.program())
    assert held(crash_emulator) == expected(fleet), duplicates(crash_emulator)
    assert failure == [], f"the restart was not ridden out: {failure[0]}"


@pytest.fixture
def by_hand(crash_emulator: EmulatorProcess, fleet: Fleet) -> Iterator[dict[str, Any]]:
    """A department with a fleet name, created in the UI by someone else."""
    headers = crash_emulator.headers()
    body = {"name": fleet.department_names()[0], "clusterId": fleet.cluster_id,
            "description": "made by hand",
            "resources": [{"nodePool": {"name": "default"}, "gpu": {"deserved": 7}}]}
    response = requests.post(crash_emulator.url + "/api/v1/org-unit/departments", json=body,
                             headers=headers, timeout=10)
    response.raise_for_status()
    yield response.json()


def _department(emulator: EmulatorProcess, id_: str) -> dict[str, Any]:
    return next(d for d in emulator.state()["departments"] if str(d["id"]) == str(id_))


def test_an_object_made_by_hand_is_never_taken_over_silently(
    crash_emulator: EmulatorProcess, fleet: Fleet, by_hand: dict[str, Any], tmp_path: Path
) -> None:
    before = _department(crash_emulator, by_hand["id"])
    stack = stack_on(crash_emulator, tmp_path / "state.json")
    with pytest.raises(HarnessError) as stopped:
        stack.up(Fleet(fleet.cluster_id, 8).program())
    message = str(stopped.value)
    assert by_hand["name"] in message and f"id {by_hand['id']}" in message, message
    assert "adopt=True" in message
    assert _department(crash_emulator, by_hand["id"]) == before
    assert str(by_hand["id"]) not in state_ids(stack).values()


@pytest.mark.xfail(
    strict=True,
    reason="KNOWN LIMIT (client.create/_claim): a lost-answer lookup now refuses objects made "
    "by another client or before this create started (less 120 s clock skew), but an object "
    "made by the *same* client id moments before is indistinguishable from the lost one "
    "(the API has no idempotency key); closing it needs a pre-create lookup (one extra GET per "
    "create) or comparing the found body with the one sent.",
)
def test_a_refused_create_never_takes_over_an_object_made_by_hand(
    crash_emulator: EmulatorProcess, fleet: Fleet, by_hand: dict[str, Any], tmp_path: Path
) -> None:
    """The control plane refuses the POST (503, nothing committed) while a same-named object
    made by hand exists: the retry's lookup must not adopt it.

    Choreography (every call is delayed 300 ms, and the emulator decides faults after the
    delay): once the node-pool lookup has been answered, the next call is the POST; faults go
    to 100 % until that POST has been refused, then back to 0 for the lookup that follows.
    """
    crash_emulator.set_faults(latencyMs=300.0, latencyJitterMs=0.0)
    refused: list[dict[str, Any]] = []

    def watch() -> None:
        deadline = time.monotonic() + 60
        armed = False
        while time.monotonic() < deadline:
            log = crash_emulator.requests()
            if not armed and any("node-pools" in r["path"] and r["status"] == 200 for r in log):
                crash_emulator.set_faults(errorRate=1.0)
                armed = True
            refused[:] = [r for r in log if r["method"] == "POST" and r["status"] == 503]
            if refused:
                crash_emulator.set_faults(errorRate=0.0)
                return
            time.sleep(0.005)  # polling the request log, bounded by the deadline

    stack = stack_on(crash_emulator, tmp_path / "state.json")
    name = by_hand["name"]

    def declare() -> None:  # the department alone, so nothing else can trip the fault
        runai.Department(name, name=name, cluster_id=fleet.cluster_id,
                         resources=[{"node_pool": "default", "gpu": {"deserved": 1}}])

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        stack.up(declare)
    except HarnessError as exc:
        assert "adopt=True" in str(exc)
    else:
        # pytrace=False: a plain message. Formatting this test's traceback has hit CPython
        # 3.11.7's "AST constructor recursion depth mismatch" and aborted the whole session.
        pytest.fail("the refused create took the hand-made department over silently",
                    pytrace=False)
    finally:
        watcher.join(timeout=60)
    assert len(refused) == 1 and not refused[0].get("dropped")
    assert _department(crash_emulator, by_hand["id"])["description"] == "made by hand"

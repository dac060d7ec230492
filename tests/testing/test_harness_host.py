"""ProviderHost talks to the real `python -m pulumi.dynamic` process, spawned as the engine
spawns it or forked from the forkserver the suite uses (every test runs both ways)."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import toyprov
from pulumi.dynamic.dynamic import serialize_provider
from pulumi.runtime._serialization import _serialize
from pulumi_runai.testing import (
    HostStartError,
    ProviderError,
    ProviderHost,
    secret,
    use_forkserver,
)
from pulumi_runai.testing.host import DIFF_NONE, DIFF_SOME

HERE = Path(__file__).resolve().parent
URN = "urn:pulumi:dev::toy::pulumi-python:dynamic/toy:File::a"


@pytest.fixture(autouse=True, params=["spawn", "forkserver"])
def start_method(request: pytest.FixtureRequest) -> Iterator[str]:
    previous = use_forkserver(request.param == "forkserver")
    yield request.param
    use_forkserver(previous)


def _eventually_in(text: str, read: Callable[[], str], timeout: float = 10.0) -> bool:
    """Whether `text` shows up in what `read` returns (stderr is drained by a thread)."""
    deadline = time.monotonic() + timeout
    while text not in read():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def _pickled(provider: toyprov.FileProvider) -> str:
    return str(_serialize(True, serialize_provider, provider)[0])


def test_full_crud_round_trip_through_the_host(files: Path) -> None:
    prov = _pickled(toyprov.FileProvider())
    news = {"dir": str(files), "key": "a", "content": "one", "__provider": secret(prov)}
    with ProviderHost(cwd=HERE, project="toy") as host:
        host.configure({"toy:prefix": secret("P|")})  # secret config reaches configure()
        checked, failures = host.check(URN, {}, news)
        assert failures == [] and checked["__provider"] == prov
        id_, outs = host.create(URN, checked)
        assert id_ == "a" and (files / "a.txt").read_text() == "P|one"
        assert outs["size"] == 5.0  # numbers come back as floats, as providers see them
        assert host.diff(URN, id_, outs, checked, checked).changes == DIFF_NONE
        changed = {**checked, "content": "two"}
        assert host.diff(URN, id_, outs, changed, checked).changes == DIFF_SOME
        host.delete(URN, id_, outs, checked)
    assert not (files / "a.txt").exists()


def test_host_errors_carry_the_providers_traceback(tmp_path: Path, files: Path) -> None:
    # cwd where toyprov is not importable: the by-reference pickle cannot load in the host
    news = {"dir": str(files), "key": "a", "__provider": _pickled(toyprov.FileProvider())}
    with ProviderHost(cwd=tmp_path, project="toy") as host, pytest.raises(ProviderError) as err:
        host.check(URN, {}, news)
    assert err.value.method == "Check" and err.value.code == "UNKNOWN"
    assert "No module named 'toyprov'" in err.value.details


def test_close_stops_the_process() -> None:
    host = ProviderHost(cwd=HERE)
    process = host._process.proc
    assert host.plugin_version()
    host.close()
    assert process.poll() is not None
    host.close()  # idempotent


def test_a_process_that_prints_no_port_is_reported(tmp_path: Path) -> None:
    fake = tmp_path / "fakepy"
    fake.write_text(f"#!{sys.executable}\nprint('not a port')\n")
    fake.chmod(0o755)
    # The host starts in the background; the first call reports why it could not.
    with ProviderHost(python=str(fake), start_timeout=10) as host, \
            pytest.raises(HostStartError, match="not a port"):
        host.plugin_version()


def test_the_host_sees_its_own_cwd_env_and_stderr(files: Path, start_method: str) -> None:
    prov = _pickled(toyprov.FileProvider())
    news = {"dir": str(files), "key": "env", "__provider": prov}
    env = {"TOY_CONTENT_FROM_ENV": start_method}
    with ProviderHost(cwd=HERE, project="toy", env=env) as host:
        id_, _ = host.create(URN, host.check(URN, {}, news)[0])
        assert (files / f"{id_}.txt").read_text() == start_method  # env reached the provider
        assert host.pid != os.getpid()
        assert _eventually_in(f"toy: created {id_}", lambda: host.stderr)  # its own stderr


def test_a_killed_host_is_seen_as_gone() -> None:
    host = ProviderHost(cwd=HERE)
    assert host.plugin_version()
    os.kill(host.pid, signal.SIGKILL)
    assert host._process.proc.wait(timeout=10) == -signal.SIGKILL
    host.close()

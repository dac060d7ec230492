"""Start plugin processes by forking an interpreter that has already imported the Pulumi SDK.

Why: every command of the engine starts a fresh provider host, and a test suite runs hundreds
of commands; a fresh ``python -m pulumi.dynamic`` spends about 0.25 s of CPU importing the SDK
and gRPC before it serves a call. The standard library's ``multiprocessing`` forkserver imports
those once and forks each host from there.

What the child still does as a fresh host does: it runs the plugin module as ``__main__`` with
fresh globals (``runpy``), with the plugin's argv, working directory first on ``sys.path``, its
own environment, stdin from /dev/null and its own stdout and stderr pipes, unbuffered (``-u``).
Only the SDK is imported ahead, never this project's modules, so a provider that a fresh host
could not import fails here too.

Opt-in: ``use_forkserver()`` or ``PULUMI_RUNAI_TESTING_FORKSERVER=1`` (the project's test suite
calls the first, for its own process only; the benchmarks do neither, since they measure each
host process). A forked host is a child of the forkserver, not of the test process, and its
command line is the forkserver's. The process that uses it must be started as ``python -m`` or
``pytest`` (multiprocessing re-imports a ``__main__`` script in every child).
"""

from __future__ import annotations

import functools
import io
import json
import multiprocessing
import multiprocessing.context
import multiprocessing.reduction
import os
import runpy
import subprocess
import sys
import threading
from collections.abc import Mapping, Sequence
from typing import IO, Any

ENV_SWITCH = "PULUMI_RUNAI_TESTING_FORKSERVER"
# What a plugin imports before it serves: the SDK's dynamic host and provider server, gRPC,
# and the HTTP library the providers use (libraries only, never this project's modules).
PRELOAD = ["pulumi", "pulumi.dynamic.dynamic", "pulumi.provider.experimental.server", "grpc",
           "dill", "google.protobuf", "requests"]

_context_lock = threading.Lock()
_context: multiprocessing.context.ForkServerContext | None = None
_switched_on = os.environ.get(ENV_SWITCH, "") == "1"


def use_forkserver(on: bool = True) -> bool:
    """Fork plugin processes of this process from now on (or spawn them again); returns the
    previous choice, to put back."""
    global _switched_on
    previous, _switched_on = _switched_on, on
    return previous


def enabled() -> bool:
    """Whether plugin processes are forked (``use_forkserver``; default from the variable)."""
    return _switched_on


def _startup(env: Mapping[str, str]) -> dict[str, str]:
    """What shapes an interpreter's start beside its executable: the PYTHON* variables
    (PYTHONPATH, a sitecustomize on it, PYTHONWARNINGS...)."""
    return {k: v for k, v in env.items() if k.startswith("PYTHON")}


def can_fork(env: Mapping[str, str]) -> bool:
    """Whether a plugin with environment ``env`` is forked: switched on, and its interpreter
    would start as this one does (otherwise it is spawned, so that its start hooks run)."""
    return enabled() and _startup(env) == _startup(os.environ)


@functools.cache
def _fresh_sys_path(startup: tuple[tuple[str, str], ...]) -> list[str]:
    """``sys.path`` of a fresh interpreter after its first entry (the script or cwd): the
    forkserver's children would otherwise inherit the test process's, with pytest's additions."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")} | dict(startup)
    found = subprocess.run([sys.executable, "-c", "import json, sys; print(json.dumps(sys.path))"],
                           env=env, capture_output=True, text=True, check=True).stdout
    path: list[str] = json.loads(found)
    return path[1:]


def _forkserver() -> multiprocessing.context.ForkServerContext:
    global _context
    with _context_lock:
        if _context is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(PRELOAD)
            _context = context
        return _context


class _Fd:
    """A file descriptor that travels to the forked child (duplicated on the way)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def __reduce__(self) -> tuple[Any, tuple[Any]]:
        return _Fd._received, (multiprocessing.reduction.DupFd(self.fd),)

    @staticmethod
    def _received(dup: Any) -> _Fd:
        return _Fd(dup.detach())


def _run_as_main(module: str, args: list[str], cwd: str, env: dict[str, str],
                 sys_path: list[str], stdout: _Fd, stderr: _Fd) -> None:
    """In the child: become ``python -u -m <module> <args>`` started in ``cwd`` with ``env``."""
    devnull = os.open(os.devnull, os.O_RDONLY)
    for fd, target in ((devnull, 0), (stdout.fd, 1), (stderr.fd, 2)):
        os.dup2(fd, target)
        os.close(fd)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 - the process's own stdin, never closed
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), write_through=True)
    sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), write_through=True,
                                  errors="backslashreplace")
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    sys.argv = [module, *args]
    sys.path[:] = [os.getcwd(), *sys_path]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


class ForkedProcess:
    """The part of ``subprocess.Popen`` that ``PluginProcess`` uses, for a forked plugin."""

    def __init__(self, module: str, args: Sequence[str], *, cwd: str | os.PathLike[str] | None,
                 env: Mapping[str, str]) -> None:
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        try:
            self._child = _forkserver().Process(
                target=_run_as_main, daemon=False,
                args=(module, list(args), os.fspath(cwd or os.getcwd()), dict(env),
                      _fresh_sys_path(tuple(sorted(_startup(env).items()))),
                      _Fd(out_w), _Fd(err_w)))
            self._child.start()
        except BaseException:
            os.close(out_r)
            os.close(err_r)
            raise
        finally:
            os.close(out_w)
            os.close(err_w)
        self.stdout: IO[str] | None = open(out_r)  # noqa: SIM115 - closed by PluginProcess
        self.stderr: IO[str] | None = open(err_r, errors="backslashreplace")  # noqa: SIM115

    @property
    def pid(self) -> int:
        pid = self._child.pid
        assert pid is not None
        return pid

    def poll(self) -> int | None:
        return self._child.exitcode

    def wait(self, timeout: float | None = None) -> int:
        self._child.join(timeout)
        if self._child.exitcode is None:
            raise subprocess.TimeoutExpired(str(self.pid), timeout or 0.0)
        return self._child.exitcode

    def terminate(self) -> None:
        self._child.terminate()

    def kill(self) -> None:
        self._child.kill()

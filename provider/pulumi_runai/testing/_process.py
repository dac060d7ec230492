"""Start a plugin process that prints its gRPC port on the first stdout line.

Both the dynamic-provider host and a Python policy pack announce themselves this way. Reading
the port has a deadline and stderr is drained in the background so a chatty or crashing plugin
can neither hang the test nor lose its traceback.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence

import grpc

from ._forkserver import ForkedProcess, can_fork
from .errors import HostStartError

# The engine's own address, a plugin's first argument; these plugins never call back.
ENGINE_ADDRESS = "127.0.0.1:0"


class PluginProcess:
    """A child process plus a ready gRPC channel to the port it printed."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        cwd: str | os.PathLike[str] | None,
        env: Mapping[str, str],
        what: str,
        start_timeout: float = 30.0,
        wait: bool = True,
        as_module: tuple[str, Sequence[str]] | None = None,
    ) -> None:
        """``as_module``: ``(module, args)`` when ``argv`` runs the same program as ``python -u
        -m <module> <args...>``, so that a forkserver may start it (see ``_forkserver``; only
        when that is switched on)."""
        self.what = what
        self.start_timeout = start_timeout
        self._stderr: list[str] = []
        self._ready_lock = threading.Lock()
        self.port = 0
        self.channel: grpc.Channel | None = None
        self.proc: subprocess.Popen[str] | ForkedProcess
        if as_module is not None and can_fork(env):
            self.proc = ForkedProcess(*as_module, cwd=cwd, env=env)
        else:
            self.proc = self._spawn(argv, cwd, env)
        self._drainer = threading.Thread(target=self._drain_stderr, daemon=True)
        self._drainer.start()
        if wait:
            self.wait_ready()

    @staticmethod
    def _spawn(argv: Sequence[str], cwd: str | os.PathLike[str] | None,
               env: Mapping[str, str]) -> subprocess.Popen[str]:
        return subprocess.Popen(
            list(argv),
            cwd=cwd,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    @property
    def pid(self) -> int:
        return self.proc.pid

    def wait_ready(self) -> grpc.Channel:
        """Read the port and connect (once); ``wait=False`` callers overlap this with work."""
        with self._ready_lock:
            if self.channel is not None:
                return self.channel
            self.port = self._read_port(self.start_timeout)
            channel = grpc.insecure_channel(f"127.0.0.1:{self.port}")
            try:
                grpc.channel_ready_future(channel).result(timeout=self.start_timeout)
            except grpc.FutureTimeoutError as exc:
                channel.close()
                self.close()
                raise HostStartError(
                    f"{self.what} did not accept connections: {self.stderr_text()}"
                ) from exc
            self.channel = channel
            return channel

    def _drain_stderr(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self._stderr.append(line)

    def stderr_text(self) -> str:
        return "".join(self._stderr[-200:])

    def _read_port(self, timeout: float) -> int:
        box: list[str] = []
        assert self.proc.stdout is not None
        stdout = self.proc.stdout
        reader = threading.Thread(target=lambda: box.append(stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout)
        line = box[0].strip() if box else ""
        if not line.isdigit():
            self.close()
            self._drainer.join(timeout=2)
            reason = "timed out" if not box else f"printed {line!r}"
            raise HostStartError(f"{self.what} {reason} instead of a port: {self.stderr_text()}")
        return int(line)

    def close(self, timeout: float = 5.0) -> None:
        """Terminate the process and wait for it; idempotent."""
        channel = getattr(self, "channel", None)
        if channel is not None:
            channel.close()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=timeout)
        deadline = time.monotonic() + timeout
        self._drainer.join(timeout=max(0.0, deadline - time.monotonic()))
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()

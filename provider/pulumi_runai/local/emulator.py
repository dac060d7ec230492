"""The background emulator of a working tree: started once, reused, stopped on destroy.

Its state lives in ``.runai-emulator/`` (``state.db``, ``emulator.log``, ``emulator.pid``)
and its URL in ``.runai-emulator/url``, which scripts and tests read. The local emulator uses
its documented default client (``pulumi-runai`` / ``emulator-secret``).
"""

from __future__ import annotations

import errno
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests
from runai_emulator.config import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET

from .failures import LocalError

CLIENT_ID = DEFAULT_CLIENT_ID
# The emulator's documented default credential, not a real secret.
CLIENT_SECRET = os.environ.get("RUNAI_EMULATOR_CLIENT_SECRET", DEFAULT_CLIENT_SECRET)
PORT_ENV = "RUNAI_EMULATOR_PORT"
DEFAULT_PORT = 8900
_LISTENING = "runai-emulator listening on "
START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0


def default_port() -> int:
    value = os.environ.get(PORT_ENV, str(DEFAULT_PORT))
    try:
        return int(value)
    except ValueError:
        raise LocalError(f"{PORT_ENV}={value!r} is not a port number; "
                         f"use e.g. {PORT_ENV}=0 (any free port)") from None


class PortBusy(LocalError):
    """The port asked for is taken by another program."""

    def __init__(self, port: int) -> None:
        super().__init__(
            f"port {port} is already in use by another program, so the emulator cannot "
            f"listen there. Run with --port 0 to pick a free port (or set {PORT_ENV}=0, "
            f"or another free port)")


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as err:
            if err.errno == errno.EADDRINUSE:
                return False
            raise
    return True


def alive(url: str) -> bool:
    try:
        return requests.get(f"{url}/_emulator/faults", timeout=2).status_code == 200
    except requests.RequestException:
        return False


@dataclass
class LocalEmulator:
    """The emulator whose files are in ``directory`` (``<root>/.runai-emulator``)."""

    directory: Path
    process: subprocess.Popen[bytes] | None = None  # set when this process started it

    @property
    def url_file(self) -> Path:
        return self.directory / "url"

    @property
    def pid_file(self) -> Path:
        return self.directory / "emulator.pid"

    @property
    def log_file(self) -> Path:
        return self.directory / "emulator.log"

    def recorded_url(self) -> str | None:
        return self.url_file.read_text().strip() if self.url_file.exists() else None

    def running_url(self) -> str | None:
        """The recorded URL if an emulator answers there."""
        url = self.recorded_url()
        return url if url and alive(url) else None

    def ensure_running(self, port: int) -> str:
        """The URL of the running emulator, starting one on ``port`` (0: any) if needed."""
        url = self.running_url()
        if url:
            print(f"emulator already running at {url}")
            return url
        if port and not _port_free(port):
            raise PortBusy(port)
        self.directory.mkdir(exist_ok=True)
        with self.log_file.open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "runai_emulator", "serve", "--port", str(port),
                 "--db", str(self.directory / "state.db"), "--client-id", CLIENT_ID,
                 "--client-secret", CLIENT_SECRET],
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self.pid_file.write_text(str(self.process.pid))
        url = self._wait_listening(port)
        self.url_file.write_text(url)
        print(f"emulator started at {url} (state: {self.directory / 'state.db'})")
        return url

    def _wait_listening(self, port: int) -> str:
        assert self.process is not None
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            first = self.log_file.read_text(errors="replace").splitlines()[:1]
            if first and first[0].startswith(_LISTENING):
                return first[0][len(_LISTENING):].strip()
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        log = self.log_file.read_text(errors="replace")
        self._forget()
        if "address already in use" in log.lower():
            raise PortBusy(port)
        last = [line for line in log.splitlines() if line.strip()][-3:]
        raise LocalError("the emulator did not start; the end of its log "
                         f"({self.log_file}) says:\n" + "\n".join(last))

    def _forget(self) -> None:
        self.pid_file.unlink(missing_ok=True)
        self.url_file.unlink(missing_ok=True)

    def _is_emulator(self, pid: int) -> bool:
        """Guards against a stale pid file naming a process that is not ours any more."""
        cmdline = Path(f"/proc/{pid}/cmdline")
        if not cmdline.exists():
            return sys.platform != "linux"
        return b"runai_emulator" in cmdline.read_bytes()

    def stop(self) -> None:
        """Stops the emulator; its state stays in ``state.db`` for the next start."""
        if not self.pid_file.exists():
            return
        pid = int(self.pid_file.read_text())
        if self.process is not None and self.process.pid == pid:
            # Started by this process: wait() reaps it (a zombie would look alive to kill 0).
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        elif self._is_emulator(pid):
            self._terminate_other(pid)
        self._forget()
        print(f"emulator stopped (its state stays in {self.directory / 'state.db'})")

    @staticmethod
    def _terminate_other(pid: int) -> None:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + STOP_TIMEOUT
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.02)
        os.kill(pid, signal.SIGKILL)

"""`EmulatorProcess`: the real server as a subprocess on a free port, for tests.

Uses only `requests` and the standard library so any test suite can import it.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import requests

from .config import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET
from .switches import CHOICES, Switches, camel, snake

_PREFIX = "runai-emulator listening on "


class EmulatorError(RuntimeError):
    """The emulator process could not be started."""


def _flag(args: tuple[str, ...], name: str, default: str) -> str:
    for i, arg in enumerate(args):
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return default


def switch_args(**switches: str | float) -> tuple[str, ...]:
    """Command-line flags for switches given as keywords: `put_omitted="keep"` ->
    `("--put-omitted", "keep")`; an unknown keyword raises ValueError naming the known ones."""
    args: list[str] = []
    for keyword, value in switches.items():
        args += ["--" + snake(camel(keyword)).replace("_", "-"), str(value)]
    return tuple(args)


def switch_settings(deleting_delay: float = 0.3) -> list[dict[str, str | float]]:
    """The defaults (`{}`), then each other setting of each switch on its own, as keywords for
    `set_switches`; for `pytest.mark.parametrize(..., ids=switch_id)` over every setting."""
    settings: list[dict[str, str | float]] = [{}]
    for name, values in CHOICES.items():
        settings += [{snake(name): value} for value in values[1:]]
    return [*settings, {"deleting_delay": deleting_delay}]


def switch_id(setting: dict[str, str | float]) -> str:
    """`put_omitted=keep`, or `defaults`: a readable pytest id for one of `switch_settings()`."""
    return ",".join(f"{k}={v}" for k, v in setting.items()) or "defaults"


class EmulatorProcess:
    """`EmulatorProcess(db_path, *extra_args, **switches)`; a context manager, or call stop().

    Switches (docs/emulator.md) may be given as keywords, e.g. `api_version="3.0"`,
    `put_omitted="keep"`, `duplicate_access_rules="allow"`, `department_delete="cascade"`,
    `deleting_delay=2`, and changed later with `set_switches(...)`.
    """

    def __init__(self, db_path: str | os.PathLike[str] | None = None, *extra_args: str,
                 start_timeout: float = 20.0, verify: bool | str = True,
                 **switches: str | float) -> None:
        if db_path is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="runai-emulator-")
            db_path = Path(self._tmp.name) / "emulator.db"
        self.db_path = str(db_path)
        self.extra_args = tuple(extra_args) + switch_args(**switches)
        self.client_id = _flag(self.extra_args, "--client-id", DEFAULT_CLIENT_ID)
        self.client_secret = _flag(self.extra_args, "--client-secret", DEFAULT_CLIENT_SECRET)
        self.start_timeout = start_timeout
        self.url = ""
        self.port = 0
        self._proc: subprocess.Popen[str] | None = None
        fd, path = tempfile.mkstemp(prefix="runai-emulator-", suffix=".err")
        os.close(fd)
        self._stderr_path = Path(path)
        self._stderr_kept = ""  # what stderr held when the file was removed by stop()
        self.session = requests.Session()
        cert = _flag(self.extra_args, "--tls-cert", "")
        # a self-signed --tls-cert is its own CA: trust it for the control calls
        self.session.verify = cert if (verify is True and cert) else verify
        self._start(0)

    # lifecycle -------------------------------------------------------------------------
    def _start(self, port: int) -> None:
        cmd = [sys.executable, "-m", "runai_emulator", "serve", "--port", str(port),
               "--db", self.db_path, *self.extra_args]
        with self._stderr_path.open("w") as err:
            self._proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, text=True)
        assert self._proc.stdout is not None
        deadline = time.monotonic() + self.start_timeout
        line = ""
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self._proc.stdout], [], [], 0.05)
            if ready:
                line = self._proc.stdout.readline()
                break
            if self._proc.poll() is not None:
                break
        if not line.startswith(_PREFIX):
            self._kill()
            raise EmulatorError(
                f"emulator did not start (first line {line!r}); stderr:\n{self.stderr()}"
            )
        self.url = line[len(_PREFIX):].strip()
        self.port = int(self.url.rsplit(":", 1)[1])

    def stderr(self) -> str:
        try:
            return self._stderr_path.read_text()
        except OSError:
            return self._stderr_kept

    def _kill(self) -> None:
        proc = self._proc
        if proc is None:
            return
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
        if proc.stdout is not None:
            proc.stdout.close()
        self._proc = None

    def stop(self) -> None:
        """Terminate, wait, kill on timeout; remove the stderr file. Safe to call twice."""
        self._kill()
        self.session.close()
        if self._stderr_path.exists():
            self._stderr_kept = self.stderr()
            self._stderr_path.unlink()

    def restart(self) -> None:
        """Stop and start on the same db, on the same port when it can be had again."""
        port = self.port
        self._kill()
        try:
            self._start(port)
        except EmulatorError:
            self._start(0)

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def __enter__(self) -> EmulatorProcess:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # control endpoints ------------------------------------------------------------------
    def _control(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        response = self.session.request(method, f"{self.url}/_emulator/{path}", timeout=10,
                                        **kwargs)
        response.raise_for_status()
        return response

    def requests(self) -> list[dict[str, Any]]:
        """The API request log: method, path, query, status, clientId, start, end (in order)."""
        result: list[dict[str, Any]] = self._control("GET", "requests").json()
        return result

    @property
    def pid(self) -> int:
        """The server's process id (0 when it is not running)."""
        return self._proc.pid if self._proc is not None else 0

    def peak_in_flight(self, requests: list[dict[str, Any]] | None = None) -> int:
        """The most API requests that were being served at the same moment."""
        events = sorted(
            (t, step) for r in (self.requests() if requests is None else requests)
            for t, step in ((r["start"], 1), (r["end"], -1))
        )
        peak = current = 0
        for _, step in events:  # at equal times an answer (-1) sorts before an arrival
            current += step
            peak = max(peak, current)
        return peak

    def clear_requests(self) -> None:
        self._control("DELETE", "requests")

    def reset(self) -> None:
        """State back to the seed, switches back to their start values."""
        self._control("POST", "reset")

    def state(self) -> dict[str, Any]:
        result: dict[str, Any] = self._control("GET", "state").json()
        return result

    def set_faults(self, **faults: float) -> dict[str, float]:
        """Partial update, e.g. `set_faults(errorRate=0.5)`; returns the new settings."""
        result: dict[str, float] = self._control("PUT", "faults", json=faults).json()
        return result

    def reset_faults(self) -> None:
        self._control("DELETE", "faults")

    def switches(self) -> dict[str, Any]:
        """The current switches, by wire name (`putOmitted`, `apiVersion`, ...)."""
        result: dict[str, Any] = self._control("GET", "switches").json()
        return result

    def set_switches(self, **switches: str | float) -> dict[str, Any]:
        """Partial update by keyword, e.g. `set_switches(put_omitted="keep")`; `reset()` and
        `reset_switches()` restore the start values."""
        wire = {camel(keyword): value for keyword, value in switches.items()}
        Switches().patched(wire)  # a bad name or value fails here, with its message
        result: dict[str, Any] = self._control("PUT", "switches", json=wire).json()
        return result

    def reset_switches(self) -> None:
        self._control("DELETE", "switches")

    def token(self) -> str:
        """A valid bearer token for the main client."""
        response = self.session.post(
            f"{self.url}/api/v1/token",
            json={"grantType": "client_credentials", "clientId": self.client_id,
                  "clientSecret": self.client_secret},
            timeout=10,
        )
        response.raise_for_status()
        token: str = response.json()["accessToken"]
        return token

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token()}"}

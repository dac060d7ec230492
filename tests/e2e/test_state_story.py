"""Story: the state file travels (to CI, to a colleague) and stays safe to hand around.

It must carry no client secret and no bearer token, and a second `up` in another process
that only shares the JSON state must see nothing to do.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from runai_emulator.testing import EmulatorProcess

from .conftest import stack_on
from .programs import Org, program
from .tenant import Tenant

HERE = Path(__file__).resolve().parent
JWT = re.compile(r"eyJ[\w-]+\.[\w-]+\.[\w-]*")

# Loaded by the provider host through PYTHONPATH: every logger at DEBUG into a file, so the
# scan below sees everything the provider and its libraries would ever log.
VERBOSE_HOST = """
import logging, os
logging.basicConfig(filename=os.environ["E2E_HOST_LOG"], level=logging.DEBUG,
                    format="%(name)s %(levelname)s %(message)s")
"""


def leaks(text: str, emulator: EmulatorProcess) -> list[str]:
    """Credentials found in `text`: the client secret, bearer tokens, JWTs."""
    found = [emulator.client_secret] if emulator.client_secret in text else []
    found += [m for m in ("Bearer ", "accessToken") if m in text]
    return found + JWT.findall(text)


def test_state_and_host_logs_hold_no_secret_and_no_token(
    emulator: EmulatorProcess, tenant: Tenant, org: Org, tmp_path: Path
) -> None:
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(VERBOSE_HOST)
    log = tmp_path / "host.log"
    stack = stack_on(
        emulator, tmp_path / "state.json",
        env={"PYTHONPATH": os.pathsep.join(filter(None, [str(hooks),
                                                         os.environ.get("PYTHONPATH")])),
             "E2E_HOST_LOG": str(log)},
    )

    stack.up(program(org))
    state = (tmp_path / "state.json").read_text()
    stack.refresh()
    stack.destroy()

    assert "temp_password" in state, "the scan must cover a state that holds users"
    assert leaks(state, emulator) == []
    host_log = log.read_text()
    assert "pulumi_runai" in host_log and "/api/v1/org-unit/departments" in host_log, (
        "the host log must have been written for the scan to mean anything"
    )
    assert leaks(host_log, emulator) == []


def test_a_second_up_in_another_process_with_the_same_state_is_a_no_op(
    emulator: EmulatorProcess, tenant: Tenant, org: Org, tmp_path: Path
) -> None:
    state = tmp_path / "state.json"
    stack_on(emulator, state).up(program(org))
    before = state.read_text()

    tenant.forget_calls()
    done = subprocess.run(
        [sys.executable, str(HERE / "up_elsewhere.py"), str(state), emulator.url,
         emulator.client_id, tenant.cluster_id],
        env={**os.environ, "RUNAI_CLIENT_SECRET": emulator.client_secret},
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    ops = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(ops.values()) == {"same"} and len(ops) == 7, ops
    assert tenant.calls() == [], "the other process must not call Run:ai"
    assert checkpoint(state.read_text()) == checkpoint(before), "the state is left as it was"


def checkpoint(text: str) -> dict[str, Any]:
    """The state with each resource's dependencies as a set: the SDK gathers them in a set,
    so their order differs between processes (hash seeds) without meaning anything."""
    data: dict[str, Any] = json.loads(text)
    for res in data["resources"]:
        res["dependencies"] = sorted(res["dependencies"])
    return data

"""No secret escapes: after runs under faults, with failures on purpose, the client secret,
bearer tokens, users' temporary passwords and service accounts' client secrets appear nowhere
but inside secret values of the state; not in the host's DEBUG log or stderr, not in exception
texts, not in the caller's logs, not in the pickled `__provider` (decoded from base64 and from
dill)."""

from __future__ import annotations

import base64
import json
import logging
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import dill
import pulumi_runai as runai
import pytest
from pulumi_runai.client import RunaiClient
from pulumi_runai.errors import RunaiError
from pulumi_runai.services import ServiceAccounts, Users
from pulumi_runai.settings import Settings
from pulumi_runai.testing import HarnessError, ProviderError, is_secret
from runai_emulator.testing import EmulatorProcess

from .fleet import Fleet, stack_on

JWT = re.compile(r"eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*")
FAULTS = {"rateLimitRate": 0.2, "errorRate": 0.1, "dropAfterCommitRate": 0.1}
# Destroy loses the answer to every DELETE, so the host log surely holds 503s (under FAULTS,
# ~60 requests had none in about 1 run of 2000); the retry then meets a 404 and is done, so no
# retry budget is at stake.
DESTROY_FAULTS = {"dropAfterCommitRate": 1.0}
# Loaded by the host through PYTHONPATH: every logger at DEBUG, with tracebacks, to a file.
HOST_LOGGING = """
import logging, os
logging.basicConfig(filename=os.environ["RELIABILITY_HOST_LOG"], level=logging.DEBUG,
                    format="%(asctime)s %(name)s %(levelname)s %(message)s")
"""


def _without_secret_values(value: Any) -> Any:
    """The value with every secret-marked part replaced: what may be shown in the clear."""
    if is_secret(value):
        return "<secret>"
    if isinstance(value, dict):
        return {k: _without_secret_values(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_secret_values(v) for v in value]
    return value


def _leaks(text: str, secrets: Iterable[str]) -> list[str]:
    found = [s for s in secrets if s and s in text]
    return found + JWT.findall(text) + [m for m in ("Bearer ", "accessToken") if m in text]


def _decoded_providers(state: dict[str, Any]) -> list[bytes]:
    """Every `__provider` in the state, base64-decoded, plus what dill makes of it."""
    decoded: list[bytes] = []
    for res in state["resources"]:
        for props in (res["inputs"], res["outputs"]):
            raw = props.get("__provider")
            if is_secret(raw):
                raw = raw["value"]
            if not raw:
                continue
            data = base64.b64decode(raw)
            clone = dill.loads(data)
            decoded += [data, repr(vars(clone)).encode(), repr(clone).encode()]
    return decoded


ACCOUNTS = ("rel-robot-0", "rel-robot-1")


def with_accounts(fleet: Fleet, secret_version: int) -> Callable[[], None]:
    """The fleet plus service accounts whose secrets rotate when `secret_version` changes."""

    def declare() -> None:
        fleet.program()()
        for name in ACCOUNTS:
            runai.ServiceAccount(name, name=name, secret_version=secret_version)

    return declare


@pytest.fixture
def host_log(tmp_path: Path) -> tuple[dict[str, str], Path]:
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(HOST_LOGGING)
    log = tmp_path / "host.log"
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(hooks),
                                                      os.environ.get("PYTHONPATH")])),
           "RELIABILITY_HOST_LOG": str(log)}
    return env, log


def test_nothing_secret_escapes_a_faulty_lifecycle(
    emulator_factory: Callable[..., EmulatorProcess], tmp_path: Path,
    host_log: tuple[dict[str, str], Path],
) -> None:
    emulator = emulator_factory("--token-ttl", "2", "--seed", "5")
    env, log = host_log
    state_file = tmp_path / "state.json"
    # 18 resources hold 6 users: all 6 lose their create answer (and so their temporary
    # password) in 1e-6 of runs; 12 held 4 (1e-4).
    fleet = Fleet(emulator.state()["clusters"][0]["uuid"], 18)
    stack = stack_on(emulator, state_file, env=env)
    emulator.set_faults(**FAULTS)

    result = stack.up(with_accounts(fleet, 1))
    passwords = [str(out["temp_password"]) for name, out in result.outputs.items()
                 if out.get("temp_password")]
    assert passwords, "the scan must cover users with temporary passwords"
    assert all("temp_password" in result.secret_outputs[name]
               for name, out in result.outputs.items() if out.get("temp_password"))
    # Service accounts' client secrets: from the creates, then from a rotation.
    rotated = stack.up(with_accounts(fleet, 2))
    client_secrets = [str(r.outputs[name]["client_secret"])
                      for r in (result, rotated) for name in ACCOUNTS]
    assert len(set(client_secrets)) == 2 * len(ACCOUNTS), "each rotation makes a new secret"
    assert all("client_secret" in rotated.secret_outputs[name] for name in ACCOUNTS)
    secrets = [emulator.client_secret, *passwords, *client_secrets]
    stack.refresh()

    # Failures on purpose: a create the API refuses, a conflict with an object made by hand.
    errors: list[str] = []

    def failing() -> None:
        with_accounts(fleet, 2)()
        runai.Project("rel-bad-pool", name="rel-bad-pool", cluster_id=fleet.cluster_id,
                      resources=[{"node_pool": "no-such-pool", "gpu": {"deserved": 1}}])
        runai.User("rel-dup", email=fleet.emails()[0])

    emulator.reset_faults()  # a refused POST would be taken for a lost answer (test_crash.py)
    with pytest.raises(HarnessError) as failed:
        stack.up(failing)
    emulator.set_faults(**DESTROY_FAULTS)
    errors.append(str(failed.value))
    errors += [getattr(e, "details", "") + str(e) for e in getattr(failed.value, "errors", [])]
    if isinstance(failed.value, ProviderError):
        errors.append(failed.value.details)

    state_text = state_file.read_text()
    state = json.loads(state_text)
    assert any(p in state_text for p in passwords), "passwords are kept, as secret values"
    assert client_secrets[-1] in state_text, "client secrets are kept, as secret values"
    clear = json.dumps(_without_secret_values(state))
    assert _leaks(clear, secrets) == []
    for decoded in _decoded_providers(state):
        assert _leaks(decoded.decode("latin-1"), secrets) == []
    stack.destroy()

    assert any("no-such-pool" in e or "already exists" in e for e in errors), errors
    for text in errors:
        assert _leaks(text, secrets) == [], text
    logged = log.read_text()
    assert "pulumi_runai" in logged and " 503" in logged, "the host log must be written"
    assert _leaks(logged, secrets) == []


def test_client_logs_and_errors_carry_no_secret(
    emulator: EmulatorProcess, caplog: pytest.LogCaptureFixture
) -> None:
    """The caller's own process: DEBUG logs of every library, exception texts and reprs."""
    caplog.set_level(logging.DEBUG)
    emulator.set_faults(**FAULTS)
    settings = Settings(url=emulator.url, client_id=emulator.client_id,
                        client_secret=emulator.client_secret, timeout=10)
    client = RunaiClient(settings)
    created = [Users(client).create({"email": f"rel-log-{i}@example.com"}) for i in range(6)]
    passwords = [str(u["tempPassword"]) for u in created if u.get("tempPassword")]
    assert passwords
    accounts = ServiceAccounts(client)
    robot = accounts.create({"name": "rel-log-robot"})
    # Failures on purpose, without faults: a refused POST would be taken for a lost answer
    # (see test_crash.py::test_a_refused_create_never_takes_over_an_object_made_by_hand).
    emulator.reset_faults()
    # The create's answer (with the secret) is lost in about 1 run of 10 under FAULTS: the
    # account is then found by name, without a secret, and only the rotation shows one.
    passwords += [s for s in (robot.get("clientSecret"),) if s]
    passwords.append(accounts.rotate_secret(str(robot["id"])))
    token = emulator.token()
    texts = [repr(settings), repr(client)]
    # A wrong secret for the viewer (whose token is not cached yet: see
    # test_security_auth.py::test_a_wrong_secret_is_refused_even_after_a_right_one).
    bad = RunaiClient(Settings(url=emulator.url, client_id="viewer",
                               client_secret="wrong-" + emulator.client_secret, timeout=10))
    viewer = RunaiClient(Settings(url=emulator.url, client_id="viewer",
                                  client_secret="viewer-secret", timeout=10))
    for attempt in (lambda: bad.get("/api/v1/clusters"),
                    lambda: viewer.delete(f"/api/v1/users/{created[0]['id']}"),
                    lambda: Users(client).create({"email": created[0]["username"]}),
                    lambda: accounts.create({"name": "rel-log-robot"})):
        with pytest.raises(RunaiError) as caught:
            attempt()
        texts += [str(caught.value), repr(caught.value)]
    with pytest.raises(TypeError):
        dill.dumps(settings)
    secrets = [emulator.client_secret, "viewer-secret", "wrong-" + emulator.client_secret,
               token, *passwords]
    for text in [*texts, caplog.text]:
        assert _leaks(text, secrets) == [], text
    assert "/api/v1/users" in caplog.text, "the client must have logged for this to mean much"

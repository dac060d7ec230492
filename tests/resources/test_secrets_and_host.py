"""No secret in the pickled provider or in outputs; the real dynamic host runs every kind."""

from __future__ import annotations

import base64
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import dill
import pulumi
import pulumi_runai.resources as runai
import pytest
from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config
from pulumi.dynamic.dynamic import serialize_provider
from pulumi_runai.resources import (
    AccessRuleProvider,
    DepartmentProvider,
    ProjectProvider,
    UserProvider,
)
from runai_emulator.testing import EmulatorProcess

PROVIDERS = (DepartmentProvider, ProjectProvider, UserProvider, AccessRuleProvider)


def configure(provider: Any, emulator: EmulatorProcess) -> None:
    """What the host does: configure() with the whole namespaced stack config."""
    config = {
        "runai:url": emulator.url,
        "runai:clientId": emulator.client_id,
        "runai:clientSecret": emulator.client_secret,
    }
    provider.configure(ConfigureRequest(Config(config, "org")))


@pytest.mark.parametrize("provider_class", PROVIDERS)
def test_pickled_provider_is_a_tiny_reference_without_secrets(
    provider_class: Any, emulator: EmulatorProcess, monkeypatch: pytest.MonkeyPatch, checked: Any
) -> None:
    for var in ("RUNAI_URL", "RUNAI_CLIENT_ID", "RUNAI_CLIENT_SECRET"):
        monkeypatch.delenv(var, raising=False)
    provider = provider_class()
    configure(provider, emulator)
    # Use it, so any lazily created client or token would have had a chance to stick.
    provider.check({}, {"__provider": "x"})
    provider.read("100000000", {"__provider": "x"})
    token = emulator.token()

    raw = base64.b64decode(serialize_provider(provider))
    assert len(raw) < 200
    for secret in (emulator.client_secret, token, token.split(".")[1]):
        assert secret.encode() not in raw
    clone = dill.loads(raw)
    assert type(clone) is provider_class and vars(clone) == {}


def test_outputs_hold_no_client_secret_or_token(
    runai_env: EmulatorProcess, api: Any, checked: Any
) -> None:
    cluster_id = api("GET", "/api/v1/clusters")[0]["uuid"]
    dept = DepartmentProvider().create(
        checked(
            DepartmentProvider(),
            {
                "name": "research",
                "cluster_id": cluster_id,
                "resources": [{"node_pool": "default", "gpu": {"deserved": 1.0}}],
            },
        )
    )
    user = UserProvider().create(checked(UserProvider(), {"email": "jane@example.com"}))
    rule = AccessRuleProvider().create(
        checked(
            AccessRuleProvider(),
            {
                "subject_type": "user",
                "subject_id": "jane@example.com",
                "scope_type": "department",
                "scope_id": dept.id,
                "role_name": "Viewer",
            },
        )
    )
    everything = json.dumps([dept.outs, user.outs, rule.outs])
    assert runai_env.client_secret not in everything
    assert "eyJ" not in everything  # no JWT anywhere
    temp_password = user.outs["temp_password"]
    assert temp_password and everything.count(temp_password) == 1  # only the secret output


def test_one_instance_serves_many_threads(
    runai_env: EmulatorProcess, api: Any, checked: Any
) -> None:
    """The host shares one provider among its worker threads (16 by default)."""
    cluster_id = api("GET", "/api/v1/clusters")[0]["uuid"]
    provider = DepartmentProvider()
    names = [f"dept-{i}" for i in range(24)]

    def lifecycle(name: str) -> str:
        inputs = checked(
            provider,
            {
                "name": name,
                "cluster_id": cluster_id,
                "resources": [{"node_pool": "a100", "gpu": {"deserved": 1.0}}],
            },
        )
        created = provider.create(inputs)
        assert provider.diff(created.id, created.outs, inputs).changes is False
        read = provider.read(created.id, created.outs)
        assert read.outs["name"] == name
        return str(created.id)

    with ThreadPoolExecutor(max_workers=16) as pool:
        ids = list(pool.map(lifecycle, names))
    assert len(set(ids)) == len(names)
    live = {d["name"] for d in api("GET", "/api/v1/org-unit/departments")["departments"]}
    assert set(names) <= live


def organization(cluster_id: str) -> None:
    """A small program, as a user would write it."""
    dept = runai.Department(
        "research",
        name="research",
        cluster_id=cluster_id,
        resources=[{"node_pool": "default", "gpu": {"deserved": 4}}],
    )
    project = runai.Project(
        "team-a",
        name="team-a",
        cluster_id=cluster_id,
        department_id=dept.department_id,
        resources=[{"node_pool": "default", "gpu": {"deserved": 2, "limit": 4}}],
    )
    user = runai.User("jane", email="jane@example.com")
    rule = runai.AccessRule(
        "jane-in-team-a",
        subject_type="user",
        subject_id=user.email,
        scope_type="project",
        scope_id=project.project_id,
        role_name="L1 researcher",
    )
    pulumi.export("project_phase", project.phase)
    # The wire carries numbers as floats; the program must still see the role id as an int.
    pulumi.export("role_id_type", rule.role_id.apply(lambda v: type(v).__name__))


def test_real_host_up_noop_refresh_destroy(
    emulator: EmulatorProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, api_for: Any
) -> None:
    testing = pytest.importorskip("pulumi_runai.testing")
    for var in ("RUNAI_URL", "RUNAI_CLIENT_ID", "RUNAI_CLIENT_SECRET"):
        monkeypatch.delenv(var, raising=False)
    cluster_id = api_for(emulator)("GET", "/api/v1/clusters")[0]["uuid"]
    stack = testing.Stack(
        tmp_path / "state.json",
        project="org",
        config={"runai:url": emulator.url, "runai:clientId": emulator.client_id},
        secret_config={"runai:clientSecret": emulator.client_secret},
    )

    def program() -> None:
        organization(cluster_id)

    first = stack.up(program)
    assert set(first.ops().values()) == {"create"}
    assert first.stack_outputs["project_phase"] == "Ready"
    assert first.stack_outputs["role_id_type"] == "int"
    assert "temp_password" in first.secret_outputs["jane"]
    assert set(stack.up(program).ops(include_same=True).values()) == {"same"}

    state_text = (tmp_path / "state.json").read_text()
    assert emulator.client_secret not in state_text and "eyJ" not in state_text

    stack.refresh()
    assert set(stack.preview(program).ops().values()) == {"same"}  # refresh found no drift
    stack.destroy()
    assert not [
        d
        for d in api_for(emulator)("GET", "/api/v1/org-unit/departments")["departments"]
        if d["name"] == "research"
    ]

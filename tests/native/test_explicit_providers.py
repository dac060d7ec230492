"""Explicit providers of the native package: one stack across two Run:ai tenants, each resource
(and each function call) served by the plugin its `pulumi_runai_native.Provider` configures,
as the engine starts one plugin per provider. The stack has no `runai:*` config at all."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pulumi
import pulumi_runai_native as native
import pytest
import requests
from pulumi_runai.testing import CheckFailedError, HarnessError, Stack
from pulumi_runai.testing._wire import shown
from runai_emulator.testing import EmulatorProcess

from .conftest import department_by_hand, writes

DEPARTMENTS = "/api/v1/org-unit/departments"


@pytest.fixture
def second_tenant(tmp_path: Path) -> Iterator[EmulatorProcess]:
    with EmulatorProcess(tmp_path / "second.db") as emulator:
        yield emulator


def two_tenants(eu: EmulatorProcess, us: EmulatorProcess, *, eu_timeout: float = 300.0,
                eu_url: str | None = None) -> Callable[[], None]:
    """A department "ml" in each tenant, each through its own provider."""

    def program() -> None:
        for name, tenant, timeout in (("eu", eu, eu_timeout), ("us", us, 300.0)):
            provider = native.Provider(
                name, url=eu_url or tenant.url if name == "eu" else tenant.url,
                client_id=tenant.client_id, client_secret=tenant.client_secret,
                wait_timeout=timeout)
            cluster = native.get_cluster(name="local",
                                         opts=pulumi.InvokeOptions(provider=provider))
            native.Department(f"ml-{name}", name="ml", cluster_id=cluster.id,
                              resources=[{"node_pool": "default", "gpu": {"deserved": 4}}],
                              opts=pulumi.ResourceOptions(provider=provider))

    return program


def _departments(tenant: EmulatorProcess) -> list[str]:
    return [d["name"] for d in tenant.state()["departments"] if d["name"] == "ml"]


def test_one_stack_two_tenants_each_through_its_own_provider(
    emulator: EmulatorProcess, second_tenant: EmulatorProcess, tmp_path: Path,
) -> None:
    stack = Stack(tmp_path / "state.json", project="tenants")
    made = stack.up(two_tenants(emulator, second_tenant))
    assert made.ops() == {"eu": "create", "us": "create", "ml-eu": "create", "ml-us": "create"}
    assert _departments(emulator) == ["ml"] and _departments(second_tenant) == ["ml"]
    # the providers' inputs are in state (as the engine keeps them), the secret only wrapped
    state = json.dumps(shown(json.loads(stack.state_file.read_text())))  # type: ignore[union-attr]
    assert emulator.client_secret not in state and second_tenant.client_secret not in state
    assert made.secret_outputs["eu"] == {"clientSecret"}

    emulator.clear_requests()
    second_tenant.clear_requests()
    again = stack.up(two_tenants(emulator, second_tenant))
    assert set(again.ops().values()) == {"same"}
    assert writes(emulator) == [] and writes(second_tenant) == []

    # a changed provider setting updates the provider and replaces none of its resources
    changed = stack.up(two_tenants(emulator, second_tenant, eu_timeout=600.0))
    assert changed.ops() == {"eu": "update", "us": "same", "ml-eu": "same", "ml-us": "same"}

    # drift in one tenant: refresh (no program: the providers come from state) reads each
    # department from its own tenant
    department = next(d for d in second_tenant.state()["departments"] if d["name"] == "ml")
    requests.patch(f"{second_tenant.url}{DEPARTMENTS}/{department['id']}/resources",
                   json=[{"nodePool": {"name": "default"}, "gpu": {"deserved": 1}}],
                   headers=second_tenant.headers(), timeout=10).raise_for_status()
    refreshed = stack.refresh().outputs
    assert refreshed["ml-us"]["resources"][0]["gpu"]["deserved"] == 1
    assert refreshed["ml-eu"]["resources"][0]["gpu"]["deserved"] == 4

    gone = stack.destroy()
    assert gone.ops() == dict.fromkeys(("eu", "us", "ml-eu", "ml-us"), "delete")
    order = [step.name for step in gone.steps]
    assert order.index("eu") > order.index("ml-eu") and order.index("us") > order.index("ml-us")
    assert _departments(emulator) == [] and _departments(second_tenant) == []
    assert stack.state.resources() == []


def test_a_provider_with_a_bad_url_stops_before_any_change(
    emulator: EmulatorProcess, second_tenant: EmulatorProcess, tmp_path: Path,
) -> None:
    stack = Stack(tmp_path / "state.json", project="tenants")
    with pytest.raises(CheckFailedError, match="url must be an http") as caught:
        stack.preview(two_tenants(emulator, second_tenant, eu_url="eu.run.ai"))
    assert caught.value.urn.endswith("::pulumi:providers:runai::eu")  # CheckConfig's answer
    assert caught.value.failures == [  # its own input named, not stack config
        ("url", "url must be an http(s) URL such as https://<tenant>.run.ai, got 'eu.run.ai': "
                "set it on this provider, or RUNAI_URL where pulumi runs")]


def test_import_get_and_destroy_go_through_the_explicit_provider(
    emulator: EmulatorProcess, second_tenant: EmulatorProcess, tmp_path: Path,
) -> None:
    """An object imported or read through an explicit provider stays with it: a destroy in a
    new process (only the state to go by) deletes it in its own tenant; moving a resource to
    another provider is refused as not modelled, not sent to the other tenant."""
    dept_id, cluster = department_by_hand(second_tenant)

    def program(provider_name: str = "us") -> None:
        providers = {name: native.Provider(name, url=tenant.url, client_id=tenant.client_id,
                                           client_secret=tenant.client_secret)
                     for name, tenant in (("eu", emulator), ("us", second_tenant))}
        native.Department("ml", name="ml", cluster_id=cluster,
                          resources=[{"node_pool": "default", "gpu": {"deserved": 4}}],
                          opts=pulumi.ResourceOptions(provider=providers[provider_name],
                                                      import_=dept_id))
        seen = native.Department.get("seen", dept_id,
                                     opts=pulumi.ResourceOptions(provider=providers["us"]))
        pulumi.export("seen", seen.name)

    taken = Stack(tmp_path / "state.json", project="tenants").up(program)
    assert taken.ops()["ml"] == "import" and taken.stack_outputs["seen"] == "ml"
    with pytest.raises(HarnessError, match="its provider changes from"):
        Stack(tmp_path / "state.json", project="tenants").up(lambda: program("eu"))
    Stack(tmp_path / "state.json", project="tenants").destroy()
    assert _departments(second_tenant) == [] and _departments(emulator) == []

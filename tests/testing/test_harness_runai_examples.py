"""Issue 12's examples for the harness, on the real provider against the emulator.

Kind 9: a rename refused with 409 leaves the old project as it was, so reverting the program
is a no-op (the engine marks the old resource for deletion only once its replacement exists:
pkg/resource/deploy/step.go, ``CreateStep.Apply``). Kind 8: a rename with an alias takes the
state entry over (step_generator.go, ``generateSteps`` looks up aliases): no POST, no DELETE.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pulumi
import pulumi_runai as runai
import pytest
import requests
from pulumi_runai.testing import ProviderError, Stack
from runai_emulator.testing import EmulatorProcess

TOKEN_PATHS = ("/api/v1/token", "/api/v2/token")


def runai_stack(emulator: EmulatorProcess, tmp_path: Path) -> Stack:
    return Stack(tmp_path / "state.json", project="runai-org",
                 config={"runai:url": emulator.url, "runai:clientId": emulator.client_id},
                 secret_config={"runai:clientSecret": emulator.client_secret})


def writes(emulator: EmulatorProcess) -> list[str]:
    return [f"{r['method']} {r['path']}" for r in emulator.requests()
            if r["method"] != "GET" and r["path"] not in TOKEN_PATHS]


def names(emulator: EmulatorProcess, kind: str) -> dict[str, str]:
    return {obj["name"]: str(obj["id"]) for obj in emulator.state()[kind]}


def test_a_rename_refused_with_409_then_reverted_is_a_no_op(
    emulator: EmulatorProcess, tmp_path: Path
) -> None:
    cluster = emulator.state()["clusters"][0]["uuid"]

    def project(name: str) -> Callable[[], None]:
        def run() -> None:
            runai.Project("p", name=name, cluster_id=cluster)

        return run

    stack = runai_stack(emulator, tmp_path)
    stack.up(project("alpha"))
    alpha = names(emulator, "projects")["alpha"]
    made = requests.post(f"{emulator.url}/api/v1/org-unit/projects", headers=emulator.headers(),
                         json={"name": "beta", "clusterId": cluster, "resources": []}, timeout=10)
    assert made.status_code == 201, made.text
    with pytest.raises(ProviderError, match="409"):
        stack.up(project("beta"))
    (entry,) = [r for r in stack.state.resources() if r.custom]
    assert (entry.id, entry.pending_delete) == (alpha, False)

    emulator.clear_requests()
    assert stack.up(project("alpha")).ops() == {"p": "same"}
    assert writes(emulator) == []
    assert names(emulator, "projects")["alpha"] == alpha


def test_a_department_renamed_with_an_alias_is_neither_created_nor_deleted(
    emulator: EmulatorProcess, tmp_path: Path
) -> None:
    cluster = emulator.state()["clusters"][0]["uuid"]

    def department(resource_name: str, description: str, *aliases: pulumi.Alias
                   ) -> Callable[[], None]:
        def run() -> None:
            runai.Department(resource_name, name="ml", cluster_id=cluster,
                             description=description,
                             opts=pulumi.ResourceOptions(aliases=list(aliases)))

        return run

    stack = runai_stack(emulator, tmp_path)
    stack.up(department("ml", "models"))
    ml = names(emulator, "departments")["ml"]
    emulator.clear_requests()
    renamed = stack.up(department("ml-dept", "models", pulumi.Alias(name="ml")))
    assert renamed.ops() == {"ml-dept": "same"}
    assert writes(emulator) == []
    # a second instance: renamed again and changed, the alias naming the previous name
    changed = stack.up(department("ml-team", "model training", pulumi.Alias(name="ml-dept")))
    assert changed.ops() == {"ml-team": "update"}
    assert [w.split()[0] for w in writes(emulator)] == ["PUT"]
    assert names(emulator, "departments")["ml"] == ml
    assert [(r.name, r.id) for r in stack.state.resources() if r.custom] == [("ml-team", ml)]

"""Issue 12's examples for the harness, on the real provider against the emulator.

Kind 9: a rename refused with 409 leaves the old project as it was, so reverting the program
is a no-op (the engine marks the old resource for deletion only once its replacement exists:
pkg/resource/deploy/step.go, ``CreateStep.Apply``). Kind 8: a rename with an alias takes the
state entry over (step_generator.go, ``generateSteps`` looks up aliases): no POST, no DELETE.
"""

from __future__ import annotations

import re
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


def test_a_project_replaced_delete_first_takes_its_access_rules_with_it(
    emulator: EmulatorProcess, tmp_path: Path
) -> None:
    """Issue 12 kind 3, the harness's part: a project renamed with its namespace kept is
    replaced delete-first (the namespace stays unique); the engine then deletes the access rule
    scoped to it before the project and creates it again after (``calculateDependentReplacements``
    in step_generator.go), and its preview already shows the rule replaced."""
    cluster = emulator.state()["clusters"][0]["uuid"]

    def program(name: str) -> Callable[[], None]:
        def run() -> None:
            user = runai.User("kim", email="kim@example.com")
            project = runai.Project("p", name=name, cluster_id=cluster,
                                    requested_namespace="runai-team")
            runai.AccessRule("kim-p", subject_type="user", subject_id="kim@example.com",
                             role_name="L1 researcher", scope_type="project",
                             scope_id=project.id, cluster_id=cluster,
                             opts=pulumi.ResourceOptions(depends_on=[user]))

        return run

    stack = runai_stack(emulator, tmp_path)
    stack.up(program("alpha"))
    assert stack.preview(program("beta")).ops(include_same=False) == {
        "p": "replace", "kim-p": "replace"}
    emulator.clear_requests()
    assert stack.up(program("beta")).ops(include_same=False) == {
        "p": "replace", "kim-p": "replace"}
    assert [re.sub(r"/\d+$", "/{id}", w) for w in writes(emulator)] == [
        "DELETE /api/v1/authorization/access-rules/{id}",
        "DELETE /api/v1/org-unit/projects/{id}",
        "POST /api/v1/org-unit/projects",
        "POST /api/v1/authorization/access-rules",
    ]

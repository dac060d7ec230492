"""A mandatory violation stops a deployment driven by pulumi_runai.testing, as the engine would."""

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pulumi_runai.testing import PolicyPackHost, PolicyViolationError, Stack
from runai_fakes import Department, Project

HERE = Path(__file__).resolve().parent
PACK_DIR = HERE.parents[1] / "policy"


def quota(gpu: float) -> list[dict[str, Any]]:
    return [{"node_pool": "default", "gpu": {"deserved": gpu, "limit": gpu}}]


def organisation(department_gpus: float, project_gpus: float) -> Callable[[], None]:
    """A program: one department and one project whose department_id is the department's id."""

    def program() -> None:
        research = Department(
            "research",
            {"name": "research", "cluster_id": "local", "resources": quota(department_gpus)},
        )
        Project(
            "team-a",
            {
                "name": "team-a",
                "cluster_id": "local",
                "department_id": research.department_id,
                "resources": quota(project_gpus),
            },
        )

    return program


@pytest.fixture(scope="module")
def pack() -> Iterator[PolicyPackHost]:
    with PolicyPackHost(PACK_DIR, project="runai") as host:
        yield host


@pytest.fixture
def stack(tmp_path: Path, pack: PolicyPackHost) -> Stack:
    # the dynamic host unpickles runai_fakes' providers by reference: it must import this dir
    path = os.pathsep.join(p for p in (str(HERE), os.environ.get("PYTHONPATH", "")) if p)
    return Stack(
        tmp_path / "state.json", project="runai", analyzers=[pack], env={"PYTHONPATH": path}
    )


def test_compliant_organisation_deploys(stack: Stack) -> None:
    result = stack.up(organisation(department_gpus=4, project_gpus=4))
    assert result.violations == []
    assert sorted(r.name for r in stack.state.resources()) == ["research", "team-a"]


def test_project_over_the_gpu_maximum_is_stopped_before_it_is_created(stack: Stack) -> None:
    with pytest.raises(PolicyViolationError) as stopped:
        stack.up(organisation(department_gpus=16, project_gpus=12))
    [violation] = stopped.value.violations
    assert violation.policy_name == "runai-project-gpu-quota"
    assert "project 'team-a' deserves 12 GPUs" in violation.message
    assert [r.name for r in stack.state.resources()] == ["research"]


def test_preview_stops_a_department_its_projects_overdraw(stack: Stack) -> None:
    with pytest.raises(PolicyViolationError) as stopped:
        stack.preview(organisation(department_gpus=2, project_gpus=3))
    [violation] = stopped.value.violations
    assert violation.policy_name == "runai-department-quota-covers-projects"
    assert "projects deserve 3 GPUs of gpu in total (team-a 3 GPUs)" in violation.message
    assert stack.state.resources() == []

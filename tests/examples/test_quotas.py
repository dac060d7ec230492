"""quotas: per-pool quotas and weights reach the tenant; an over-allocation is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from pulumi_runai.organization import DescriptionError
from runai_emulator.testing import EmulatorProcess

from .conftest import EXAMPLES, StackFactory, by_name, copy_program, writes


def _quotas(project: dict[str, object]) -> dict[str, tuple[object, object, object]]:
    resources = project["resources"]
    assert isinstance(resources, list)
    gpu = {r["nodePool"]["name"]: r["gpu"] for r in resources}
    return {pool: (q["deserved"], q["limit"], q["overQuotaWeight"]) for pool, q in gpu.items()}


def test_projects_get_their_quota_and_weight_on_each_node_pool(
    emulator: EmulatorProcess, stack: StackFactory
) -> None:
    stack().up(EXAMPLES / "quotas")
    projects = by_name(emulator, "projects")
    assert _quotas(projects["pretraining"]) == {"a100": (6, 16, 3), "default": (2, 4, 1)}
    assert _quotas(projects["sweeps"]) == {"default": (0, 8, 1), "a100": (0, 2, 1)}
    finetuning = projects["finetuning"]["resources"][0]
    assert finetuning["cpu"]["deserved"] == 16000
    assert (finetuning["memory"]["deserved"], finetuning["memory"]["units"]) == (64, "GB")


def test_changing_one_number_updates_only_that_project(
    emulator: EmulatorProcess, stack: StackFactory, tmp_path: Path
) -> None:
    program = copy_program(EXAMPLES / "quotas", tmp_path)
    s = stack()
    s.up(program)
    yaml_file = program / "quotas.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    yaml_file.write_text(text.replace("deserved: 0, limit: 8", "deserved: 0, limit: 6"), "utf-8")

    preview = s.preview(program)
    assert preview.ops(include_same=False) == {"quotas-sweeps": "update"}


def test_over_allocating_a_pool_fails_before_anything_is_sent(
    emulator: EmulatorProcess, stack: StackFactory, tmp_path: Path
) -> None:
    program = copy_program(EXAMPLES / "quotas", tmp_path)
    yaml_file = program / "quotas.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    yaml_file.write_text(text.replace("deserved: 2, limit: 4,", "deserved: 3, limit: 4,"), "utf-8")
    emulator.clear_requests()

    with pytest.raises(DescriptionError) as info:
        stack().up(program)

    assert (
        "quotas.yaml: departments[0].projects[1].resources[0].gpu.deserved: projects of "
        "department 'training' ask for 9 GPUs on node pool 'default' (pretraining 3, finetuning 6)"
    ) in str(info.value)
    assert writes(emulator) == []

"""The shipped policy configuration: the sample organisation and every example pass it,
except examples/policy, which fails exactly as its README says (and nothing is written)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pulumi_runai.local.policy import pack_config
from pulumi_runai.testing import PolicyPackHost, PolicyViolationError
from runai_emulator.testing import EmulatorProcess

from .conftest import EXAMPLES, ROOT, StackFactory, writes
from .test_org_program import sample_program

CONFIG = ROOT / "policy" / "config.example.json"


@pytest.fixture
def pack() -> Iterator[PolicyPackHost]:
    with PolicyPackHost(ROOT / "policy", preview=True) as host:
        host.configure(pack_config(json.loads(CONFIG.read_text()), host.policies, str(CONFIG)))
        yield host


def test_the_sample_and_the_examples_pass_and_the_policy_example_fails_as_documented(
    emulator: EmulatorProcess, stack: StackFactory, pack: PolicyPackHost, tmp_path: Path
) -> None:
    programs = [sample_program(tmp_path)] + [
        EXAMPLES / name for name in ("quickstart", "quotas", "adopt-existing")]
    for program in programs:
        result = stack(analyzers=[pack]).preview(program)
        assert result.violations == [], (program, result.violations)

    with pytest.raises(PolicyViolationError) as stopped:
        stack(analyzers=[pack]).preview(EXAMPLES / "policy")

    found = {v.policy_name: v.message for v in stopped.value.violations}
    assert sorted(found) == ["runai-admin-role-subjects", "runai-project-gpu-quota"]
    assert "project 'fast-track' deserves 12 GPUs" in found["runai-project-gpu-quota"]
    assert "maximum of 8 per project" in found["runai-project-gpu-quota"]
    assert ("'Department administrator' to user:intern@example.com"
            in found["runai-admin-role-subjects"])
    readme = (EXAMPLES / "policy" / "README.md").read_text()
    assert "fast-track" in readme and "intern@example.com" in readme and "8 per project" in readme
    assert writes(emulator) == []

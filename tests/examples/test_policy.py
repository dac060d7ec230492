"""policy: the guardrail pack in policy/ stops the example in preview, before any change."""

from __future__ import annotations

from pathlib import Path

import pytest
from pulumi_runai.testing import PolicyPackHost, PolicyViolationError
from runai_emulator.testing import EmulatorProcess

from .conftest import EXAMPLES, ROOT, StackFactory, copy_program, writes


def test_preview_reports_both_violations_then_only_the_one_left_and_nothing_changes(
    emulator: EmulatorProcess, stack: StackFactory, tmp_path: Path
) -> None:
    program = copy_program(EXAMPLES / "policy", tmp_path)
    with PolicyPackHost(ROOT / "policy", preview=True) as pack:
        with pytest.raises(PolicyViolationError) as both:
            stack(analyzers=[pack]).preview(program)
        main = program / "__main__.py"
        main.write_text(main.read_text("utf-8").replace("gpus(12)", "gpus(8)"), "utf-8")
        with pytest.raises(PolicyViolationError) as admin:
            stack(analyzers=[pack]).preview(program)

    # A preview goes on past a mandatory violation and reports them all, as the engine does.
    assert sorted(v.policy_name for v in both.value.violations) == [
        "runai-admin-role-subjects", "runai-project-gpu-quota"]
    assert "fast-track" in str(both.value)
    assert [v.policy_name for v in admin.value.violations] == ["runai-admin-role-subjects"]
    assert "'Department administrator' to user:intern@example.com" in str(admin.value)
    assert writes(emulator) == []

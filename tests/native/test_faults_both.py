"""Faults, on both providers: every write's answer is lost after Run:ai committed it (the
emulator's dropAfterCommitRate=1), and the up still makes each object exactly once; the next
up is a no-op."""

from __future__ import annotations

from typing import Any

from pulumi_runai.testing import Stack
from runai_emulator.testing import EmulatorProcess

from .programs import org


def test_lost_answers_never_duplicate(sdk: Any, stack: Stack, emulator: EmulatorProcess) -> None:
    emulator.set_faults(dropAfterCommitRate=1.0)
    made = stack.up(org(sdk))
    emulator.reset_faults()
    assert set(made.ops().values()) == {"create"}
    state = emulator.state()
    assert [d["name"] for d in state["departments"]].count("ml") == 1
    assert [p["name"] for p in state["projects"]].count("vision") == 1
    assert [u["username"] for u in state["users"]].count("kim@example.com") == 1
    assert len([r for r in state["access_rules"]
                if r.get("subjectId") == "kim@example.com"]) == 1
    assert set(stack.up(org(sdk)).ops().values()) == {"same"}

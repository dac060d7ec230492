"""Each step reports the inputs and outputs it went from and to, secrets masked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pulumi
import toyprov
from pulumi_runai.testing import Stack
from pulumi_runai.testing.results import SECRET_SHOWN


def note_file(files: Path, *, key: str = "a", content: str = "one") -> Callable[[], None]:
    def run() -> None:
        note = pulumi.Config("toy").require_secret("note")
        toyprov.File("a", dir=str(files), key=key, content=content, secret_note=note)

    return run


def test_steps_carry_old_and_new_values_with_secrets_masked(
    make_stack: Callable[..., Stack], files: Path
) -> None:
    stack = make_stack(secret_config={"toy:note": "hush-123"})
    created = stack.up(note_file(files)).step("a")
    assert created.old_inputs == {} and created.old_outputs == {}
    assert created.new_inputs["content"] == "one"
    assert created.new_inputs["secret_note"] == SECRET_SHOWN
    assert "__provider" not in created.new_inputs

    updated = stack.up(note_file(files, content="two")).step("a")
    assert updated.op == "update"
    assert (updated.old_inputs["content"], updated.new_inputs["content"]) == ("one", "two")
    assert updated.old_outputs["size"] == 3.0 and updated.old_outputs["token"] == SECRET_SHOWN

    same = stack.up(note_file(files, content="two")).step("a")
    assert same.op == "same" and same.old_inputs["content"] == same.new_inputs["content"]

    replaced = stack.up(note_file(files, key="b", content="two")).step("a")
    assert replaced.op == "replace"
    assert (replaced.old_inputs["key"], replaced.new_inputs["key"]) == ("a", "b")
    assert replaced.old_outputs["token"] == SECRET_SHOWN

    (files / "b.txt").write_text("drifted")
    refreshed = stack.refresh().step("a")
    assert refreshed.old_outputs["content"] == "two"
    assert refreshed.new_inputs["content"] == "drifted"
    assert refreshed.old_inputs["content"] == "two"

    deleted = stack.destroy().step("a")
    assert deleted.op == "delete" and deleted.old_inputs["key"] == "b"
    assert deleted.new_inputs == {}
    every = [created, updated, same, replaced, refreshed, deleted]
    shown = [(s.old_inputs, s.new_inputs, s.old_outputs, s.detailed_diff) for s in every]
    assert "hush-123" not in repr(shown)

"""Replacements follow the engine's step order, including when the new object cannot be made.

The engine's rules, from pulumi/pulumi pkg/resource/deploy (step.go, step_generator.go):

* create-before-replace (the default): ``continueStepsFromDiff`` emits CreateReplacement then
  Replace; ``CreateStep.Apply`` sets ``old.Delete = true`` only after the provider's Create
  succeeded, and ``GenerateDeletes`` deletes the resources so marked after every other step.
  A failed Create therefore leaves the old resource as it was.
* delete-before-replace: DeleteReplacement, Replace, CreateReplacement. ``DeleteStep.Apply``
  sets ``old.PendingReplacement = true`` once the provider's Delete succeeded, so the entry
  stays in state; the next run replaces it whatever the diff says and emits no second delete
  (``if !old.PendingReplacement``), and a program without it removes the entry with no provider
  call (``RemovePendingReplaceStep``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pulumi
import pytest
import toyprov
from pulumi_runai.testing import UNKNOWN, Stack


def exclusive(files: Path, key: str, *, dbr: bool = False) -> Callable[[], None]:
    def run() -> None:
        toyprov.File("a", dir=str(files), key=key, content="one",
                     provider=toyprov.ExclusiveProvider(delete_before_replace=dbr))

    return run


def calls(files: Path) -> list[tuple[str, str]]:
    return [(e["op"], e["key"]) for e in toyprov.journal(str(files))]


def entries(stack: Stack) -> list[tuple[str, str, bool, bool]]:
    return [(r.name, r.id, r.pending_delete, r.pending_replacement)
            for r in stack.state.resources() if r.custom]


def failed_delete_before_replace(stack: Stack, files: Path) -> Stack:
    """alpha up, beta made by hand, then alpha renamed to beta with delete-before-replace."""
    stack.up(exclusive(files, "alpha", dbr=True))
    (files / "beta.txt").write_text("made by hand")
    with pytest.raises(Exception, match="409 conflict: beta"):
        stack.up(exclusive(files, "beta", dbr=True))
    return stack


def test_a_failed_create_before_replace_leaves_the_old_resource_as_it_was(
    make_stack: Callable[..., Stack], files: Path
) -> None:
    stack = make_stack()
    stack.up(exclusive(files, "alpha"))
    (files / "beta.txt").write_text("made by hand")
    with pytest.raises(Exception, match="409 conflict: beta"):
        stack.up(exclusive(files, "beta"))
    # CreateStep.Apply never reached `old.Delete = true`: alpha is neither pending delete nor gone
    assert entries(stack) == [("a", "alpha", False, False)]
    assert calls(files) == [("create", "alpha")]

    assert stack.up(exclusive(files, "alpha")).ops() == {"a": "same"}  # the revert is a no-op
    assert calls(files) == [("create", "alpha")]
    assert (files / "alpha.txt").read_text() == "one"


def test_create_before_replace_deletes_the_old_one_at_the_end(
    make_stack: Callable[..., Stack], files: Path
) -> None:
    stack = make_stack()
    stack.up(exclusive(files, "alpha"))
    result = stack.up(exclusive(files, "beta"))
    assert [(s.op, s.id) for s in result.steps] == [("replace", "beta"),
                                                    ("delete-replaced", "alpha")]
    assert calls(files)[1:] == [("create", "beta"), ("delete", "alpha")]
    assert entries(stack) == [("a", "beta", False, False)]


def test_a_failed_delete_before_replace_keeps_the_old_entry_pending_replacement(
    make_stack: Callable[..., Stack], files: Path
) -> None:
    stack = failed_delete_before_replace(make_stack(), files)
    # DeleteStep.Apply deleted alpha, then marked the entry PendingReplacement
    assert calls(files) == [("create", "alpha"), ("delete", "alpha")]
    assert entries(stack) == [("a", "alpha", False, True)]

    # the revert replaces it (the object is gone) without deleting it a second time
    result = stack.up(exclusive(files, "alpha", dbr=True))
    assert result.ops() == {"a": "replace"}
    assert calls(files)[2:] == [("create", "alpha")]
    assert entries(stack) == [("a", "alpha", False, False)]


def test_a_pending_replacement_left_out_of_the_program_leaves_state_without_a_call(
    make_stack: Callable[..., Stack], files: Path
) -> None:
    stack = failed_delete_before_replace(make_stack(), files)
    assert stack.up(lambda: None).ops() == {"a": "remove-pending-replace"}
    assert calls(files) == [("create", "alpha"), ("delete", "alpha")]
    assert entries(stack) == []


def test_delete_before_replace_records_the_delete_first(
    make_stack: Callable[..., Stack], files: Path
) -> None:
    stack = make_stack()
    stack.up(exclusive(files, "alpha", dbr=True))
    result = stack.up(exclusive(files, "beta", dbr=True))
    assert [(s.op, s.id) for s in result.steps] == [("delete-replaced", "alpha"),
                                                    ("replace", "beta")]
    assert entries(stack) == [("a", "beta", False, False)]


@pytest.mark.parametrize("change", ["content", "key"])
def test_preview_hides_outputs_that_the_step_will_change(
    make_stack: Callable[..., Stack], files: Path, change: str
) -> None:
    """The engine's preview Create/Update of a provider without preview support returns the
    inputs as outputs (plugin/provider_plugin.go) and a blank id for a create; the SDK resolves
    every other output as unknown, so a dependent cannot assume the old values."""

    def program(key: str, content: str) -> Callable[[], None]:
        def run() -> None:
            a = toyprov.File("a", dir=str(files), key=key, content=content)
            toyprov.File("b", dir=str(files), key="b",
                         content=pulumi.Output.all(a.id, a.size).apply(str))

        return run

    stack = make_stack()
    stack.up(program("a", "one"))
    plan = stack.preview(program("x" if change == "key" else "a",
                                 "two" if change == "content" else "one"))
    assert plan.ops() == {"a": "replace" if change == "key" else "update", "b": "update"}
    assert plan.step("b").new_inputs["content"] == UNKNOWN



def test_delete_before_replace_first_deletes_the_dependents_it_would_replace(
    make_stack: Callable[..., Stack], files: Path
) -> None:
    """``calculateDependentReplacements`` (step_generator.go): before deleting a resource for a
    delete-before-replace, the engine asks each dependent's provider to diff with the inputs
    that come from the replaced resource set to unknown; those whose diff says replace are
    deleted first (dependents before their dependencies) and created again when the program
    registers them. Dependents that would only be updated are left alone."""

    def program(key: str) -> Callable[[], None]:
        def run() -> None:
            a = toyprov.File("a", dir=str(files), key=key, content="one",
                             provider=toyprov.FileProvider(delete_before_replace=True))
            toyprov.File("b", dir=str(files), key=a.id.apply(lambda i: f"b-of-{i}"))
            toyprov.File("c", dir=str(files), key="c", content=a.id.apply(str))

        return run

    stack = make_stack()
    stack.up(program("a"))
    plan = stack.preview(program("x"))
    assert plan.ops() == {"a": "replace", "b": "replace", "c": "update"}
    assert [s.name for s in plan.steps if s.op == "delete-replaced"] == ["b", "a"]

    result = stack.up(program("x"))
    assert result.ops() == {"a": "replace", "b": "replace", "c": "update"}
    done = calls(files)[3:]
    assert done[:3] == [("delete", "b-of-a"), ("delete", "a"), ("create", "x")]
    assert sorted(done[3:]) == [("create", "b-of-x"), ("update", "c")]
    assert sorted(r.name for r in stack.state.resources() if r.custom) == ["a", "b", "c"]
    assert not any(r.pending_replacement or r.pending_delete for r in stack.state.resources())

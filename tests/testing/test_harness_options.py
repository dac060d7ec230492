"""ignore_changes, protect and retain_on_delete behave as the engine applies them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pulumi
import pytest
import toyprov
from pulumi_runai.testing import HarnessError, Stack
from pulumi_runai.testing._options import PathError, apply_ignore_changes, parse_path


def file_a(files: Path, *, key: str = "a", content: str = "one",
           **options: object) -> Callable[[], None]:
    def run() -> None:
        toyprov.File("a", dir=str(files), key=key, content=content,
                     opts=pulumi.ResourceOptions(**options))  # type: ignore[arg-type]

    return run


def nothing() -> None:
    """A program that declares no resource."""


def provider_ops(files: Path) -> list[str]:
    return [entry["op"] for entry in toyprov.journal(str(files))]


def test_ignored_inputs_keep_their_old_value(make_stack: Callable[..., Stack],
                                             files: Path) -> None:
    stack = make_stack()
    stack.up(file_a(files, content="one"))
    result = stack.up(file_a(files, content="two", ignore_changes=["content"]))
    assert result.ops() == {"a": "same"}
    assert (files / "a.txt").read_text() == "one"
    assert stack.up(file_a(files, content="two")).ops() == {"a": "update"}
    assert (files / "a.txt").read_text() == "two"


def test_a_protected_resource_is_neither_deleted_nor_replaced(
    make_stack: Callable[..., Stack], files: Path
) -> None:
    stack = make_stack()
    stack.up(file_a(files, protect=True))
    before = provider_ops(files)
    with pytest.raises(HarnessError, match="protect"):
        stack.up(file_a(files, key="b", protect=True))  # a new key replaces
    with pytest.raises(HarnessError, match="protect"):
        stack.up(nothing)
    with pytest.raises(HarnessError, match="protect"):
        stack.destroy()
    assert [op for op in provider_ops(files)[len(before):] if op in ("create", "delete")] == []
    assert (files / "a.txt").read_text() == "one"
    assert [r.name for r in stack.state.resources() if r.custom] == ["a"]

    assert stack.up(file_a(files)).ops() == {"a": "same"}  # protect removed from the program
    stack.destroy()
    assert not (files / "a.txt").exists()


def test_a_retained_resource_leaves_state_but_stays(make_stack: Callable[..., Stack],
                                                    files: Path) -> None:
    stack = make_stack()
    stack.up(file_a(files, retain_on_delete=True))
    assert stack.up(nothing).ops() == {"a": "delete"}
    assert (files / "a.txt").read_text() == "one"
    assert "delete" not in provider_ops(files)
    assert [r for r in stack.state.resources() if r.custom] == []


@pytest.mark.parametrize(("path", "parts"), [
    ("content", ["content"]),
    ("resources[0].gpu", ["resources", 0, "gpu"]),
    ('labels["team.name"]', ["labels", "team.name"]),
    ("a.b.c", ["a", "b", "c"]),
])
def test_property_paths(path: str, parts: list[str | int]) -> None:
    assert parse_path(path) == parts


@pytest.mark.parametrize("path", ["", "a..b", "[x]", "a[1"])
def test_a_bad_path_is_named(path: str) -> None:
    with pytest.raises(PathError, match="ignore_changes"):
        parse_path(path)


def test_nested_paths_keep_or_drop_like_the_engine() -> None:
    olds = {"resources": [{"gpu": {"deserved": 2}, "node_pool": "default"}], "note": "x"}
    news = {"resources": [{"gpu": {"deserved": 5}, "node_pool": "default"}], "extra": 1}
    kept = apply_ignore_changes(olds, news, ("resources[0].gpu", "extra", "note"))
    assert kept == {"resources": [{"gpu": {"deserved": 2}, "node_pool": "default"}],
                    "note": "x"}  # "extra" had no old value: dropped
    assert news["resources"][0]["gpu"] == {"deserved": 5}  # the program's inputs untouched

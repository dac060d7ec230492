"""Aliases move a state entry to a new resource name, as the engine does: no create, no delete.

Engine behaviour (pulumi/pulumi pkg/resource/deploy/step_generator.go): ``generateSteps`` looks
the old state up by the new URN, then by each alias (``collapseAliasToUrn``; a child of an
aliased parent also gets ``inheritedChildAlias``); a match is diffed like any old resource and
recorded in ``sg.aliased`` so that ``GenerateDeletes`` does not delete it; two resources
claiming one old URN is an error (``GetDuplicateResourceAliasError``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pulumi
import pytest
import toyprov
from pulumi_runai.testing import DeploymentError, Stack


def file(files: Path, name: str, *, content: str = "one",
         aliases: list[pulumi.Alias | str] | None = None) -> Callable[[], None]:
    def run() -> None:
        toyprov.File(name, dir=str(files), key="k", content=content,
                     opts=pulumi.ResourceOptions(aliases=aliases))

    return run


def calls(files: Path) -> list[str]:
    return [e["op"] for e in toyprov.journal(str(files))]


def custom_entries(stack: Stack) -> list[tuple[str, str]]:
    return [(r.name, r.id) for r in stack.state.resources() if r.custom]


def test_without_an_alias_a_rename_is_a_create_and_a_delete(
    make_stack: Callable[..., Stack], files: Path
) -> None:
    stack = make_stack()
    stack.up(file(files, "old"))
    assert stack.up(file(files, "new")).ops() == {"new": "create", "old": "delete"}


@pytest.mark.parametrize("alias", ["name", "urn"])
def test_a_renamed_resource_takes_over_its_entry_through_an_alias(
    make_stack: Callable[..., Stack], files: Path, alias: str
) -> None:
    stack = make_stack()
    created = stack.up(file(files, "old")).step("old")
    by: pulumi.Alias | str = pulumi.Alias(name="old") if alias == "name" else created.urn
    renamed = file(files, "new", aliases=[by])
    assert stack.preview(renamed).ops() == {"new": "same"}
    result = stack.up(renamed)
    assert result.ops() == {"new": "same"}
    assert result.step("new").id == created.id
    assert custom_entries(stack) == [("new", created.id)]
    assert calls(files) == ["create"]
    assert stack.up(file(files, "new")).ops() == {"new": "same"}  # the alias can go now


def test_an_aliased_resource_with_new_inputs_is_updated_in_place(
    make_stack: Callable[..., Stack], files: Path
) -> None:
    stack = make_stack()
    stack.up(file(files, "old"))
    result = stack.up(file(files, "new", content="two", aliases=[pulumi.Alias(name="old")]))
    assert result.ops() == {"new": "update"}
    assert calls(files) == ["create", "update"]
    assert (files / "k.txt").read_text() == "two"


def test_children_follow_a_renamed_parent(make_stack: Callable[..., Stack],
                                          files: Path) -> None:
    """The child names no alias: the engine derives it from the parent's (old name prefix)."""

    def team(name: str, aliases: list[pulumi.Alias | str] | None = None) -> Callable[[], None]:
        def run() -> None:
            group = pulumi.ComponentResource("toy:index:Group", name,
                                             opts=pulumi.ResourceOptions(aliases=aliases))
            toyprov.File(f"{name}-file", dir=str(files), key="k", content="one",
                         opts=pulumi.ResourceOptions(parent=group))

        return run

    stack = make_stack()
    stack.up(team("grp"))
    result = stack.up(team("team", aliases=[pulumi.Alias(name="grp")]))
    assert result.ops() == {"team": "same", "team-file": "same"}
    assert calls(files) == ["create"]
    child = next(r for r in stack.state.resources() if r.custom)
    parent = next(r for r in stack.state.resources() if not r.custom)
    assert (child.name, parent.name, child.parent) == ("team-file", "team", parent.urn)


def test_two_resources_cannot_take_over_one_entry(make_stack: Callable[..., Stack],
                                                  files: Path) -> None:
    stack = make_stack()
    stack.up(file(files, "old"))

    def both() -> None:  # whichever registers first takes the entry over; the other fails
        file(files, "one", aliases=[pulumi.Alias(name="old")])()
        file(files, "two", aliases=[pulumi.Alias(name="old")])()

    with pytest.raises(DeploymentError, match="already"):
        stack.up(both)
    assert calls(files) == ["create"]

"""Resource aliases resolved to the old URNs they name, as the engine does.

The engine (pulumi/pulumi pkg/resource/deploy/step_generator.go: ``collapseAliasToUrn``,
``inheritedChildAlias``, ``generateAliases``) looks a registered resource up in the old state
by its URN first, then by each alias; a match takes that entry over (same id, normal diff) and
the old URN is neither created nor deleted. A child whose parent was found under an alias also
gets an alias under the parent's old URN, with the parent's old name as its name prefix.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ._urns import STACK_TYPE, make_urn, urn_name, urn_qualified_type, urn_type


@dataclass(frozen=True)
class AliasSpec:
    """``pulumi.Alias`` as the SDK sends it; a blank field means "the resource's current one"."""

    name: str = ""
    type: str = ""
    stack: str = ""
    project: str = ""
    parent: str = ""
    no_parent: bool = False


Alias = str | AliasSpec  # a full URN, or a spec relative to the resource


def from_request(request: Any) -> tuple[Alias, ...]:
    """The aliases of a RegisterResourceRequest (alias specs, or plain URNs from older SDKs)."""
    found: list[Alias] = [str(urn) for urn in getattr(request, "aliasURNs", ())]
    for alias in request.aliases:
        if alias.WhichOneof("alias") == "urn":
            found.append(str(alias.urn))
        elif alias.WhichOneof("alias") == "spec":
            spec = alias.spec
            found.append(AliasSpec(spec.name, spec.type, spec.stack, spec.project,
                                   spec.parentUrn, spec.noParent))
    return tuple(found)


@dataclass(frozen=True)
class Goal:
    """What the alias URNs are computed from: the registration and where it runs."""

    stack: str
    project: str
    type: str
    name: str
    parent: str = ""


def collapse(goal: Goal, alias: Alias, old_urn_of: Mapping[str, str]) -> str:
    """One alias as a URN (``collapseAliasToUrn``)."""
    if isinstance(alias, str):
        return alias
    parent = goal.parent
    if alias.parent:
        parent = old_urn_of.get(alias.parent, alias.parent)
    if alias.no_parent or (parent and urn_qualified_type(parent) == STACK_TYPE):
        parent = ""
    return make_urn(alias.stack or goal.stack, alias.project or goal.project,
                    alias.type or goal.type, alias.name or goal.name, parent)


def _inherited(goal: Goal, type_: str, name: str, parent_old_urn: str) -> str:
    """``inheritedChildAlias``: the child under its parent's old URN, the parent's old name
    replacing the new one where the child's name starts with it."""
    parent_name = urn_name(goal.parent)
    if name.startswith(parent_name):
        name = urn_name(parent_old_urn) + name[len(parent_name):]
    return make_urn(goal.stack, goal.project, type_, name, parent_old_urn)


def alias_urns(goal: Goal, aliases: Sequence[Alias], old_urn_of: Mapping[str, str]) -> list[str]:
    """Every old URN the resource may have had, in the engine's order, without repeats.

    ``old_urn_of`` maps the new URN of each resource found under an alias in this run to the
    old URN it took over (the engine's ``sg.aliases``).
    """
    result: list[str] = []

    def add(urn: str) -> None:
        if urn not in result:
            result.append(urn)

    collapsed = [collapse(goal, alias, old_urn_of) for alias in aliases]
    for urn in collapsed:
        add(urn)
    parent_old_urn = old_urn_of.get(goal.parent) if goal.parent else None
    if parent_old_urn:
        add(_inherited(goal, goal.type, goal.name, parent_old_urn))
        for urn in collapsed:
            add(_inherited(goal, urn_type(urn), urn_name(urn), parent_old_urn))
    return result

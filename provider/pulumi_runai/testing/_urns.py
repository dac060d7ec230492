"""Engine URNs: ``urn:pulumi:<stack>::<project>::<qualified type>::<name>``.

One place for how they are built and read, shared by the step logic, the program monitor, the
alias resolution and the host requests (which carry the name and type beside the URN).
"""

from __future__ import annotations

STACK_TYPE = "pulumi:pulumi:Stack"


def make_urn(stack: str, project: str, type_: str, name: str, parent: str = "") -> str:
    """The parent's qualified type is prefixed (``parent$type``) unless the parent is the stack."""
    qualified = type_
    if parent:
        parent_type = urn_qualified_type(parent)
        if parent_type != STACK_TYPE:
            qualified = f"{parent_type}${type_}"
    return f"urn:pulumi:{stack}::{project}::{qualified}::{name}"


def urn_name(urn: str) -> str:
    return urn.rsplit("::", 1)[-1]


def urn_qualified_type(urn: str) -> str:
    """The type with its parents' types (``a$b$c``)."""
    return urn.split("::")[2]


def urn_type(urn: str) -> str:
    """The resource's own type, without its parents' (``c`` of ``a$b$c``)."""
    return urn_qualified_type(urn).split("$")[-1]

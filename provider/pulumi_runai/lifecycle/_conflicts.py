"""What a 409 on create means, and the advice that fits it.

A conflict is "already exists" only when the natural-key lookup finds that object: then the
fixes are to adopt it, or, when the stack already manages it under another resource name (a
rename in the program), to give the resource an alias. Any other conflict (a namespace taken
by another project, an object being deleted) is the server's own reason, passed on as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pulumi_runai.errors import Conflict, RunaiError
from pulumi_runai.models.kind import KindSpec

__all__ = ["ADOPT_HINT", "ALIAS_HINT", "explain_conflict"]

ADOPT_HINT = (
    "To take it over, set adopt (adopt=True on the resource in Python, `adopt: true` on its "
    "entry in org.yaml)"
)
ALIAS_HINT = (
    "If this stack already manages it under another resource name (you renamed the resource in "
    "the program), do not adopt it: add an alias to the old name instead "
    "(opts=pulumi.ResourceOptions(aliases=[pulumi.Alias(name=\"<old name>\")])), so Pulumi "
    "moves it rather than deleting it at the end of the same up"
)


def explain_conflict(
    spec: KindSpec,
    inputs: Mapping[str, Any],
    exc: Conflict,
    find: Callable[[], Mapping[str, Any] | None],
) -> Conflict:
    """The error to raise for a 409 answered to the create of `inputs`."""
    try:
        existing = find()
    except RunaiError:
        existing = None
    if existing is not None:
        rename = " or choose another name" if "name" in spec.natural_key else ""
        return Conflict(
            409,
            f"{spec.describe(inputs)} already exists in Run:ai (id {existing.get('id')})",
            method=exc.method,
            path=exc.path,
            hint=f"{ADOPT_HINT}{rename}. {ALIAS_HINT}",
        )
    return Conflict(
        409,
        f"Run:ai refused to create {spec.describe(inputs)}: {exc.message}",
        details=exc.details,
        method=exc.method,
        path=exc.path,
        hint=(
            f"Run:ai holds no such {spec.label}, so adopting will not help: change what the "
            "message names"
        ),
    )

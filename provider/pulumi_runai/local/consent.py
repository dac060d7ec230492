"""Consent before a plan deletes or replaces anything.

Creates and updates go ahead unattended (the first deploy on a fresh machine needs no
answer). A delete or replace is asked about on a terminal; without one the command refuses,
names what would go and says how to agree in advance (``--yes``).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from .failures import LocalError


def refusal(doomed: Sequence[str]) -> LocalError:
    listing = "\n".join(f"  {item}" for item in doomed)
    return LocalError(
        f"this plan would delete or replace:\n{listing}\nNothing was changed. Pass --yes to "
        "apply it without a terminal (or run the command on a terminal to be asked).")


def on_terminal(stdin: TextIO | None = None) -> bool:
    return (stdin if stdin is not None else sys.stdin).isatty()


def require(doomed: Sequence[str], *, yes: bool, stdin: TextIO | None = None) -> None:
    """Returns when the plan may be applied; raises LocalError (nothing changed) otherwise.

    ``doomed`` names what the plan deletes or replaces, e.g. ``delete project vision``.
    """
    if not doomed or yes:
        return
    stdin = stdin if stdin is not None else sys.stdin
    if not on_terminal(stdin):
        raise refusal(doomed)
    listing = "\n".join(f"  {item}" for item in doomed)
    print(f"This plan deletes or replaces:\n{listing}")
    print("Type yes to apply it: ", end="", flush=True)
    if stdin.readline().strip().lower() not in ("y", "yes"):
        raise LocalError("not applied (the answer was not yes); nothing was changed")

"""Problems found in an organisation description, reported all at once.

A platform team edits one YAML file; a deploy that stops at the first mistake makes them
fix-and-retry once per typo, so the parser collects every problem and raises once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import ValidationError

__all__ = ["DescriptionError", "Problem", "Problems", "did_you_mean", "render_path"]

PathPart = str | int


def render_path(parts: Sequence[PathPart]) -> str:
    """`("departments", 1, "name")` -> `departments[1].name`, the form users search for."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean 'x'?)' hint, or '' when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


@dataclass(frozen=True)
class Problem:
    """One mistake: where it is, what is wrong, and what to do about it."""

    path: str
    message: str
    fix: str

    def render(self, source: str) -> str:
        where = f"{source}: {self.path}" if self.path else source
        return f"{where}: {self.message}. Fix: {self.fix}"


class DescriptionError(ValidationError, ValueError):
    """The description is invalid; `problems` lists every mistake, not only the first.

    A ValidationError so `except RunaiError` in a program catches it too.
    """

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        head = f"{source}: {count} {noun} in the organisation description"
        body = "\n".join(f"  - {p.render(source)}" for p in self.problems)
        super().__init__(f"{head}:\n{body}")


class Problems:
    """Collects problems while parsing; `raise_if_any` turns them into one error."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._items: list[Problem] = []

    def add(self, path: Sequence[PathPart], message: str, fix: str) -> None:
        self._items.append(Problem(render_path(path), message, fix))

    def __len__(self) -> int:
        return len(self._items)

    def raise_if_any(self) -> None:
        if self._items:
            raise DescriptionError(self.source, self._items)

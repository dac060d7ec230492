"""What a run reports: the steps taken and the resulting outputs, in forms tests assert on."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._wire import PROVIDER_KEY, SECRET_SHOWN, Props, plain_copy, secret_keys
from .analyzers import Violation

__all__ = ["SECRET_SHOWN", "Result", "Step"]


@dataclass(frozen=True)
class Step:
    """One engine step. ``op`` is create, update, replace, same, delete, delete-replaced
    (the old half of a create-before-replace), read, import or refresh.

    ``outputs`` keep the engine's secret markers (the program gets them back); ``old_inputs``,
    ``new_inputs`` and ``old_outputs`` are for reading: plain copies with each secret shown as
    :data:`SECRET_SHOWN` and without ``__provider``. For a refresh, ``old_outputs`` are the
    outputs before the read and ``new_inputs`` the inputs after it; a delete has no new values.
    """

    op: str
    urn: str
    type: str
    name: str
    id: str = ""
    changed_keys: tuple[str, ...] = ()
    replace_keys: tuple[str, ...] = ()
    detailed_diff: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    outputs: Props = field(default_factory=dict)
    started: float = 0.0
    finished: float = 0.0
    old_inputs: Props = field(default_factory=dict)
    new_inputs: Props = field(default_factory=dict)
    old_outputs: Props = field(default_factory=dict)


@dataclass
class Result:
    """Steps in completion order plus outputs by resource name (plain values; the secret
    markers are kept in ``raw_outputs`` and summarised in ``secret_outputs``)."""

    steps: list[Step]
    raw_outputs: dict[str, Props]
    raw_stack_outputs: Props
    violations: list[Violation]
    preview: bool

    @property
    def outputs(self) -> dict[str, Props]:
        return {
            name: {k: v for k, v in plain_copy(props).items() if k != PROVIDER_KEY}
            for name, props in self.raw_outputs.items()
        }

    @property
    def secret_outputs(self) -> dict[str, set[str]]:
        return {name: secret_keys(props) for name, props in self.raw_outputs.items()}

    @property
    def stack_outputs(self) -> Props:
        result: Props = plain_copy(self.raw_stack_outputs)
        return result

    @property
    def secret_stack_outputs(self) -> set[str]:
        return secret_keys(self.raw_stack_outputs)

    def ops(self, *, include_same: bool = True) -> dict[str, str]:
        """``{name: op}``; a replaced resource shows ``replace`` (not its delete-replaced)."""
        found: dict[str, str] = {}
        for step in self.steps:
            if step.op == "delete-replaced" or (step.op == "same" and not include_same):
                continue
            found[step.name] = step.op
        return found

    def step(self, name: str) -> Step:
        """The main step of resource ``name`` (not its delete-replaced half)."""
        for candidate in self.steps:
            if candidate.name == name and candidate.op != "delete-replaced":
                return candidate
        raise KeyError(f"no step for {name!r}; steps: {[(s.op, s.name) for s in self.steps]}")

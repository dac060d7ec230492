"""A kind's declaration: its fields and keys, from which everything else is derived.

Why one declaration: input and output key lists, secret outputs, replace decisions, the
order of a replacement, the README tables, the resource docstrings, the bad-input tests, the
policy pack's type tokens and the native schema all read it, so a fact about a field is
written once (see `pulumi_runai.kinds` for the registry of every kind).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pulumi_runai.models.fields import Field

DYNAMIC_TYPE_PREFIX = "pulumi-python:dynamic/runai:"
"""Type tokens of the dynamic resources: the prefix Pulumi gives dynamic resources, then the
module `runai` and the kind's name (`pulumi-python:dynamic/runai:Project`)."""


@dataclass(frozen=True)
class KindSpec:
    """One Run:ai kind as Pulumi sees it.

    `name` is the Pulumi name (`Project`), `label` the word used in messages (`project`).
    `natural_key` is what adopt and the lost-answer lookup search by; `unique_keys` lists every
    set of inputs that the server keeps unique (the natural key first). `id_output` is the output
    that repeats the object's id.
    """

    name: str
    label: str
    doc: str
    fields: tuple[Field, ...]
    natural_key: tuple[str, ...]
    unique_keys: tuple[tuple[str, ...], ...]
    id_output: str

    def __post_init__(self) -> None:
        names = [f.name for f in self.fields]
        if len(names) != len(set(names)):
            raise ValueError(f"{self.name}: a field is declared twice in {names}")
        for key in (self.natural_key, *self.unique_keys):
            missing = [k for k in key if k not in names]
            if missing:
                raise ValueError(f"{self.name}: unique key {key} names undeclared {missing}")

    @property
    def type_token(self) -> str:
        """The dynamic resource's type token, the only way a policy tells kinds apart."""
        return f"{DYNAMIC_TYPE_PREFIX}{self.name}"

    @cached_property
    def input_keys(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if not f.output_only)

    @cached_property
    def output_keys(self) -> tuple[str, ...]:
        """Every input (echoed) and every computed output."""
        return tuple(f.name for f in self.fields)

    @cached_property
    def secret_outputs(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.secret)

    @cached_property
    def replace_fields(self) -> frozenset[str]:
        return frozenset(f.name for f in self.fields if f.replace and not f.output_only)

    def field(self, name: str) -> Field:
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise KeyError(f"{self.name} has no field {name!r}")

    def delete_before_replace(
        self, new_inputs: Mapping[str, Any], changed: Sequence[str]
    ) -> bool:
        """A replacement must delete first when any unique key keeps its value: the new object
        would collide with the old one (409) while both exist. A key with an unset part (e.g.
        no `requested_namespace`) is not held by the program and does not count."""
        moved = set(changed)
        return any(
            not moved & set(key) and all(new_inputs.get(k) is not None for k in key)
            for key in self.unique_keys
        )

    def describe(self, inputs: Mapping[str, Any]) -> str:
        """`project 'vision' (cluster_id '…')` for messages: the label and the natural key."""
        parts = [f"{k}={inputs.get(k)!r}" for k in self.natural_key if inputs.get(k) is not None]
        return f"{self.label} ({', '.join(parts)})"

    def resource_doc(self) -> str:
        """The resource class's docstring: the kind's doc, then each input and output."""
        lines = [self.doc, "", "Inputs (keyword arguments):"]
        for f in self.fields:
            if not f.output_only:
                marks = [m for m, on in (("required", f.required), ("replaces", f.replace),
                                         ("create-only", f.create_only)) if on]
                note = f" ({', '.join(marks)})" if marks else ""
                lines.append(f"    {f.name}{note}: {f.doc}")
        lines += ["", "Outputs (besides every input):"]
        for f in self.fields:
            if f.output_only:
                lines.append(f"    {f.name}{' (secret)' if f.secret else ''}: {f.doc}")
        return "\n".join(lines)

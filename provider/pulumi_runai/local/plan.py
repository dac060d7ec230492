"""The steps of a run as lines an admin reads: operation, object, and each changed field.

One format for the plan (``--preview`` and before consent), the drift a refresh found and the
report after an apply, e.g. ``update   project vision: resources[a100].gpu.deserved 4 → 6``.
Objects are named by kind and natural key (``user ada@example.com``), not by Pulumi names;
unchanged resources are counted, never listed; components are neither.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pulumi_runai.kinds import KINDS
from pulumi_runai.models.kind import DYNAMIC_TYPE_PREFIX
from pulumi_runai.testing import Step

from .fields import FieldChange, changes

# Every custom resource the harness runs is a dynamic one; the rest are components.
RESOURCE_PREFIX = DYNAMIC_TYPE_PREFIX.split("runai:")[0]
# Kind labels in dependency order, from the registry.
KIND_NAMES = {kind.name: kind.spec.label for kind in KINDS}
# Inputs that are never a change an admin needs to see (adopt never counts as one).
HIDDEN_KEYS = frozenset({"adopt"})
OPS = ("create", "update", "replace", "delete")
PAST = {"create": "created", "update": "updated", "replace": "replaced", "delete": "deleted"}
DESTRUCTIVE = frozenset({"delete", "replace"})
ADOPT_NOTE = "adopt: an existing one with this name is taken over, not made again"


def _kind_order(step: Step) -> int:
    kinds = list(KIND_NAMES.values())
    kind = kind_of(step.type)
    return kinds.index(kind) if kind in kinds else len(kinds)


def is_resource(step: Step) -> bool:
    return step.type.startswith(RESOURCE_PREFIX)


def kind_of(type_token: str) -> str:
    short = type_token.rsplit(":", 1)[-1]
    return KIND_NAMES.get(short, short)


def _values(step: Step) -> Mapping[str, Any]:
    """The resource's own values: new inputs, else (deletes) old inputs, then old outputs."""
    return {**step.old_outputs, **step.old_inputs, **step.new_inputs}


def describe(step: Step, scope_names: Mapping[str, str] | None = None) -> str:
    """``project vision``, ``user ada@example.com``, ``access rule ada@… as Viewer on …``."""
    kind = kind_of(step.type)
    values = _values(step)
    if kind in ("department", "project") and values.get("name"):
        return f"{kind} {values['name']}"
    if kind == "user" and values.get("email"):
        return f"user {values['email']}"
    if kind == "access rule" and values.get("subject_id"):
        scope_type = values.get("scope_type", "")
        scope = (step.old_outputs.get("scope_name")
                 or (scope_names or {}).get(str(values.get("scope_id")))
                 or _scope_in_name(step.name, str(scope_type), scope_names or {}))
        where = f"{scope_type} {scope}" if scope else f"a new {scope_type}"
        role = values.get("role_name") or values.get("role_id")
        return f"access rule {values['subject_id']} as {role} on {where}"
    return f"{kind} {step.name}"


def _scope_in_name(resource_name: str, scope_type: str, names: Mapping[str, str]) -> str:
    """A scope made in the same run has no id yet; the Organization component names its
    rules ``…-<scope type>-<scope name>``, so a planned department or project is found there."""
    for name in names.values():
        if resource_name.endswith(f"-{scope_type}-{name}"):
            return name
    return ""


def scope_names(steps: Iterable[Step]) -> dict[str, str]:
    """Department and project ids to names, so access rules name their scope."""
    names: dict[str, str] = {}
    for step in steps:
        if kind_of(step.type) in ("department", "project"):
            name = _values(step).get("name")
            if name:
                names[step.id or f"planned {step.urn}"] = str(name)
    return names


def field_changes(step: Step) -> list[FieldChange]:
    """What changed, per field: from the old inputs (after a refresh: the drifted ones),
    falling back to old outputs for a field the provider compared there."""
    keys = [k for k in step.changed_keys if not k.startswith("__") and k not in HIDDEN_KEYS]
    found: list[FieldChange] = []
    for key in keys:
        new = step.new_inputs.get(key)
        per_key = (changes(step.old_inputs.get(key), new, key)
                   or changes(step.old_outputs.get(key), new, key))
        found.extend(per_key or [FieldChange(key, step.old_inputs.get(key), new)])
    return found


def drift_changes(step: Step) -> list[FieldChange]:
    """What a refresh found changed outside Pulumi, in the program's inputs only."""
    keys = [k for k in step.new_inputs if not k.startswith("__") and k not in HIDDEN_KEYS]
    found: list[FieldChange] = []
    for key in [*keys, *(k for k in step.old_inputs if k not in step.new_inputs)]:
        if key.startswith("__") or key in HIDDEN_KEYS:
            continue
        found.extend(changes(step.old_inputs.get(key), step.new_inputs.get(key), key))
    return found


@dataclass(frozen=True)
class Line:
    op: str
    subject: str
    detail: str = ""

    def render(self, width: int = 8) -> str:
        text = f"  {self.op.ljust(width)} {self.subject}"
        return f"{text}: {self.detail}" if self.detail else text


def _step_lines(step: Step, op_word: str, names: Mapping[str, str]) -> list[Line]:
    subject = describe(step, names)
    if step.op == "create" and step.new_inputs.get("adopt"):
        return [Line(op_word, subject, ADOPT_NOTE)]
    if step.op in ("create", "delete"):
        return [Line(op_word, subject)]
    forcing = set(step.replace_keys)
    lines = []
    for change in field_changes(step):
        root = change.path.split(".")[0].split("[")[0]
        note = " (forces replacement)" if root in forcing else ""
        lines.append(Line(op_word, subject, change.render() + note))
    return lines or [Line(op_word, subject)]


@dataclass(frozen=True)
class Plan:
    """The resource steps of one run, by operation."""

    steps: Sequence[Step]

    @classmethod
    def of(cls, steps: Iterable[Step]) -> Plan:
        return cls([s for s in steps if is_resource(s) and s.op != "delete-replaced"])

    def counts(self) -> Counter[str]:
        return Counter(s.op for s in self.steps)

    def _ordered(self, names: Mapping[str, str]) -> list[Step]:
        """Changing steps by operation, then kind (departments first), then name."""
        order = {op: i for i, op in enumerate(OPS)}
        return sorted((s for s in self.steps if s.op in order),
                      key=lambda s: (order[s.op], _kind_order(s), describe(s, names)))

    def destructive(self) -> list[str]:
        """What would be deleted or replaced, named as the admin knows it."""
        names = scope_names(self.steps)
        return [f"{s.op} {describe(s, names)}" for s in self._ordered(names)
                if s.op in DESTRUCTIVE]

    def changes_anything(self) -> bool:
        return any(s.op in OPS for s in self.steps)

    def lines(self, *, past: bool = False) -> list[str]:
        names = scope_names(self.steps)
        return [line.render() for s in self._ordered(names)
                for line in _step_lines(s, PAST[s.op] if past else s.op, names)]

    def summary(self, *, past: bool = False) -> str:
        counts = self.counts()
        parts = [f"{counts[op]} {PAST[op]}" if past else f"{counts[op]} to {op}" for op in OPS]
        unchanged = sum(n for op, n in counts.items() if op not in OPS)
        return ", ".join([*parts, f"{unchanged} unchanged"])


def drift_lines(steps: Iterable[Step]) -> tuple[list[str], str]:
    """Lines for what a refresh found, and its summary (drifted, gone, unchanged)."""
    resources = [s for s in steps if is_resource(s)]
    names = scope_names(resources)
    lines: list[str] = []
    drifted = gone = 0
    for step in sorted(resources, key=lambda s: describe(s, names)):
        if step.op == "delete":
            gone += 1
            lines.append(Line("gone", describe(step, names),
                              "deleted outside Pulumi; the apply creates it again").render())
            continue
        found = drift_changes(step)
        if found:
            drifted += 1
            lines.extend(Line("drift", describe(step, names), c.render()).render()
                         for c in found)
    unchanged = len(resources) - drifted - gone
    return lines, f"{drifted} drifted, {gone} gone, {unchanged} unchanged"

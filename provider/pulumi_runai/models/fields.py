"""Declarative per-field rules that every kind shares: what to compare, what forces a replace,
and how refresh turns a live object back into program-shaped inputs.

One rule for optional inputs, everywhere: an input left as None is *unmanaged* — the server's
value stays, is never shown as a diff, and is sent back unchanged on update (PUT replaces the
whole object). Fields marked `always` (names, parents that identify the object) are compared
even when None is given.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pulumi_runai.models.validation import PROVIDER_KEY, contains_unknown


def _equal(live: Any, desired: Any) -> bool:
    return bool(live == desired)


def _take_live(live: Any, _old: Any) -> Any:
    return live


Diff = tuple[list[str], list[str]]
"""(changed input names, the subset that needs a replacement)."""


@dataclass(frozen=True)
class Field:
    """Everything said about one input or output of a kind, stated once.

    `doc` is what the README, the resource docstring and the native schema show; `type` is the
    schema type (`string`, `boolean`, `integer`, `number`, `object`, `array`, or a named shape
    such as `quotas`). `required` inputs must be given; `replace` inputs need a new object when
    they change; `create_only` inputs only matter when the object is made (a change is recorded
    without a call and never replaces); `output_only` fields are computed by Run:ai; `secret`
    values travel only as Pulumi secrets. `always` fields (names, parents that identify the
    object) are compared even when given as None; `equal` compares a live value with the
    desired one and `refresh` turns a live value into the program's shape for refresh.
    """

    name: str
    doc: str = ""
    type: str = "string"
    required: bool = False
    replace: bool = False
    create_only: bool = False
    output_only: bool = False
    secret: bool = False
    always: bool = False
    output: str | None = None
    equal: Callable[[Any, Any], bool] = _equal
    refresh: Callable[[Any, Any], Any] = _take_live

    @property
    def output_key(self) -> str:
        return self.output or self.name


ADOPT = Field(
    "adopt",
    "Take over an existing object with the same natural key instead of failing with a "
    "conflict; the object is then updated to match the program. Default false.",
    type="boolean",
)
"""The input every kind has; never compared, never sent to Run:ai."""


def replace_fields(fields: Sequence[Field]) -> frozenset[str]:
    """Inputs whose change needs a new object."""
    return frozenset(field.name for field in fields if field.replace)


def compared(fields: Sequence[Field]) -> tuple[Field, ...]:
    """The inputs a diff compares with the live object (not outputs, not `adopt`)."""
    return tuple(f for f in fields if not f.output_only and f.name != ADOPT.name)


def diff(
    fields: Sequence[Field], old_outputs: Mapping[str, Any], new_inputs: Mapping[str, Any]
) -> Diff:
    """(changed, replaces) between the last outputs and the new inputs; `__provider` and
    `adopt` never count. An unknown new value (preview) counts as a change. Create-only
    inputs are compared with what the program said last time (the API cannot read them)."""
    changed: list[str] = []
    for field in compared(fields):
        desired = new_inputs.get(field.name)
        if desired is None and not field.always:
            continue
        if contains_unknown(desired) or not field.equal(old_outputs.get(field.output_key), desired):
            changed.append(field.name)
    return changed, [name for name in changed if name in replace_fields(fields)]


def refresh_inputs(
    fields: Sequence[Field], live_inputs: Mapping[str, Any], old_inputs: Mapping[str, Any]
) -> dict[str, Any]:
    """Refresh inputs: live values for what the program manages, None for what it leaves to
    the server. With no old inputs (`get`), every live value is returned."""
    managed = {k: v for k, v in old_inputs.items() if k != PROVIDER_KEY and v is not None}
    result: dict[str, Any] = {}
    for field in compared(fields):
        live = live_inputs.get(field.name)
        if not managed:
            result[field.name] = live
        elif field.always or field.name in managed:
            result[field.name] = field.refresh(live, old_inputs.get(field.name))
        else:
            result[field.name] = None
    result["adopt"] = bool(old_inputs.get("adopt", False))
    return result


def keep_or_live(
    inputs: Mapping[str, Any], live: Mapping[str, Any], key: str, live_key: str | None = None
) -> Any:
    """The input if managed, else the live (old output) value: what a full-body PUT must send."""
    value = inputs.get(key)
    return value if value is not None else live.get(live_key or key)


def clean_inputs(inputs: Mapping[str, Any], input_keys: Sequence[str]) -> dict[str, Any]:
    """Only the declared inputs (output placeholders dropped), `adopt` defaulted to False."""
    result = {key: inputs[key] for key in input_keys if key in inputs}
    if result.get("adopt") is None:
        result["adopt"] = False
    return result

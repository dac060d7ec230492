"""Values shown as the user wrote them: ``5``, not ``5.0``; structures in YAML flow style.

The Pulumi host hands every number back as a float, so anything printed from state or from
a step goes through :func:`show`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pulumi_runai.models.validation import as_int_if_integral
from pulumi_runai.testing import UNKNOWN

UNSET = "(unset)"
UNKNOWN_SHOWN = "(known after apply)"


def show(value: Any) -> str:
    """One value in the terms of org.yaml: numbers as written, strings quoted, flow style."""
    if value is None:
        return UNSET
    if value == UNKNOWN:
        return UNKNOWN_SHOWN
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(as_int_if_integral(value))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        inner = ", ".join(f"{k}: {show(v)}" for k, v in value.items() if v is not None)
        return "{" + inner + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(show(v) for v in value) + "]"
    return str(value)

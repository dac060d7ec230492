"""Building the API's ``filterBy`` parameter.

The spec declares ``filterBy`` as an array with ``explode: false``: all conditions travel
comma-joined in one parameter (``name==a,clusterId==<uuid>``). A value containing a comma
cannot be expressed, so it is refused here instead of silently matching something else.
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import ValidationError

__all__ = ["OPERATORS", "condition", "filter_by", "join_filters"]

# Longest first, so that splitting never mistakes "!=" for "=".
OPERATORS = ("==", "!=", "<=", ">=", "=@", "!@", "=^", "=$")


def _value_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def condition(field: str, op: str, value: object) -> str:
    """One ``<field><op><value>`` condition, checked for what the wire format cannot carry."""
    if op not in OPERATORS:
        raise ValidationError(f"filter operator {op!r} is not one of {', '.join(OPERATORS)}")
    if not field or not field.isidentifier():
        raise ValidationError(f"filter field {field!r} must be an API field name such as clusterId")
    text = _value_text(value)
    if not text.strip():
        raise ValidationError(
            f"filter value for {field!r} is empty; give the {field} to look up (an empty "
            "filterBy condition is refused by the API)"
        )
    if "," in text:
        raise ValidationError(
            f"filter value for {field!r} contains a comma ({text!r}); the API's filterBy cannot "
            "express it: look the object up by id instead"
        )
    return f"{field}{op}{text}"


def filter_by(**conditions: object) -> list[str]:
    """Equality conditions from keyword arguments, skipping ``None`` values.

    >>> filter_by(name="team-a", clusterId="c1")
    ['name==team-a', 'clusterId==c1']
    """
    return [condition(k, "==", v) for k, v in conditions.items() if v is not None]


def join_filters(filters: Iterable[str]) -> str | None:
    """The ``filterBy`` query value, or None when there is nothing to filter on."""
    items = [f for f in filters if f]
    return ",".join(items) if items else None

"""List query semantics shared by every list endpoint: filterBy, search, sort, offset/limit."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import bad_request

Doc = dict[str, Any]
Getter = Callable[[Doc], object]

ALL_OPERATORS = ("==", "!=", "<=", ">=", "=@", "!@", "=^", "=$")


def path(*keys: str) -> Getter:
    """A getter following nested keys; None where any level is missing."""

    def get(doc: Doc) -> object:
        value: object = doc
        for key in keys:
            if not isinstance(value, dict):
                return None
            value = value.get(key)
        return value

    return get


@dataclass(frozen=True)
class ListSpec:
    """What one list endpoint accepts."""

    filters: Mapping[str, Getter]
    sorts: Mapping[str, Getter]
    search: Getter
    operators: Sequence[str] = ALL_OPERATORS
    default_limit: int = 50
    max_limit: int = 500
    default_sort: Getter | None = field(default=None)


@dataclass(frozen=True)
class Condition:
    getter: Getter
    op: str
    value: str


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _matches(actual: object, op: str, expected: str) -> bool:
    left_n, right_n = _number(actual), _number(expected)
    text = _as_text(actual)
    if op in ("<=", ">="):
        if left_n is not None and right_n is not None:
            return left_n <= right_n if op == "<=" else left_n >= right_n
        return text <= expected if op == "<=" else text >= expected
    if op in ("==", "!="):
        equal = (left_n == right_n) if (left_n is not None and right_n is not None) else (
            text == expected
        )
        return equal if op == "==" else not equal
    low, exp = text.lower(), expected.lower()
    if op == "=@":
        return exp in low
    if op == "!@":
        return exp not in low
    if op == "=^":
        return low.startswith(exp)
    return low.endswith(exp)  # "=$"


def parse_filters(raw: Sequence[str], spec: ListSpec) -> list[Condition]:
    """Split comma-joined `filterBy` values into conditions; 400 naming a bad field or op."""
    conditions: list[Condition] = []
    for chunk in raw:
        for item in chunk.split(","):
            if not item:
                continue
            pos = 0
            while pos < len(item) and (item[pos].isalnum() or item[pos] == "_"):
                pos += 1
            name, op, value = item[:pos], item[pos : pos + 2], item[pos + 2 :]
            if name not in spec.filters:
                raise bad_request(
                    f"filterBy: unknown field '{name}' in '{item}' "
                    f"(allowed: {', '.join(spec.filters)})"
                )
            if op not in spec.operators:
                raise bad_request(
                    f"filterBy: unsupported operator '{op}' in '{item}' "
                    f"(allowed: {' '.join(spec.operators)})"
                )
            if not value:
                raise bad_request(f"filterBy: missing value in '{item}'")
            conditions.append(Condition(spec.filters[name], op, value))
    return conditions


def _int_param(params: Mapping[str, str], name: str, low: int, high: int | None) -> int | None:
    raw = params.get(name)
    if raw is None or raw == "":
        return None
    try:
        value = int(raw)
    except ValueError:
        raise bad_request(f"{name} must be an integer, got '{raw}'") from None
    if value < low or (high is not None and value > high):
        bound = f"between {low} and {high}" if high is not None else f">= {low}"
        raise bad_request(f"{name} must be {bound}, got {value}")
    return value


def _sort_key(value: object) -> tuple[int, float, str]:
    number = _number(value) if not isinstance(value, str) else None
    if value is None:
        return (0, 0.0, "")
    if number is not None:
        return (1, number, "")
    return (2, 0.0, _as_text(value).lower())


def apply(
    items: list[Doc],
    params: Mapping[str, str],
    filter_values: Sequence[str],
    spec: ListSpec,
) -> tuple[list[Doc], int]:
    """Filter, search, sort and page; returns (page, total matching before paging)."""
    conditions = parse_filters(filter_values, spec)
    offset = _int_param(params, "offset", 0, None) or 0
    limit = _int_param(params, "limit", 1, spec.max_limit) or spec.default_limit
    order = params.get("sortOrder") or "asc"
    if order not in ("asc", "desc"):
        raise bad_request(f"sortOrder must be 'asc' or 'desc', got '{order}'")
    sort_by = params.get("sortBy")
    if sort_by and sort_by not in spec.sorts:
        raise bad_request(f"sortBy: unknown field '{sort_by}' (allowed: {', '.join(spec.sorts)})")
    search = (params.get("search") or "").lower()

    selected = [
        doc
        for doc in items
        if all(_matches(c.getter(doc), c.op, c.value) for c in conditions)
        and (not search or search in _as_text(spec.search(doc)).lower())
    ]
    getter = spec.sorts[sort_by] if sort_by else spec.default_sort
    if getter is not None:
        selected.sort(key=lambda d: _sort_key(getter(d)), reverse=order == "desc")
    elif order == "desc":
        selected.reverse()
    return selected[offset : offset + limit], len(selected)

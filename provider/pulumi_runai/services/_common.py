"""Helpers shared by the services: exact client-side matching and 'not found' errors.

Why client-side matching: ``filterBy`` narrows the answer on the server, but a filter the
server ignores (or a ``=@``-style partial match) must never make us adopt the wrong object.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import AmbiguousMatch, NotFound

__all__ = ["matches", "not_found", "only_one"]


def matches(item: Mapping[str, Any], **wanted: Any) -> bool:
    """True when every wanted field equals the item's (compared as text: ids vary in type)."""
    return all(str(item.get(k)) == str(v) for k, v in wanted.items() if v is not None)


def names_of(items: Iterable[Mapping[str, Any]], field: str = "name") -> str:
    names = sorted({str(i.get(field)) for i in items if i.get(field) is not None})
    return ", ".join(names) if names else "none"


def not_found(
    kind: str,
    key: str,
    path: str,
    known: Iterable[Mapping[str, Any]] | None,
    *,
    field: str = "name",
    advice: str = "",
) -> NotFound:
    """A NotFound for a lookup by name, listing what does exist so the user can fix a typo."""
    return NotFound(
        404,
        f"no {kind} {key}",
        method="GET",
        path=path,
        hint=advice if known is None else f"{advice}known {kind}s: {names_of(known, field)}",
    )


def only_one(kind: str, key: str, found: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The single match, None for no match, AmbiguousMatch (listing ids) for several."""
    if not found:
        return None
    if len(found) > 1:
        ids = ", ".join(str(i.get("id", i.get("uuid"))) for i in found)
        raise AmbiguousMatch(f"{len(found)} {kind}s match {key} (ids {ids}): look it up by id")
    return found[0]

"""The per-field difference of two values, with paths in the user's terms.

Quota lists are keyed by node pool, so a change reads ``resources[a100].gpu.deserved 4 → 6``
rather than naming a list position that depends on the order the pools were written in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .values import show

ARROW = "→"
# The key that names a quota entry (node pool) in department and project resources.
ENTRY_KEY = "node_pool"


@dataclass(frozen=True)
class FieldChange:
    """``path`` changed from ``old`` to ``new`` (None: absent on that side)."""

    path: str
    old: Any
    new: Any

    def render(self) -> str:
        return f"{self.path} {show(self.old)} {ARROW} {show(self.new)}"


def _keyed(items: Sequence[Any]) -> dict[str, Any] | None:
    """A list of quota entries by node pool; None when the list is not one."""
    if not items or not all(isinstance(i, Mapping) and ENTRY_KEY in i for i in items):
        return None
    keyed = {str(i[ENTRY_KEY]): i for i in items}
    return keyed if len(keyed) == len(items) else None


def _same(old: Any, new: Any) -> bool:
    """Equal by value: ``4`` equals ``4.0`` (the host's floats), nothing else is loosened."""
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    return bool(old == new)


def changes(old: Any, new: Any, path: str = "") -> list[FieldChange]:
    """Every leaf that differs between ``old`` and ``new``, in a stable order."""
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        found: list[FieldChange] = []
        for key in [*old, *(k for k in new if k not in old)]:
            child = f"{path}.{key}" if path else str(key)
            found.extend(changes(old.get(key), new.get(key), child))
        return found
    if isinstance(old, list) and isinstance(new, list):
        old_keyed, new_keyed = _keyed(old), _keyed(new)
        if old_keyed is not None and new_keyed is not None:
            found = []
            for pool in [*old_keyed, *(p for p in new_keyed if p not in old_keyed)]:
                entry_old = {k: v for k, v in (old_keyed.get(pool) or {}).items()
                             if k != ENTRY_KEY} if pool in old_keyed else None
                entry_new = {k: v for k, v in (new_keyed.get(pool) or {}).items()
                             if k != ENTRY_KEY} if pool in new_keyed else None
                if entry_old is None or entry_new is None:
                    found.append(FieldChange(f"{path}[{pool}]", entry_old, entry_new))
                else:
                    found.extend(changes(entry_old, entry_new, f"{path}[{pool}]"))
            return found
        if len(old) == len(new):
            return [c for i, (o, n) in enumerate(zip(old, new, strict=True))
                    for c in changes(o, n, f"{path}[{i}]")]
    if _same(old, new):
        return []
    return [FieldChange(path, old, new)]

"""The summary on stderr: what was written and what was left out, by kind and reason.

Counts first, then up to three names per reason, so a reviewer can see at a glance whether
something they expected is missing and why, without the file itself saying it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .plan import KIND_ORDER, LeftOut

__all__ = ["summary"]

EXAMPLES = 3


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def summary(written: Mapping[str, int], left_out: Iterable[LeftOut], target: str) -> list[str]:
    """Lines for stderr: `written: ...` and one line per (kind, reason) left out."""
    total = sum(written.values())
    counts = ", ".join(f"{n} {kind}" for kind, n in sorted(
        written.items(), key=lambda item: _kind_rank(item[0])))
    lines = [f"runai-export: wrote {total} objects to {target} ({counts})"]
    groups: dict[tuple[str, str], list[str]] = {}
    for item in left_out:
        groups.setdefault((item.kind, item.reason), []).append(item.name)
    if groups:
        lines.append("runai-export: left out:")
    for (kind, reason), names in sorted(groups.items(), key=lambda g: (_kind_rank(g[0][0]), g[0])):
        shown = ", ".join(sorted(names)[:EXAMPLES]) + (", ..." if len(names) > EXAMPLES else "")
        lines.append(f"  {kind:<14} {len(names):>5}  {reason} ({shown})")
    return lines

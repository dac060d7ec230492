"""Which tenant objects the local stacks manage, read from their state in ``.pulumi-state/``.

Both the harness's checkpoints (``<stack>.testing.json``) and the Pulumi CLI's file backend
(``.pulumi/stacks/<project>/<stack>.json``) are read, so the inventory can mark what no stack
manages (such as the cluster's ``default`` department).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pulumi_runai.testing import StateFile

from .plan import RESOURCE_PREFIX, kind_of

HARNESS_SUFFIX = ".testing.json"
ObjectKey = tuple[str, str]  # (kind as in plan.kind_of, id)


def _harness(state_dir: Path) -> Iterator[tuple[str, str, str]]:
    for path in sorted(state_dir.glob(f"*{HARNESS_SUFFIX}")):
        stack = path.name[: -len(HARNESS_SUFFIX)]
        for res in StateFile(path).resources():
            yield stack, res.type, res.id


def _cli(state_dir: Path) -> Iterator[tuple[str, str, str]]:
    for path in sorted((state_dir / ".pulumi" / "stacks").glob("**/*.json")):
        data: Any = json.loads(path.read_text())
        resources = ((data.get("checkpoint") or {}).get("latest") or {}).get("resources") or []
        for res in resources:
            yield path.stem, str(res.get("type", "")), str(res.get("id", ""))


def stack_names(state_dir: Path) -> list[str]:
    """The harness stacks that hold at least one resource."""
    return sorted({stack for stack, type_, id_ in _harness(state_dir)
                   if type_.startswith(RESOURCE_PREFIX) and id_})


def managed_objects(state_dir: Path) -> dict[ObjectKey, str]:
    """``{(kind, id): stack}`` for every resource some local stack holds."""
    found: dict[ObjectKey, str] = {}
    if not state_dir.is_dir():
        return found
    for source in (_harness, _cli):
        for stack, type_, id_ in source(state_dir):
            if type_.startswith(RESOURCE_PREFIX) and id_:
                found[(kind_of(type_), id_)] = stack
    return found

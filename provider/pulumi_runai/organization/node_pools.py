"""`node_pools:` in a description, and the check that every quota names a pool that will exist.

A declared pool takes the `NodePool` resource's inputs (its cluster is the description's) and is
checked by the NodePool model's own rules, reported at the pool's path in the file. A quota
entry may name a declared pool or one the cluster already has; which pools the cluster has is
known only once the cluster is (`check_quota_pools`, after parsing), and only when the tenant
can be reached: otherwise the provider still resolves every name at preview.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from ..models import node_pool as pool_model
from .problems import DescriptionError, Problem, Problems, did_you_mean, render_path
from .reader import Path, boolean, check_keys, given, items, mapping, text
from .spec import DepartmentSpec, NodePoolSpec, OrganizationSpec, ProjectSpec

__all__ = ["POOL_KEYS", "check_quota_pools", "parse_node_pools"]

POOL_KEYS = tuple(key for key in pool_model.INPUT_KEYS if key != "cluster_id")
"""The keys of a `node_pools` entry: the NodePool inputs but the cluster (the description's)."""
_REQUIRED = tuple(f.name for f in pool_model.FIELDS if f.required and f.name != "cluster_id")
_SETTINGS = tuple(key for key in POOL_KEYS if key not in ("name", "adopt"))
_EXAMPLE = "`{name: h100, label_key: run.ai/type, label_value: h100}`"


def parse_node_pools(p: Problems, root: Mapping[str, Any], adopt: bool) -> tuple[NodePoolSpec, ...]:
    """The `node_pools:` list: each entry's values checked as the provider checks them."""
    out: list[NodePoolSpec] = []
    names: dict[str, Path] = {}
    for i, raw in enumerate(items(p, root, "node_pools", ())):
        path: Path = ("node_pools", i)
        node = mapping(p, raw, path, _EXAMPLE)
        if node is None:
            continue
        before = len(p)
        check_keys(p, node, path, POOL_KEYS, required=_REQUIRED)
        name = text(p, node, "name", path, required=True)
        settings = {
            key: value for key in _SETTINGS
            if (value := given(p, node, key, path, required=key in _REQUIRED)) is not None
        }
        own_adopt = boolean(p, node, "adopt", path)
        _check_values(p, path, name, settings)
        if name is None or len(p) != before:
            continue
        if name in names:
            p.add((*path, "name"), f"node pool {name!r} is declared twice",
                  f"rename or remove it; the first is at {render_path(names[name])}")
            continue
        names[name] = (*path, "name")
        out.append(NodePoolSpec(
            name=name, path=render_path(path), settings=settings,
            adopt=adopt if own_adopt is None else own_adopt,
        ))
    return tuple(out)


def _check_values(p: Problems, path: Path, name: str | None, settings: Mapping[str, Any]) -> None:
    """The NodePool model's validation, each failure at its path in the description."""
    inputs = {**settings, "cluster_id": "<the description's cluster>"}
    if name is not None:
        inputs["name"] = name
    for failure in pool_model.validate(inputs):
        field = failure.property.split(".", 1)[0]
        if field not in inputs:
            continue  # absent or empty: check_keys and `given` said so already
        doc = pool_model.SPEC.field(field).doc
        p.add((*path, *failure.property.split(".")), failure.reason, f"`{field}`: {doc}")


def check_quota_pools(spec: OrganizationSpec, cluster_pools: Collection[str] | None) -> None:
    """Every quota entry names a pool declared under `node_pools` or one the cluster has;
    DescriptionError at each entry that does not. `cluster_pools` None (the tenant cannot be
    asked): nothing to compare with, the provider resolves the names at preview."""
    if cluster_pools is None:
        return
    known = {*cluster_pools, *(pool.name for pool in spec.node_pools)}
    units: tuple[DepartmentSpec | ProjectSpec, ...] = (*spec.departments, *spec.projects)
    problems = [
        Problem(
            f"{unit.path}.resources[{index}].node_pool",
            f"node pool {entry.node_pool!r} is neither declared under `node_pools` nor in the "
            f"cluster{did_you_mean(entry.node_pool, known)}",
            f"use one of: {', '.join(sorted(known))}; or declare it under `node_pools` "
            f"(`- {{name: {entry.node_pool}, label_key: ..., label_value: ...}}`)",
        )
        for unit in units
        for index, entry in enumerate(unit.resources)
        if entry.node_pool not in known
    ]
    if problems:
        raise DescriptionError(spec.source, problems)

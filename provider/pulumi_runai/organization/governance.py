"""`service_accounts:`, `roles:` and the `policies:` of departments and projects (issue 17).

Each entry takes its resource's inputs and is checked by that kind's model (`models.*.validate`),
each failure reported at its path in the description with the field's documentation as the fix:
the file is judged by the same rules as a Python program, stated once. A policy's own problems
are reported at their path inside the policy (`departments[0].policies.trainings.rules...`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models import role as role_model
from ..models import service_account as account_model
from ..models import workload_policy as policy_model
from ..models.kind import KindSpec
from ..models.policy_schema import WORKLOAD_TYPES
from ..models.validation import Failure
from .problems import Problems, did_you_mean, render_path
from .reader import Path, boolean, check_keys, given, items, mapping
from .spec import PolicySpec, RoleSpec, ServiceAccountSpec

__all__ = ["parse_policies", "parse_roles", "parse_service_accounts"]

_ACCOUNT_EXAMPLE = "`{name: ci-robot, secret_version: 1}`"
_ROLE_EXAMPLE = "`{name: Trainer, description: ..., permission_sets: [Workload management]}`"
_POLICY_EXAMPLE = "`{trainings: {rules: {compute: {gpuDevicesRequest: {max: 4}}}}}`"


def _report(p: Problems, path: Path, spec: KindSpec, failures: list[Failure],
            given_keys: Mapping[str, Any]) -> None:
    """The model's failures at their paths here; absent keys were reported by check_keys."""
    for failure in failures:
        field = failure.property.split(".", 1)[0].split("[", 1)[0]
        if field not in given_keys:
            continue
        parts = failure.property.replace("[", ".").replace("]", "").split(".")
        where = (*path, *(int(part) if part.isdigit() else part for part in parts))
        p.add(where, failure.reason, f"`{field}`: {spec.field(field).doc}")


def _entries(
    p: Problems, root: Mapping[str, Any], key: str, example: str, spec: KindSpec,
    validate: Any,
) -> list[tuple[Path, dict[str, Any], bool | None]]:
    """(path, checked inputs but `adopt`, own adopt) of each valid entry under `key`."""
    out = []
    names: dict[str, Path] = {}
    required = tuple(f.name for f in spec.fields if f.required)
    allowed = spec.input_keys
    for i, raw in enumerate(items(p, root, key, ())):
        path: Path = (key, i)
        node = mapping(p, raw, path, example)
        if node is None:
            continue
        before = len(p)
        check_keys(p, node, path, allowed, required=required)
        values = {
            k: value for k in allowed
            if k != "adopt" and (value := given(p, node, k, path, required=k in required))
            is not None
        }
        own_adopt = boolean(p, node, "adopt", path)
        _report(p, path, spec, validate(values), values)
        name = values.get("name")
        if len(p) != before or not isinstance(name, str):
            continue
        if name in names:
            p.add((*path, "name"), f"{spec.label} {name!r} is declared twice",
                  f"rename or remove it; the first is at {render_path(names[name])}")
            continue
        names[name] = (*path, "name")
        out.append((path, values, own_adopt))
    return out


def parse_service_accounts(
    p: Problems, root: Mapping[str, Any], adopt: bool
) -> tuple[ServiceAccountSpec, ...]:
    return tuple(
        ServiceAccountSpec(
            name=values["name"], path=render_path(path), enabled=values.get("enabled"),
            secret_version=values.get("secret_version"),
            adopt=adopt if own is None else own,
        )
        for path, values, own in _entries(
            p, root, "service_accounts", _ACCOUNT_EXAMPLE, account_model.SPEC,
            account_model.validate,
        )
    )


def parse_roles(p: Problems, root: Mapping[str, Any], adopt: bool) -> tuple[RoleSpec, ...]:
    return tuple(
        RoleSpec(
            name=values["name"], description=values["description"],
            permission_sets=tuple(values["permission_sets"]), path=render_path(path),
            enabled=values.get("enabled"), adopt=adopt if own is None else own,
        )
        for path, values, own in _entries(
            p, root, "roles", _ROLE_EXAMPLE, role_model.SPEC, role_model.validate
        )
    )


def parse_policies(
    p: Problems, node: Mapping[str, Any], path: Path, scope_type: str
) -> tuple[PolicySpec, ...]:
    """A department's or project's `policies:`: workload type -> the policy body."""
    raw = given(p, node, "policies", path)
    if raw is None:
        return ()
    policies = mapping(p, raw, (*path, "policies"), _POLICY_EXAMPLE)
    if policies is None:
        return ()
    out = []
    for workload_type, body in policies.items():
        where: Path = (*path, "policies", workload_type)
        if workload_type not in WORKLOAD_TYPES:
            p.add(where, f"unknown workload type {workload_type!r}"
                         f"{did_you_mean(workload_type, WORKLOAD_TYPES)}",
                  f"use one of: {', '.join(WORKLOAD_TYPES)}")
            continue
        inputs = {"workload_type": workload_type, "scope_type": scope_type,
                  "scope_id": "<its id>", "policy": body}
        failures = policy_model.validate(inputs)
        for failure in failures:
            inner = failure.property.removeprefix("policy").lstrip(".")
            parts = inner.replace("[", ".").replace("]", "").split(".") if inner else []
            p.add((*where, *(int(x) if x.isdigit() else x for x in parts)), failure.reason,
                  f"write the policy in the API's shape: {policy_model.SPEC.field('policy').doc}")
        if not failures:
            out.append(PolicySpec(workload_type, policy_model.normalised(body),
                                  render_path(where)))
    return tuple(out)

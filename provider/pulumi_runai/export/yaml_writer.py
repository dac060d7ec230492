"""`--format yaml`: an org.yaml (docs/org-yaml.md) that `Organization.from_yaml` deploys as
adoptions only.

What org.yaml cannot say is left out and reported: service accounts, workload policies,
custom roles (the
rules granting them are written: the tenant has the role), access rules of subjects
other than declared users and groups, rules on the tenant or system scope. The file is read
back through the format's own parser before it is written, so a tenant the format refuses
(projects that ask for more than their department's quota, which Run:ai only recommends
against) is an error naming each problem instead of a file that fails at deploy time.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..organization import DescriptionError, parse_description
from .errors import ExportError
from .plan import (
    ACCESS_RULE,
    ROLE,
    SERVICE_ACCOUNT,
    WORKLOAD_POLICY,
    ExportPlan,
    LeftOut,
    Rendered,
    RulePlan,
)

__all__ = ["DUMPERS", "describe", "dump", "render_yaml"]

NO_SUBJECT_TYPE = "org.yaml names only users and groups; use --format python"
USER_NOT_EXPORTED = "its user is not in the file (SSO, or --no-users); use --format python"
NO_SCOPE_TYPE = "org.yaml has no tenant or system scope; use --format python"
NO_SERVICE_ACCOUNTS = "org.yaml has no service accounts; use --format python"
NO_ROLES = "org.yaml has no custom roles (its rules name them); use --format python"
NO_POLICIES = "org.yaml has no workload policies; use --format python"


class _Flow(dict[str, Any]):
    """A mapping written on one line (`{node_pool: a100, gpu: {deserved: 4}}`)."""


def _represent_flow(dumper: yaml.representer.SafeRepresenter, data: _Flow) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)


Dumper = type[yaml.representer.SafeRepresenter]


def _with_flow(base: Dumper) -> Dumper:
    """`base` writing the structure in block style and `_Flow` mappings on one line."""
    dumper: Dumper = type(f"Export{base.__name__}", (base,), {})
    dumper.add_representer(_Flow, _represent_flow)
    return dumper


# libyaml's emitter writes the same bytes about three times faster (0.5 s instead of 1.5 s
# for 5,000 objects); the pure-Python one is the fallback where PyYAML was built without it.
# tests/export/test_determinism.py checks that both write the same file.
DUMPERS: tuple[Dumper, ...] = tuple(
    _with_flow(base) for base in (getattr(yaml, "CSafeDumper", None), yaml.SafeDumper)
    if base is not None
)


def dump(document: dict[str, Any], dumper: Dumper = DUMPERS[0]) -> str:
    return yaml.dump(document, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)


def _entries(resources: tuple[dict[str, Any], ...]) -> list[_Flow]:
    return [_Flow(entry) for entry in resources]


def _unit(name: str, resources: tuple[dict[str, Any], ...], description: str | None,
          **extra: Any) -> dict[str, Any]:
    node: dict[str, Any] = {"name": name}
    if description:
        node["description"] = description
    node.update({key: value for key, value in extra.items() if value})
    if resources:
        node["resources"] = _entries(resources)
    return node


def _rule(rule: RulePlan) -> tuple[_Flow | None, str]:
    """The access entry, or None and why org.yaml cannot express it."""
    if rule.subject_type == "user":
        if not rule.subject_exported:
            return None, USER_NOT_EXPORTED
        subject = {"user": rule.subject}
    elif rule.subject_type == "group":
        subject = {"group": rule.subject}
    else:
        return None, NO_SUBJECT_TYPE
    if rule.scope_type not in ("project", "department", "cluster"):
        return None, NO_SCOPE_TYPE
    return _Flow({**subject, "role": rule.role, rule.scope_type: rule.scope}), ""


def describe(plan: ExportPlan) -> tuple[dict[str, Any], list[LeftOut]]:
    """The description as plain data, and the rules it cannot hold."""
    departments = []
    for dept in plan.departments:
        node = _unit(dept.name, dept.resources, dept.description)
        projects = [
            _unit(p.name, p.resources, p.description, requested_namespace=p.requested_namespace)
            for p in dept.projects
        ]
        if projects:
            node["projects"] = projects
        departments.append(node)
    left_out = [LeftOut(SERVICE_ACCOUNT, a.name, NO_SERVICE_ACCOUNTS)
                for a in plan.service_accounts]
    left_out += [LeftOut(ROLE, r.name, NO_ROLES) for r in plan.roles]
    left_out += [LeftOut(WORKLOAD_POLICY, p.description, NO_POLICIES) for p in plan.policies]
    access = []
    for rule in plan.rules:
        entry, reason = _rule(rule)
        if entry is None:
            left_out.append(LeftOut(ACCESS_RULE, rule.description, reason))
        else:
            access.append(entry)
    pools = [{"name": p.name, "label_key": p.label_key, "label_value": p.label_value}
             for p in plan.node_pools]
    document: dict[str, Any] = {"cluster": plan.cluster_name, "adopt": True}
    for key, value in (("node_pools", pools),
                       ("departments", departments),
                       ("users", [{"email": u.email} for u in plan.users]),
                       ("access", access)):
        if value:
            document[key] = value
    return document, left_out


def render_yaml(plan: ExportPlan, header: list[str]) -> Rendered:
    """The org.yaml text; ExportError when the format would refuse the tenant as it is."""
    document, left_out = describe(plan)
    _check(document, {r.role for r in plan.rules})
    written = {**plan.written_counts(), SERVICE_ACCOUNT: 0, ROLE: 0, WORKLOAD_POLICY: 0,
               ACCESS_RULE: len(document.get("access", []))}
    text = "".join(f"{line}\n" for line in header) + dump(document)
    return Rendered(text, written, tuple(left_out))


def _check(document: dict[str, Any], roles: set[str]) -> None:
    """Read the description back as `Organization.from_yaml` would; refuse what it refuses."""
    try:
        parse_description(document, "<export>", known_roles=roles)
    except DescriptionError as exc:
        problems = "; ".join(f"{p.path}: {p.message}" for p in exc.problems)
        raise ExportError(
            f"the tenant cannot be written as org.yaml ({problems}). Fix: export with "
            "--format python (which has no such rule), or change the tenant first"
        ) from None

"""`--format python`: a Pulumi program with the provider's resource classes, one block per
department, every object adopted (`adopt=True`).

It runs as it is from its own directory (`__main__.py` beside a Pulumi.yaml): the connection
comes from stack config or the RUNAI_* environment, the cluster is looked up by name, node
pools and roles are named and resolved by the provider. Unlike org.yaml it can name any
subject and scope, so it leaves out nothing the plan holds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from .naming import Names
from .plan import (
    ACCESS_RULE,
    DEPARTMENT,
    NODE_POOL,
    PROJECT,
    ROLE,
    SERVICE_ACCOUNT,
    USER,
    WORKLOAD_POLICY,
    ExportPlan,
    PolicyPlan,
    Rendered,
    RulePlan,
)

__all__ = ["render_python"]

INDENT = "    "


class Code(str):
    """An expression written as it is (a variable, `x.id`), not as a string literal."""

    __slots__ = ()


def literal(value: Any) -> str:
    """Python source for a plain value: strings double-quoted, dicts and lists inline."""
    if isinstance(value, Code):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool) or value is None or isinstance(value, int | float):
        return repr(value)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{literal(k)}: {literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as a literal")


def pretty(value: Any, depth: int) -> str:
    """Like `literal`, with mappings one key per line: policies nest deeply."""
    if isinstance(value, Mapping) and value:
        inner = INDENT * (depth + 1)
        lines = [f"{inner}{literal(k)}: {pretty(v, depth + 1)}," for k, v in value.items()]
        return "{\n" + "\n".join(lines) + f"\n{INDENT * depth}}}"
    return literal(value)


def _call(target: str | None, kind: str, logical: str, args: Mapping[str, Any]) -> list[str]:
    """`target = runai.Kind("logical", key=value, ...)`, one argument per line."""
    opening = f"{target} = runai.{kind}(" if target else f"runai.{kind}("
    lines = [opening, f"{INDENT}{literal(logical)},"]
    for key, value in args.items():
        if value is None:
            continue
        if isinstance(value, list | tuple) and value:
            lines.append(f"{INDENT}{key}=[")
            lines += [f"{INDENT * 2}{literal(item)}," for item in value]
            lines.append(f"{INDENT}],")
        elif isinstance(value, Mapping):
            lines.append(f"{INDENT}{key}={pretty(value, 1)},")
        else:
            lines.append(f"{INDENT}{key}={literal(value)},")
    return [*lines, ")"]


class _Writer:
    def __init__(self, plan: ExportPlan, names: Names) -> None:
        self.plan = plan
        self.names = names
        # the resource variable of each exported subject, by (subject type, subject id)
        self.subjects = {("user", u.email.lower()): names.variable(USER, u.id)
                         for u in plan.users}
        self.subjects |= {("service-account", a.client_id.lower()):
                          names.variable(SERVICE_ACCOUNT, a.id) for a in plan.service_accounts}
        self.roles = {r.name: names.variable(ROLE, r.id) for r in plan.roles}

    def scope_id(self, scope_type: str, scope_id: str | None) -> Any:
        """The scope's id as the program has it: a resource's `.id`, `cluster_id`, or as is."""
        if scope_type in ("project", "department") and scope_id is not None:
            kind = PROJECT if scope_type == "project" else DEPARTMENT
            return Code(f"{self.names.variable(kind, scope_id)}.id")
        if scope_type == "cluster" and scope_id == self.plan.cluster_id:
            return Code("cluster_id")
        return scope_id

    def policy(self, policy: PolicyPlan) -> list[str]:
        return _call(None, "WorkloadPolicy", self.names.of(WORKLOAD_POLICY, policy.id), {
            "workload_type": policy.workload_type,
            "scope_type": policy.scope_type,
            "scope_id": self.scope_id(policy.scope_type, policy.scope_id),
            "name": policy.name,
            "policy": policy.policy,
            "adopt": True,
        })

    def rule(self, rule: RulePlan) -> list[str]:
        scope_id = self.scope_id(rule.scope_type, rule.scope_id)
        cluster_id: Any = rule.cluster_id
        if cluster_id == self.plan.cluster_id:
            cluster_id = Code("cluster_id")
        # the rule names its subject and role, not their outputs: order it after them
        needs = [variable for variable in (
            self.subjects.get((rule.subject_type, rule.subject.lower())),
            self.roles.get(rule.role)) if variable is not None]
        opts = Code(f"pulumi.ResourceOptions(depends_on=[{', '.join(needs)}])") if needs else None
        return _call(None, "AccessRule", self.names.of(ACCESS_RULE, rule.id), {
            "subject_type": rule.subject_type,
            "subject_id": rule.subject,
            "role_name": rule.role,
            "scope_type": rule.scope_type,
            "scope_id": scope_id,
            "cluster_id": cluster_id,
            "adopt": True,
            "opts": opts,
        })

    def blocks(self) -> Iterator[tuple[str, list[list[str]]]]:
        """(title, statements) per block: node pools, custom roles, service accounts, users,
        each department (its projects, the rules and policies on them), then the rules and
        policies on wider scopes."""
        if self.plan.node_pools:
            yield "node pools", [
                _call(self.names.variable(NODE_POOL, p.id), "NodePool",
                      self.names.of(NODE_POOL, p.id),
                      {"name": p.name, "cluster_id": Code("cluster_id"),
                       "label_key": p.label_key, "label_value": p.label_value, "adopt": True})
                for p in self.plan.node_pools
            ]
        if self.plan.roles:
            yield "custom roles", [
                _call(self.names.variable(ROLE, r.id), "Role", self.names.of(ROLE, r.id),
                      {"name": r.name, "description": r.description,
                       "permission_sets": list(r.permission_sets), "enabled": r.enabled,
                       "adopt": True})
                for r in self.plan.roles
            ]
        if self.plan.service_accounts:
            yield "service accounts", [
                _call(self.names.variable(SERVICE_ACCOUNT, a.id), "ServiceAccount",
                      self.names.of(SERVICE_ACCOUNT, a.id),
                      {"name": a.name, "enabled": a.enabled, "adopt": True})
                for a in self.plan.service_accounts
            ]
        if self.plan.users:
            yield "users", [
                _call(self.names.variable(USER, u.id), "User", self.names.of(USER, u.id),
                      {"email": u.email, "adopt": True})
                for u in self.plan.users
            ]
        placed: set[str] = set()
        for dept in self.plan.departments:
            dept_var = self.names.variable(DEPARTMENT, dept.id)
            statements = [_call(dept_var, "Department", self.names.of(DEPARTMENT, dept.id), {
                "name": dept.name,
                "cluster_id": Code("cluster_id"),
                "description": dept.description,
                "resources": list(dept.resources),
                "adopt": True,
            })]
            scopes = {("department", dept.id)}
            for project in dept.projects:
                scopes.add(("project", project.id))
                statements.append(_call(
                    self.names.variable(PROJECT, project.id), "Project",
                    self.names.of(PROJECT, project.id), {
                        "name": project.name,
                        "cluster_id": Code("cluster_id"),
                        "department_id": Code(f"{dept_var}.id"),
                        "description": project.description,
                        "requested_namespace": project.requested_namespace,
                        "resources": list(project.resources),
                        "adopt": True,
                    }))
            for rule in self.plan.rules:
                if (rule.scope_type, rule.scope_id) in scopes:
                    statements.append(self.rule(rule))
                    placed.add(rule.id)
            for policy in self.plan.policies:
                if (policy.scope_type, policy.scope_id) in scopes:
                    statements.append(self.policy(policy))
                    placed.add(policy.id)
            yield f"department {dept.name}", statements
        wider = [self.rule(r) for r in self.plan.rules if r.id not in placed]
        wider += [self.policy(p) for p in self.plan.policies if p.id not in placed]
        if wider:
            yield "access and policies on the cluster and the tenant", wider


def render_python(plan: ExportPlan, names: Names, header: list[str]) -> Rendered:
    """The program's text (`__main__.py`)."""
    lines = [
        *header,
        f'"""The Run:ai organisation of cluster {plan.cluster_name!r}, exported by runai-export.',
        "",
        "Every object is adopted (adopt=True): the first `pulumi up` takes it over as it is and",
        "changes nothing. The connection comes from stack config (runai:url, runai:clientId,",
        "runai:clientSecret) or the RUNAI_URL / RUNAI_CLIENT_ID / RUNAI_CLIENT_SECRET environment.",
        '"""',
        "",
        "import pulumi",
        "",
        "import pulumi_runai as runai",
        "",
        f"cluster_id = runai.get_cluster({literal(plan.cluster_name)}).id",
    ]
    for title, statements in _Writer(plan, names).blocks():
        lines += ["", "", f"# ---- {title} " + "-" * max(4, 72 - len(title))]
        for statement in statements:
            lines += ["", *statement]
    return Rendered("\n".join(lines) + "\n", plan.written_counts())

"""Logical names: stable, readable, unique per kind, and Python variable names for them.

A logical name comes from the object's own name (a department's or project's name, a user's
email, an access rule's subject, role and scope), never from its id, so the same tenant gives
the same names on every export and two tenants built alike give alike files. When two objects
of one kind would get the same name, they are ordered by their full natural key and the later
ones get `-2`, `-3`, ... so the outcome does not depend on the order the API listed them in.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

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
    RulePlan,
)

__all__ = ["Names", "assign_names", "slug"]

T = TypeVar("T")
_NOT_NAME = re.compile(r"[^a-z0-9]+")
RESERVED_VARIABLES = frozenset({"pulumi", "runai", "cluster_id"})


def slug(text: str) -> str:
    """Lowercase letters and digits joined by `-`: 'L1 researcher' -> 'l1-researcher'."""
    return _NOT_NAME.sub("-", text.lower()).strip("-") or "x"


def policy_name(policy: PolicyPlan) -> str:
    """`<workload type>-<scope type>-<scope>`: unique, since a scope has one policy per type."""
    return "-".join((policy.workload_type, policy.scope_type, slug(policy.scope)))


def rule_name(rule: RulePlan) -> str:
    return "-".join(
        (slug(rule.subject), slug(rule.role), rule.scope_type, slug(rule.scope))
    )


def _first_free(base: str, used: set[str], separator: str) -> str:
    name, counter = base, 1
    while name in used:
        counter += 1
        name = f"{base}{separator}{counter}"
    used.add(name)
    return name


def _unique(
    items: Iterable[T], name_of: Callable[[T], str], natural_key_of: Callable[[T], str],
    id_of: Callable[[T], str],
) -> dict[str, str]:
    """Names by id; among colliding names the natural key (then the id) decides the order."""
    used: set[str] = set()
    ordered = sorted(items, key=lambda i: (name_of(i), natural_key_of(i), id_of(i)))
    return {id_of(item): _first_free(name_of(item), used, "-") for item in ordered}


@dataclass(frozen=True)
class Names:
    """Logical and variable names by (kind, Run:ai id)."""

    logical: dict[tuple[str, str], str]
    variables: dict[tuple[str, str], str]

    def of(self, kind: str, object_id: str) -> str:
        return self.logical[(kind, object_id)]

    def variable(self, kind: str, object_id: str) -> str:
        return self.variables[(kind, object_id)]


_VARIABLE_PREFIX = {NODE_POOL: "pool", DEPARTMENT: "dept", PROJECT: "proj", USER: "user",
                    SERVICE_ACCOUNT: "sa", ROLE: "role", ACCESS_RULE: "rule",
                    WORKLOAD_POLICY: "policy"}


def _variable(kind: str, logical: str) -> str:
    name = f"{_VARIABLE_PREFIX[kind]}_{slug(logical).replace('-', '_')}"
    return f"{name}_" if keyword.iskeyword(name) or name in RESERVED_VARIABLES else name


def assign_names(plan: ExportPlan) -> Names:
    """Every object of the plan named once; the same plan always gives the same names."""
    kinds: list[tuple[str, dict[str, str]]] = [
        (NODE_POOL, _unique(plan.node_pools, lambda p: p.name, lambda p: p.name, lambda p: p.id)),
        (SERVICE_ACCOUNT, _unique(plan.service_accounts, lambda a: a.name, lambda a: a.name,
                                  lambda a: a.id)),
        (ROLE, _unique(plan.roles, lambda r: r.name, lambda r: r.name, lambda r: r.id)),
        (DEPARTMENT, _unique(plan.departments, lambda d: d.name, lambda d: d.name,
                             lambda d: d.id)),
        (PROJECT, _unique(plan.projects, lambda p: p.name, lambda p: p.name, lambda p: p.id)),
        (USER, _unique(plan.users, lambda u: u.email, lambda u: u.email.lower(),
                       lambda u: u.id)),
        (ACCESS_RULE, _unique(plan.rules, rule_name, lambda r: r.description, lambda r: r.id)),
        (WORKLOAD_POLICY, _unique(plan.policies, policy_name, lambda p: p.description,
                                  lambda p: p.id)),
    ]
    logical = {(kind, object_id): name
               for kind, names in kinds for object_id, name in names.items()}
    taken: set[str] = set(RESERVED_VARIABLES)
    variables = {
        key: _first_free(_variable(key[0], logical[key]), taken, "_")
        for key in sorted(logical, key=lambda k: (k[0], logical[k]))
    }
    return Names(logical, variables)

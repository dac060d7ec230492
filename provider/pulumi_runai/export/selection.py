"""Selection: which of the tenant's objects the export writes, and why the others are left out.

Rules, in the order they apply:
* `--department NAME` (repeatable) keeps those departments, their projects and the access rules
  scoped to them; without it every department of the cluster is kept, and so are the rules
  scoped to the cluster itself or to the whole tenant.
* The cluster's `default` department is left out when it holds nothing (no project, no rule,
  no quota or description that differs from the defaults) unless it was asked for by name.
* Users: local users (SSO users belong to the identity provider and cannot be created through
  the API); with `--department`, only those the kept rules name; none with `--no-users`.
  Service accounts the same way (`--no-users` does not touch them).
* Node pools: every pool of the cluster but its default one, which comes with the cluster;
  none with `--department` (a pool serves the whole cluster; quotas still name pools).
* Custom roles: every one (read from the v2 roles API, which names their permission sets);
  with `--department`, only those the kept rules grant. Predefined roles and the cluster are
  never written.
* Workload policies follow their scope, as access rules do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..models import workload_policy as policy_model
from .errors import ExportError
from .plan import (
    ACCESS_RULE,
    CLUSTER,
    DEPARTMENT,
    NODE_POOL,
    PROJECT,
    ROLE,
    SERVICE_ACCOUNT,
    USER,
    WORKLOAD_POLICY,
    DepartmentPlan,
    ExportPlan,
    LeftOut,
    NodePoolPlan,
    PolicyPlan,
    ProjectPlan,
    RolePlan,
    RulePlan,
    ServiceAccountPlan,
    UserPlan,
)
from .quotas import declared_entries
from .tenant import ApiObject, TenantSnapshot

__all__ = ["DEFAULT_DEPARTMENT", "SelectionOptions", "select"]

DEFAULT_DEPARTMENT = "default"

NOT_SELECTED = "not selected (--department)"
DEFAULT_EMPTY = "the cluster's `default` department holds nothing"
OTHER_CLUSTER = "its scope is on another cluster"
SCOPE_NOT_SELECTED = "its scope was not selected (--department)"
SCOPE_UNKNOWN = "its scope no longer exists"
PARENT_UNKNOWN = "its department is not in the cluster's list"
ROLE_UNKNOWN = "its role no longer exists"
NO_USERS = "users not requested (--no-users)"
SSO_USER = "SSO user: the identity provider manages it, the API cannot create it"
UNNAMED_SUBJECT = "no selected access rule names it (--department)"
PREDEFINED_ROLE = "predefined role: exists in every tenant"
NO_PERMISSION_SETS = ("custom role: this control plane has no v2 roles API to name its "
                      "permission sets; declare it with runai.Role")
DEFAULT_POOL = "the cluster's default node pool comes with the cluster"
POOL_NOT_SELECTED = "serves the whole cluster: not selected (--department)"
CLUSTER_REASON = "clusters are installed, not created through the API"
UNKNOWN_POLICY_TYPE = "a workload type this version does not know"


@dataclass(frozen=True)
class SelectionOptions:
    departments: tuple[str, ...] = ()
    include_users: bool = True


def _text(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _sorted_by_name(objects: Iterable[ApiObject]) -> list[ApiObject]:
    return sorted(objects, key=lambda o: (str(o.get("name")), str(o.get("id"))))


def _project_parent(project: Mapping[str, Any]) -> str:
    return str(project.get("parentId") or (project.get("parent") or {}).get("id"))


class _Selector:
    def __init__(self, tenant: TenantSnapshot, options: SelectionOptions) -> None:
        self.tenant = tenant
        self.options = options
        self.left_out: list[LeftOut] = []
        self.cluster_departments = {str(d["id"]): d for d in tenant.departments}
        self.cluster_projects = {str(p["id"]): p for p in tenant.projects}
        self.role_names = {str(r.get("id")): str(r.get("name")) for r in tenant.roles}

    def leave_out(self, kind: str, name: str, reason: str) -> None:
        self.left_out.append(LeftOut(kind, name, reason))

    def run(self) -> ExportPlan:
        wanted = self._wanted_departments()
        filtered = wanted is not None
        departments = {dept_id: d for dept_id, d in self.cluster_departments.items()
                       if wanted is None or d.get("name") in wanted}
        for dept_id, dept in self.cluster_departments.items():
            if dept_id not in departments:
                self.leave_out(DEPARTMENT, str(dept.get("name")), NOT_SELECTED)
        projects = self._projects(departments)
        rules = self._rules(departments, projects, filtered=filtered)
        # only an empty `default` department is dropped here: no rule or project points at it
        plans = self._department_plans(departments, projects, rules, wanted)
        users = self._users(rules, filtered=filtered)
        accounts = self._service_accounts(rules, filtered=filtered)
        subjects = {("user", u.email.lower()) for u in users}
        subjects |= {("service-account", a.client_id.lower()) for a in accounts}
        final_rules = tuple(
            replace(r, subject_exported=(r.subject_type, r.subject.lower()) in subjects)
            for r in rules
        )
        node_pools = self._node_pools(filtered=filtered)
        roles = self._roles(rules, filtered=filtered)
        policies = self._policies(departments, projects, filtered)
        self.leave_out(CLUSTER, self.tenant.cluster_name, CLUSTER_REASON)
        return ExportPlan(
            cluster_name=self.tenant.cluster_name,
            cluster_id=self.tenant.cluster_id,
            departments=tuple(plans),
            users=tuple(users),
            rules=final_rules,
            left_out=tuple(self.left_out),
            node_pools=tuple(node_pools),
            service_accounts=tuple(accounts),
            roles=tuple(roles),
            policies=tuple(policies),
        )

    def _wanted_departments(self) -> set[str] | None:
        if not self.options.departments:
            return None
        known = {str(d.get("name")) for d in self.tenant.departments}
        unknown = [name for name in self.options.departments if name not in known]
        if unknown:
            raise ExportError(
                f"no department {', '.join(map(repr, unknown))} in cluster "
                f"{self.tenant.cluster_name!r}: pass --department with one of: "
                f"{', '.join(sorted(known)) or '(none)'}"
            )
        return set(self.options.departments)

    def _projects(self, departments: Mapping[str, ApiObject]) -> dict[str, ProjectPlan]:
        kept: dict[str, ProjectPlan] = {}
        for project in _sorted_by_name(self.tenant.projects):
            parent = _project_parent(project)
            if parent not in departments:
                reason = NOT_SELECTED if parent in self.cluster_departments else PARENT_UNKNOWN
                self.leave_out(PROJECT, str(project.get("name")), reason)
                continue
            kept[str(project["id"])] = ProjectPlan(
                id=str(project["id"]),
                name=str(project["name"]),
                department=str(departments[parent]["name"]),
                resources=declared_entries(project.get("resources")),
                description=_text(project.get("description")),
                requested_namespace=_text(project.get("requestedNamespace")),
            )
        return kept

    def _scope(
        self,
        rule: Mapping[str, Any],
        departments: Mapping[str, ApiObject],
        projects: Mapping[str, ProjectPlan],
        filtered: bool,
    ) -> tuple[str | None, str]:
        """(scope name, reason): the name when the rule's scope is kept, else why not."""
        scope_type, scope_id = str(rule.get("scopeType")), str(rule.get("scopeId"))
        if scope_type == "project":
            if scope_id in projects:
                return projects[scope_id].name, ""
            known = scope_id in self.cluster_projects
        elif scope_type == "department":
            if scope_id in departments:
                return str(departments[scope_id]["name"]), ""
            known = scope_id in self.cluster_departments
        elif scope_type == "cluster":
            if scope_id != self.tenant.cluster_id:
                return None, OTHER_CLUSTER
            return (None, SCOPE_NOT_SELECTED) if filtered else (self.tenant.cluster_name, "")
        else:  # tenant or system: the whole tenant
            name = str(rule.get("scopeName") or scope_type)
            return (None, SCOPE_NOT_SELECTED) if filtered else (name, "")
        if known:
            return None, SCOPE_NOT_SELECTED
        cluster = rule.get("clusterId")
        if cluster is not None and str(cluster) != self.tenant.cluster_id:
            return None, OTHER_CLUSTER
        return None, SCOPE_UNKNOWN

    def _policies(
        self,
        departments: Mapping[str, ApiObject],
        projects: Mapping[str, ProjectPlan],
        filtered: bool,
    ) -> list[PolicyPlan]:
        kept: list[PolicyPlan] = []
        for policy in self.tenant.workload_policies:
            meta = policy.get("meta") or {}
            scope_type = str(meta.get("scope"))
            scope_id = meta.get(policy_model.SCOPE_ID_FIELDS.get(scope_type, ""))
            scope_id = None if scope_id is None else str(scope_id)
            label = f"{meta.get('name') or policy.get('type')} on {scope_type} {scope_id or ''}"
            if "workloadType" not in policy:
                self.leave_out(WORKLOAD_POLICY, label.strip(), UNKNOWN_POLICY_TYPE)
                continue
            rule_like = {"scopeType": scope_type, "scopeId": scope_id,
                         "scopeName": scope_type, "clusterId": meta.get("clusterId")}
            scope, reason = self._scope(rule_like, departments, projects, filtered)
            if scope is None:
                self.leave_out(WORKLOAD_POLICY, label.strip(), reason)
                continue
            workload_type = str(policy["workloadType"])
            kept.append(PolicyPlan(
                id=policy_model.object_id(workload_type, scope_type, scope_id),
                workload_type=workload_type,
                scope_type=scope_type,
                scope=scope,
                scope_id=scope_id,
                policy=dict(policy.get("policy") or {}),
                name=_text(meta.get("name")),
            ))
        kept.sort(key=lambda p: (p.scope_type, p.scope, p.workload_type))
        return kept

    def _rules(
        self,
        departments: Mapping[str, ApiObject],
        projects: Mapping[str, ProjectPlan],
        filtered: bool,
    ) -> list[RulePlan]:
        kept: list[RulePlan] = []
        for rule in self.tenant.access_rules:
            subject = str(rule.get("subjectId"))
            role = _text(rule.get("roleName")) or self.role_names.get(str(rule.get("roleId")))
            scope, reason = self._scope(rule, departments, projects, filtered)
            label = (f"{subject} as {role or rule.get('roleId')} on "
                     f"{rule.get('scopeType')} {rule.get('scopeName') or rule.get('scopeId')}")
            if scope is None:
                self.leave_out(ACCESS_RULE, label, reason)
                continue
            if role is None:
                self.leave_out(ACCESS_RULE, label, ROLE_UNKNOWN)
                continue
            cluster_id = rule.get("clusterId")
            kept.append(RulePlan(
                id=str(rule["id"]),
                subject_type=str(rule.get("subjectType")),
                subject=subject,
                role=role,
                scope_type=str(rule.get("scopeType")),
                scope=scope,
                scope_id=str(rule.get("scopeId")),
                cluster_id=None if cluster_id is None else str(cluster_id),
            ))
        kept.sort(key=lambda r: (r.scope_type, r.scope, r.subject_type, r.subject.lower(),
                                 r.role))
        return kept

    def _department_plans(
        self,
        departments: Mapping[str, ApiObject],
        projects: Mapping[str, ProjectPlan],
        rules: list[RulePlan],
        wanted: set[str] | None,
    ) -> list[DepartmentPlan]:
        plans: list[DepartmentPlan] = []
        ruled = {r.scope_id for r in rules if r.scope_type == "department"}
        for dept in _sorted_by_name(departments.values()):
            dept_id, name = str(dept["id"]), str(dept["name"])
            own = tuple(p for p in projects.values() if p.department == name)
            plan = DepartmentPlan(
                id=dept_id,
                name=name,
                resources=declared_entries(dept.get("resources")),
                projects=own,
                description=_text(dept.get("description")),
            )
            holds_nothing = not (own or plan.resources or plan.description or dept_id in ruled)
            if name == DEFAULT_DEPARTMENT and holds_nothing and wanted is None:
                self.leave_out(DEPARTMENT, name, DEFAULT_EMPTY)
                continue
            plans.append(plan)
        return plans

    def _users(self, rules: list[RulePlan], filtered: bool) -> list[UserPlan]:
        named = {r.subject.lower() for r in rules if r.subject_type == "user"}
        kept: list[UserPlan] = []
        for user in sorted(self.tenant.users, key=lambda u: str(u.get("username")).lower()):
            email = str(user.get("username"))
            if not self.options.include_users:
                self.leave_out(USER, email, NO_USERS)
            elif user.get("isLocal") is False:
                self.leave_out(USER, email, SSO_USER)
            elif filtered and email.lower() not in named:
                self.leave_out(USER, email, UNNAMED_SUBJECT)
            else:
                kept.append(UserPlan(id=str(user["id"]), email=email))
        return kept

    def _service_accounts(self, rules: list[RulePlan], filtered: bool) -> list[ServiceAccountPlan]:
        named = {r.subject.lower() for r in rules if r.subject_type == "service-account"}
        kept: list[ServiceAccountPlan] = []
        for account in _sorted_by_name(self.tenant.service_accounts):
            name = str(account.get("name"))
            client_id = str(account.get("clientId") or name)
            if filtered and client_id.lower() not in named:
                self.leave_out(SERVICE_ACCOUNT, name, UNNAMED_SUBJECT)
                continue
            enabled = False if account.get("enabled") is False else None
            kept.append(ServiceAccountPlan(str(account["id"]), name, client_id, enabled))
        return kept

    def _node_pools(self, filtered: bool) -> list[NodePoolPlan]:
        kept: list[NodePoolPlan] = []
        for pool in _sorted_by_name(self.tenant.node_pools):
            name = str(pool.get("name"))
            if pool.get("isDefault"):
                self.leave_out(NODE_POOL, name, DEFAULT_POOL)
            elif filtered:
                self.leave_out(NODE_POOL, name, POOL_NOT_SELECTED)
            else:
                kept.append(NodePoolPlan(str(pool["id"]), name, str(pool.get("labelKey")),
                                         str(pool.get("labelValue"))))
        return kept

    def _roles(self, rules: list[RulePlan], filtered: bool) -> list[RolePlan]:
        granted = {r.role for r in rules}
        kept: list[RolePlan] = []
        for role in _sorted_by_name(self.tenant.roles):
            name = str(role.get("name"))
            if not role.get("custom"):
                self.leave_out(ROLE, name, PREDEFINED_ROLE)
            elif filtered and name not in granted:
                self.leave_out(ROLE, name, UNNAMED_SUBJECT)
            elif "permissionSets" not in role:
                self.leave_out(ROLE, name, NO_PERMISSION_SETS)
            else:
                sets = sorted(str(s.get("name")) for s in role.get("permissionSets") or [])
                enabled = False if role.get("enabled") is False else None
                kept.append(RolePlan(str(role["id"]), name, str(role.get("description") or ""),
                                     tuple(sets), enabled))
        return kept


def select(tenant: TenantSnapshot, options: SelectionOptions) -> ExportPlan:
    """The plan for `options`; ExportError names an unknown department and the known ones."""
    return _Selector(tenant, options).run()

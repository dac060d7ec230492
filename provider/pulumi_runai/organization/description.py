"""Parse and validate an organisation description (a dict or a YAML file) into an OrganizationSpec.

Pure Python, no Pulumi import: everything here runs before any resource is registered, so a
mistake never leaves a half-applied organisation. The format is documented in docs/org-yaml.md:

    cluster: local                 # or cluster_id: <uuid>; optional when the tenant has one cluster
    adopt: false                   # default for every object below (take over what exists)
    node_pools:                    # pools to create (NodePool inputs); quotas may name them
      - {name: h100, label_key: run.ai/type, label_value: h100}
    departments:
      - name: research             # DNS-1123 label, unique
        description: ...
        resources:                 # per node pool; gpu required, cpu (millicores) / memory optional
          - {node_pool: default, gpu: {deserved: 8, limit: -1, over_quota_weight: 2}}
        projects:
          - name: vision           # unique across the description (Run:ai: per cluster)
            requested_namespace: runai-vision
            resources: [...]       # per pool, the projects' deserved must fit the department's
            policies:              # workload type -> policy in the API's shape (any unit may)
              trainings: {rules: {compute: {gpuDevicesRequest: {max: 4}}}}
    users:
      - {email: ada@example.com, reset_password: false, notify: false}
    service_accounts:              # a new secret_version rotates the client secret
      - {name: ci-robot, secret_version: 1}
    roles:                         # custom roles from the tenant's permission sets
      - {name: Trainer, description: Runs training, permission_sets: [Workload management]}
    access:                        # `user`, `service_account` (declared) or `group`; one scope
      - {user: ada@example.com, role: L2 researcher, project: vision}
      - {service_account: ci-robot, role: Trainer, project: vision}
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path as FilePath
from typing import Any

import yaml

from ..models import department as department_model
from ..models import project as project_model
from ..models.kind import KindSpec
from ..models.validation import DNS1123_MAX, check_dns_label, check_email, email_key
from .governance import parse_policies, parse_roles, parse_service_accounts
from .node_pools import parse_node_pools
from .problems import DescriptionError, Problem, Problems, did_you_mean, render_path
from .quotas import check_projects_fit, parse_resources
from .reader import Path, boolean, check_keys, items, mapping, text
from .roles import STANDARD_ROLES
from .spec import (
    AccessSpec,
    DepartmentSpec,
    OrganizationSpec,
    ProjectSpec,
    ScopeType,
    SubjectType,
    UserSpec,
)

__all__ = ["load_description", "parse_description"]

TOP_KEYS = ("cluster", "cluster_id", "adopt", "node_pools", "departments", "users",
            "service_accounts", "roles", "access")
DEPARTMENT_KEYS = ("name", "description", "resources", "projects", "policies", "adopt")
PROJECT_KEYS = ("name", "description", "resources", "requested_namespace", "policies", "adopt")
USER_KEYS = ("email", "reset_password", "notify", "adopt")
ACCESS_KEYS = ("user", "group", "service_account", "role", "project", "department", "cluster",
               "adopt")
SUBJECTS: dict[str, SubjectType] = {
    "user": "user", "group": "group", "service_account": "service-account"}
"""The subject keys of an access rule and the subject type each stands for."""
SCOPES: tuple[ScopeType, ...] = ("project", "department", "cluster")

NAME_RULE = (
    f"use at most {DNS1123_MAX} lowercase letters, digits and '-', starting and ending with a "
    "letter or digit"
)


def _is_name(value: str) -> bool:
    """A DNS-1123 label, as the provider checks names and namespaces."""
    return not check_dns_label("name", value)


def _is_email(value: str) -> bool:
    """An address the users API accepts, as the provider checks it."""
    return not check_email("email", value)


class _Parser:
    """One pass over the raw description; cross-references are checked after everything is read."""

    def __init__(self, source: str, known_roles: Collection[str]) -> None:
        self.p = Problems(source)
        self.known_roles = known_roles
        # every well-formed project name, even under a broken department, so that one
        # mistake in a department does not also flag each access rule to its projects
        self.project_names: dict[str, Path] = {}
        self.accounts: set[str] = set()

    def parse(self, data: object) -> OrganizationSpec:
        root = mapping(self.p, data, (), "`departments: [...]`")
        if root is None:
            self.p.raise_if_any()
            raise AssertionError("unreachable")
        check_keys(self.p, root, (), TOP_KEYS)
        cluster = text(self.p, root, "cluster", ())
        cluster_id = text(self.p, root, "cluster_id", ())
        if cluster and cluster_id:
            self.p.add(
                ("cluster_id",),
                "both `cluster` and `cluster_id` are set",
                "keep one: the name (looked up) or the id",
            )
        adopt = bool(boolean(self.p, root, "adopt", ()))
        node_pools = parse_node_pools(self.p, root, adopt)
        departments = self._departments(root, adopt)
        self._unique_keys(departments, department_model.SPEC)
        self._unique_keys([p for d in departments for p in d.projects], project_model.SPEC)
        users = self._users(root, adopt)
        accounts = parse_service_accounts(self.p, root, adopt)
        roles = parse_roles(self.p, root, adopt)
        self.accounts = {a.name for a in accounts}
        self.known_roles = {*self.known_roles, *(r.name for r in roles)}
        access = self._access(
            root, adopt, departments, users, {c for c in (cluster, cluster_id) if c}
        )
        self.p.raise_if_any()
        return OrganizationSpec(
            self.p.source, departments, users, access, cluster, cluster_id, node_pools,
            accounts, roles,
        )

    def _name(self, node: Mapping[str, Any], path: Path) -> str | None:
        """A department's or project's name: required, a DNS-1123 label."""
        return text(
            self.p, node, "name", path, valid=_is_name, rule=NAME_RULE, what="name", required=True
        )

    def _unique(
        self, seen: dict[str, Path], key: str, path: Path, what: str, shown: str | None = None
    ) -> bool:
        """Record `key`, or report it as declared twice (naming it as `shown`, default the key)."""
        if key in seen:
            self.p.add(
                path,
                f"{what} {shown or key!r} is declared twice",
                f"rename or remove it; the first is at {render_path(seen[key])}",
            )
            return False
        seen[key] = path
        return True

    def _unique_keys(self, entries: Sequence[DepartmentSpec | ProjectSpec], kind: KindSpec) -> None:
        """Every unique key the kind declares holds across the description, as on the server
        (a project's namespace as much as its name). `cluster_id` is the description's, the
        same for all; an entry that leaves a key's field unset leaves it to Run:ai."""
        for key in kind.unique_keys:
            fields = tuple(name for name in key if name != "cluster_id")
            seen: dict[tuple[object, ...], str] = {}
            for entry in entries:
                values = tuple(getattr(entry, name) for name in fields)
                if None in values:
                    continue
                where = render_path((entry.path, fields[-1]))
                if values in seen:
                    shown = ", ".join(repr(v) for v in values)
                    self.p.add(
                        (entry.path, fields[-1]),
                        f"{kind.label} {' and '.join(fields)} {shown} is declared twice",
                        f"change it; the first is at {seen[values]}",
                    )
                else:
                    seen[values] = where

    def _departments(self, root: Mapping[str, Any], adopt: bool) -> tuple[DepartmentSpec, ...]:
        out: list[DepartmentSpec] = []
        names: dict[str, Path] = {}
        for i, raw in enumerate(items(self.p, root, "departments", ())):
            path: Path = ("departments", i)
            node = mapping(self.p, raw, path, "`{name: research, resources: [...]}`")
            if node is None:
                continue
            before = len(self.p)
            check_keys(self.p, node, path, DEPARTMENT_KEYS, required=("name",))
            name = self._name(node, path)
            resources = parse_resources(self.p, node, path)
            own_adopt = boolean(self.p, node, "adopt", path)
            projects = [
                project
                for j, raw_project in enumerate(items(self.p, node, "projects", path))
                if (
                    project := self._project(
                        raw_project, (*path, "projects", j), name or "", adopt, self.project_names
                    )
                )
            ]
            if name is None or not self._unique(names, name, (*path, "name"), "department"):
                continue
            dept = DepartmentSpec(
                name=name,
                resources=resources,
                projects=tuple(projects),
                path=render_path(path),
                description=text(self.p, node, "description", path),
                adopt=adopt if own_adopt is None else own_adopt,
                policies=parse_policies(self.p, node, path, "department"),
            )
            if len(self.p) == before:  # sums over half-read quotas would only add noise
                check_projects_fit(self.p, dept)
            out.append(dept)
        return tuple(out)

    def _project(
        self, raw: object, path: Path, department: str, adopt: bool, names: dict[str, Path]
    ) -> ProjectSpec | None:
        node = mapping(self.p, raw, path, "`{name: vision, resources: [...]}`")
        if node is None:
            return None
        check_keys(self.p, node, path, PROJECT_KEYS, required=("name",))
        name = self._name(node, path)
        resources = parse_resources(self.p, node, path)
        namespace = text(
            self.p,
            node,
            "requested_namespace",
            path,
            valid=_is_name,
            rule=NAME_RULE,
            what="namespace",
        )
        own_adopt = boolean(self.p, node, "adopt", path)
        description = text(self.p, node, "description", path)
        policies = parse_policies(self.p, node, path, "project")
        if name is None or not self._unique(names, name, (*path, "name"), "project"):
            return None
        return ProjectSpec(
            name=name,
            department=department,
            resources=resources,
            path=render_path(path),
            description=description,
            requested_namespace=namespace,
            adopt=adopt if own_adopt is None else own_adopt,
            policies=policies,
        )

    def _users(self, root: Mapping[str, Any], adopt: bool) -> tuple[UserSpec, ...]:
        out: list[UserSpec] = []
        emails: dict[str, Path] = {}
        for i, raw in enumerate(items(self.p, root, "users", ())):
            path: Path = ("users", i)
            node = mapping(self.p, raw, path, "`{email: ada@example.com}`")
            if node is None:
                continue
            check_keys(self.p, node, path, USER_KEYS, required=("email",))
            email = text(
                self.p,
                node,
                "email",
                path,
                valid=_is_email,
                rule="write a full address such as ada@example.com",
                required=True,
            )
            reset_password = boolean(self.p, node, "reset_password", path)
            notify = boolean(self.p, node, "notify", path)
            own_adopt = boolean(self.p, node, "adopt", path)
            if email is None or not self._unique(
                emails, email_key(email), (*path, "email"), "user", email
            ):
                continue
            own = adopt if own_adopt is None else own_adopt
            out.append(UserSpec(email, render_path(path), reset_password, notify, own))
        return tuple(out)

    def _access(
        self,
        root: Mapping[str, Any],
        adopt: bool,
        departments: tuple[DepartmentSpec, ...],
        users: tuple[UserSpec, ...],
        clusters: set[str],
    ) -> tuple[AccessSpec, ...]:
        known: dict[str, Collection[str]] = {
            "department": {d.name for d in departments},
            "project": set(self.project_names),
        }
        declared = {email_key(u.email): u.email for u in users}
        out: list[AccessSpec] = []
        keys: dict[str, Path] = {}
        for i, raw in enumerate(items(self.p, root, "access", ())):
            path: Path = ("access", i)
            node = mapping(
                self.p, raw, path, "`{user: ada@example.com, role: Viewer, project: vision}`"
            )
            if node is None:
                continue
            check_keys(self.p, node, path, ACCESS_KEYS, required=("role",))
            subject = self._subject(node, path, declared)
            role = self._role(node, path)
            scope = self._scope(node, path, known, clusters)
            own_adopt = boolean(self.p, node, "adopt", path)
            if subject is None or role is None or scope is None:
                continue
            rule = AccessSpec(
                subject_type=subject[0],
                subject=subject[1],
                role=role,
                scope_type=scope[0],
                scope=scope[1],
                path=render_path(path),
                adopt=adopt if own_adopt is None else own_adopt,
            )
            if self._unique(keys, rule.key, path, "access rule"):
                out.append(rule)
        return tuple(out)

    def _subject(
        self, node: Mapping[str, Any], path: Path, users: Mapping[str, str]
    ) -> tuple[SubjectType, str] | None:
        """`users` maps each declared address's `email_key` to the address as declared."""
        given = [k for k in SUBJECTS if k in node]
        if len(given) != 1:
            self.p.add(
                path,
                "an access rule needs exactly one of `user`, `service_account` or `group`",
                "add `user: <email declared under users>`, `service_account: <name declared "
                "under service_accounts>` or `group: <IdP group>`",
            )
            return None
        if given[0] == "group":
            group = text(self.p, node, "group", path, required=True)
            return ("group", group) if group else None
        if given[0] == "service_account":
            return self._account(node, path)
        email = text(self.p, node, "user", path, required=True)
        if email is None:
            return None
        declared = users.get(email_key(email))
        if declared is None:
            self.p.add(
                (*path, "user"),
                f"user {email!r} is not declared under `users`"
                f"{did_you_mean(email, users.values())}",
                f"add `- email: {email}` under users, or correct the address",
            )
            return None
        return "user", declared  # as declared, so one rule written in two cases is a duplicate

    def _account(
        self, node: Mapping[str, Any], path: Path
    ) -> tuple[SubjectType, str] | None:
        name = text(self.p, node, "service_account", path, required=True)
        if name is not None and name not in self.accounts:
            self.p.add(
                (*path, "service_account"),
                f"service account {name!r} is not declared under `service_accounts`"
                f"{did_you_mean(name, self.accounts)}",
                f"add `- name: {name}` under service_accounts, or correct the name",
            )
            return None
        return None if name is None else ("service-account", name)

    def _role(self, node: Mapping[str, Any], path: Path) -> str | None:
        role = text(self.p, node, "role", path, required=True)
        if role is not None and role not in self.known_roles:
            self.p.add(
                (*path, "role"),
                f"role {role!r} does not exist{did_you_mean(role, self.known_roles)}",
                f"use one of (case-sensitive): {', '.join(sorted(self.known_roles))}",
            )
            return None
        return role

    def _scope(
        self,
        node: Mapping[str, Any],
        path: Path,
        known: Mapping[str, Collection[str]],
        clusters: set[str],
    ) -> tuple[ScopeType, str] | None:
        given = [s for s in SCOPES if s in node]
        if len(given) != 1:
            self.p.add(
                path,
                "an access rule needs exactly one scope",
                "add one of `project: <name>`, `department: <name>` or `cluster: <name>`",
            )
            return None
        scope_type = given[0]
        name = text(self.p, node, scope_type, path, required=True)
        if name is None:
            return None
        names = clusters if scope_type == "cluster" else known[scope_type]
        if scope_type == "cluster" and not clusters:
            return scope_type, name  # the one cluster is looked up; nothing to compare with offline
        if name not in names:
            self.p.add(
                (*path, scope_type),
                f"{scope_type} {name!r} is not declared here{did_you_mean(name, names)}",
                f"use one of: {', '.join(sorted(names)) or '(none declared)'}",
            )
            return None
        return scope_type, name


def parse_description(
    data: object, source: str = "<description>", *, known_roles: Collection[str] | None = None
) -> OrganizationSpec:
    """Validate a description (already loaded, e.g. from YAML) and return its typed form.

    Raises DescriptionError listing every problem, each with `source`, the path in the
    description and the fix. `known_roles` defaults to the predefined Run:ai roles.
    """
    return _Parser(source, STANDARD_ROLES if known_roles is None else known_roles).parse(data)


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys, which plain YAML silently lets win last."""


def _no_duplicates(
    loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False
) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key {key!r} (the later one would silently win)",
                key_node.start_mark,
            )
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


def load_description(
    path: str | os.PathLike[str], *, known_roles: Collection[str] | None = None
) -> OrganizationSpec:
    """Read and validate a YAML description; errors name the file as given."""
    source = str(path)
    try:
        content = FilePath(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise DescriptionError(
            source,
            [
                Problem(
                    "",
                    f"cannot read the file ({exc.strerror})",
                    "check the path; it is relative to the program's directory",
                )
            ],
        ) from exc
    try:
        data = yaml.load(
            content, Loader=_StrictLoader
        )  # a SafeLoader subclass: no arbitrary objects
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DescriptionError(
            source, [Problem(where, f"not valid YAML: {problem}", "correct the YAML syntax there")]
        ) from exc
    if data is None:
        raise DescriptionError(
            source,
            [
                Problem(
                    "", "the file is empty", "describe at least one department, user or access rule"
                )
            ],
        )
    return parse_description(data, source, known_roles=known_roles)

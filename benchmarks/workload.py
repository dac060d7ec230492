"""The organisation the benchmark deploys: N resources in the proportions of a real tenant.

Why one plain description: the provider run (a Pulumi program over `pulumi_runai.resources`)
and the runapy baseline must create exactly the same objects, so both are built from it.
Proportions follow a platform team's tenant: few departments, many projects and users, and
about one access rule per two projects' worth of people.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pulumi
from pulumi_runai.models.quotas import NodePoolQuota
from pulumi_runai.resources import AccessRule, Department, Project, User

POOLS = ("default", "a100")
ROLE = "L1 researcher"
SHARES = {"department": 0.05, "project": 0.35, "user": 0.35}  # access rules: the rest


@dataclass(frozen=True)
class Quota:
    """GPUs deserved per node pool (the a100 pool only for every third project)."""

    default_gpu: int
    a100_gpu: int = 0

    def entries(self) -> list[NodePoolQuota]:
        """The quota list in the provider's input shape (snake_case, node pool by name)."""
        found: list[NodePoolQuota] = [
            {"node_pool": "default", "gpu": {"deserved": self.default_gpu}}
        ]
        if self.a100_gpu:
            found.append({"node_pool": "a100", "gpu": {"deserved": self.a100_gpu}})
        return found


@dataclass(frozen=True)
class DepartmentSpec:
    name: str
    quota: Quota


@dataclass(frozen=True)
class ProjectSpec:
    name: str
    department: str
    quota: Quota


@dataclass(frozen=True)
class UserSpec:
    email: str


@dataclass(frozen=True)
class RuleSpec:
    """`email` gets `ROLE` on project `project`."""

    email: str
    project: str


@dataclass(frozen=True)
class Workload:
    departments: tuple[DepartmentSpec, ...]
    projects: tuple[ProjectSpec, ...]
    users: tuple[UserSpec, ...]
    rules: tuple[RuleSpec, ...]

    @property
    def size(self) -> int:
        return len(self.departments) + len(self.projects) + len(self.users) + len(self.rules)

    def counts(self) -> dict[str, int]:
        return {
            "department": len(self.departments),
            "project": len(self.projects),
            "user": len(self.users),
            "access-rule": len(self.rules),
        }

    def with_quota_change(self, share: float = 0.1) -> tuple[Workload, int]:
        """Raise the GPU quota of projects making up `share` of all N resources.

        Returns the changed workload and how many resources changed; department quotas are
        large enough that no policy or server rule turns the change into a failure.
        """
        wanted = min(len(self.projects), max(1, round(self.size * share)))
        step = max(1, len(self.projects) // wanted) if self.projects else 1
        chosen = {p.name for p in self.projects[::step][:wanted]}
        projects = tuple(
            replace(p, quota=replace(p.quota, default_gpu=p.quota.default_gpu + 1))
            if p.name in chosen else p
            for p in self.projects
        )
        return replace(self, projects=projects), len(chosen)


def _share(n: int, kind: str) -> int:
    return int(n * SHARES[kind] + 0.5)


def build(n: int) -> Workload:
    """N resources: 5 % departments (at least one), 35 % projects, 35 % users, rest rules."""
    if n < 4:
        raise ValueError("a workload needs at least 4 resources (one of each kind)")
    n_dept = max(1, _share(n, "department"))
    n_proj = max(1, _share(n, "project"))
    n_user = max(1, _share(n, "user"))
    n_rule = max(1, n - n_dept - n_proj - n_user)
    n_user = n - n_dept - n_proj - n_rule
    projects = tuple(
        ProjectSpec(f"proj-{i:04d}", f"dept-{i % n_dept:03d}",
                    Quota(1 + i % 4, 1 if i % 3 == 0 else 0))
        for i in range(n_proj)
    )
    departments = tuple(
        DepartmentSpec(f"dept-{d:03d}", Quota(default_gpu=1000, a100_gpu=1000))
        for d in range(n_dept)
    )
    users = tuple(UserSpec(f"user{i:04d}@example.com") for i in range(n_user))
    rules = tuple(
        RuleSpec(users[i % n_user].email, projects[i % n_proj].name) for i in range(n_rule)
    )
    return Workload(departments, projects, users, rules)


def program(workload: Workload, cluster_id: str) -> Callable[[], None]:
    """A Pulumi program declaring `workload` (the cluster id is given, as most stacks do).

    Passing the cluster id avoids a lookup in the program itself: the benchmark measures the
    provider, and a no-op up must be able to make no Run:ai request at all.
    """

    def declare() -> None:
        depts = {
            d.name: Department(d.name, name=d.name, cluster_id=cluster_id,
                               resources=d.quota.entries())
            for d in workload.departments
        }
        projects = {
            p.name: Project(p.name, name=p.name, cluster_id=cluster_id,
                            department_id=depts[p.department].id, resources=p.quota.entries())
            for p in workload.projects
        }
        users = {u.email: User(u.email, email=u.email) for u in workload.users}
        for r in workload.rules:
            AccessRule(
                f"{r.email}-{r.project}",
                subject_type="user",
                subject_id=r.email,
                role_name=ROLE,
                scope_type="project",
                scope_id=projects[r.project].id,
                cluster_id=cluster_id,
                opts=pulumi.ResourceOptions(depends_on=[users[r.email]]),
            )

    return declare

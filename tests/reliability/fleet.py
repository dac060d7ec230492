"""Test support: a fleet of N Run:ai resources as a Pulumi program, and what the emulator must
hold for it (each desired object exactly once, nothing else created).

Shared by the soak and the crash tests. Names carry a prefix so that objects made by hand in a
test (or the seed) are never mistaken for the stack's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pulumi
import pulumi_runai as runai
from pulumi_runai.testing import Stack
from runai_emulator.testing import EmulatorProcess

PREFIX = "rel"
ROLES = ("L1 researcher", "L2 researcher", "Viewer")


@dataclass(frozen=True)
class Fleet:
    """`size` resources: departments, projects under them, users, access rules on projects."""

    cluster_id: str
    size: int
    gpus: int = 1  # deserved GPUs per project on node pool `default`
    adopt: bool = False

    @property
    def counts(self) -> dict[str, int]:
        departments = max(1, self.size // 20)
        projects = max(1, self.size // 4)
        users = max(1, (self.size - departments - projects) // 2)
        rules = self.size - departments - projects - users
        assert rules >= 0 and rules <= users * len(ROLES), "size too small or too large"
        return {"departments": departments, "projects": projects, "users": users,
                "access_rules": rules}

    def department_names(self) -> list[str]:
        return [f"{PREFIX}-dept-{i}" for i in range(self.counts["departments"])]

    def project_names(self) -> list[str]:
        return [f"{PREFIX}-proj-{i}" for i in range(self.counts["projects"])]

    def emails(self) -> list[str]:
        return [f"{PREFIX}-user-{i}@example.com" for i in range(self.counts["users"])]

    def grants(self) -> list[tuple[str, str, str]]:
        """(email, role name, project name) per access rule; unique by construction."""
        emails, projects = self.emails(), self.project_names()
        return [(emails[i % len(emails)], ROLES[i // len(emails)], projects[i % len(projects)])
                for i in range(self.counts["access_rules"])]

    def program(self) -> Callable[[], None]:
        """The Pulumi program declaring the fleet through the public API."""

        def declare() -> None:
            departments = self.department_names()
            per_department = -(-len(self.project_names()) // len(departments))
            depts = [
                runai.Department(name, name=name, cluster_id=self.cluster_id, adopt=self.adopt,
                                 resources=[_gpus(self.gpus * per_department)])
                for name in departments
            ]
            projects = {
                name: runai.Project(name, name=name, cluster_id=self.cluster_id,
                                    department_id=depts[i % len(depts)].id, adopt=self.adopt,
                                    resources=[_gpus(self.gpus)])
                for i, name in enumerate(self.project_names())
            }
            users = {email: runai.User(email.split("@")[0], email=email, adopt=self.adopt)
                     for email in self.emails()}
            for i, (email, role, project) in enumerate(self.grants()):
                runai.AccessRule(
                    f"{PREFIX}-rule-{i}", subject_type="user", subject_id=email, role_name=role,
                    scope_type="project", scope_id=projects[project].id,
                    cluster_id=self.cluster_id, adopt=self.adopt,
                    opts=pulumi.ResourceOptions(depends_on=[users[email]]),
                )

        return declare


def _gpus(deserved: int) -> dict[str, Any]:
    return {"node_pool": "default", "gpu": {"deserved": deserved, "limit": -1}}


def stack_on(emulator: EmulatorProcess, state_file: Path, **extra: Any) -> Stack:
    return Stack(state_file, project="reliability",
                 config={"runai:url": emulator.url, "runai:clientId": emulator.client_id},
                 secret_config={"runai:clientSecret": emulator.client_secret}, **extra)


def held(emulator: EmulatorProcess) -> dict[str, Counter[Any]]:
    """What the emulator holds that a fleet may have made, counted (duplicates show as 2+)."""
    state = emulator.state()
    roles = {r["id"]: r["name"] for r in state["roles"]}
    projects = {str(p["id"]): p["name"] for p in state["projects"]}
    return {
        "departments": Counter(d["name"] for d in state["departments"]
                               if d["name"].startswith(PREFIX)),
        "projects": Counter(p["name"] for p in state["projects"]
                            if p["name"].startswith(PREFIX)),
        "users": Counter(u["username"] for u in state["users"]
                         if u["username"].startswith(PREFIX)),
        "access_rules": Counter((r["subjectId"], roles[r["roleId"]],
                                 projects.get(str(r["scopeId"]), "?"))
                                for r in state["access_rules"]
                                if str(r["subjectId"]).startswith(PREFIX)),
    }


def expected(fleet: Fleet) -> dict[str, Counter[Any]]:
    return {
        "departments": Counter(fleet.department_names()),
        "projects": Counter(fleet.project_names()),
        "users": Counter(fleet.emails()),
        "access_rules": Counter(fleet.grants()),
    }


def duplicates(emulator: EmulatorProcess) -> dict[str, list[Any]]:
    """Objects held more than once, by kind (empty lists when all is well)."""
    return {kind: sorted(k for k, n in counts.items() if n > 1)
            for kind, counts in held(emulator).items()}


def project_gpus(emulator: EmulatorProcess) -> dict[str, float]:
    """Deserved GPUs on `default` per fleet project."""
    return {p["name"]: next(r["gpu"]["deserved"] for r in p["resources"]
                            if r["nodePool"]["name"] == "default")
            for p in emulator.state()["projects"] if p["name"].startswith(PREFIX)}


def state_ids(stack: Stack) -> dict[str, str]:
    """Resource name → id recorded in the stack's state file."""
    return {r.name: r.id for r in stack.state.resources() if r.custom}

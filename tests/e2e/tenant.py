"""What a user checks on the Run:ai side: the emulator's objects and its request log.

Assertions in the stories read from here, never from what the provider reports about itself.
"""

from __future__ import annotations

from typing import Any

import requests
from runai_emulator.testing import EmulatorProcess

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
TOKEN_PATHS = frozenset({"/api/v1/token", "/api/v2/token"})


class Tenant:
    """The emulator seen as a Run:ai tenant: named objects, quotas, calls received."""

    def __init__(self, emulator: EmulatorProcess) -> None:
        self.emulator = emulator
        self.cluster_id: str = emulator.state()["clusters"][0]["uuid"]

    # -- objects ---------------------------------------------------------------------
    def named(self, kind: str) -> dict[str, dict[str, Any]]:
        """Departments or projects by name, users by email (`username`)."""
        key = "username" if kind == "users" else "name"
        return {str(obj[key]): obj for obj in self.emulator.state()[kind]}

    def gpus(self, kind: str, name: str) -> dict[str, float]:
        """Deserved GPUs per node pool name of a department or project."""
        obj = self.named(kind)[name]
        return {r["nodePool"]["name"]: r["gpu"]["deserved"] for r in obj["resources"]}

    def rules(self) -> set[tuple[str, str, str, str]]:
        """Access rules as (email, role name, scope type, scope name)."""
        state = self.emulator.state()
        roles = {r["id"]: r["name"] for r in state["roles"]}
        scopes = {("department", d["id"]): d["name"] for d in state["departments"]}
        scopes |= {("project", p["id"]): p["name"] for p in state["projects"]}
        return {
            (r["subjectId"], roles[r["roleId"]], r["scopeType"],
             scopes.get((r["scopeType"], str(r["scopeId"])), f"<missing {r['scopeId']}>"))
            for r in state["access_rules"]
        }

    def rule_id(self, email: str) -> int:
        """The id of the one access rule whose subject is `email`."""
        (found,) = [r["id"] for r in self.emulator.state()["access_rules"]
                    if r["subjectId"] == email]
        return int(found)

    def inventory(self) -> dict[str, Any]:
        """Everything that is not the seed: what a stack may have created."""
        return {
            "departments": sorted(set(self.named("departments")) - {"default"}),
            "projects": sorted(self.named("projects")),
            "users": sorted(self.named("users")),
            "access_rules": sorted(self.rules()),
        }

    # -- request log -----------------------------------------------------------------
    def calls(self) -> list[str]:
        """Every API request since the log was cleared, as 'METHOD /path'."""
        return [f"{r['method']} {r['path']}" for r in self.emulator.requests()]

    def writes(self) -> list[str]:
        """The changes sent to the tenant (logging in is not a change)."""
        return [
            f"{r['method']} {r['path']}" for r in self.emulator.requests()
            if r["method"] in WRITE_METHODS and r["path"] not in TOKEN_PATHS
        ]

    def forget_calls(self) -> None:
        self.emulator.clear_requests()

    # -- someone clicking in the UI --------------------------------------------------
    def by_hand(self, method: str, path: str, body: Any = None) -> Any:
        """An out-of-band call with a token of our own, as an admin's script would make."""
        response = requests.request(
            method, self.emulator.url + path, json=body,
            headers={"Authorization": f"Bearer {self.emulator.token()}"}, timeout=10,
        )
        response.raise_for_status()
        return response.json() if response.content else None

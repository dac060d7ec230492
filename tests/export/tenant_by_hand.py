"""A tenant built by hand through the public API, as an admin clicking in the UI would.

Two departments with projects holding quotas on the node pools `default` and `a100` (weights,
limits, CPU and memory where a team set them; `a100` is not the cluster's default pool, so it
is exported too), local users, a service account, and access rules at project, department,
cluster and tenant scope, for users, a group, an application and the service account; a
training workload policy on a project; and, apart, a custom role granted to a group.
"""

from __future__ import annotations

from typing import Any, Protocol

import requests

TENANT_ID = "1001"  # the emulator's tenant (runai_emulator.config)


class ControlPlane(Protocol):
    """What building a tenant needs: the URL and a token (an `EmulatorProcess` has both)."""

    url: str

    def token(self) -> str: ...


class ByHand:
    """Authenticated calls against the emulator's public API."""

    def __init__(self, emulator: ControlPlane) -> None:
        self.url = emulator.url
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {emulator.token()}"
        self.cluster_id: str = self.get("/api/v1/clusters")[0]["uuid"]
        self.roles = {r["name"]: r["id"] for r in self.get("/api/v1/authorization/roles")}

    def get(self, path: str) -> Any:
        response = self.session.get(self.url + path, timeout=10)
        response.raise_for_status()
        return response.json()

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        response = self.session.post(self.url + path, json=body, timeout=10)
        assert response.status_code in (200, 201, 202), response.text
        result: dict[str, Any] = response.json()
        return result

    def department(self, name: str, resources: list[dict[str, Any]], **extra: Any) -> str:
        body = {"name": name, "clusterId": self.cluster_id, "resources": resources, **extra}
        return str(self.post("/api/v1/org-unit/departments", body)["id"])

    def project(self, name: str, parent: str, resources: list[dict[str, Any]],
                **extra: Any) -> str:
        body = {"name": name, "clusterId": self.cluster_id, "parentId": parent,
                "resources": resources, **extra}
        return str(self.post("/api/v1/org-unit/projects", body)["id"])

    def user(self, email: str) -> str:
        return str(self.post("/api/v1/users", {"email": email})["id"])

    def rule(self, subject_type: str, subject: str, role: str, scope_type: str,
             scope_id: str) -> str:
        return self.rule_by_id(subject_type, subject, self.roles[role], scope_type, scope_id)

    def rule_by_id(self, subject_type: str, subject: str, role_id: int, scope_type: str,
                   scope_id: str) -> str:
        body = {"subjectType": subject_type, "subjectId": subject, "roleId": role_id,
                "scopeType": scope_type, "scopeId": scope_id}
        return str(self.post("/api/v1/authorization/access-rules", body)["id"])


def pool(name: str, gpu: dict[str, Any], **other: Any) -> dict[str, Any]:
    return {"nodePool": {"name": name}, "gpu": gpu, **other}


def build(emulator: ControlPlane) -> dict[str, str]:
    """Populate the tenant; returns the ids by a short label (`dept:research`, ...)."""
    api = ByHand(emulator)
    ids: dict[str, str] = {}
    ids["dept:research"] = api.department("research", [
        pool("default", {"deserved": 8, "overQuotaWeight": 3}),
        pool("a100", {"deserved": 4, "limit": 8}),
    ], description="Model research.")
    ids["dept:platform"] = api.department("platform", [pool("default", {"deserved": 4},
                                                            rank="High")])
    ids["proj:vision"] = api.project("vision", ids["dept:research"], [
        pool("default", {"deserved": 4, "limit": 6}),
        pool("a100", {"deserved": 2.5}),
    ], description="Image models: ViT, CLIP — and 'the rest' # not a comment")
    ids["proj:language"] = api.project("language", ids["dept:research"], [
        pool("default", {"deserved": 2},
             memory={"deserved": 64, "limit": -1, "units": "GB"}),
    ], requestedNamespace="runai-lang")
    ids["proj:serving"] = api.project("serving", ids["dept:platform"], [
        pool("default", {"deserved": 2, "overQuotaWeight": 0},
             cpu={"deserved": 8000, "limit": 16000}),
    ])
    ids["proj:evaluation"] = api.project("evaluation", ids["dept:platform"], [
        pool("default", {"deserved": 1}),
        pool("a100", {"deserved": 0, "limit": 2}),
    ])
    for email in ("ada@example.com", "grace@example.com", "alan@example.com"):
        ids[f"user:{email}"] = api.user(email)
    ids["rule:ada"] = api.rule("user", "ada@example.com", "L2 researcher", "project",
                               ids["proj:vision"])
    ids["rule:grace"] = api.rule("user", "grace@example.com", "Department administrator",
                                 "department", ids["dept:research"])
    ids["rule:alan"] = api.rule("user", "alan@example.com", "L1 researcher", "project",
                                ids["proj:serving"])
    ids["rule:ml-admins"] = api.rule("group", "ml-admins", "Viewer", "cluster", api.cluster_id)
    ids["rule:auditors"] = api.rule("group", "auditors", "Viewer", "tenant", TENANT_ID)
    ids["rule:ci-bot"] = api.rule("app", "ci-bot", "ML engineer", "project",
                                  ids["proj:evaluation"])
    ids["sa:ci-runner"] = str(api.post("/api/v1/service-accounts", {"name": "ci-runner"})["id"])
    ids["rule:ci-runner"] = api.rule("service-account", "ci-runner", "Viewer", "project",
                                     ids["proj:vision"])
    response = api.session.put(f"{api.url}/api/v2/policy/trainings", timeout=10, json={
        "meta": {"name": "vision-gpu-cap", "scope": "project",
                 "projectId": int(ids["proj:vision"])},
        "policy": {"rules": {"compute": {"gpuDevicesRequest": {"max": 4}}}}})
    assert response.status_code == 200, response.text
    ids["policy:vision"] = f"trainings/project/{ids['proj:vision']}"
    ids["pool:a100"] = next(str(p["id"]) for p in api.get("/api/v1/node-pools")["nodepools"]
                            if p["name"] == "a100")  # the emulator's seed: made by hand elsewhere
    return ids


def add_custom_role(emulator: ControlPlane, ids: dict[str, str]) -> None:
    """A custom role made in the UI from two permission sets, granted to a group."""
    api = ByHand(emulator)
    sets = api.get("/api/v1/authorization/permission-sets")["permissionSets"][:2]
    ids["role:auditor"] = str(api.post("/api/v2/authorization/roles", {
        "name": "Auditor", "description": "Reads everything, for the yearly audit.",
        "permissionSets": [{"id": s["id"]} for s in sets]})["id"])
    ids["rule:auditor"] = api.rule_by_id("group", "external-auditors", int(ids["role:auditor"]),
                                        "department", ids["dept:platform"])

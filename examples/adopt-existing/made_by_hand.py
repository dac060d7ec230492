"""What an admin clicked together in the Run:ai UI before the team adopted Pulumi.

Run it once before the first deploy of this example, so that `pulumi up` (or
`scripts/deploy examples/adopt-existing`, which runs it for you) has objects to adopt:
department `legacy`, its project `legacy-batch`, the user `old-timer@example.com` and an
access rule making that user L2 researcher in the project. It speaks plain REST, as the UI
does, and makes only what is missing, so running it again changes nothing. The connection
comes from RUNAI_URL, RUNAI_CLIENT_ID and RUNAI_CLIENT_SECRET.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import requests

DEPARTMENT, PROJECT, USER, ROLE = "legacy", "legacy-batch", "old-timer@example.com", "L2 researcher"


class Tenant:
    """A logged-in REST session on the control plane."""

    def __init__(self, url: str, client_id: str, client_secret: str) -> None:
        self.url = url.rstrip("/")
        self.session = requests.Session()
        token = self.call("POST", "/api/v1/token", {
            "grantType": "client_credentials", "clientId": client_id,
            "clientSecret": client_secret})["accessToken"]
        self.session.headers["Authorization"] = f"Bearer {token}"

    def call(self, method: str, path: str, body: Any = None) -> Any:
        response = self.session.request(method, self.url + path, json=body, timeout=30)
        response.raise_for_status()
        return response.json() if response.content else None



def first(items: list[dict[str, Any]], key: str, value: str) -> dict[str, Any] | None:
    return next((item for item in items if item[key] == value), None)


def make_by_hand(tenant: Tenant) -> dict[str, str]:
    """Makes whatever of the four objects is missing; returns their ids by kind."""
    cluster = tenant.call("GET", "/api/v1/clusters")[0]["uuid"]
    pool = first(tenant.call("GET", "/api/v1/node-pools")["nodepools"], "name", "default")
    assert pool is not None, "the cluster has no node pool named default"
    pool_ref = {"id": str(pool["id"]), "name": "default"}
    dept = first(tenant.call("GET", "/api/v1/org-unit/departments")["departments"], "name",
                 DEPARTMENT) or tenant.call("POST", "/api/v1/org-unit/departments", {
                     "name": DEPARTMENT, "clusterId": cluster,
                     "resources": [{"nodePool": pool_ref, "gpu": {"deserved": 4, "limit": -1}}]})
    project = first(tenant.call("GET", "/api/v1/org-unit/projects")["projects"], "name",
                    PROJECT) or tenant.call("POST", "/api/v1/org-unit/projects", {
                        "name": PROJECT, "clusterId": cluster, "parentId": dept["id"],
                        "resources": [{"nodePool": pool_ref,
                                       "gpu": {"deserved": 2, "limit": -1}}]})
    user = first(tenant.call("GET", "/api/v1/users"), "username", USER) or tenant.call(
        "POST", "/api/v1/users", {"email": USER})
    role = first(tenant.call("GET", "/api/v1/authorization/roles"), "name", ROLE)
    assert role is not None, f"the tenant has no role named {ROLE}"
    wanted = {"subjectId": USER, "subjectType": "user", "roleId": role["id"],
              "scopeId": project["id"], "scopeType": "project", "clusterId": cluster}
    rules = tenant.call("GET", "/api/v1/authorization/access-rules")["accessRules"]
    rule = next((r for r in rules if all(str(r.get(k)) == str(v) for k, v in wanted.items()
                                         if k != "clusterId")), None) or tenant.call(
        "POST", "/api/v1/authorization/access-rules", wanted)
    return {"department": str(dept["id"]), "project": str(project["id"]),
            "user": str(user["id"]), "access_rule": str(rule["id"])}


def main() -> None:
    missing = [k for k in ("RUNAI_URL", "RUNAI_CLIENT_ID", "RUNAI_CLIENT_SECRET")
               if not os.environ.get(k)]
    if missing:
        sys.exit(f"made_by_hand.py: set {', '.join(missing)} (the tenant to click in)")
    try:
        made = make_by_hand(Tenant(os.environ["RUNAI_URL"], os.environ["RUNAI_CLIENT_ID"],
                                   os.environ["RUNAI_CLIENT_SECRET"]))
    except requests.RequestException as err:
        sys.exit(f"made_by_hand.py: {err}")
    print("by hand: " + ", ".join(f"{kind} {id_}" for kind, id_ in made.items()))


if __name__ == "__main__":
    main()

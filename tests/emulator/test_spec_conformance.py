"""Every implemented operation answers in the shape the vendored Run:ai spec declares."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from openapi_core import OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse
from runai_emulator.testing import EmulatorProcess

from .api import Api
from .spec_tools import IMPLEMENTED, subset


@pytest.fixture(scope="session")
def openapi(emulator_server: EmulatorProcess) -> OpenAPI:
    return OpenAPI.from_dict(subset(emulator_server.url))


class Recorder(Api):
    """An Api that keeps every response for validation afterwards."""

    def __init__(self, emulator: EmulatorProcess) -> None:
        super().__init__(emulator)
        self.seen: list[requests.Response] = []

    def call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        response = super().call(method, path, **kwargs)
        self.seen.append(response)
        return response


def _scenario(api: Recorder, emulator: EmulatorProcess) -> None:
    """Touch every implemented operation, successes and the usual failures."""
    api.post("/api/v1/token", {"grantType": "app_token", "AppId": emulator.client_id,
                               "AppSecret": emulator.client_secret})
    api.post("/api/v1/token", {"grantType": "client_credentials", "clientId": "x",
                               "clientSecret": "y"})
    api.call("POST", "/api/v2/token", data={"grant_type": "client_credentials",
                                            "client_id": emulator.client_id,
                                            "client_secret": emulator.client_secret})
    cluster = api.cluster_id()
    api.get(f"/api/v1/clusters/{cluster}")
    api.get("/api/v1/clusters/00000000-0000-0000-0000-000000000000")
    pools = api.get("/api/v1/node-pools").json()["nodepools"]
    api.get(f"/api/v1/node-pools/{pools[0]['id']}")
    made = api.post("/api/v1/node-pools", {"name": "conf-pool", "clusterId": cluster,
                                           "labelKey": "node-type", "labelValue": "l40"}).json()
    api.post("/api/v1/node-pools", {"name": "conf-pool", "clusterId": cluster,
                                    "labelKey": "node-type", "labelValue": "l40"})
    api.put(f"/api/v1/node-pools/{made['id']}", {"overProvisioningRatio": 2})
    api.patch(f"/api/v1/node-pools/{made['id']}", {"overProvisioningRatio": 9})
    api.delete(f"/api/v1/node-pools/{made['id']}")
    api.delete(f"/api/v1/node-pools/{pools[0]['id']}")  # the default pool: 400
    api.get("/api/v1/apps")
    api.get("/api/v1/org-unit/priorities")
    res = [{"nodePool": {"name": "a100"}, "gpu": {"deserved": 2, "limit": 4},
            "cpu": {"deserved": 1000, "limit": -1},
            "memory": {"deserved": 1024, "limit": -1, "units": "Mib"}}]
    dep = api.department("conf-dep", defaultNodePools=["a100"],
                         schedulingRules={"trainingJobTimeLimitSeconds": 60})
    api.post("/api/v1/org-unit/departments", {"name": "conf-dep", "clusterId": cluster,
                                              "resources": []})
    api.post("/api/v1/org-unit/departments", {"name": "Bad Name", "clusterId": cluster,
                                              "resources": []})
    api.get("/api/v1/org-unit/departments?limit=1&sortBy=name&sortOrder=desc")
    api.get("/api/v1/org-unit/departments?filterBy=bogus==1")
    dep_path = f"/api/v1/org-unit/departments/{dep['id']}"
    api.get(dep_path)
    api.put(dep_path, {"resources": res, "description": "d"})
    api.put(f"{dep_path}/resources", res)
    api.patch(f"{dep_path}/resources", [{"nodePool": {"name": "default"}, "gpu": {"deserved": 1}}])
    project = api.project("conf-proj", parent_id=dep["id"], requestedNamespace="conf-ns")
    api.project("conf-proj-default")
    api.get("/api/v1/org-unit/projects?filterBy=name=@conf&search=proj")
    proj_path = f"/api/v1/org-unit/projects/{project['id']}"
    api.get(proj_path)
    api.put(proj_path, {"resources": res, "enforceRunaiScheduler": False})
    api.put(f"{proj_path}/resources", res)
    api.patch(f"{proj_path}/resources", [{"nodePool": {"name": "a100"}, "gpu": {"deserved": 1}}])
    api.get("/api/v1/org-unit/projects/999999")
    user = api.post("/api/v1/users", {"email": "conf@example.com"}).json()
    api.post("/api/v1/users", {"email": "conf@example.com"})
    api.get("/api/v1/users")
    api.get(f"/api/v1/users/{user['id']}")
    roles = api.get("/api/v1/authorization/roles").json()
    api.get(f"/api/v1/authorization/roles/{roles[0]['id']}")
    api.get("/api/v1/authorization/roles/424242")
    rule = api.post("/api/v1/authorization/access-rules", {
        "subjectId": "conf@example.com", "subjectType": "user", "roleId": roles[0]["id"],
        "scopeType": "department", "scopeId": dep["id"]}).json()
    api.post("/api/v1/authorization/access-rules", {
        "subjectId": "conf@example.com", "subjectType": "user", "roleId": roles[0]["id"],
        "scopeType": "tenant", "scopeId": "1001"})
    api.post("/api/v1/authorization/access-rules", {"subjectType": "user"})
    api.get("/api/v1/authorization/access-rules?limit=1")
    api.get(f"/api/v1/authorization/access-rules/{rule['id']}")
    api.delete(f"/api/v1/authorization/access-rules/{rule['id']}")
    api.delete(f"/api/v1/authorization/access-rules/{rule['id']}")
    api.delete(f"/api/v1/users/{user['id']}")
    api.delete(dep_path)  # 409: projects remain
    api.delete(proj_path)
    api.delete(dep_path)


# Answers the spec does not declare but the emulator gives on purpose (docs/emulator.md).
EXTENSIONS = {("DELETE", "/api/v1/org-unit/departments/", 409),
              ("POST", "/api/v1/node-pools", 409)}


def _is_extension(response: requests.Response) -> bool:
    method, url = response.request.method or "", response.request.url or ""
    return any(method == m and p in url and response.status_code == s for m, p, s in EXTENSIONS)


def test_every_response_matches_the_spec(openapi: OpenAPI, emulator: EmulatorProcess) -> None:
    api = Recorder(emulator)
    _scenario(api, emulator)
    failures = []
    for response in api.seen:
        if _is_extension(response):
            continue
        try:
            openapi.validate_response(RequestsOpenAPIRequest(response.request),
                                      RequestsOpenAPIResponse(response))
        except Exception as err:
            detail = getattr(err, "__cause__", None) or err
            failures.append(f"{response.request.method} {response.request.path_url} "
                            f"{response.status_code}: "
                            f"{detail!r}\n  body: {response.text[:300]}")
    assert not failures, "\n".join(failures)
    covered = {(r.request.method or "").lower() for r in api.seen}
    assert covered == {"get", "post", "put", "patch", "delete"}
    assert len(IMPLEMENTED) == 36

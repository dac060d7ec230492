"""Control-plane versions (apiVersion switch), ranks, and the REST overview's first example."""

from __future__ import annotations

import http.client
import json
from urllib.parse import urlsplit

from runai_emulator.spec import OPENAPI_PATH
from runai_emulator.testing import EmulatorProcess

from .api import Api
from .conformance import assert_answers_conform, assert_matches_schema, component
from .test_spec_conformance import Recorder

V1_ROLES = "/api/v1/authorization/roles"
V2_ROLES = "/api/v2/authorization/roles"
REMOVED_IN_3 = (V1_ROLES, f"{V1_ROLES}/5", "/api/v1/apps", "/api/v1/org-unit/priorities")
RANK_NAMES = ["VeryLow", "Low", "MediumLow", "Medium", "MediumHigh", "High", "VeryHigh"]


def test_2_24_serves_v1_roles_apps_priorities_and_ranks(emulator: EmulatorProcess) -> None:
    api = Recorder(emulator)
    assert api.post("/api/v1/service-accounts", {"name": "ci-bot"}).status_code == 201
    assert [a["name"] for a in api.get("/api/v1/apps").json()] == ["ci-bot"]
    assert "L1 researcher" in {r["name"] for r in api.get(V1_ROLES).json()}
    assert api.get(f"{V1_ROLES}/5").json()["name"] == "L1 researcher"
    priorities = api.get("/api/v1/org-unit/priorities").json()["priorities"]
    ranks = api.get("/api/v1/org-unit/ranks").json()["ranks"]
    assert [r["name"] for r in ranks] == [p["name"] for p in priorities] == RANK_NAMES
    assert [r["name"] for r in ranks if r["isDefault"]] == ["MediumLow"]
    assert_answers_conform([r for r in api.seen if "/ranks" not in r.url], emulator.url)
    # ranks are not in the 2.24 file: they take the shape of the priorities they replace
    assert_matches_schema(ranks, {"type": "array", "items": component("Priority")})


def test_3_0_removes_v1_roles_apps_and_priorities(emulator: EmulatorProcess) -> None:
    emulator.set_switches(api_version="3.0")
    api = Api(emulator)
    for path in REMOVED_IN_3:
        answer = api.get(path)
        assert answer.status_code == 404, path
        assert "removed in control plane 3.0" in answer.json()["message"]
    assert "use /api/v2/authorization/roles" in api.get(V1_ROLES).json()["message"]
    v2 = api.get(V2_ROLES).json()
    assert "L1 researcher" in {r["name"] for r in v2["roles"]}
    assert [r["name"] for r in api.get("/api/v1/org-unit/ranks").json()["ranks"]] == RANK_NAMES
    # quota ranks are the same in both modes
    dep = api.department("ranked", resources=[{"nodePool": {"name": "default"}, "rank": "High"}])
    assert dep["resources"][0]["rank"] == "High"


def test_an_unknown_rank_is_refused_naming_the_entry(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    answer = api.post("/api/v1/org-unit/departments", {
        "name": "bad-rank", "clusterId": api.cluster_id(),
        "resources": [{"nodePool": {"name": "a100"}, "rank": "Urgent"}]})
    assert answer.status_code == 400
    assert answer.json()["message"] == (
        "resources[0].rank must be one of VeryLow, Low, MediumLow, Medium, MediumHigh, High, "
        "VeryHigh, got 'Urgent'")


def test_departments_list_honours_verbosity(emulator: EmulatorProcess) -> None:
    api = Recorder(emulator)
    brief = api.get("/api/v1/org-unit/departments").json()["departments"]
    verbose = api.get("/api/v1/org-unit/departments?verbosity=verbose").json()["departments"]
    assert "status" not in brief[0] and "quotaStatus" in verbose[0]["status"]
    assert {k for k in verbose[0] if k != "status"} == set(brief[0])
    bad = api.get("/api/v1/org-unit/departments?verbosity=loud")
    assert bad.status_code == 400 and "verbosity must be one of meta, brief, verbose" in bad.text
    assert_answers_conform(api.seen[:2], emulator.url)


def test_the_rest_overview_example_runs_as_written(emulator: EmulatorProcess) -> None:
    """docs.run.ai "Administrator REST API" overview: get a token for the client application,
    then list clusters with `GET /v1/k8s/clusters` (its http.client example, verbatim calls)."""
    url = urlsplit(emulator.url)
    conn = http.client.HTTPConnection(url.hostname or "", url.port)
    conn.request("POST", "/api/v1/token", body=json.dumps({
        "grantType": "client_credentials", "clientId": emulator.client_id,
        "clientSecret": emulator.client_secret}), headers={"content-type": "application/json"})
    token = json.loads(conn.getresponse().read())["accessToken"]
    headers = {"content-type": "application/json", "authorization": f"Bearer {token}"}
    conn.request("GET", "/v1/k8s/clusters", headers=headers)
    res = conn.getresponse()
    data = res.read()
    assert res.status == 200
    clusters = json.loads(data.decode("utf-8"))
    assert_matches_schema(clusters, {"type": "array", "items": component("DisplayedCluster")})
    assert [(c["name"], c["uuid"]) for c in clusters] == [(c["name"], c["uuid"]) for c in
                                                         Api(emulator).get("/api/v1/clusters").json()]
    conn.request("GET", "/v1/k8s/clusters")  # no token
    assert conn.getresponse().status == 401
    conn.close()


def test_api_docs_serve_the_document_the_emulator_follows(emulator: EmulatorProcess) -> None:
    api = Api(emulator)
    api.session.headers.pop("Authorization")
    docs = api.get("/api/docs")
    assert docs.status_code == 200 and docs.headers["content-type"] == "application/json"
    assert docs.content == OPENAPI_PATH.read_bytes()
    assert "/api/v1/node-pools/{nodepoolId}" in docs.json()["paths"]

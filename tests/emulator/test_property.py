"""Property: any department body is either created whole or refused with a 400 naming a field,
and a refused body changes nothing."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from runai_emulator.testing import EmulatorProcess

from .api import Api

FIELDS = ("name", "clusterId", "resources", "description", "defaultNodePools", "schedulingRules",
          "nodeTypes", "nodePool", "gpu", "cpu", "memory", "deserved", "limit", "units",
          "overQuotaWeight", "priority", "body", "trainingJobTimeLimitSeconds")

numbers = st.one_of(st.none(), st.integers(-3, 10), st.floats(-2, 10, allow_nan=False),
                    st.text(max_size=3), st.booleans())
quota = st.fixed_dictionaries({}, optional={"deserved": numbers, "limit": numbers,
                                            "overQuotaWeight": numbers,
                                            "units": st.sampled_from(["Mib", "GB", "KB", 1])})
entry = st.fixed_dictionaries({}, optional={
    "nodePool": st.one_of(st.none(), st.fixed_dictionaries({}, optional={
        "name": st.sampled_from(["default", "a100", "h100", ""]),
        "id": st.sampled_from(["1", "2", "99", 3])})),
    "gpu": st.one_of(st.none(), quota), "cpu": st.one_of(st.none(), quota),
    "memory": st.one_of(st.none(), quota), "priority": st.one_of(st.none(), st.integers())})
bodies = st.fixed_dictionaries({}, optional={
    "name": st.one_of(st.sampled_from(["ok-name", "Bad", "-x", "a" * 64, ""]), st.integers()),
    "clusterId": st.sampled_from(["CLUSTER", "nope", None]),
    "resources": st.one_of(st.lists(entry, max_size=3), st.none(), st.just({})),
    "description": st.one_of(st.text(max_size=5), st.integers()),
    "defaultNodePools": st.one_of(st.none(), st.lists(st.sampled_from(["default", "zz"]))),
    "schedulingRules": st.one_of(st.none(), st.fixed_dictionaries({}, optional={
        "trainingJobTimeLimitSeconds": st.integers(-1, 5)})),
})

_TOKEN: dict[str, str] = {}  # one token per emulator, fetched once for all examples


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=bodies)
def test_department_create_is_all_or_nothing(emulator: EmulatorProcess,
                                             body: dict[str, Any]) -> None:
    api = Api(emulator, _TOKEN.setdefault(emulator.url, emulator.token()))
    if body.get("clusterId") == "CLUSTER":
        body["clusterId"] = api.cluster_id()
    before = emulator.state()["departments"]
    response = api.post("/api/v1/org-unit/departments", body)
    after = emulator.state()["departments"]
    if response.status_code == 201:
        created = response.json()
        assert [d["id"] for d in after] == [*[d["id"] for d in before], created["id"]]
        assert all({"id", "name"} <= set(r["nodePool"]) for r in created["resources"])
        api.delete(f"/api/v1/org-unit/departments/{created['id']}")
    else:
        assert response.status_code in (400, 409), response.text
        message = response.json()["message"]
        assert any(field in message for field in FIELDS), message
        assert after == before


"""`node_pools:` in org.yaml: checked by the NodePool model's rules at their path, quotas name
declared pools or the cluster's, and the story against the emulator (preview of a new pool with
quotas on it, up, rename, typo, destroy)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pulumi_runai.organization import DescriptionError, Organization
from pulumi_runai.organization.description import parse_description
from pulumi_runai.organization.node_pools import POOL_KEYS, check_quota_pools
from pulumi_runai.testing import Stack
from runai_emulator.testing import EmulatorProcess

POOL = {"name": "h100", "label_key": "run.ai/type", "label_value": "h100"}


def description(pools: list[Any], quota_pool: str = "h100") -> dict[str, Any]:
    quota = [{"node_pool": quota_pool, "gpu": {"deserved": 2}}]
    return {
        "cluster_id": "c-1", "node_pools": pools,
        "departments": [{"name": "research", "resources": quota,
                         "projects": [{"name": "vision", "resources": quota}]}],
    }


def problems(pools: list[Any]) -> dict[str, str]:
    with pytest.raises(DescriptionError) as info:
        parse_description(description(pools), "org.yaml")
    return {p.path: f"{p.message}. Fix: {p.fix}" for p in info.value.problems}


def test_a_declared_pool_takes_the_node_pool_inputs() -> None:
    spec = parse_description(description([{**POOL, "placement_strategy": {"gpu": "spread"},
                                            "adopt": True}]))
    [pool] = spec.node_pools
    assert (pool.name, pool.path, pool.adopt) == ("h100", "node_pools[0]", True)
    assert pool.settings == {"label_key": "run.ai/type", "label_value": "h100",
                             "placement_strategy": {"gpu": "spread"}}


def test_bad_pool_values_are_reported_at_their_path_by_the_providers_rules() -> None:
    found = problems([
        {**POOL, "label_key": "Run.ai/type", "over_provisioning_ratio": 9,
         "placement_strategy": {"gpu": "pack"}, "colour": "red"},
        {"name": "h100", "label_value": "x", "gpu_network_acceleration_detection": None},
        {**POOL, "name": "H_100"},
    ])
    assert sorted(found) == [
        "node_pools[0].colour", "node_pools[0].label_key",
        "node_pools[0].over_provisioning_ratio", "node_pools[0].placement_strategy.gpu",
        "node_pools[1].gpu_network_acceleration_detection", "node_pools[1].label_key",
        "node_pools[2].name",
    ]
    assert "not a valid Kubernetes label key" in found["node_pools[0].label_key"]
    assert "from 1 to 5" in found["node_pools[0].over_provisioning_ratio"]
    assert "use one of spread, binpack" in found["node_pools[0].placement_strategy.gpu"]
    assert "got an empty value" in found["node_pools[1].gpu_network_acceleration_detection"]


def test_a_pool_declared_twice_is_reported_with_the_first() -> None:
    found = problems([POOL, POOL])
    assert "declared twice" in found["node_pools[1].name"]
    assert "node_pools[0].name" in found["node_pools[1].name"]


junk = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10) | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=6,
)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from([*POOL_KEYS, "cluster_id", "colour"]), junk, max_size=6)
       | junk)
def test_any_node_pools_entry_is_parsed_or_reported_never_a_crash(entry: Any) -> None:
    try:
        parse_description(description([entry]), "org.yaml")
    except DescriptionError as error:
        assert all(p.path.startswith(("node_pools", "departments")) for p in error.problems)


def test_a_quota_names_a_declared_pool_or_one_the_cluster_has() -> None:
    check_quota_pools(parse_description(description([POOL])), {"default"})
    check_quota_pools(parse_description(description([], "a100")), {"default", "a100"})
    check_quota_pools(parse_description(description([], "h10o")), None)  # tenant unreachable
    with pytest.raises(DescriptionError) as info:
        check_quota_pools(parse_description(description([POOL], "h10o")), {"default"})
    assert [p.path for p in info.value.problems] == [
        "departments[0].resources[0].node_pool",
        "departments[0].projects[0].resources[0].node_pool",
    ]
    assert "did you mean 'h100'" in info.value.problems[0].message


ORG_YAML = """
cluster_id: {cluster_id}
node_pools:
  - {{name: {pool}, label_key: run.ai/type, label_value: h100, placement_strategy: {{gpu: spread}}}}
departments:
  - name: research
    resources: [{{node_pool: {quota_pool}, gpu: {{deserved: 4}}}}]
    projects:
      - name: vision
        resources: [{{node_pool: {quota_pool}, gpu: {{deserved: 2}}}}]
"""


def test_org_yaml_with_a_new_pool_previews_deploys_renames_and_destroys(
    emulator: EmulatorProcess, tmp_path: Path
) -> None:
    cluster_id = emulator.state()["clusters"][0]["uuid"]
    org_yaml = tmp_path / "org.yaml"
    stack = Stack(
        tmp_path / "state.json", project="runai-org",
        config={"runai:url": emulator.url, "runai:clientId": emulator.client_id},
        secret_config={"runai:clientSecret": emulator.client_secret},
    )
    seed = emulator.state()

    def program() -> None:
        Organization.from_yaml(org_yaml, known_roles=())

    def write(pool: str, quota_pool: str | None = None) -> None:
        org_yaml.write_text(ORG_YAML.format(cluster_id=cluster_id, pool=pool,
                                            quota_pool=quota_pool or pool), "utf-8")

    # The pool does not exist yet: the preview passes, and nothing is written.
    write("h100")
    assert stack.preview(program).ops(include_same=False) == {
        "org": "create", "org-node-pool-h100": "create", "org-research": "create",
        "org-vision": "create"}
    # A quota on a pool neither declared nor in the cluster: an error at its path in the file.
    write("h100", quota_pool="h10o")
    with pytest.raises(DescriptionError) as typo:
        stack.preview(program)
    assert [p.path for p in typo.value.problems] == [
        "departments[0].resources[0].node_pool",
        "departments[0].projects[0].resources[0].node_pool"]
    assert "did you mean 'h100'" in typo.value.problems[0].message
    assert [r for r in emulator.requests() if r["method"] != "GET"
            and "token" not in r["path"]] == []

    # Up: the pool first, then the quotas on it.
    write("h100")
    emulator.clear_requests()
    stack.up(program)
    writes = [f"{r['method']} {r['path']}" for r in emulator.requests()
              if r["method"] == "POST" and "token" not in r["path"]]
    assert writes == ["POST /api/v1/node-pools", "POST /api/v1/org-unit/departments",
                      "POST /api/v1/org-unit/projects"]
    projects = {p["name"]: p for p in emulator.state()["projects"]}
    quotas = {r["nodePool"]["name"]: r["gpu"]["deserved"] for r in projects["vision"]["resources"]}
    assert quotas["h100"] == 2

    # Renamed in the file: a new pool, the quotas move to it, the old pool goes last.
    write("h200")
    stack.up(program)
    pools = sorted(p["name"] for p in emulator.state()["nodepools"])
    assert pools == ["a100", "default", "h200"]
    projects = {p["name"]: p for p in emulator.state()["projects"]}
    quotas = {r["nodePool"]["name"]: r["gpu"]["deserved"] for r in projects["vision"]["resources"]}
    assert quotas["h200"] == 2

    stack.destroy()
    assert emulator.state() == seed

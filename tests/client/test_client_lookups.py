"""Lookups for Pulumi programs: typed frozen results, errors that list what exists."""

from __future__ import annotations

import dataclasses

import pytest
from pulumi_runai import lookups
from pulumi_runai.client import get_client
from pulumi_runai.errors import ConfigError, NotFound
from pulumi_runai.services import Users
from pulumi_runai.settings import Settings
from runai_emulator.testing import EmulatorProcess


def test_lookups_from_the_environment(runai_env: EmulatorProcess, cluster_id: str) -> None:
    cluster = lookups.get_cluster()
    assert cluster == lookups.get_cluster("local")
    assert (cluster.id, cluster.name, cluster.state) == (cluster_id, "local", "Connected")
    with pytest.raises(dataclasses.FrozenInstanceError):
        cluster.name = "other"  # type: ignore[misc]

    pool = lookups.get_node_pool(cluster.id, "default")
    assert pool.is_default and pool.cluster_id == cluster.id

    role = lookups.get_role("L1 researcher")
    assert isinstance(role.id, int) and role.name == "L1 researcher"

    dep = lookups.get_department(cluster.id, "default")
    assert dep.name == "default" and dep.cluster_id == cluster.id


def test_project_and_user_lookups(runai_env: EmulatorProcess, settings: Settings) -> None:
    cluster = lookups.get_cluster()
    client = get_client(settings)
    from pulumi_runai.services import Departments, NodePools, Projects

    pool = NodePools(client).by_name(cluster.id, "default")
    dep = Departments(client).find({"clusterId": cluster.id, "name": "default"})
    assert dep is not None
    created = Projects(client).create(
        {
            "name": "looked-up",
            "clusterId": cluster.id,
            "parentId": dep["id"],
            "resources": [{"nodePool": {"id": pool["id"]}, "gpu": {"deserved": 1}}],
        }
    )
    Projects(client).wait_ready(created["id"], 10)
    project = lookups.get_project(cluster.id, "looked-up")
    assert (project.id, project.department_id, project.namespace, project.phase) == (
        str(created["id"]),
        str(dep["id"]),
        "runai-looked-up",
        "Ready",
    )
    user = Users(client).create({"email": "look@example.com"})
    assert lookups.get_user("look@example.com").id == user["id"]


def test_misses_list_what_exists(runai_env: EmulatorProcess) -> None:
    cluster = lookups.get_cluster()
    with pytest.raises(NotFound, match="known clusters: local"):
        lookups.get_cluster("prod")
    with pytest.raises(NotFound, match="known node pools: a100, default"):
        lookups.get_node_pool(cluster.id, "h100")
    with pytest.raises(NotFound, match="known departments: default"):
        lookups.get_department(cluster.id, "research")
    with pytest.raises(NotFound, match="known projects: none"):
        lookups.get_project(cluster.id, "ghost")
    with pytest.raises(NotFound, match=r"no user with email 'ghost@example\.com'"):
        lookups.get_user("ghost@example.com")
    with pytest.raises(NotFound, match="Research manager"):
        lookups.get_role("Research Boss")


def test_missing_configuration_names_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("RUNAI_URL", "RUNAI_CLIENT_ID", "RUNAI_CLIENT_SECRET"):
        monkeypatch.delenv(var, raising=False)
    with pytest.raises(ConfigError, match=r"runai:url.*RUNAI_URL"):
        lookups.get_cluster()

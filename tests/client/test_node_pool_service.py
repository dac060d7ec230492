"""The node-pool list is cached per process (quotas name pools by the dozen), yet a pool made or
deleted by this process is seen at once: a quota naming it in the same up is resolved against
the tenant as it is now, not as it was listed before."""

from __future__ import annotations

import pytest
from pulumi_runai.client import RunaiClient
from pulumi_runai.errors import NotFound
from pulumi_runai.lifecycle import Context
from pulumi_runai.lifecycle.node_pools import NODE_POOL
from pulumi_runai.services import Clusters, NodePools


def test_a_pool_made_or_deleted_here_is_resolved_at_once_from_the_cached_list(
    client: RunaiClient,
) -> None:
    cluster_id = str(Clusters(client).list()[0]["uuid"])
    pools = NodePools(client)
    assert {p["name"] for p in pools.list(cluster_id)} == {"default", "a100"}  # now cached

    made = pools.create({"name": "h100", "clusterId": cluster_id, "labelKey": "run.ai/type",
                         "labelValue": "h100"})
    assert pools.by_name(cluster_id, "h100", fresh_on_miss=False)["id"] == made["id"]

    NODE_POOL.remove(Context(make_client=lambda: client, wait_timeout=5), str(made["id"]))
    with pytest.raises(NotFound, match="known node pools: a100, default"):
        pools.by_name(cluster_id, "h100", fresh_on_miss=False)

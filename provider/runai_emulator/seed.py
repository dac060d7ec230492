"""The initial state: one cluster, its node pools, a `default` department and the roles."""

from __future__ import annotations

import copy
import uuid

from .backend import departments, node_pools
from .backend.clusters import CLUSTER, NODE_POOL
from .backend.common import ROLE, Ctx
from .backend.roles import seed_docs


def cluster_uuid(name: str) -> str:
    """Stable across resets and restarts, so tests may hold on to it."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"runai-emulator/cluster/{name}"))


def apply(ctx: Ctx) -> None:
    """Write the seed into an empty store (idempotent through the `seeded` marker)."""
    tx, cfg = ctx.tx, ctx.config
    if tx.meta("seeded"):
        return
    cid = cluster_uuid(cfg.cluster_name)
    tx.put(CLUSTER, cid, {
        "uuid": cid,
        "tenantId": cfg.tenant_id,
        "name": cfg.cluster_name,
        "createdAt": ctx.now_iso,
        "updatedAt": ctx.now_iso,
        "lastLiveness": ctx.now_iso,
        "domain": None,
        "version": "2.24.0",
        "status": {"state": "Connected", "conditions": []},
        "deletedAt": None,
        "deleteRequestedAt": None,
    })
    for index, name in enumerate(cfg.node_pools, start=1):
        ident = str(tx.next_id("nodepool", 1))
        tx.put(NODE_POOL, ident, {
            "id": ident,
            "name": name,
            "labelKey": "run.ai/node-pool",
            "labelValue": name,
            "clusterId": cid,
            "clusterName": cfg.cluster_name,
            "tenantId": cfg.tenant_id,
            "isDefault": name == "default" or (index == 1 and "default" not in cfg.node_pools),
            **copy.deepcopy(node_pools.DEFAULTS),
            "networkTopologyName": None,
            "createdBy": "system",
            "updatedBy": "system",
            "createdAt": ctx.now_iso,
            "updatedAt": ctx.now_iso,
            "deletedAt": None,
            "_settledPhase": "Ready",  # the seeded pools have nodes
        })
    for role in seed_docs(ctx.now_iso):
        tx.put(ROLE, str(role["id"]), role)
    system = Ctx(tx, cfg, actor="system", now=ctx.now, switches=ctx.switches)
    departments.create(system, {
        "name": "default",
        "clusterId": cid,
        "resources": [{"nodePool": {"name": name}} for name in cfg.node_pools],
    })
    tx.set_meta("seeded", "1")

"""Node pools: created and changed asynchronously (the phase reads `Creating` or `Updating`
until the cluster has applied them), deleted with 202 (`Deleting`, then gone).

Create, adopt and update wait until the pool has settled, so the `phase` output is the
pool's real state and a quota naming the pool is never sent while the pool is still being
made; delete waits until it is gone, so a replacement's new pool never meets the old one.
Every wait is bounded by the context's wait timeout (runai:waitTimeout, default 300 s).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from pulumi_runai.errors import WaitTimeout
from pulumi_runai.lifecycle._base import Context, KindModel, Lifecycle, changed_values
from pulumi_runai.models import node_pool as pool_model
from pulumi_runai.models.validation import Failure, contains_unknown
from pulumi_runai.services import NodePools

__all__ = ["NODE_POOL", "NodePoolLifecycle"]


class NodePoolLifecycle(Lifecycle):
    model: ClassVar[KindModel] = pool_model

    def check_names(
        self, ctx: Context, old_inputs: Mapping[str, Any], inputs: Mapping[str, Any]
    ) -> list[Failure]:
        """A changed cluster id must name a cluster of the tenant (one cached list)."""
        cluster_id = changed_values(old_inputs, inputs, "cluster_id")
        if cluster_id is None or contains_unknown(cluster_id):
            return []
        return ctx.names.check_cluster("cluster_id", str(cluster_id))

    def post(self, ctx: Context, inputs: dict[str, Any]) -> dict[str, Any]:
        created = NodePools(ctx.client).create(pool_model.to_create_body(inputs))
        return self._settled(ctx, created, made_here=True)

    def find(self, ctx: Context, inputs: Mapping[str, Any]) -> dict[str, Any] | None:
        key = {"clusterId": inputs["cluster_id"], "name": inputs["name"]}
        return NodePools(ctx.client).find(key)

    def get(self, ctx: Context, object_id: str) -> dict[str, Any]:
        return NodePools(ctx.client).get(object_id)

    def remove(self, ctx: Context, object_id: str) -> None:
        pools = NodePools(ctx.client)
        pools.delete(object_id)
        try:
            pools.wait_deleted(object_id, ctx.wait_timeout)
        finally:
            pools.forget(None)

    def outputs(
        self, api: Mapping[str, Any], inputs: Mapping[str, Any], old_outputs: Mapping[str, Any]
    ) -> dict[str, Any]:
        return pool_model.to_outputs(api, inputs)

    def put(
        self, ctx: Context, object_id: str, old_outputs: Mapping[str, Any],
        inputs: Mapping[str, Any],
    ) -> dict[str, Any]:
        """One PATCH of the managed settings, so nothing the program leaves unset is reset;
        a nested object sent is completed from the pool as read just before (see
        `needs_live_object`). Then wait until the pool has applied it."""
        pools = NodePools(ctx.client)
        live = None
        if pool_model.needs_live_object(inputs):
            live = pool_model.to_outputs(pools.get(object_id), inputs)
        changed = pools.patch(object_id, pool_model.to_patch_body(inputs, live))
        return self._settled(ctx, changed, made_here=False)

    def adopt(
        self, ctx: Context, existing: dict[str, Any], inputs: dict[str, Any]
    ) -> dict[str, Any]:
        """Bring the adopted pool to the program's settings with one PATCH (if they differ)."""
        live = pool_model.to_outputs(existing, inputs)
        if not pool_model.diff(live, inputs)[0]:
            return self._settled(ctx, existing, made_here=False)
        return self.put(ctx, str(existing["id"]), live, inputs)

    def _settled(self, ctx: Context, pool: dict[str, Any], *, made_here: bool) -> dict[str, Any]:
        if pool_model.is_settled(pool):
            return pool
        try:
            return NodePools(ctx.client).wait_settled(
                str(pool["id"]), ctx.wait_timeout, pool_model.is_settled
            )
        except WaitTimeout as exc:
            if not made_here:
                raise
            # A failed create leaves nothing in the Pulumi state: say how to pick it up again.
            raise WaitTimeout(
                f"{exc}. The node pool exists in Run:ai (id {pool['id']}): run the update "
                "again with adopt set (adopt=True, or `adopt: true` in org.yaml) to take it "
                "over, or delete it"
            ) from None


NODE_POOL = NodePoolLifecycle()

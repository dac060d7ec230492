"""`runai.NodePool`: a Run:ai node pool; create waits until it has settled (Ready or Empty).

Quota entries name their pool by name (`{"node_pool": pool.name, ...}`), which also orders the
pool before the department or project. Why `name` is unknown until the pool exists: a
department's or project's check resolves the pool names of its quotas against the tenant at
preview, so that a typo fails before anything changes; a pool this program is about to create
(or to replace under a new name) is not in the tenant yet. Its `name` output therefore waits
for the pool's id, which a preview does not know for a create or a replacement, and knows for
every other step: the quota's check skips the unknown name, and a literal name (a typo
included) is still resolved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import pulumi
from pulumi.dynamic import Resource

from pulumi_runai.lifecycle import Lifecycle
from pulumi_runai.lifecycle.node_pools import NODE_POOL
from pulumi_runai.models import node_pool as pool_model
from pulumi_runai.models.node_pool import GpuResourceOptimization, PlacementStrategy
from pulumi_runai.resources._provider_base import RunaiProvider, read_existing, resource_props


class NodePoolProvider(RunaiProvider):
    lifecycle: ClassVar[Lifecycle] = NODE_POOL


def _name_once_created(pool: NodePool) -> None:
    """`pool.name`, known only once the pool has an id (see the module docstring)."""
    pool.name = pulumi.Output.all(pool.id, pool.name).apply(lambda values: values[1])


class NodePool(Resource, module="runai", name="NodePool"):
    __doc__ = pool_model.SPEC.resource_doc()

    if TYPE_CHECKING:  # for editors and mypy; at run time the SDK would re-evaluate these
        # string annotations for every instance (~0.5 ms per resource)
        name: pulumi.Output[str]
        cluster_id: pulumi.Output[str]
        label_key: pulumi.Output[str]
        label_value: pulumi.Output[str]
        placement_strategy: pulumi.Output[dict[str, str | None] | None]
        over_provisioning_ratio: pulumi.Output[int | None]
        min_guaranteed_runtime: pulumi.Output[str | None]
        gpu_network_acceleration_label_key: pulumi.Output[str | None]
        gpu_network_acceleration_detection: pulumi.Output[str | None]
        gpu_resource_optimization: pulumi.Output[dict[str, object] | None]
        network_topology_id: pulumi.Output[str | None]
        adopt: pulumi.Output[bool]
        node_pool_id: pulumi.Output[str]
        phase: pulumi.Output[str | None]
        created_at: pulumi.Output[str | None]
        updated_at: pulumi.Output[str | None]
        created_by: pulumi.Output[str | None]

    def __init__(
        self,
        resource_name: str,
        *,
        name: pulumi.Input[str],
        cluster_id: pulumi.Input[str],
        label_key: pulumi.Input[str],
        label_value: pulumi.Input[str],
        placement_strategy: pulumi.Input[PlacementStrategy] | None = None,
        over_provisioning_ratio: pulumi.Input[int] | None = None,
        min_guaranteed_runtime: pulumi.Input[str] | None = None,
        gpu_network_acceleration_label_key: pulumi.Input[str] | None = None,
        gpu_network_acceleration_detection: pulumi.Input[str] | None = None,
        gpu_resource_optimization: pulumi.Input[GpuResourceOptimization] | None = None,
        network_topology_id: pulumi.Input[str] | None = None,
        adopt: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        inputs = {
            "name": name,
            "cluster_id": cluster_id,
            "label_key": label_key,
            "label_value": label_value,
            "placement_strategy": placement_strategy,
            "over_provisioning_ratio": over_provisioning_ratio,
            "min_guaranteed_runtime": min_guaranteed_runtime,
            "gpu_network_acceleration_label_key": gpu_network_acceleration_label_key,
            "gpu_network_acceleration_detection": gpu_network_acceleration_detection,
            "gpu_resource_optimization": gpu_resource_optimization,
            "network_topology_id": network_topology_id,
            "adopt": adopt,
        }
        super().__init__(
            NodePoolProvider(),
            resource_name,
            resource_props(inputs, pool_model.OUTPUT_KEYS),
            opts,
        )
        _name_once_created(self)

    @staticmethod
    def get(
        resource_name: str, id: pulumi.Input[str], opts: pulumi.ResourceOptions | None = None
    ) -> NodePool:
        """Read an existing node pool by id (it is not managed: destroy leaves it alone)."""
        return read_existing(
            NodePool, NodePoolProvider(), resource_name, id, pool_model.OUTPUT_KEYS, opts
        )

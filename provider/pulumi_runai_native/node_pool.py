# ruff: noqa
# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`; do not edit. ***
import builtins as _builtins
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union, overload

import pulumi
import pulumi.runtime

from . import _utilities, outputs
from ._inputs import *

__all__ = ['NodePoolArgs', 'NodePool']


@pulumi.input_type
class NodePoolArgs:
    def __init__(__self__, *,
                 cluster_id: pulumi.Input[str],
                 label_key: pulumi.Input[str],
                 label_value: pulumi.Input[str],
                 name: pulumi.Input[str],
                 adopt: Optional[pulumi.Input[bool]] = None,
                 gpu_network_acceleration_detection: Optional[pulumi.Input[str]] = None,
                 gpu_network_acceleration_label_key: Optional[pulumi.Input[str]] = None,
                 gpu_resource_optimization: Optional[pulumi.Input[Union['GpuResourceOptimizationArgs', 'GpuResourceOptimizationArgsDict']]] = None,
                 min_guaranteed_runtime: Optional[pulumi.Input[str]] = None,
                 network_topology_id: Optional[pulumi.Input[str]] = None,
                 over_provisioning_ratio: Optional[pulumi.Input[int]] = None,
                 placement_strategy: Optional[pulumi.Input[Union['PlacementStrategyArgs', 'PlacementStrategyArgsDict']]] = None):
        """
        The arguments for constructing a NodePool resource.
        """
        pulumi.set(__self__, "cluster_id", cluster_id)
        pulumi.set(__self__, "label_key", label_key)
        pulumi.set(__self__, "label_value", label_value)
        pulumi.set(__self__, "name", name)
        if adopt is not None:
            pulumi.set(__self__, "adopt", adopt)
        if gpu_network_acceleration_detection is not None:
            pulumi.set(__self__, "gpu_network_acceleration_detection", gpu_network_acceleration_detection)
        if gpu_network_acceleration_label_key is not None:
            pulumi.set(__self__, "gpu_network_acceleration_label_key", gpu_network_acceleration_label_key)
        if gpu_resource_optimization is not None:
            pulumi.set(__self__, "gpu_resource_optimization", gpu_resource_optimization)
        if min_guaranteed_runtime is not None:
            pulumi.set(__self__, "min_guaranteed_runtime", min_guaranteed_runtime)
        if network_topology_id is not None:
            pulumi.set(__self__, "network_topology_id", network_topology_id)
        if over_provisioning_ratio is not None:
            pulumi.set(__self__, "over_provisioning_ratio", over_provisioning_ratio)
        if placement_strategy is not None:
            pulumi.set(__self__, "placement_strategy", placement_strategy)

    @_builtins.property
    @pulumi.getter(name="clusterId")
    def cluster_id(self) -> pulumi.Input[str]:
        """
        The cluster's uuid (`runai.get_cluster()`).
        """
        return pulumi.get(self, "cluster_id")

    @cluster_id.setter
    def cluster_id(self, value: pulumi.Input[str]) -> None:
        pulumi.set(self, "cluster_id", value)

    @_builtins.property
    @pulumi.getter(name="labelKey")
    def label_key(self) -> pulumi.Input[str]:
        """
        The Kubernetes node label key whose value selects the pool's nodes (`[prefix/]name`, e.g. `run.ai/type`).
        """
        return pulumi.get(self, "label_key")

    @label_key.setter
    def label_key(self, value: pulumi.Input[str]) -> None:
        pulumi.set(self, "label_key", value)

    @_builtins.property
    @pulumi.getter(name="labelValue")
    def label_value(self) -> pulumi.Input[str]:
        """
        The node label value of the pool's nodes (e.g. `a100`).
        """
        return pulumi.get(self, "label_value")

    @label_value.setter
    def label_value(self, value: pulumi.Input[str]) -> None:
        pulumi.set(self, "label_value", value)

    @_builtins.property
    @pulumi.getter
    def name(self) -> pulumi.Input[str]:
        """
        The pool's name, unique in its cluster (DNS-1123: lowercase letters, digits and '-', at most 63 characters). Quota entries name the pool by it (`pool.name`).
        """
        return pulumi.get(self, "name")

    @name.setter
    def name(self, value: pulumi.Input[str]) -> None:
        pulumi.set(self, "name", value)

    @_builtins.property
    @pulumi.getter
    def adopt(self) -> Optional[pulumi.Input[bool]]:
        """
        Take over an existing object with the same natural key instead of failing with a conflict; the object is then updated to match the program. Default false.
        """
        return pulumi.get(self, "adopt")

    @adopt.setter
    def adopt(self, value: Optional[pulumi.Input[bool]]) -> None:
        pulumi.set(self, "adopt", value)

    @_builtins.property
    @pulumi.getter(name="gpuNetworkAccelerationDetection")
    def gpu_network_acceleration_detection(self) -> Optional[pulumi.Input[str]]:
        """
        GPU network acceleration detection: `Use`, `DontUse` or `Auto` (Run:ai's default).
        """
        return pulumi.get(self, "gpu_network_acceleration_detection")

    @gpu_network_acceleration_detection.setter
    def gpu_network_acceleration_detection(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "gpu_network_acceleration_detection", value)

    @_builtins.property
    @pulumi.getter(name="gpuNetworkAccelerationLabelKey")
    def gpu_network_acceleration_label_key(self) -> Optional[pulumi.Input[str]]:
        """
        The node label key by which nodes with GPU network acceleration are detected.
        """
        return pulumi.get(self, "gpu_network_acceleration_label_key")

    @gpu_network_acceleration_label_key.setter
    def gpu_network_acceleration_label_key(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "gpu_network_acceleration_label_key", value)

    @_builtins.property
    @pulumi.getter(name="gpuResourceOptimization")
    def gpu_resource_optimization(self) -> Optional[pulumi.Input['GpuResourceOptimizationArgs']]:
        """
        `{swap_enabled, cpu_swap_memory_size, reserved_gpu_memory_for_swap_operations, node_level_scheduler_enabled}` (sizes as Kubernetes quantities, e.g. `100G`); each key optional.
        """
        return pulumi.get(self, "gpu_resource_optimization")

    @gpu_resource_optimization.setter
    def gpu_resource_optimization(self, value: Optional[pulumi.Input['GpuResourceOptimizationArgs']]) -> None:
        pulumi.set(self, "gpu_resource_optimization", value)

    @_builtins.property
    @pulumi.getter(name="minGuaranteedRuntime")
    def min_guaranteed_runtime(self) -> Optional[pulumi.Input[str]]:
        """
        How long a preemptible workload runs before it may be preempted, e.g. `5d8h40m` (units ns, us, ms, s, m, h, d, w; `0` allows immediate preemption).
        """
        return pulumi.get(self, "min_guaranteed_runtime")

    @min_guaranteed_runtime.setter
    def min_guaranteed_runtime(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "min_guaranteed_runtime", value)

    @_builtins.property
    @pulumi.getter(name="networkTopologyId")
    def network_topology_id(self) -> Optional[pulumi.Input[str]]:
        """
        The uuid of the network topology the pool uses.
        """
        return pulumi.get(self, "network_topology_id")

    @network_topology_id.setter
    def network_topology_id(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "network_topology_id", value)

    @_builtins.property
    @pulumi.getter(name="overProvisioningRatio")
    def over_provisioning_ratio(self) -> Optional[pulumi.Input[int]]:
        """
        A whole number from 1 to 5 (deprecated by Run:ai in 2.24 in favour of `gpu_resource_optimization.node_level_scheduler_enabled`, still writable).
        """
        return pulumi.get(self, "over_provisioning_ratio")

    @over_provisioning_ratio.setter
    def over_provisioning_ratio(self, value: Optional[pulumi.Input[int]]) -> None:
        pulumi.set(self, "over_provisioning_ratio", value)

    @_builtins.property
    @pulumi.getter(name="placementStrategy")
    def placement_strategy(self) -> Optional[pulumi.Input['PlacementStrategyArgs']]:
        """
        Scheduling strategy per resource: `{cpu: spread|binpack, gpu: spread|binpack}` (either key optional; Run:ai's default is binpack).
        """
        return pulumi.get(self, "placement_strategy")

    @placement_strategy.setter
    def placement_strategy(self, value: Optional[pulumi.Input['PlacementStrategyArgs']]) -> None:
        pulumi.set(self, "placement_strategy", value)



@pulumi.type_token("runai:index:NodePool")
class NodePool(pulumi.CustomResource):
    """
    A Run:ai node pool: the nodes of a cluster that carry one label, with their own scheduling settings; quotas of departments and projects are given per pool. Create waits until the pool has settled (Ready or Empty); delete waits until it is gone. Source: /api/v1/node-pools.
    """

    @overload
    def __init__(__self__, resource_name: str,
                 opts: Optional[pulumi.ResourceOptions] = None,
                 cluster_id: Optional[pulumi.Input[str]] = None,
                 label_key: Optional[pulumi.Input[str]] = None,
                 label_value: Optional[pulumi.Input[str]] = None,
                 name: Optional[pulumi.Input[str]] = None,
                 adopt: Optional[pulumi.Input[bool]] = None,
                 gpu_network_acceleration_detection: Optional[pulumi.Input[str]] = None,
                 gpu_network_acceleration_label_key: Optional[pulumi.Input[str]] = None,
                 gpu_resource_optimization: Optional[pulumi.Input[Union['GpuResourceOptimizationArgs', 'GpuResourceOptimizationArgsDict']]] = None,
                 min_guaranteed_runtime: Optional[pulumi.Input[str]] = None,
                 network_topology_id: Optional[pulumi.Input[str]] = None,
                 over_provisioning_ratio: Optional[pulumi.Input[int]] = None,
                 placement_strategy: Optional[pulumi.Input[Union['PlacementStrategyArgs', 'PlacementStrategyArgsDict']]] = None,
                 __props__=None):
        ...

    @overload
    def __init__(__self__, resource_name: str, args: NodePoolArgs,
                 opts: Optional[pulumi.ResourceOptions] = None):
        ...

    def __init__(__self__, resource_name: str, *args, **kwargs):
        resource_args, opts = _utilities.get_resource_args_opts(
            NodePoolArgs, pulumi.ResourceOptions, *args, **kwargs)
        if resource_args is not None:
            __self__._internal_init(resource_name, opts, **resource_args.__dict__)
        else:
            __self__._internal_init(resource_name, *args, **kwargs)

    def _internal_init(__self__, resource_name: str,
                 opts: Optional[pulumi.ResourceOptions] = None,
                 cluster_id: Optional[pulumi.Input[str]] = None,
                 label_key: Optional[pulumi.Input[str]] = None,
                 label_value: Optional[pulumi.Input[str]] = None,
                 name: Optional[pulumi.Input[str]] = None,
                 adopt: Optional[pulumi.Input[bool]] = None,
                 gpu_network_acceleration_detection: Optional[pulumi.Input[str]] = None,
                 gpu_network_acceleration_label_key: Optional[pulumi.Input[str]] = None,
                 gpu_resource_optimization: Optional[pulumi.Input[Union['GpuResourceOptimizationArgs', 'GpuResourceOptimizationArgsDict']]] = None,
                 min_guaranteed_runtime: Optional[pulumi.Input[str]] = None,
                 network_topology_id: Optional[pulumi.Input[str]] = None,
                 over_provisioning_ratio: Optional[pulumi.Input[int]] = None,
                 placement_strategy: Optional[pulumi.Input[Union['PlacementStrategyArgs', 'PlacementStrategyArgsDict']]] = None,
                 __props__=None):
        opts = pulumi.ResourceOptions.merge(_utilities.get_resource_opts_defaults(), opts)
        if opts.id is None:
            if __props__ is not None:
                raise TypeError('__props__ is only valid with opts.id (use get())')
            __props__ = NodePoolArgs.__new__(NodePoolArgs)
            if cluster_id is None and not opts.urn:
                raise TypeError("Missing required property 'cluster_id'")
            __props__.__dict__["cluster_id"] = cluster_id
            if label_key is None and not opts.urn:
                raise TypeError("Missing required property 'label_key'")
            __props__.__dict__["label_key"] = label_key
            if label_value is None and not opts.urn:
                raise TypeError("Missing required property 'label_value'")
            __props__.__dict__["label_value"] = label_value
            if name is None and not opts.urn:
                raise TypeError("Missing required property 'name'")
            __props__.__dict__["name"] = name
            __props__.__dict__["adopt"] = adopt
            __props__.__dict__["gpu_network_acceleration_detection"] = gpu_network_acceleration_detection
            __props__.__dict__["gpu_network_acceleration_label_key"] = gpu_network_acceleration_label_key
            __props__.__dict__["gpu_resource_optimization"] = gpu_resource_optimization
            __props__.__dict__["min_guaranteed_runtime"] = min_guaranteed_runtime
            __props__.__dict__["network_topology_id"] = network_topology_id
            __props__.__dict__["over_provisioning_ratio"] = over_provisioning_ratio
            __props__.__dict__["placement_strategy"] = placement_strategy
            __props__.__dict__["node_pool_id"] = None
            __props__.__dict__["created_at"] = None
            __props__.__dict__["created_by"] = None
            __props__.__dict__["phase"] = None
            __props__.__dict__["updated_at"] = None
        super(NodePool, __self__).__init__(
            'runai:index:NodePool', resource_name, __props__, opts)

    @staticmethod
    def get(resource_name: str, id: pulumi.Input[str],
            opts: Optional[pulumi.ResourceOptions] = None) -> 'NodePool':
        """
        Read an existing NodePool by its id (adopted into the stack only with `import_`; `get` never changes or deletes it).
        """
        opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        __props__ = NodePoolArgs.__new__(NodePoolArgs)
        __props__.__dict__["adopt"] = None
        __props__.__dict__["cluster_id"] = None
        __props__.__dict__["label_key"] = None
        __props__.__dict__["label_value"] = None
        __props__.__dict__["name"] = None
        __props__.__dict__["node_pool_id"] = None
        __props__.__dict__["created_at"] = None
        __props__.__dict__["created_by"] = None
        __props__.__dict__["gpu_network_acceleration_detection"] = None
        __props__.__dict__["gpu_network_acceleration_label_key"] = None
        __props__.__dict__["gpu_resource_optimization"] = None
        __props__.__dict__["min_guaranteed_runtime"] = None
        __props__.__dict__["network_topology_id"] = None
        __props__.__dict__["over_provisioning_ratio"] = None
        __props__.__dict__["phase"] = None
        __props__.__dict__["placement_strategy"] = None
        __props__.__dict__["updated_at"] = None
        return NodePool(resource_name, opts=opts, __props__=__props__)

    @_builtins.property
    @pulumi.getter
    def adopt(self) -> pulumi.Output[bool]:
        """
        Take over an existing object with the same natural key instead of failing with a conflict; the object is then updated to match the program. Default false.
        """
        return pulumi.get(self, "adopt")

    @_builtins.property
    @pulumi.getter(name="clusterId")
    def cluster_id(self) -> pulumi.Output[str]:
        """
        The cluster's uuid (`runai.get_cluster()`).
        """
        return pulumi.get(self, "cluster_id")

    @_builtins.property
    @pulumi.getter(name="labelKey")
    def label_key(self) -> pulumi.Output[str]:
        """
        The Kubernetes node label key whose value selects the pool's nodes (`[prefix/]name`, e.g. `run.ai/type`).
        """
        return pulumi.get(self, "label_key")

    @_builtins.property
    @pulumi.getter(name="labelValue")
    def label_value(self) -> pulumi.Output[str]:
        """
        The node label value of the pool's nodes (e.g. `a100`).
        """
        return pulumi.get(self, "label_value")

    @_builtins.property
    @pulumi.getter
    def name(self) -> pulumi.Output[str]:
        """
        The pool's name, unique in its cluster (DNS-1123: lowercase letters, digits and '-', at most 63 characters). Quota entries name the pool by it (`pool.name`).
        """
        return pulumi.get(self, "name")

    @_builtins.property
    @pulumi.getter(name="nodePoolId")
    def node_pool_id(self) -> pulumi.Output[str]:
        """
        The pool's id (also the resource id).
        """
        return pulumi.get(self, "node_pool_id")

    @_builtins.property
    @pulumi.getter(name="createdAt")
    def created_at(self) -> pulumi.Output[Optional[str]]:
        """
        When Run:ai created it (ISO 8601).
        """
        return pulumi.get(self, "created_at")

    @_builtins.property
    @pulumi.getter(name="createdBy")
    def created_by(self) -> pulumi.Output[Optional[str]]:
        """
        Who created it.
        """
        return pulumi.get(self, "created_by")

    @_builtins.property
    @pulumi.getter(name="gpuNetworkAccelerationDetection")
    def gpu_network_acceleration_detection(self) -> pulumi.Output[Optional[str]]:
        """
        GPU network acceleration detection: `Use`, `DontUse` or `Auto` (Run:ai's default).
        """
        return pulumi.get(self, "gpu_network_acceleration_detection")

    @_builtins.property
    @pulumi.getter(name="gpuNetworkAccelerationLabelKey")
    def gpu_network_acceleration_label_key(self) -> pulumi.Output[Optional[str]]:
        """
        The node label key by which nodes with GPU network acceleration are detected.
        """
        return pulumi.get(self, "gpu_network_acceleration_label_key")

    @_builtins.property
    @pulumi.getter(name="gpuResourceOptimization")
    def gpu_resource_optimization(self) -> pulumi.Output[Optional['outputs.GpuResourceOptimization']]:
        """
        `{swap_enabled, cpu_swap_memory_size, reserved_gpu_memory_for_swap_operations, node_level_scheduler_enabled}` (sizes as Kubernetes quantities, e.g. `100G`); each key optional.
        """
        return pulumi.get(self, "gpu_resource_optimization")

    @_builtins.property
    @pulumi.getter(name="minGuaranteedRuntime")
    def min_guaranteed_runtime(self) -> pulumi.Output[Optional[str]]:
        """
        How long a preemptible workload runs before it may be preempted, e.g. `5d8h40m` (units ns, us, ms, s, m, h, d, w; `0` allows immediate preemption).
        """
        return pulumi.get(self, "min_guaranteed_runtime")

    @_builtins.property
    @pulumi.getter(name="networkTopologyId")
    def network_topology_id(self) -> pulumi.Output[Optional[str]]:
        """
        The uuid of the network topology the pool uses.
        """
        return pulumi.get(self, "network_topology_id")

    @_builtins.property
    @pulumi.getter(name="overProvisioningRatio")
    def over_provisioning_ratio(self) -> pulumi.Output[Optional[int]]:
        """
        A whole number from 1 to 5 (deprecated by Run:ai in 2.24 in favour of `gpu_resource_optimization.node_level_scheduler_enabled`, still writable).
        """
        return pulumi.get(self, "over_provisioning_ratio")

    @_builtins.property
    @pulumi.getter
    def phase(self) -> pulumi.Output[Optional[str]]:
        """
        The pool's phase (`Ready`, or `Empty` while no node carries the label, once created).
        """
        return pulumi.get(self, "phase")

    @_builtins.property
    @pulumi.getter(name="placementStrategy")
    def placement_strategy(self) -> pulumi.Output[Optional['outputs.PlacementStrategy']]:
        """
        Scheduling strategy per resource: `{cpu: spread|binpack, gpu: spread|binpack}` (either key optional; Run:ai's default is binpack).
        """
        return pulumi.get(self, "placement_strategy")

    @_builtins.property
    @pulumi.getter(name="updatedAt")
    def updated_at(self) -> pulumi.Output[Optional[str]]:
        """
        When it last changed (ISO 8601).
        """
        return pulumi.get(self, "updated_at")

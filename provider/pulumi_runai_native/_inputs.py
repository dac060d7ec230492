# ruff: noqa
# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`; do not edit. ***
import builtins as _builtins
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union, NotRequired, TypedDict, overload

import pulumi
import pulumi.runtime

__all__ = ['GpuResourceOptimizationArgs', 'GpuResourceOptimizationArgsDict', 'MemoryQuotaArgs', 'MemoryQuotaArgsDict', 'NodePoolQuotaArgs', 'NodePoolQuotaArgsDict', 'NodeTypesArgs', 'NodeTypesArgsDict', 'PlacementStrategyArgs', 'PlacementStrategyArgsDict', 'ResourceQuotaArgs', 'ResourceQuotaArgsDict', 'SchedulingRulesArgs', 'SchedulingRulesArgsDict']


@pulumi.input_type
class GpuResourceOptimizationArgs:
    def __init__(__self__, *,
                 cpu_swap_memory_size: Optional[pulumi.Input[str]] = None,
                 node_level_scheduler_enabled: Optional[pulumi.Input[bool]] = None,
                 reserved_gpu_memory_for_swap_operations: Optional[pulumi.Input[str]] = None,
                 swap_enabled: Optional[pulumi.Input[bool]] = None):
        """
        GPU memory swap and the node-level scheduler (quantities such as "100G").
        """
        if cpu_swap_memory_size is not None:
            pulumi.set(__self__, "cpu_swap_memory_size", cpu_swap_memory_size)
        if node_level_scheduler_enabled is not None:
            pulumi.set(__self__, "node_level_scheduler_enabled", node_level_scheduler_enabled)
        if reserved_gpu_memory_for_swap_operations is not None:
            pulumi.set(__self__, "reserved_gpu_memory_for_swap_operations", reserved_gpu_memory_for_swap_operations)
        if swap_enabled is not None:
            pulumi.set(__self__, "swap_enabled", swap_enabled)

    @_builtins.property
    @pulumi.getter(name="cpuSwapMemorySize")
    def cpu_swap_memory_size(self) -> Optional[pulumi.Input[str]]:
        """

        """
        return pulumi.get(self, "cpu_swap_memory_size")

    @cpu_swap_memory_size.setter
    def cpu_swap_memory_size(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "cpu_swap_memory_size", value)

    @_builtins.property
    @pulumi.getter(name="nodeLevelSchedulerEnabled")
    def node_level_scheduler_enabled(self) -> Optional[pulumi.Input[bool]]:
        """

        """
        return pulumi.get(self, "node_level_scheduler_enabled")

    @node_level_scheduler_enabled.setter
    def node_level_scheduler_enabled(self, value: Optional[pulumi.Input[bool]]) -> None:
        pulumi.set(self, "node_level_scheduler_enabled", value)

    @_builtins.property
    @pulumi.getter(name="reservedGpuMemoryForSwapOperations")
    def reserved_gpu_memory_for_swap_operations(self) -> Optional[pulumi.Input[str]]:
        """

        """
        return pulumi.get(self, "reserved_gpu_memory_for_swap_operations")

    @reserved_gpu_memory_for_swap_operations.setter
    def reserved_gpu_memory_for_swap_operations(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "reserved_gpu_memory_for_swap_operations", value)

    @_builtins.property
    @pulumi.getter(name="swapEnabled")
    def swap_enabled(self) -> Optional[pulumi.Input[bool]]:
        """

        """
        return pulumi.get(self, "swap_enabled")

    @swap_enabled.setter
    def swap_enabled(self, value: Optional[pulumi.Input[bool]]) -> None:
        pulumi.set(self, "swap_enabled", value)



class GpuResourceOptimizationArgsDict(TypedDict):
    """
    GPU memory swap and the node-level scheduler (quantities such as "100G").
    """
    cpu_swap_memory_size: NotRequired[pulumi.Input[str]]
    node_level_scheduler_enabled: NotRequired[pulumi.Input[bool]]
    reserved_gpu_memory_for_swap_operations: NotRequired[pulumi.Input[str]]
    swap_enabled: NotRequired[pulumi.Input[bool]]


@pulumi.input_type
class MemoryQuotaArgs:
    def __init__(__self__, *,
                 deserved: Optional[pulumi.Input[float]] = None,
                 limit: Optional[pulumi.Input[float]] = None,
                 over_quota_weight: Optional[pulumi.Input[float]] = None,
                 units: Optional[pulumi.Input[str]] = None):
        """
        Memory quota; `units` is one of "Mib", "MB", "GB".
        """
        if deserved is not None:
            pulumi.set(__self__, "deserved", deserved)
        if limit is not None:
            pulumi.set(__self__, "limit", limit)
        if over_quota_weight is not None:
            pulumi.set(__self__, "over_quota_weight", over_quota_weight)
        if units is not None:
            pulumi.set(__self__, "units", units)

    @_builtins.property
    @pulumi.getter
    def deserved(self) -> Optional[pulumi.Input[float]]:
        """

        """
        return pulumi.get(self, "deserved")

    @deserved.setter
    def deserved(self, value: Optional[pulumi.Input[float]]) -> None:
        pulumi.set(self, "deserved", value)

    @_builtins.property
    @pulumi.getter
    def limit(self) -> Optional[pulumi.Input[float]]:
        """

        """
        return pulumi.get(self, "limit")

    @limit.setter
    def limit(self, value: Optional[pulumi.Input[float]]) -> None:
        pulumi.set(self, "limit", value)

    @_builtins.property
    @pulumi.getter(name="overQuotaWeight")
    def over_quota_weight(self) -> Optional[pulumi.Input[float]]:
        """

        """
        return pulumi.get(self, "over_quota_weight")

    @over_quota_weight.setter
    def over_quota_weight(self, value: Optional[pulumi.Input[float]]) -> None:
        pulumi.set(self, "over_quota_weight", value)

    @_builtins.property
    @pulumi.getter
    def units(self) -> Optional[pulumi.Input[str]]:
        """

        """
        return pulumi.get(self, "units")

    @units.setter
    def units(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "units", value)



class MemoryQuotaArgsDict(TypedDict):
    """
    Memory quota; `units` is one of "Mib", "MB", "GB".
    """
    deserved: NotRequired[pulumi.Input[float]]
    limit: NotRequired[pulumi.Input[float]]
    over_quota_weight: NotRequired[pulumi.Input[float]]
    units: NotRequired[pulumi.Input[str]]


@pulumi.input_type
class NodePoolQuotaArgs:
    def __init__(__self__, *,
                 node_pool: pulumi.Input[str],
                 cpu: Optional[pulumi.Input[Union['ResourceQuotaArgs', 'ResourceQuotaArgsDict']]] = None,
                 gpu: Optional[pulumi.Input[Union['ResourceQuotaArgs', 'ResourceQuotaArgsDict']]] = None,
                 memory: Optional[pulumi.Input[Union['MemoryQuotaArgs', 'MemoryQuotaArgsDict']]] = None,
                 rank: Optional[pulumi.Input[str]] = None):
        """
        One `resources` entry: quotas of a department or project in one node pool (by name).
        """
        pulumi.set(__self__, "node_pool", node_pool)
        if cpu is not None:
            pulumi.set(__self__, "cpu", cpu)
        if gpu is not None:
            pulumi.set(__self__, "gpu", gpu)
        if memory is not None:
            pulumi.set(__self__, "memory", memory)
        if rank is not None:
            pulumi.set(__self__, "rank", rank)

    @_builtins.property
    @pulumi.getter(name="nodePool")
    def node_pool(self) -> pulumi.Input[str]:
        """

        """
        return pulumi.get(self, "node_pool")

    @node_pool.setter
    def node_pool(self, value: pulumi.Input[str]) -> None:
        pulumi.set(self, "node_pool", value)

    @_builtins.property
    @pulumi.getter
    def cpu(self) -> Optional[pulumi.Input['ResourceQuotaArgs']]:
        """

        """
        return pulumi.get(self, "cpu")

    @cpu.setter
    def cpu(self, value: Optional[pulumi.Input['ResourceQuotaArgs']]) -> None:
        pulumi.set(self, "cpu", value)

    @_builtins.property
    @pulumi.getter
    def gpu(self) -> Optional[pulumi.Input['ResourceQuotaArgs']]:
        """

        """
        return pulumi.get(self, "gpu")

    @gpu.setter
    def gpu(self, value: Optional[pulumi.Input['ResourceQuotaArgs']]) -> None:
        pulumi.set(self, "gpu", value)

    @_builtins.property
    @pulumi.getter
    def memory(self) -> Optional[pulumi.Input['MemoryQuotaArgs']]:
        """

        """
        return pulumi.get(self, "memory")

    @memory.setter
    def memory(self, value: Optional[pulumi.Input['MemoryQuotaArgs']]) -> None:
        pulumi.set(self, "memory", value)

    @_builtins.property
    @pulumi.getter
    def rank(self) -> Optional[pulumi.Input[str]]:
        """

        """
        return pulumi.get(self, "rank")

    @rank.setter
    def rank(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "rank", value)



class NodePoolQuotaArgsDict(TypedDict):
    """
    One `resources` entry: quotas of a department or project in one node pool (by name).
    """
    node_pool: pulumi.Input[str]
    cpu: NotRequired[pulumi.Input[Union['ResourceQuotaArgs', 'ResourceQuotaArgsDict']]]
    gpu: NotRequired[pulumi.Input[Union['ResourceQuotaArgs', 'ResourceQuotaArgsDict']]]
    memory: NotRequired[pulumi.Input[Union['MemoryQuotaArgs', 'MemoryQuotaArgsDict']]]
    rank: NotRequired[pulumi.Input[str]]


@pulumi.input_type
class NodeTypesArgs:
    def __init__(__self__, *,
                 training: Optional[pulumi.Input[Sequence[pulumi.Input[str]]]] = None,
                 workspace: Optional[pulumi.Input[Sequence[pulumi.Input[str]]]] = None):
        """
        Node type ids allowed per workload kind.
        """
        if training is not None:
            pulumi.set(__self__, "training", training)
        if workspace is not None:
            pulumi.set(__self__, "workspace", workspace)

    @_builtins.property
    @pulumi.getter
    def training(self) -> Optional[pulumi.Input[Sequence[pulumi.Input[str]]]]:
        """

        """
        return pulumi.get(self, "training")

    @training.setter
    def training(self, value: Optional[pulumi.Input[Sequence[pulumi.Input[str]]]]) -> None:
        pulumi.set(self, "training", value)

    @_builtins.property
    @pulumi.getter
    def workspace(self) -> Optional[pulumi.Input[Sequence[pulumi.Input[str]]]]:
        """

        """
        return pulumi.get(self, "workspace")

    @workspace.setter
    def workspace(self, value: Optional[pulumi.Input[Sequence[pulumi.Input[str]]]]) -> None:
        pulumi.set(self, "workspace", value)



class NodeTypesArgsDict(TypedDict):
    """
    Node type ids allowed per workload kind.
    """
    training: NotRequired[pulumi.Input[Sequence[pulumi.Input[str]]]]
    workspace: NotRequired[pulumi.Input[Sequence[pulumi.Input[str]]]]


@pulumi.input_type
class PlacementStrategyArgs:
    def __init__(__self__, *,
                 cpu: Optional[pulumi.Input[str]] = None,
                 gpu: Optional[pulumi.Input[str]] = None):
        """
        How the scheduler places workloads per resource: "spread" or "binpack".
        """
        if cpu is not None:
            pulumi.set(__self__, "cpu", cpu)
        if gpu is not None:
            pulumi.set(__self__, "gpu", gpu)

    @_builtins.property
    @pulumi.getter
    def cpu(self) -> Optional[pulumi.Input[str]]:
        """

        """
        return pulumi.get(self, "cpu")

    @cpu.setter
    def cpu(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "cpu", value)

    @_builtins.property
    @pulumi.getter
    def gpu(self) -> Optional[pulumi.Input[str]]:
        """

        """
        return pulumi.get(self, "gpu")

    @gpu.setter
    def gpu(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "gpu", value)



class PlacementStrategyArgsDict(TypedDict):
    """
    How the scheduler places workloads per resource: "spread" or "binpack".
    """
    cpu: NotRequired[pulumi.Input[str]]
    gpu: NotRequired[pulumi.Input[str]]


@pulumi.input_type
class ResourceQuotaArgs:
    def __init__(__self__, *,
                 deserved: Optional[pulumi.Input[float]] = None,
                 limit: Optional[pulumi.Input[float]] = None,
                 over_quota_weight: Optional[pulumi.Input[float]] = None):
        """
        Quota of one resource in one node pool; `limit` -1 means no limit.
        """
        if deserved is not None:
            pulumi.set(__self__, "deserved", deserved)
        if limit is not None:
            pulumi.set(__self__, "limit", limit)
        if over_quota_weight is not None:
            pulumi.set(__self__, "over_quota_weight", over_quota_weight)

    @_builtins.property
    @pulumi.getter
    def deserved(self) -> Optional[pulumi.Input[float]]:
        """

        """
        return pulumi.get(self, "deserved")

    @deserved.setter
    def deserved(self, value: Optional[pulumi.Input[float]]) -> None:
        pulumi.set(self, "deserved", value)

    @_builtins.property
    @pulumi.getter
    def limit(self) -> Optional[pulumi.Input[float]]:
        """

        """
        return pulumi.get(self, "limit")

    @limit.setter
    def limit(self, value: Optional[pulumi.Input[float]]) -> None:
        pulumi.set(self, "limit", value)

    @_builtins.property
    @pulumi.getter(name="overQuotaWeight")
    def over_quota_weight(self) -> Optional[pulumi.Input[float]]:
        """

        """
        return pulumi.get(self, "over_quota_weight")

    @over_quota_weight.setter
    def over_quota_weight(self, value: Optional[pulumi.Input[float]]) -> None:
        pulumi.set(self, "over_quota_weight", value)



class ResourceQuotaArgsDict(TypedDict):
    """
    Quota of one resource in one node pool; `limit` -1 means no limit.
    """
    deserved: NotRequired[pulumi.Input[float]]
    limit: NotRequired[pulumi.Input[float]]
    over_quota_weight: NotRequired[pulumi.Input[float]]


@pulumi.input_type
class SchedulingRulesArgs:
    def __init__(__self__, *,
                 interactive_job_max_idle_duration_seconds: Optional[pulumi.Input[int]] = None,
                 interactive_job_preempt_idle_duration_seconds: Optional[pulumi.Input[int]] = None,
                 interactive_job_time_limit_seconds: Optional[pulumi.Input[int]] = None,
                 training_job_max_idle_duration_seconds: Optional[pulumi.Input[int]] = None,
                 training_job_time_limit_seconds: Optional[pulumi.Input[int]] = None):
        """
        Job time limits in seconds (each ≥ 1); None means no rule.
        """
        if interactive_job_max_idle_duration_seconds is not None:
            pulumi.set(__self__, "interactive_job_max_idle_duration_seconds", interactive_job_max_idle_duration_seconds)
        if interactive_job_preempt_idle_duration_seconds is not None:
            pulumi.set(__self__, "interactive_job_preempt_idle_duration_seconds", interactive_job_preempt_idle_duration_seconds)
        if interactive_job_time_limit_seconds is not None:
            pulumi.set(__self__, "interactive_job_time_limit_seconds", interactive_job_time_limit_seconds)
        if training_job_max_idle_duration_seconds is not None:
            pulumi.set(__self__, "training_job_max_idle_duration_seconds", training_job_max_idle_duration_seconds)
        if training_job_time_limit_seconds is not None:
            pulumi.set(__self__, "training_job_time_limit_seconds", training_job_time_limit_seconds)

    @_builtins.property
    @pulumi.getter(name="interactiveJobMaxIdleDurationSeconds")
    def interactive_job_max_idle_duration_seconds(self) -> Optional[pulumi.Input[int]]:
        """

        """
        return pulumi.get(self, "interactive_job_max_idle_duration_seconds")

    @interactive_job_max_idle_duration_seconds.setter
    def interactive_job_max_idle_duration_seconds(self, value: Optional[pulumi.Input[int]]) -> None:
        pulumi.set(self, "interactive_job_max_idle_duration_seconds", value)

    @_builtins.property
    @pulumi.getter(name="interactiveJobPreemptIdleDurationSeconds")
    def interactive_job_preempt_idle_duration_seconds(self) -> Optional[pulumi.Input[int]]:
        """

        """
        return pulumi.get(self, "interactive_job_preempt_idle_duration_seconds")

    @interactive_job_preempt_idle_duration_seconds.setter
    def interactive_job_preempt_idle_duration_seconds(self, value: Optional[pulumi.Input[int]]) -> None:
        pulumi.set(self, "interactive_job_preempt_idle_duration_seconds", value)

    @_builtins.property
    @pulumi.getter(name="interactiveJobTimeLimitSeconds")
    def interactive_job_time_limit_seconds(self) -> Optional[pulumi.Input[int]]:
        """

        """
        return pulumi.get(self, "interactive_job_time_limit_seconds")

    @interactive_job_time_limit_seconds.setter
    def interactive_job_time_limit_seconds(self, value: Optional[pulumi.Input[int]]) -> None:
        pulumi.set(self, "interactive_job_time_limit_seconds", value)

    @_builtins.property
    @pulumi.getter(name="trainingJobMaxIdleDurationSeconds")
    def training_job_max_idle_duration_seconds(self) -> Optional[pulumi.Input[int]]:
        """

        """
        return pulumi.get(self, "training_job_max_idle_duration_seconds")

    @training_job_max_idle_duration_seconds.setter
    def training_job_max_idle_duration_seconds(self, value: Optional[pulumi.Input[int]]) -> None:
        pulumi.set(self, "training_job_max_idle_duration_seconds", value)

    @_builtins.property
    @pulumi.getter(name="trainingJobTimeLimitSeconds")
    def training_job_time_limit_seconds(self) -> Optional[pulumi.Input[int]]:
        """

        """
        return pulumi.get(self, "training_job_time_limit_seconds")

    @training_job_time_limit_seconds.setter
    def training_job_time_limit_seconds(self, value: Optional[pulumi.Input[int]]) -> None:
        pulumi.set(self, "training_job_time_limit_seconds", value)



class SchedulingRulesArgsDict(TypedDict):
    """
    Job time limits in seconds (each ≥ 1); None means no rule.
    """
    interactive_job_max_idle_duration_seconds: NotRequired[pulumi.Input[int]]
    interactive_job_preempt_idle_duration_seconds: NotRequired[pulumi.Input[int]]
    interactive_job_time_limit_seconds: NotRequired[pulumi.Input[int]]
    training_job_max_idle_duration_seconds: NotRequired[pulumi.Input[int]]
    training_job_time_limit_seconds: NotRequired[pulumi.Input[int]]

# ruff: noqa
# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`; do not edit. ***
import builtins as _builtins
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union, overload

import pulumi
import pulumi.runtime

from . import outputs

__all__ = ['GpuResourceOptimization', 'MemoryQuota', 'NodePoolQuota', 'NodeTypes', 'PlacementStrategy', 'ResourceQuota', 'SchedulingRules']


@pulumi.output_type
class GpuResourceOptimization(dict):
    def __init__(__self__, *,
                 cpu_swap_memory_size: Optional[str] = None,
                 node_level_scheduler_enabled: Optional[bool] = None,
                 reserved_gpu_memory_for_swap_operations: Optional[str] = None,
                 swap_enabled: Optional[bool] = None):
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
    def cpu_swap_memory_size(self) -> Optional[str]:
        """

        """
        return pulumi.get(self, "cpu_swap_memory_size")

    @_builtins.property
    @pulumi.getter(name="nodeLevelSchedulerEnabled")
    def node_level_scheduler_enabled(self) -> Optional[bool]:
        """

        """
        return pulumi.get(self, "node_level_scheduler_enabled")

    @_builtins.property
    @pulumi.getter(name="reservedGpuMemoryForSwapOperations")
    def reserved_gpu_memory_for_swap_operations(self) -> Optional[str]:
        """

        """
        return pulumi.get(self, "reserved_gpu_memory_for_swap_operations")

    @_builtins.property
    @pulumi.getter(name="swapEnabled")
    def swap_enabled(self) -> Optional[bool]:
        """

        """
        return pulumi.get(self, "swap_enabled")



@pulumi.output_type
class MemoryQuota(dict):
    def __init__(__self__, *,
                 deserved: Optional[float] = None,
                 limit: Optional[float] = None,
                 over_quota_weight: Optional[float] = None,
                 units: Optional[str] = None):
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
    def deserved(self) -> Optional[float]:
        """

        """
        return pulumi.get(self, "deserved")

    @_builtins.property
    @pulumi.getter
    def limit(self) -> Optional[float]:
        """

        """
        return pulumi.get(self, "limit")

    @_builtins.property
    @pulumi.getter(name="overQuotaWeight")
    def over_quota_weight(self) -> Optional[float]:
        """

        """
        return pulumi.get(self, "over_quota_weight")

    @_builtins.property
    @pulumi.getter
    def units(self) -> Optional[str]:
        """

        """
        return pulumi.get(self, "units")



@pulumi.output_type
class NodePoolQuota(dict):
    def __init__(__self__, *,
                 node_pool: str = None,
                 cpu: Optional['outputs.ResourceQuota'] = None,
                 gpu: Optional['outputs.ResourceQuota'] = None,
                 memory: Optional['outputs.MemoryQuota'] = None,
                 rank: Optional[str] = None):
        """
        One `resources` entry: quotas of a department or project in one node pool (by name).
        """
        if node_pool is not None:
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
    def node_pool(self) -> str:
        """

        """
        return pulumi.get(self, "node_pool")

    @_builtins.property
    @pulumi.getter
    def cpu(self) -> Optional['outputs.ResourceQuota']:
        """

        """
        return pulumi.get(self, "cpu")

    @_builtins.property
    @pulumi.getter
    def gpu(self) -> Optional['outputs.ResourceQuota']:
        """

        """
        return pulumi.get(self, "gpu")

    @_builtins.property
    @pulumi.getter
    def memory(self) -> Optional['outputs.MemoryQuota']:
        """

        """
        return pulumi.get(self, "memory")

    @_builtins.property
    @pulumi.getter
    def rank(self) -> Optional[str]:
        """

        """
        return pulumi.get(self, "rank")



@pulumi.output_type
class NodeTypes(dict):
    def __init__(__self__, *,
                 training: Optional[Sequence[str]] = None,
                 workspace: Optional[Sequence[str]] = None):
        """
        Node type ids allowed per workload kind.
        """
        if training is not None:
            pulumi.set(__self__, "training", training)
        if workspace is not None:
            pulumi.set(__self__, "workspace", workspace)

    @_builtins.property
    @pulumi.getter
    def training(self) -> Optional[Sequence[str]]:
        """

        """
        return pulumi.get(self, "training")

    @_builtins.property
    @pulumi.getter
    def workspace(self) -> Optional[Sequence[str]]:
        """

        """
        return pulumi.get(self, "workspace")



@pulumi.output_type
class PlacementStrategy(dict):
    def __init__(__self__, *,
                 cpu: Optional[str] = None,
                 gpu: Optional[str] = None):
        """
        How the scheduler places workloads per resource: "spread" or "binpack".
        """
        if cpu is not None:
            pulumi.set(__self__, "cpu", cpu)
        if gpu is not None:
            pulumi.set(__self__, "gpu", gpu)

    @_builtins.property
    @pulumi.getter
    def cpu(self) -> Optional[str]:
        """

        """
        return pulumi.get(self, "cpu")

    @_builtins.property
    @pulumi.getter
    def gpu(self) -> Optional[str]:
        """

        """
        return pulumi.get(self, "gpu")



@pulumi.output_type
class ResourceQuota(dict):
    def __init__(__self__, *,
                 deserved: Optional[float] = None,
                 limit: Optional[float] = None,
                 over_quota_weight: Optional[float] = None):
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
    def deserved(self) -> Optional[float]:
        """

        """
        return pulumi.get(self, "deserved")

    @_builtins.property
    @pulumi.getter
    def limit(self) -> Optional[float]:
        """

        """
        return pulumi.get(self, "limit")

    @_builtins.property
    @pulumi.getter(name="overQuotaWeight")
    def over_quota_weight(self) -> Optional[float]:
        """

        """
        return pulumi.get(self, "over_quota_weight")



@pulumi.output_type
class SchedulingRules(dict):
    def __init__(__self__, *,
                 interactive_job_max_idle_duration_seconds: Optional[int] = None,
                 interactive_job_preempt_idle_duration_seconds: Optional[int] = None,
                 interactive_job_time_limit_seconds: Optional[int] = None,
                 training_job_max_idle_duration_seconds: Optional[int] = None,
                 training_job_time_limit_seconds: Optional[int] = None):
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
    def interactive_job_max_idle_duration_seconds(self) -> Optional[int]:
        """

        """
        return pulumi.get(self, "interactive_job_max_idle_duration_seconds")

    @_builtins.property
    @pulumi.getter(name="interactiveJobPreemptIdleDurationSeconds")
    def interactive_job_preempt_idle_duration_seconds(self) -> Optional[int]:
        """

        """
        return pulumi.get(self, "interactive_job_preempt_idle_duration_seconds")

    @_builtins.property
    @pulumi.getter(name="interactiveJobTimeLimitSeconds")
    def interactive_job_time_limit_seconds(self) -> Optional[int]:
        """

        """
        return pulumi.get(self, "interactive_job_time_limit_seconds")

    @_builtins.property
    @pulumi.getter(name="trainingJobMaxIdleDurationSeconds")
    def training_job_max_idle_duration_seconds(self) -> Optional[int]:
        """

        """
        return pulumi.get(self, "training_job_max_idle_duration_seconds")

    @_builtins.property
    @pulumi.getter(name="trainingJobTimeLimitSeconds")
    def training_job_time_limit_seconds(self) -> Optional[int]:
        """

        """
        return pulumi.get(self, "training_job_time_limit_seconds")

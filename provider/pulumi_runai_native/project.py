# ruff: noqa
# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`; do not edit. ***
import builtins as _builtins
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union, overload

import pulumi
import pulumi.runtime

from . import _utilities, outputs
from ._inputs import *

__all__ = ['ProjectArgs', 'Project']


@pulumi.input_type
class ProjectArgs:
    def __init__(__self__, *,
                 cluster_id: pulumi.Input[str],
                 name: pulumi.Input[str],
                 adopt: Optional[pulumi.Input[bool]] = None,
                 default_node_pools: Optional[pulumi.Input[Sequence[pulumi.Input[str]]]] = None,
                 department_id: Optional[pulumi.Input[str]] = None,
                 description: Optional[pulumi.Input[str]] = None,
                 enforce_runai_scheduler: Optional[pulumi.Input[bool]] = None,
                 node_types: Optional[pulumi.Input[Union['NodeTypesArgs', 'NodeTypesArgsDict']]] = None,
                 requested_namespace: Optional[pulumi.Input[str]] = None,
                 resources: Optional[pulumi.Input[Sequence[pulumi.Input[Union['NodePoolQuotaArgs', 'NodePoolQuotaArgsDict']]]]] = None,
                 scheduling_rules: Optional[pulumi.Input[Union['SchedulingRulesArgs', 'SchedulingRulesArgsDict']]] = None):
        """
        The arguments for constructing a Project resource.
        """
        pulumi.set(__self__, "cluster_id", cluster_id)
        pulumi.set(__self__, "name", name)
        if adopt is not None:
            pulumi.set(__self__, "adopt", adopt)
        if default_node_pools is not None:
            pulumi.set(__self__, "default_node_pools", default_node_pools)
        if department_id is not None:
            pulumi.set(__self__, "department_id", department_id)
        if description is not None:
            pulumi.set(__self__, "description", description)
        if enforce_runai_scheduler is not None:
            pulumi.set(__self__, "enforce_runai_scheduler", enforce_runai_scheduler)
        if node_types is not None:
            pulumi.set(__self__, "node_types", node_types)
        if requested_namespace is not None:
            pulumi.set(__self__, "requested_namespace", requested_namespace)
        if resources is not None:
            pulumi.set(__self__, "resources", resources)
        if scheduling_rules is not None:
            pulumi.set(__self__, "scheduling_rules", scheduling_rules)

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
    @pulumi.getter
    def name(self) -> pulumi.Input[str]:
        """
        The name, unique in its cluster: lowercase letters, digits and '-', at most 63 characters (DNS-1123).
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
    @pulumi.getter(name="defaultNodePools")
    def default_node_pools(self) -> Optional[pulumi.Input[Sequence[pulumi.Input[str]]]]:
        """
        Node pool names workloads use when they name none, in order of preference.
        """
        return pulumi.get(self, "default_node_pools")

    @default_node_pools.setter
    def default_node_pools(self, value: Optional[pulumi.Input[Sequence[pulumi.Input[str]]]]) -> None:
        pulumi.set(self, "default_node_pools", value)

    @_builtins.property
    @pulumi.getter(name="departmentId")
    def department_id(self) -> Optional[pulumi.Input[str]]:
        """
        The parent department's id; unset puts the project in the cluster's `default` department (the actual parent is in the outputs).
        """
        return pulumi.get(self, "department_id")

    @department_id.setter
    def department_id(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "department_id", value)

    @_builtins.property
    @pulumi.getter
    def description(self) -> Optional[pulumi.Input[str]]:
        """
        Free text shown in the Run:ai UI.
        """
        return pulumi.get(self, "description")

    @description.setter
    def description(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "description", value)

    @_builtins.property
    @pulumi.getter(name="enforceRunaiScheduler")
    def enforce_runai_scheduler(self) -> Optional[pulumi.Input[bool]]:
        """
        Whether every workload in the namespace must use the Run:ai scheduler.
        """
        return pulumi.get(self, "enforce_runai_scheduler")

    @enforce_runai_scheduler.setter
    def enforce_runai_scheduler(self, value: Optional[pulumi.Input[bool]]) -> None:
        pulumi.set(self, "enforce_runai_scheduler", value)

    @_builtins.property
    @pulumi.getter(name="nodeTypes")
    def node_types(self) -> Optional[pulumi.Input['NodeTypesArgs']]:
        """
        Node type ids allowed per workload kind: `{training: [...], workspace: [...]}`.
        """
        return pulumi.get(self, "node_types")

    @node_types.setter
    def node_types(self, value: Optional[pulumi.Input['NodeTypesArgs']]) -> None:
        pulumi.set(self, "node_types", value)

    @_builtins.property
    @pulumi.getter(name="requestedNamespace")
    def requested_namespace(self) -> Optional[pulumi.Input[str]]:
        """
        The Kubernetes namespace to use (DNS-1123); unset lets Run:ai name it `runai-<name>`. Unique in the cluster.
        """
        return pulumi.get(self, "requested_namespace")

    @requested_namespace.setter
    def requested_namespace(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "requested_namespace", value)

    @_builtins.property
    @pulumi.getter
    def resources(self) -> Optional[pulumi.Input[Sequence[pulumi.Input['NodePoolQuotaArgs']]]]:
        """
        Quotas, one entry per node pool: `{node_pool, gpu: {deserved, limit, over_quota_weight}, cpu: {...} (millicores), memory: {..., units}}`; `limit` -1 (the default) is unlimited. Only the pools listed are managed.
        """
        return pulumi.get(self, "resources")

    @resources.setter
    def resources(self, value: Optional[pulumi.Input[Sequence[pulumi.Input['NodePoolQuotaArgs']]]]) -> None:
        pulumi.set(self, "resources", value)

    @_builtins.property
    @pulumi.getter(name="schedulingRules")
    def scheduling_rules(self) -> Optional[pulumi.Input['SchedulingRulesArgs']]:
        """
        Time limits in whole seconds (each at least 1): `interactive_job_time_limit_seconds`, `interactive_job_max_idle_duration_seconds`, `interactive_job_preempt_idle_duration_seconds`, `training_job_max_idle_duration_seconds`, `training_job_time_limit_seconds`.
        """
        return pulumi.get(self, "scheduling_rules")

    @scheduling_rules.setter
    def scheduling_rules(self, value: Optional[pulumi.Input['SchedulingRulesArgs']]) -> None:
        pulumi.set(self, "scheduling_rules", value)



@pulumi.type_token("runai:index:Project")
class Project(pulumi.CustomResource):
    """
    A Run:ai project: where researchers run workloads, with GPU, CPU and memory quotas per node pool; create waits until it is Ready. Source: /api/v1/org-unit/projects.
    """

    @overload
    def __init__(__self__, resource_name: str,
                 opts: Optional[pulumi.ResourceOptions] = None,
                 cluster_id: Optional[pulumi.Input[str]] = None,
                 name: Optional[pulumi.Input[str]] = None,
                 adopt: Optional[pulumi.Input[bool]] = None,
                 default_node_pools: Optional[pulumi.Input[Sequence[pulumi.Input[str]]]] = None,
                 department_id: Optional[pulumi.Input[str]] = None,
                 description: Optional[pulumi.Input[str]] = None,
                 enforce_runai_scheduler: Optional[pulumi.Input[bool]] = None,
                 node_types: Optional[pulumi.Input[Union['NodeTypesArgs', 'NodeTypesArgsDict']]] = None,
                 requested_namespace: Optional[pulumi.Input[str]] = None,
                 resources: Optional[pulumi.Input[Sequence[pulumi.Input[Union['NodePoolQuotaArgs', 'NodePoolQuotaArgsDict']]]]] = None,
                 scheduling_rules: Optional[pulumi.Input[Union['SchedulingRulesArgs', 'SchedulingRulesArgsDict']]] = None,
                 __props__=None):
        ...

    @overload
    def __init__(__self__, resource_name: str, args: ProjectArgs,
                 opts: Optional[pulumi.ResourceOptions] = None):
        ...

    def __init__(__self__, resource_name: str, *args, **kwargs):
        resource_args, opts = _utilities.get_resource_args_opts(
            ProjectArgs, pulumi.ResourceOptions, *args, **kwargs)
        if resource_args is not None:
            __self__._internal_init(resource_name, opts, **resource_args.__dict__)
        else:
            __self__._internal_init(resource_name, *args, **kwargs)

    def _internal_init(__self__, resource_name: str,
                 opts: Optional[pulumi.ResourceOptions] = None,
                 cluster_id: Optional[pulumi.Input[str]] = None,
                 name: Optional[pulumi.Input[str]] = None,
                 adopt: Optional[pulumi.Input[bool]] = None,
                 default_node_pools: Optional[pulumi.Input[Sequence[pulumi.Input[str]]]] = None,
                 department_id: Optional[pulumi.Input[str]] = None,
                 description: Optional[pulumi.Input[str]] = None,
                 enforce_runai_scheduler: Optional[pulumi.Input[bool]] = None,
                 node_types: Optional[pulumi.Input[Union['NodeTypesArgs', 'NodeTypesArgsDict']]] = None,
                 requested_namespace: Optional[pulumi.Input[str]] = None,
                 resources: Optional[pulumi.Input[Sequence[pulumi.Input[Union['NodePoolQuotaArgs', 'NodePoolQuotaArgsDict']]]]] = None,
                 scheduling_rules: Optional[pulumi.Input[Union['SchedulingRulesArgs', 'SchedulingRulesArgsDict']]] = None,
                 __props__=None):
        opts = pulumi.ResourceOptions.merge(_utilities.get_resource_opts_defaults(), opts)
        if opts.id is None:
            if __props__ is not None:
                raise TypeError('__props__ is only valid with opts.id (use get())')
            __props__ = ProjectArgs.__new__(ProjectArgs)
            if cluster_id is None and not opts.urn:
                raise TypeError("Missing required property 'cluster_id'")
            __props__.__dict__["cluster_id"] = cluster_id
            if name is None and not opts.urn:
                raise TypeError("Missing required property 'name'")
            __props__.__dict__["name"] = name
            __props__.__dict__["adopt"] = adopt
            __props__.__dict__["default_node_pools"] = default_node_pools
            __props__.__dict__["department_id"] = department_id
            __props__.__dict__["description"] = description
            __props__.__dict__["enforce_runai_scheduler"] = enforce_runai_scheduler
            __props__.__dict__["node_types"] = node_types
            __props__.__dict__["requested_namespace"] = requested_namespace
            __props__.__dict__["resources"] = resources
            __props__.__dict__["scheduling_rules"] = scheduling_rules
            __props__.__dict__["project_id"] = None
            __props__.__dict__["created_at"] = None
            __props__.__dict__["created_by"] = None
            __props__.__dict__["namespace"] = None
            __props__.__dict__["phase"] = None
            __props__.__dict__["updated_at"] = None
        super(Project, __self__).__init__(
            'runai:index:Project', resource_name, __props__, opts)

    @staticmethod
    def get(resource_name: str, id: pulumi.Input[str],
            opts: Optional[pulumi.ResourceOptions] = None) -> 'Project':
        """
        Read an existing Project by its id (adopted into the stack only with `import_`; `get` never changes or deletes it).
        """
        opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        __props__ = ProjectArgs.__new__(ProjectArgs)
        __props__.__dict__["adopt"] = None
        __props__.__dict__["cluster_id"] = None
        __props__.__dict__["name"] = None
        __props__.__dict__["project_id"] = None
        __props__.__dict__["created_at"] = None
        __props__.__dict__["created_by"] = None
        __props__.__dict__["default_node_pools"] = None
        __props__.__dict__["department_id"] = None
        __props__.__dict__["description"] = None
        __props__.__dict__["enforce_runai_scheduler"] = None
        __props__.__dict__["namespace"] = None
        __props__.__dict__["node_types"] = None
        __props__.__dict__["phase"] = None
        __props__.__dict__["requested_namespace"] = None
        __props__.__dict__["resources"] = None
        __props__.__dict__["scheduling_rules"] = None
        __props__.__dict__["updated_at"] = None
        return Project(resource_name, opts=opts, __props__=__props__)

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
    @pulumi.getter
    def name(self) -> pulumi.Output[str]:
        """
        The name, unique in its cluster: lowercase letters, digits and '-', at most 63 characters (DNS-1123).
        """
        return pulumi.get(self, "name")

    @_builtins.property
    @pulumi.getter(name="projectId")
    def project_id(self) -> pulumi.Output[str]:
        """
        The project's id (also the resource id).
        """
        return pulumi.get(self, "project_id")

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
    @pulumi.getter(name="defaultNodePools")
    def default_node_pools(self) -> pulumi.Output[Optional[Sequence[str]]]:
        """
        Node pool names workloads use when they name none, in order of preference.
        """
        return pulumi.get(self, "default_node_pools")

    @_builtins.property
    @pulumi.getter(name="departmentId")
    def department_id(self) -> pulumi.Output[Optional[str]]:
        """
        The parent department's id; unset puts the project in the cluster's `default` department (the actual parent is in the outputs).
        """
        return pulumi.get(self, "department_id")

    @_builtins.property
    @pulumi.getter
    def description(self) -> pulumi.Output[Optional[str]]:
        """
        Free text shown in the Run:ai UI.
        """
        return pulumi.get(self, "description")

    @_builtins.property
    @pulumi.getter(name="enforceRunaiScheduler")
    def enforce_runai_scheduler(self) -> pulumi.Output[Optional[bool]]:
        """
        Whether every workload in the namespace must use the Run:ai scheduler.
        """
        return pulumi.get(self, "enforce_runai_scheduler")

    @_builtins.property
    @pulumi.getter
    def namespace(self) -> pulumi.Output[Optional[str]]:
        """
        The Kubernetes namespace the cluster made for it.
        """
        return pulumi.get(self, "namespace")

    @_builtins.property
    @pulumi.getter(name="nodeTypes")
    def node_types(self) -> pulumi.Output[Optional['outputs.NodeTypes']]:
        """
        Node type ids allowed per workload kind: `{training: [...], workspace: [...]}`.
        """
        return pulumi.get(self, "node_types")

    @_builtins.property
    @pulumi.getter
    def phase(self) -> pulumi.Output[Optional[str]]:
        """
        The project's phase in the cluster (`Ready` once created).
        """
        return pulumi.get(self, "phase")

    @_builtins.property
    @pulumi.getter(name="requestedNamespace")
    def requested_namespace(self) -> pulumi.Output[Optional[str]]:
        """
        The Kubernetes namespace to use (DNS-1123); unset lets Run:ai name it `runai-<name>`. Unique in the cluster.
        """
        return pulumi.get(self, "requested_namespace")

    @_builtins.property
    @pulumi.getter
    def resources(self) -> pulumi.Output[Optional[Sequence['outputs.NodePoolQuota']]]:
        """
        Quotas, one entry per node pool: `{node_pool, gpu: {deserved, limit, over_quota_weight}, cpu: {...} (millicores), memory: {..., units}}`; `limit` -1 (the default) is unlimited. Only the pools listed are managed.
        """
        return pulumi.get(self, "resources")

    @_builtins.property
    @pulumi.getter(name="schedulingRules")
    def scheduling_rules(self) -> pulumi.Output[Optional['outputs.SchedulingRules']]:
        """
        Time limits in whole seconds (each at least 1): `interactive_job_time_limit_seconds`, `interactive_job_max_idle_duration_seconds`, `interactive_job_preempt_idle_duration_seconds`, `training_job_max_idle_duration_seconds`, `training_job_time_limit_seconds`.
        """
        return pulumi.get(self, "scheduling_rules")

    @_builtins.property
    @pulumi.getter(name="updatedAt")
    def updated_at(self) -> pulumi.Output[Optional[str]]:
        """
        When it last changed (ISO 8601).
        """
        return pulumi.get(self, "updated_at")

# ruff: noqa
# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`; do not edit. ***
import builtins as _builtins
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union, overload

import pulumi
import pulumi.runtime

from . import _utilities, outputs
from ._inputs import *

__all__ = ['WorkloadPolicyArgs', 'WorkloadPolicy']


@pulumi.input_type
class WorkloadPolicyArgs:
    def __init__(__self__, *,
                 policy: pulumi.Input[Mapping[str, Any]],
                 scope_type: pulumi.Input[str],
                 workload_type: pulumi.Input[str],
                 adopt: Optional[pulumi.Input[bool]] = None,
                 name: Optional[pulumi.Input[str]] = None,
                 scope_id: Optional[pulumi.Input[str]] = None):
        """
        The arguments for constructing a WorkloadPolicy resource.
        """
        pulumi.set(__self__, "policy", policy)
        pulumi.set(__self__, "scope_type", scope_type)
        pulumi.set(__self__, "workload_type", workload_type)
        if adopt is not None:
            pulumi.set(__self__, "adopt", adopt)
        if name is not None:
            pulumi.set(__self__, "name", name)
        if scope_id is not None:
            pulumi.set(__self__, "scope_id", scope_id)

    @_builtins.property
    @pulumi.getter
    def policy(self) -> pulumi.Input[Mapping[str, Any]]:
        """
        The policy in the API's own shape and spelling (`defaults`, `rules`, `imposedAssets`; camelCase keys), e.g. `{"rules": {"compute": {"gpuDevicesRequest": {"max": 4}}}}`. Written whole: what it leaves out is removed from the policy. Checked against the 2.24 schema at preview, each problem named by its path.
        """
        return pulumi.get(self, "policy")

    @policy.setter
    def policy(self, value: pulumi.Input[Mapping[str, Any]]) -> None:
        pulumi.set(self, "policy", value)

    @_builtins.property
    @pulumi.getter(name="scopeType")
    def scope_type(self) -> pulumi.Input[str]:
        """
        Where the policy applies: one of tenant, cluster, department, project. A change replaces the policy.
        """
        return pulumi.get(self, "scope_type")

    @scope_type.setter
    def scope_type(self, value: pulumi.Input[str]) -> None:
        pulumi.set(self, "scope_type", value)

    @_builtins.property
    @pulumi.getter(name="workloadType")
    def workload_type(self) -> pulumi.Input[str]:
        """
        The workload type the policy governs, the API's path segment: one of trainings, workspaces, distributed, inferences, distributed-inferences, nim-services. A change replaces the policy.
        """
        return pulumi.get(self, "workload_type")

    @workload_type.setter
    def workload_type(self, value: pulumi.Input[str]) -> None:
        pulumi.set(self, "workload_type", value)

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
    @pulumi.getter
    def name(self) -> Optional[pulumi.Input[str]]:
        """
        The policy's name (`meta.name`); unset gives `<workload_type>-<scope_type>[-<id>]` at creation and leaves Run:ai's value afterwards.
        """
        return pulumi.get(self, "name")

    @name.setter
    def name(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "name", value)

    @_builtins.property
    @pulumi.getter(name="scopeId")
    def scope_id(self) -> Optional[pulumi.Input[str]]:
        """
        The scope's id: the cluster uuid, the department id or the project id (pass `project.id`); unset for a tenant policy. A change replaces the policy.
        """
        return pulumi.get(self, "scope_id")

    @scope_id.setter
    def scope_id(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "scope_id", value)



@pulumi.type_token("runai:index:WorkloadPolicy")
class WorkloadPolicy(pulumi.CustomResource):
    """
    A Run:ai workload policy: the defaults, rules and imposed assets of one workload type in one scope. The type and the scope identify it (a change replaces it); the policy body is written whole in place. The resource id is `<workload_type>/<scope_type>[/<scope_id>]`. Source: /api/v2/policy/{workloadType}.
    """

    @overload
    def __init__(__self__, resource_name: str,
                 opts: Optional[pulumi.ResourceOptions] = None,
                 policy: Optional[pulumi.Input[Mapping[str, Any]]] = None,
                 scope_type: Optional[pulumi.Input[str]] = None,
                 workload_type: Optional[pulumi.Input[str]] = None,
                 adopt: Optional[pulumi.Input[bool]] = None,
                 name: Optional[pulumi.Input[str]] = None,
                 scope_id: Optional[pulumi.Input[str]] = None,
                 __props__=None):
        ...

    @overload
    def __init__(__self__, resource_name: str, args: WorkloadPolicyArgs,
                 opts: Optional[pulumi.ResourceOptions] = None):
        ...

    def __init__(__self__, resource_name: str, *args, **kwargs):
        resource_args, opts = _utilities.get_resource_args_opts(
            WorkloadPolicyArgs, pulumi.ResourceOptions, *args, **kwargs)
        if resource_args is not None:
            __self__._internal_init(resource_name, opts, **resource_args.__dict__)
        else:
            __self__._internal_init(resource_name, *args, **kwargs)

    def _internal_init(__self__, resource_name: str,
                 opts: Optional[pulumi.ResourceOptions] = None,
                 policy: Optional[pulumi.Input[Mapping[str, Any]]] = None,
                 scope_type: Optional[pulumi.Input[str]] = None,
                 workload_type: Optional[pulumi.Input[str]] = None,
                 adopt: Optional[pulumi.Input[bool]] = None,
                 name: Optional[pulumi.Input[str]] = None,
                 scope_id: Optional[pulumi.Input[str]] = None,
                 __props__=None):
        opts = pulumi.ResourceOptions.merge(_utilities.get_resource_opts_defaults(), opts)
        if opts.id is None:
            if __props__ is not None:
                raise TypeError('__props__ is only valid with opts.id (use get())')
            __props__ = WorkloadPolicyArgs.__new__(WorkloadPolicyArgs)
            if policy is None and not opts.urn:
                raise TypeError("Missing required property 'policy'")
            __props__.__dict__["policy"] = policy
            if scope_type is None and not opts.urn:
                raise TypeError("Missing required property 'scope_type'")
            __props__.__dict__["scope_type"] = scope_type
            if workload_type is None and not opts.urn:
                raise TypeError("Missing required property 'workload_type'")
            __props__.__dict__["workload_type"] = workload_type
            __props__.__dict__["adopt"] = adopt
            __props__.__dict__["name"] = name
            __props__.__dict__["scope_id"] = scope_id
            __props__.__dict__["policy_id"] = None
        super(WorkloadPolicy, __self__).__init__(
            'runai:index:WorkloadPolicy', resource_name, __props__, opts)

    @staticmethod
    def get(resource_name: str, id: pulumi.Input[str],
            opts: Optional[pulumi.ResourceOptions] = None) -> 'WorkloadPolicy':
        """
        Read an existing WorkloadPolicy by its id (adopted into the stack only with `import_`; `get` never changes or deletes it).
        """
        opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        __props__ = WorkloadPolicyArgs.__new__(WorkloadPolicyArgs)
        __props__.__dict__["adopt"] = None
        __props__.__dict__["policy"] = None
        __props__.__dict__["policy_id"] = None
        __props__.__dict__["scope_type"] = None
        __props__.__dict__["workload_type"] = None
        __props__.__dict__["name"] = None
        __props__.__dict__["scope_id"] = None
        return WorkloadPolicy(resource_name, opts=opts, __props__=__props__)

    @_builtins.property
    @pulumi.getter
    def adopt(self) -> pulumi.Output[bool]:
        """
        Take over an existing object with the same natural key instead of failing with a conflict; the object is then updated to match the program. Default false.
        """
        return pulumi.get(self, "adopt")

    @_builtins.property
    @pulumi.getter
    def policy(self) -> pulumi.Output[Mapping[str, Any]]:
        """
        The policy in the API's own shape and spelling (`defaults`, `rules`, `imposedAssets`; camelCase keys), e.g. `{"rules": {"compute": {"gpuDevicesRequest": {"max": 4}}}}`. Written whole: what it leaves out is removed from the policy. Checked against the 2.24 schema at preview, each problem named by its path.
        """
        return pulumi.get(self, "policy")

    @_builtins.property
    @pulumi.getter(name="policyId")
    def policy_id(self) -> pulumi.Output[str]:
        """
        The policy's own id in Run:ai (`meta.id`).
        """
        return pulumi.get(self, "policy_id")

    @_builtins.property
    @pulumi.getter(name="scopeType")
    def scope_type(self) -> pulumi.Output[str]:
        """
        Where the policy applies: one of tenant, cluster, department, project. A change replaces the policy.
        """
        return pulumi.get(self, "scope_type")

    @_builtins.property
    @pulumi.getter(name="workloadType")
    def workload_type(self) -> pulumi.Output[str]:
        """
        The workload type the policy governs, the API's path segment: one of trainings, workspaces, distributed, inferences, distributed-inferences, nim-services. A change replaces the policy.
        """
        return pulumi.get(self, "workload_type")

    @_builtins.property
    @pulumi.getter
    def name(self) -> pulumi.Output[Optional[str]]:
        """
        The policy's name (`meta.name`); unset gives `<workload_type>-<scope_type>[-<id>]` at creation and leaves Run:ai's value afterwards.
        """
        return pulumi.get(self, "name")

    @_builtins.property
    @pulumi.getter(name="scopeId")
    def scope_id(self) -> pulumi.Output[Optional[str]]:
        """
        The scope's id: the cluster uuid, the department id or the project id (pass `project.id`); unset for a tenant policy. A change replaces the policy.
        """
        return pulumi.get(self, "scope_id")

# ruff: noqa
# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`; do not edit. ***
import builtins as _builtins
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union, overload

import pulumi
import pulumi.runtime

from . import _utilities, outputs
from ._inputs import *

__all__ = ['DepartmentArgs', 'Department']


@pulumi.input_type
class DepartmentArgs:
    def __init__(__self__, *,
                 cluster_id: pulumi.Input[str],
                 name: pulumi.Input[str],
                 adopt: Optional[pulumi.Input[bool]] = None,
                 description: Optional[pulumi.Input[str]] = None,
                 resources: Optional[pulumi.Input[Sequence[pulumi.Input[Union['NodePoolQuotaArgs', 'NodePoolQuotaArgsDict']]]]] = None):
        """
        The arguments for constructing a Department resource.
        """
        pulumi.set(__self__, "cluster_id", cluster_id)
        pulumi.set(__self__, "name", name)
        if adopt is not None:
            pulumi.set(__self__, "adopt", adopt)
        if description is not None:
            pulumi.set(__self__, "description", description)
        if resources is not None:
            pulumi.set(__self__, "resources", resources)

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
    @pulumi.getter
    def resources(self) -> Optional[pulumi.Input[Sequence[pulumi.Input['NodePoolQuotaArgs']]]]:
        """
        Quotas, one entry per node pool: `{node_pool, gpu: {deserved, limit, over_quota_weight}, cpu: {...} (millicores), memory: {..., units}}`; `limit` -1 (the default) is unlimited. Only the pools listed are managed.
        """
        return pulumi.get(self, "resources")

    @resources.setter
    def resources(self, value: Optional[pulumi.Input[Sequence[pulumi.Input['NodePoolQuotaArgs']]]]) -> None:
        pulumi.set(self, "resources", value)



@pulumi.type_token("runai:index:Department")
class Department(pulumi.CustomResource):
    """
    A Run:ai department: a group of projects with GPU, CPU and memory quotas per node pool. Source: /api/v1/org-unit/departments.
    """

    @overload
    def __init__(__self__, resource_name: str,
                 opts: Optional[pulumi.ResourceOptions] = None,
                 cluster_id: Optional[pulumi.Input[str]] = None,
                 name: Optional[pulumi.Input[str]] = None,
                 adopt: Optional[pulumi.Input[bool]] = None,
                 description: Optional[pulumi.Input[str]] = None,
                 resources: Optional[pulumi.Input[Sequence[pulumi.Input[Union['NodePoolQuotaArgs', 'NodePoolQuotaArgsDict']]]]] = None,
                 __props__=None):
        ...

    @overload
    def __init__(__self__, resource_name: str, args: DepartmentArgs,
                 opts: Optional[pulumi.ResourceOptions] = None):
        ...

    def __init__(__self__, resource_name: str, *args, **kwargs):
        resource_args, opts = _utilities.get_resource_args_opts(
            DepartmentArgs, pulumi.ResourceOptions, *args, **kwargs)
        if resource_args is not None:
            __self__._internal_init(resource_name, opts, **resource_args.__dict__)
        else:
            __self__._internal_init(resource_name, *args, **kwargs)

    def _internal_init(__self__, resource_name: str,
                 opts: Optional[pulumi.ResourceOptions] = None,
                 cluster_id: Optional[pulumi.Input[str]] = None,
                 name: Optional[pulumi.Input[str]] = None,
                 adopt: Optional[pulumi.Input[bool]] = None,
                 description: Optional[pulumi.Input[str]] = None,
                 resources: Optional[pulumi.Input[Sequence[pulumi.Input[Union['NodePoolQuotaArgs', 'NodePoolQuotaArgsDict']]]]] = None,
                 __props__=None):
        opts = pulumi.ResourceOptions.merge(_utilities.get_resource_opts_defaults(), opts)
        if opts.id is None:
            if __props__ is not None:
                raise TypeError('__props__ is only valid with opts.id (use get())')
            __props__ = DepartmentArgs.__new__(DepartmentArgs)
            if cluster_id is None and not opts.urn:
                raise TypeError("Missing required property 'cluster_id'")
            __props__.__dict__["cluster_id"] = cluster_id
            if name is None and not opts.urn:
                raise TypeError("Missing required property 'name'")
            __props__.__dict__["name"] = name
            __props__.__dict__["adopt"] = adopt
            __props__.__dict__["description"] = description
            __props__.__dict__["resources"] = resources
            __props__.__dict__["department_id"] = None
            __props__.__dict__["created_at"] = None
            __props__.__dict__["created_by"] = None
            __props__.__dict__["updated_at"] = None
        super(Department, __self__).__init__(
            'runai:index:Department', resource_name, __props__, opts)

    @staticmethod
    def get(resource_name: str, id: pulumi.Input[str],
            opts: Optional[pulumi.ResourceOptions] = None) -> 'Department':
        """
        Read an existing Department by its id (adopted into the stack only with `import_`; `get` never changes or deletes it).
        """
        opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        __props__ = DepartmentArgs.__new__(DepartmentArgs)
        __props__.__dict__["adopt"] = None
        __props__.__dict__["cluster_id"] = None
        __props__.__dict__["department_id"] = None
        __props__.__dict__["name"] = None
        __props__.__dict__["created_at"] = None
        __props__.__dict__["created_by"] = None
        __props__.__dict__["description"] = None
        __props__.__dict__["resources"] = None
        __props__.__dict__["updated_at"] = None
        return Department(resource_name, opts=opts, __props__=__props__)

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
    @pulumi.getter(name="departmentId")
    def department_id(self) -> pulumi.Output[str]:
        """
        The department's id (also the resource id).
        """
        return pulumi.get(self, "department_id")

    @_builtins.property
    @pulumi.getter
    def name(self) -> pulumi.Output[str]:
        """
        The name, unique in its cluster: lowercase letters, digits and '-', at most 63 characters (DNS-1123).
        """
        return pulumi.get(self, "name")

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
    @pulumi.getter
    def description(self) -> pulumi.Output[Optional[str]]:
        """
        Free text shown in the Run:ai UI.
        """
        return pulumi.get(self, "description")

    @_builtins.property
    @pulumi.getter
    def resources(self) -> pulumi.Output[Optional[Sequence['outputs.NodePoolQuota']]]:
        """
        Quotas, one entry per node pool: `{node_pool, gpu: {deserved, limit, over_quota_weight}, cpu: {...} (millicores), memory: {..., units}}`; `limit` -1 (the default) is unlimited. Only the pools listed are managed.
        """
        return pulumi.get(self, "resources")

    @_builtins.property
    @pulumi.getter(name="updatedAt")
    def updated_at(self) -> pulumi.Output[Optional[str]]:
        """
        When it last changed (ISO 8601).
        """
        return pulumi.get(self, "updated_at")

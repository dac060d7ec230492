# ruff: noqa
# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`; do not edit. ***
import builtins as _builtins
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union, overload

import pulumi
import pulumi.runtime

from . import _utilities

__all__ = ['GetDepartmentResult', 'AwaitableGetDepartmentResult', 'get_department', 'get_department_output']


@pulumi.output_type
class GetDepartmentResult(dict):
    def __init__(__self__, *,
                 cluster_id: str = None,
                 description: str = None,
                 id: str = None,
                 name: str = None):
        """
        A department; `id` is what `Project.department_id` and access-rule scopes take.
        """
        if cluster_id is not None:
            pulumi.set(__self__, "cluster_id", cluster_id)
        if description is not None:
            pulumi.set(__self__, "description", description)
        if id is not None:
            pulumi.set(__self__, "id", id)
        if name is not None:
            pulumi.set(__self__, "name", name)

    @_builtins.property
    @pulumi.getter(name="clusterId")
    def cluster_id(self) -> str:
        """

        """
        return pulumi.get(self, "cluster_id")

    @_builtins.property
    @pulumi.getter
    def description(self) -> str:
        """

        """
        return pulumi.get(self, "description")

    @_builtins.property
    @pulumi.getter
    def id(self) -> str:
        """

        """
        return pulumi.get(self, "id")

    @_builtins.property
    @pulumi.getter
    def name(self) -> str:
        """

        """
        return pulumi.get(self, "name")



class AwaitableGetDepartmentResult(GetDepartmentResult):
    def __await__(self):
        if False:
            yield self
        return self


def get_department(
        cluster_id: str,
        name: str,
        opts: Optional[pulumi.InvokeOptions] = None,
) -> AwaitableGetDepartmentResult:
    """
    The department called `name` in the cluster.

    Raises `NotFound` listing the cluster's departments. Source:
    GET /api/v1/org-unit/departments.
    """
    __args__: dict[str, Any] = {}
    __args__['clusterId'] = cluster_id
    __args__['name'] = name
    opts = pulumi.InvokeOptions.merge(_utilities.get_invoke_opts_defaults(), opts)
    value = pulumi.runtime.invoke('runai:index:getDepartment', __args__, opts=opts, typ=GetDepartmentResult).value
    return AwaitableGetDepartmentResult(**{k: getattr(value, k) for k in ['cluster_id', 'description', 'id', 'name']})


def get_department_output(
        cluster_id: pulumi.Input[str],
        name: pulumi.Input[str],
        opts: Optional[pulumi.InvokeOutputOptions] = None,
) -> pulumi.Output[GetDepartmentResult]:
    """
    The department called `name` in the cluster.

    Raises `NotFound` listing the cluster's departments. Source:
    GET /api/v1/org-unit/departments.
    """
    __args__: dict[str, Any] = {}
    __args__['clusterId'] = cluster_id
    __args__['name'] = name
    opts = pulumi.InvokeOutputOptions.merge(_utilities.get_invoke_opts_defaults(), opts)
    return pulumi.runtime.invoke_output('runai:index:getDepartment', __args__, opts=opts, typ=GetDepartmentResult)

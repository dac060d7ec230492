# ruff: noqa
# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`; do not edit. ***
import builtins as _builtins
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union, overload

import pulumi
import pulumi.runtime

from . import _utilities

__all__ = ['GetProjectResult', 'AwaitableGetProjectResult', 'get_project', 'get_project_output']


@pulumi.output_type
class GetProjectResult(dict):
    def __init__(__self__, *,
                 cluster_id: str = None,
                 id: str = None,
                 name: str = None,
                 department_id: Optional[str] = None,
                 namespace: Optional[str] = None,
                 phase: Optional[str] = None):
        """
        A project; `namespace` and `phase` as the cluster reports them.
        """
        if cluster_id is not None:
            pulumi.set(__self__, "cluster_id", cluster_id)
        if id is not None:
            pulumi.set(__self__, "id", id)
        if name is not None:
            pulumi.set(__self__, "name", name)
        if department_id is not None:
            pulumi.set(__self__, "department_id", department_id)
        if namespace is not None:
            pulumi.set(__self__, "namespace", namespace)
        if phase is not None:
            pulumi.set(__self__, "phase", phase)

    @_builtins.property
    @pulumi.getter(name="clusterId")
    def cluster_id(self) -> str:
        """

        """
        return pulumi.get(self, "cluster_id")

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

    @_builtins.property
    @pulumi.getter(name="departmentId")
    def department_id(self) -> Optional[str]:
        """

        """
        return pulumi.get(self, "department_id")

    @_builtins.property
    @pulumi.getter
    def namespace(self) -> Optional[str]:
        """

        """
        return pulumi.get(self, "namespace")

    @_builtins.property
    @pulumi.getter
    def phase(self) -> Optional[str]:
        """

        """
        return pulumi.get(self, "phase")



class AwaitableGetProjectResult(GetProjectResult):
    def __await__(self):
        if False:
            yield self
        return self


def get_project(
        cluster_id: str,
        name: str,
        opts: Optional[pulumi.InvokeOptions] = None,
) -> AwaitableGetProjectResult:
    """
    The project called `name` in the cluster.

    Raises `NotFound` listing the cluster's projects. Source: GET /api/v1/org-unit/projects.
    """
    __args__: dict[str, Any] = {}
    __args__['clusterId'] = cluster_id
    __args__['name'] = name
    opts = pulumi.InvokeOptions.merge(_utilities.get_invoke_opts_defaults(), opts)
    value = pulumi.runtime.invoke('runai:index:getProject', __args__, opts=opts, typ=GetProjectResult).value
    return AwaitableGetProjectResult(**{k: getattr(value, k) for k in ['cluster_id', 'id', 'name', 'department_id', 'namespace', 'phase']})


def get_project_output(
        cluster_id: pulumi.Input[str],
        name: pulumi.Input[str],
        opts: Optional[pulumi.InvokeOutputOptions] = None,
) -> pulumi.Output[GetProjectResult]:
    """
    The project called `name` in the cluster.

    Raises `NotFound` listing the cluster's projects. Source: GET /api/v1/org-unit/projects.
    """
    __args__: dict[str, Any] = {}
    __args__['clusterId'] = cluster_id
    __args__['name'] = name
    opts = pulumi.InvokeOutputOptions.merge(_utilities.get_invoke_opts_defaults(), opts)
    return pulumi.runtime.invoke_output('runai:index:getProject', __args__, opts=opts, typ=GetProjectResult)

# ruff: noqa
# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`; do not edit. ***
import builtins as _builtins
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union, overload

import pulumi
import pulumi.runtime

from . import _utilities

__all__ = ['GetNodePoolResult', 'AwaitableGetNodePoolResult', 'get_node_pool', 'get_node_pool_output']


@pulumi.output_type
class GetNodePoolResult(dict):
    def __init__(__self__, *,
                 cluster_id: str = None,
                 id: str = None,
                 is_default: bool = None,
                 name: str = None,
                 phase: Optional[str] = None):
        """
        A node pool of a cluster; quota entries name it by `name`.
        """
        if cluster_id is not None:
            pulumi.set(__self__, "cluster_id", cluster_id)
        if id is not None:
            pulumi.set(__self__, "id", id)
        if is_default is not None:
            pulumi.set(__self__, "is_default", is_default)
        if name is not None:
            pulumi.set(__self__, "name", name)
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
    @pulumi.getter(name="isDefault")
    def is_default(self) -> bool:
        """

        """
        return pulumi.get(self, "is_default")

    @_builtins.property
    @pulumi.getter
    def name(self) -> str:
        """

        """
        return pulumi.get(self, "name")

    @_builtins.property
    @pulumi.getter
    def phase(self) -> Optional[str]:
        """

        """
        return pulumi.get(self, "phase")



class AwaitableGetNodePoolResult(GetNodePoolResult):
    def __await__(self):
        if False:
            yield self
        return self


def get_node_pool(
        cluster_id: str,
        name: str,
        opts: Optional[pulumi.InvokeOptions] = None,
) -> AwaitableGetNodePoolResult:
    """
    The node pool called `name` in the cluster (`cluster_id` is its uuid).

    Raises `NotFound` listing the cluster's pools. Source: GET /api/v1/node-pools.
    """
    __args__: dict[str, Any] = {}
    __args__['clusterId'] = cluster_id
    __args__['name'] = name
    opts = pulumi.InvokeOptions.merge(_utilities.get_invoke_opts_defaults(), opts)
    value = pulumi.runtime.invoke('runai:index:getNodePool', __args__, opts=opts, typ=GetNodePoolResult).value
    return AwaitableGetNodePoolResult(**{k: getattr(value, k) for k in ['cluster_id', 'id', 'is_default', 'name', 'phase']})


def get_node_pool_output(
        cluster_id: pulumi.Input[str],
        name: pulumi.Input[str],
        opts: Optional[pulumi.InvokeOutputOptions] = None,
) -> pulumi.Output[GetNodePoolResult]:
    """
    The node pool called `name` in the cluster (`cluster_id` is its uuid).

    Raises `NotFound` listing the cluster's pools. Source: GET /api/v1/node-pools.
    """
    __args__: dict[str, Any] = {}
    __args__['clusterId'] = cluster_id
    __args__['name'] = name
    opts = pulumi.InvokeOutputOptions.merge(_utilities.get_invoke_opts_defaults(), opts)
    return pulumi.runtime.invoke_output('runai:index:getNodePool', __args__, opts=opts, typ=GetNodePoolResult)

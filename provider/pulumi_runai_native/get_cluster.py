# ruff: noqa
# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`; do not edit. ***
import builtins as _builtins
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union, overload

import pulumi
import pulumi.runtime

from . import _utilities

__all__ = ['GetClusterResult', 'AwaitableGetClusterResult', 'get_cluster', 'get_cluster_output']


@pulumi.output_type
class GetClusterResult(dict):
    def __init__(__self__, *,
                 id: str = None,
                 name: str = None,
                 state: Optional[str] = None,
                 version: Optional[str] = None):
        """
        A cluster: `id` is its uuid (what `cluster_id` inputs take).
        """
        if id is not None:
            pulumi.set(__self__, "id", id)
        if name is not None:
            pulumi.set(__self__, "name", name)
        if state is not None:
            pulumi.set(__self__, "state", state)
        if version is not None:
            pulumi.set(__self__, "version", version)

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
    @pulumi.getter
    def state(self) -> Optional[str]:
        """

        """
        return pulumi.get(self, "state")

    @_builtins.property
    @pulumi.getter
    def version(self) -> Optional[str]:
        """

        """
        return pulumi.get(self, "version")



class AwaitableGetClusterResult(GetClusterResult):
    def __await__(self):
        if False:
            yield self
        return self


def get_cluster(
        name: Optional[str] = None,
        opts: Optional[pulumi.InvokeOptions] = None,
) -> AwaitableGetClusterResult:
    """
    The cluster called `name`, or without a name the tenant's only cluster.
    """
    __args__: dict[str, Any] = {}
    __args__['name'] = name
    opts = pulumi.InvokeOptions.merge(_utilities.get_invoke_opts_defaults(), opts)
    value = pulumi.runtime.invoke('runai:index:getCluster', __args__, opts=opts, typ=GetClusterResult).value
    return AwaitableGetClusterResult(**{k: getattr(value, k) for k in ['id', 'name', 'state', 'version']})


def get_cluster_output(
        name: Optional[pulumi.Input[str]] = None,
        opts: Optional[pulumi.InvokeOutputOptions] = None,
) -> pulumi.Output[GetClusterResult]:
    """
    The cluster called `name`, or without a name the tenant's only cluster.
    """
    __args__: dict[str, Any] = {}
    __args__['name'] = name
    opts = pulumi.InvokeOutputOptions.merge(_utilities.get_invoke_opts_defaults(), opts)
    return pulumi.runtime.invoke_output('runai:index:getCluster', __args__, opts=opts, typ=GetClusterResult)

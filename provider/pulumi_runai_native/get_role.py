# ruff: noqa
# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`; do not edit. ***
import builtins as _builtins
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union, overload

import pulumi
import pulumi.runtime

from . import _utilities

__all__ = ['GetRoleResult', 'AwaitableGetRoleResult', 'get_role', 'get_role_output']


@pulumi.output_type
class GetRoleResult(dict):
    def __init__(__self__, *,
                 description: str = None,
                 id: int = None,
                 name: str = None):
        """
        A role (predefined or custom); `id` is what `AccessRule.role_id` takes.
        """
        if description is not None:
            pulumi.set(__self__, "description", description)
        if id is not None:
            pulumi.set(__self__, "id", id)
        if name is not None:
            pulumi.set(__self__, "name", name)

    @_builtins.property
    @pulumi.getter
    def description(self) -> str:
        """

        """
        return pulumi.get(self, "description")

    @_builtins.property
    @pulumi.getter
    def id(self) -> int:
        """

        """
        return pulumi.get(self, "id")

    @_builtins.property
    @pulumi.getter
    def name(self) -> str:
        """

        """
        return pulumi.get(self, "name")



class AwaitableGetRoleResult(GetRoleResult):
    def __await__(self):
        if False:
            yield self
        return self


def get_role(
        name: str,
        opts: Optional[pulumi.InvokeOptions] = None,
) -> AwaitableGetRoleResult:
    """
    The role called exactly `name` (case-sensitive, e.g. `L1 researcher`).

    Raises `NotFound` listing the roles (and a close match in another case). Source: the
    tenant's roles API.
    """
    __args__: dict[str, Any] = {}
    __args__['name'] = name
    opts = pulumi.InvokeOptions.merge(_utilities.get_invoke_opts_defaults(), opts)
    value = pulumi.runtime.invoke('runai:index:getRole', __args__, opts=opts, typ=GetRoleResult).value
    return AwaitableGetRoleResult(**{k: getattr(value, k) for k in ['description', 'id', 'name']})


def get_role_output(
        name: pulumi.Input[str],
        opts: Optional[pulumi.InvokeOutputOptions] = None,
) -> pulumi.Output[GetRoleResult]:
    """
    The role called exactly `name` (case-sensitive, e.g. `L1 researcher`).

    Raises `NotFound` listing the roles (and a close match in another case). Source: the
    tenant's roles API.
    """
    __args__: dict[str, Any] = {}
    __args__['name'] = name
    opts = pulumi.InvokeOutputOptions.merge(_utilities.get_invoke_opts_defaults(), opts)
    return pulumi.runtime.invoke_output('runai:index:getRole', __args__, opts=opts, typ=GetRoleResult)

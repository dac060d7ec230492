# ruff: noqa
# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`; do not edit. ***
import builtins as _builtins
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union, overload

import pulumi
import pulumi.runtime

from . import _utilities

__all__ = ['GetUserResult', 'AwaitableGetUserResult', 'get_user', 'get_user_output']


@pulumi.output_type
class GetUserResult(dict):
    def __init__(__self__, *,
                 email: str = None,
                 id: str = None,
                 is_local: Optional[bool] = None):
        """
        A user; `email` is the login name.
        """
        if email is not None:
            pulumi.set(__self__, "email", email)
        if id is not None:
            pulumi.set(__self__, "id", id)
        if is_local is not None:
            pulumi.set(__self__, "is_local", is_local)

    @_builtins.property
    @pulumi.getter
    def email(self) -> str:
        """

        """
        return pulumi.get(self, "email")

    @_builtins.property
    @pulumi.getter
    def id(self) -> str:
        """

        """
        return pulumi.get(self, "id")

    @_builtins.property
    @pulumi.getter(name="isLocal")
    def is_local(self) -> Optional[bool]:
        """

        """
        return pulumi.get(self, "is_local")



class AwaitableGetUserResult(GetUserResult):
    def __await__(self):
        if False:
            yield self
        return self


def get_user(
        email: str,
        opts: Optional[pulumi.InvokeOptions] = None,
) -> AwaitableGetUserResult:
    """
    The user whose login is `email` (compared without regard to case).

    Raises `NotFound` when there is none. Source: GET /api/v1/users.
    """
    __args__: dict[str, Any] = {}
    __args__['email'] = email
    opts = pulumi.InvokeOptions.merge(_utilities.get_invoke_opts_defaults(), opts)
    value = pulumi.runtime.invoke('runai:index:getUser', __args__, opts=opts, typ=GetUserResult).value
    return AwaitableGetUserResult(**{k: getattr(value, k) for k in ['email', 'id', 'is_local']})


def get_user_output(
        email: pulumi.Input[str],
        opts: Optional[pulumi.InvokeOutputOptions] = None,
) -> pulumi.Output[GetUserResult]:
    """
    The user whose login is `email` (compared without regard to case).

    Raises `NotFound` when there is none. Source: GET /api/v1/users.
    """
    __args__: dict[str, Any] = {}
    __args__['email'] = email
    opts = pulumi.InvokeOutputOptions.merge(_utilities.get_invoke_opts_defaults(), opts)
    return pulumi.runtime.invoke_output('runai:index:getUser', __args__, opts=opts, typ=GetUserResult)

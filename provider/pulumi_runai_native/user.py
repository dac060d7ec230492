# ruff: noqa
# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`; do not edit. ***
import builtins as _builtins
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union, overload

import pulumi
import pulumi.runtime

from . import _utilities, outputs
from ._inputs import *

__all__ = ['UserArgs', 'User']


@pulumi.input_type
class UserArgs:
    def __init__(__self__, *,
                 email: pulumi.Input[str],
                 adopt: Optional[pulumi.Input[bool]] = None,
                 notify: Optional[pulumi.Input[bool]] = None,
                 reset_password: Optional[pulumi.Input[bool]] = None):
        """
        The arguments for constructing a User resource.
        """
        pulumi.set(__self__, "email", email)
        if adopt is not None:
            pulumi.set(__self__, "adopt", adopt)
        if notify is not None:
            pulumi.set(__self__, "notify", notify)
        if reset_password is not None:
            pulumi.set(__self__, "reset_password", reset_password)

    @_builtins.property
    @pulumi.getter
    def email(self) -> pulumi.Input[str]:
        """
        The user's e-mail address, also their login name. Compared without regard to case.
        """
        return pulumi.get(self, "email")

    @email.setter
    def email(self, value: pulumi.Input[str]) -> None:
        pulumi.set(self, "email", value)

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
    def notify(self) -> Optional[pulumi.Input[bool]]:
        """
        Create-time option: e-mail the user their login details. A later change is recorded and does nothing (the API cannot change it).
        """
        return pulumi.get(self, "notify")

    @notify.setter
    def notify(self, value: Optional[pulumi.Input[bool]]) -> None:
        pulumi.set(self, "notify", value)

    @_builtins.property
    @pulumi.getter(name="resetPassword")
    def reset_password(self) -> Optional[pulumi.Input[bool]]:
        """
        Create-time option: make the user choose a new password at first login. A later change is recorded and does nothing (the API cannot change it).
        """
        return pulumi.get(self, "reset_password")

    @reset_password.setter
    def reset_password(self, value: Optional[pulumi.Input[bool]]) -> None:
        pulumi.set(self, "reset_password", value)



@pulumi.type_token("runai:index:User")
class User(pulumi.CustomResource):
    """
    A local Run:ai user. Only the e-mail identifies it; the API cannot update users, so a new e-mail replaces the user (and Run:ai removes the access rules naming the old one). Source: /api/v1/users.
    """

    @overload
    def __init__(__self__, resource_name: str,
                 opts: Optional[pulumi.ResourceOptions] = None,
                 email: Optional[pulumi.Input[str]] = None,
                 adopt: Optional[pulumi.Input[bool]] = None,
                 notify: Optional[pulumi.Input[bool]] = None,
                 reset_password: Optional[pulumi.Input[bool]] = None,
                 __props__=None):
        ...

    @overload
    def __init__(__self__, resource_name: str, args: UserArgs,
                 opts: Optional[pulumi.ResourceOptions] = None):
        ...

    def __init__(__self__, resource_name: str, *args, **kwargs):
        resource_args, opts = _utilities.get_resource_args_opts(
            UserArgs, pulumi.ResourceOptions, *args, **kwargs)
        if resource_args is not None:
            __self__._internal_init(resource_name, opts, **resource_args.__dict__)
        else:
            __self__._internal_init(resource_name, *args, **kwargs)

    def _internal_init(__self__, resource_name: str,
                 opts: Optional[pulumi.ResourceOptions] = None,
                 email: Optional[pulumi.Input[str]] = None,
                 adopt: Optional[pulumi.Input[bool]] = None,
                 notify: Optional[pulumi.Input[bool]] = None,
                 reset_password: Optional[pulumi.Input[bool]] = None,
                 __props__=None):
        opts = pulumi.ResourceOptions.merge(_utilities.get_resource_opts_defaults(), opts)
        if opts.id is None:
            if __props__ is not None:
                raise TypeError('__props__ is only valid with opts.id (use get())')
            __props__ = UserArgs.__new__(UserArgs)
            if email is None and not opts.urn:
                raise TypeError("Missing required property 'email'")
            __props__.__dict__["email"] = email
            __props__.__dict__["adopt"] = adopt
            __props__.__dict__["notify"] = notify
            __props__.__dict__["reset_password"] = reset_password
            __props__.__dict__["user_id"] = None
            __props__.__dict__["temp_password"] = None
            __props__.__dict__["username"] = None
        secret_opts = pulumi.ResourceOptions(additional_secret_outputs=['tempPassword'])
        opts = pulumi.ResourceOptions.merge(opts, secret_opts)
        super(User, __self__).__init__(
            'runai:index:User', resource_name, __props__, opts)

    @staticmethod
    def get(resource_name: str, id: pulumi.Input[str],
            opts: Optional[pulumi.ResourceOptions] = None) -> 'User':
        """
        Read an existing User by its id (adopted into the stack only with `import_`; `get` never changes or deletes it).
        """
        opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        __props__ = UserArgs.__new__(UserArgs)
        __props__.__dict__["adopt"] = None
        __props__.__dict__["email"] = None
        __props__.__dict__["user_id"] = None
        __props__.__dict__["notify"] = None
        __props__.__dict__["reset_password"] = None
        __props__.__dict__["temp_password"] = None
        __props__.__dict__["username"] = None
        return User(resource_name, opts=opts, __props__=__props__)

    @_builtins.property
    @pulumi.getter
    def adopt(self) -> pulumi.Output[bool]:
        """
        Take over an existing object with the same natural key instead of failing with a conflict; the object is then updated to match the program. Default false.
        """
        return pulumi.get(self, "adopt")

    @_builtins.property
    @pulumi.getter
    def email(self) -> pulumi.Output[str]:
        """
        The user's e-mail address, also their login name. Compared without regard to case.
        """
        return pulumi.get(self, "email")

    @_builtins.property
    @pulumi.getter(name="userId")
    def user_id(self) -> pulumi.Output[str]:
        """
        The user's id (also the resource id).
        """
        return pulumi.get(self, "user_id")

    @_builtins.property
    @pulumi.getter
    def notify(self) -> pulumi.Output[Optional[bool]]:
        """
        Create-time option: e-mail the user their login details. A later change is recorded and does nothing (the API cannot change it).
        """
        return pulumi.get(self, "notify")

    @_builtins.property
    @pulumi.getter(name="resetPassword")
    def reset_password(self) -> pulumi.Output[Optional[bool]]:
        """
        Create-time option: make the user choose a new password at first login. A later change is recorded and does nothing (the API cannot change it).
        """
        return pulumi.get(self, "reset_password")

    @_builtins.property
    @pulumi.getter(name="tempPassword")
    def temp_password(self) -> pulumi.Output[Optional[str]]:
        """
        The temporary password Run:ai returns once, from the create that made the user; absent for an adopted user.
        """
        return pulumi.get(self, "temp_password")

    @_builtins.property
    @pulumi.getter
    def username(self) -> pulumi.Output[Optional[str]]:
        """
        The login name Run:ai gave the user (the e-mail).
        """
        return pulumi.get(self, "username")

# ruff: noqa
# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`; do not edit. ***
import builtins as _builtins
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union, overload

import pulumi
import pulumi.runtime

from . import _utilities, outputs
from ._inputs import *

__all__ = ['RoleArgs', 'Role']


@pulumi.input_type
class RoleArgs:
    def __init__(__self__, *,
                 description: pulumi.Input[str],
                 name: pulumi.Input[str],
                 permission_sets: pulumi.Input[Sequence[pulumi.Input[str]]],
                 adopt: Optional[pulumi.Input[bool]] = None,
                 enabled: Optional[pulumi.Input[bool]] = None):
        """
        The arguments for constructing a Role resource.
        """
        pulumi.set(__self__, "description", description)
        pulumi.set(__self__, "name", name)
        pulumi.set(__self__, "permission_sets", permission_sets)
        if adopt is not None:
            pulumi.set(__self__, "adopt", adopt)
        if enabled is not None:
            pulumi.set(__self__, "enabled", enabled)

    @_builtins.property
    @pulumi.getter
    def description(self) -> pulumi.Input[str]:
        """
        What the role is for.
        """
        return pulumi.get(self, "description")

    @description.setter
    def description(self, value: pulumi.Input[str]) -> None:
        pulumi.set(self, "description", value)

    @_builtins.property
    @pulumi.getter
    def name(self) -> pulumi.Input[str]:
        """
        The role's name, unique among roles (predefined ones included); changed in place. Access rules may name it in `role_name`.
        """
        return pulumi.get(self, "name")

    @name.setter
    def name(self, value: pulumi.Input[str]) -> None:
        pulumi.set(self, "name", value)

    @_builtins.property
    @pulumi.getter(name="permissionSets")
    def permission_sets(self) -> pulumi.Input[Sequence[pulumi.Input[str]]]:
        """
        Names of permission sets from the tenant's catalogue (GET /api/v1/authorization/permission-sets), e.g. `Project management`; the order does not matter. An unknown name fails the preview with the known ones listed.
        """
        return pulumi.get(self, "permission_sets")

    @permission_sets.setter
    def permission_sets(self, value: pulumi.Input[Sequence[pulumi.Input[str]]]) -> None:
        pulumi.set(self, "permission_sets", value)

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
    def enabled(self) -> Optional[pulumi.Input[bool]]:
        """
        Whether the role can be granted; unset leaves Run:ai's value (new roles are enabled).
        """
        return pulumi.get(self, "enabled")

    @enabled.setter
    def enabled(self, value: Optional[pulumi.Input[bool]]) -> None:
        pulumi.set(self, "enabled", value)



@pulumi.type_token("runai:index:Role")
class Role(pulumi.CustomResource):
    """
    A Run:ai custom role built from permission sets; every change is made in place. Predefined roles cannot be managed: refer to them with `runai.get_role(name)`. Source: /api/v2/authorization/roles.
    """

    @overload
    def __init__(__self__, resource_name: str,
                 opts: Optional[pulumi.ResourceOptions] = None,
                 description: Optional[pulumi.Input[str]] = None,
                 name: Optional[pulumi.Input[str]] = None,
                 permission_sets: Optional[pulumi.Input[Sequence[pulumi.Input[str]]]] = None,
                 adopt: Optional[pulumi.Input[bool]] = None,
                 enabled: Optional[pulumi.Input[bool]] = None,
                 __props__=None):
        ...

    @overload
    def __init__(__self__, resource_name: str, args: RoleArgs,
                 opts: Optional[pulumi.ResourceOptions] = None):
        ...

    def __init__(__self__, resource_name: str, *args, **kwargs):
        resource_args, opts = _utilities.get_resource_args_opts(
            RoleArgs, pulumi.ResourceOptions, *args, **kwargs)
        if resource_args is not None:
            __self__._internal_init(resource_name, opts, **resource_args.__dict__)
        else:
            __self__._internal_init(resource_name, *args, **kwargs)

    def _internal_init(__self__, resource_name: str,
                 opts: Optional[pulumi.ResourceOptions] = None,
                 description: Optional[pulumi.Input[str]] = None,
                 name: Optional[pulumi.Input[str]] = None,
                 permission_sets: Optional[pulumi.Input[Sequence[pulumi.Input[str]]]] = None,
                 adopt: Optional[pulumi.Input[bool]] = None,
                 enabled: Optional[pulumi.Input[bool]] = None,
                 __props__=None):
        opts = pulumi.ResourceOptions.merge(_utilities.get_resource_opts_defaults(), opts)
        if opts.id is None:
            if __props__ is not None:
                raise TypeError('__props__ is only valid with opts.id (use get())')
            __props__ = RoleArgs.__new__(RoleArgs)
            if description is None and not opts.urn:
                raise TypeError("Missing required property 'description'")
            __props__.__dict__["description"] = description
            if name is None and not opts.urn:
                raise TypeError("Missing required property 'name'")
            __props__.__dict__["name"] = name
            if permission_sets is None and not opts.urn:
                raise TypeError("Missing required property 'permission_sets'")
            __props__.__dict__["permission_sets"] = permission_sets
            __props__.__dict__["adopt"] = adopt
            __props__.__dict__["enabled"] = enabled
            __props__.__dict__["role_id"] = None
        super(Role, __self__).__init__(
            'runai:index:Role', resource_name, __props__, opts)

    @staticmethod
    def get(resource_name: str, id: pulumi.Input[str],
            opts: Optional[pulumi.ResourceOptions] = None) -> 'Role':
        """
        Read an existing Role by its id (adopted into the stack only with `import_`; `get` never changes or deletes it).
        """
        opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        __props__ = RoleArgs.__new__(RoleArgs)
        __props__.__dict__["adopt"] = None
        __props__.__dict__["description"] = None
        __props__.__dict__["name"] = None
        __props__.__dict__["permission_sets"] = None
        __props__.__dict__["role_id"] = None
        __props__.__dict__["enabled"] = None
        return Role(resource_name, opts=opts, __props__=__props__)

    @_builtins.property
    @pulumi.getter
    def adopt(self) -> pulumi.Output[bool]:
        """
        Take over an existing object with the same natural key instead of failing with a conflict; the object is then updated to match the program. Default false.
        """
        return pulumi.get(self, "adopt")

    @_builtins.property
    @pulumi.getter
    def description(self) -> pulumi.Output[str]:
        """
        What the role is for.
        """
        return pulumi.get(self, "description")

    @_builtins.property
    @pulumi.getter
    def name(self) -> pulumi.Output[str]:
        """
        The role's name, unique among roles (predefined ones included); changed in place. Access rules may name it in `role_name`.
        """
        return pulumi.get(self, "name")

    @_builtins.property
    @pulumi.getter(name="permissionSets")
    def permission_sets(self) -> pulumi.Output[Sequence[str]]:
        """
        Names of permission sets from the tenant's catalogue (GET /api/v1/authorization/permission-sets), e.g. `Project management`; the order does not matter. An unknown name fails the preview with the known ones listed.
        """
        return pulumi.get(self, "permission_sets")

    @_builtins.property
    @pulumi.getter(name="roleId")
    def role_id(self) -> pulumi.Output[int]:
        """
        The role's id, an integer (also the resource id).
        """
        return pulumi.get(self, "role_id")

    @_builtins.property
    @pulumi.getter
    def enabled(self) -> pulumi.Output[Optional[bool]]:
        """
        Whether the role can be granted; unset leaves Run:ai's value (new roles are enabled).
        """
        return pulumi.get(self, "enabled")

# ruff: noqa
# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`; do not edit. ***
import builtins as _builtins
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union, overload

import pulumi
import pulumi.runtime

from . import _utilities, outputs
from ._inputs import *

__all__ = ['ServiceAccountArgs', 'ServiceAccount']


@pulumi.input_type
class ServiceAccountArgs:
    def __init__(__self__, *,
                 name: pulumi.Input[str],
                 adopt: Optional[pulumi.Input[bool]] = None,
                 enabled: Optional[pulumi.Input[bool]] = None,
                 secret_version: Optional[pulumi.Input[str]] = None):
        """
        The arguments for constructing a ServiceAccount resource.
        """
        pulumi.set(__self__, "name", name)
        if adopt is not None:
            pulumi.set(__self__, "adopt", adopt)
        if enabled is not None:
            pulumi.set(__self__, "enabled", enabled)
        if secret_version is not None:
            pulumi.set(__self__, "secret_version", secret_version)

    @_builtins.property
    @pulumi.getter
    def name(self) -> pulumi.Input[str]:
        """
        The account's name, also its client id: lowercase letters, digits, '-' and '_', starting with a letter and ending with a letter or digit. A new name replaces the account (and Run:ai removes the access rules naming the old one).
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
    def enabled(self) -> Optional[pulumi.Input[bool]]:
        """
        Whether the account may log in; changed in place. Unset leaves Run:ai's value (new accounts are enabled).
        """
        return pulumi.get(self, "enabled")

    @enabled.setter
    def enabled(self, value: Optional[pulumi.Input[bool]]) -> None:
        pulumi.set(self, "enabled", value)

    @_builtins.property
    @pulumi.getter(name="secretVersion")
    def secret_version(self) -> Optional[pulumi.Input[str]]:
        """
        Any string or number of the program's choosing: a new value rotates the client secret in place (same account, same id, same access rules).
        """
        return pulumi.get(self, "secret_version")

    @secret_version.setter
    def secret_version(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "secret_version", value)



@pulumi.type_token("runai:index:ServiceAccount")
class ServiceAccount(pulumi.CustomResource):
    """
    A Run:ai service account: a machine client of the API with its own client id and secret. A new name replaces it; `enabled` changes in place; a new `secret_version` rotates the secret in place. Source: /api/v1/service-accounts.
    """

    @overload
    def __init__(__self__, resource_name: str,
                 opts: Optional[pulumi.ResourceOptions] = None,
                 name: Optional[pulumi.Input[str]] = None,
                 adopt: Optional[pulumi.Input[bool]] = None,
                 enabled: Optional[pulumi.Input[bool]] = None,
                 secret_version: Optional[pulumi.Input[str]] = None,
                 __props__=None):
        ...

    @overload
    def __init__(__self__, resource_name: str, args: ServiceAccountArgs,
                 opts: Optional[pulumi.ResourceOptions] = None):
        ...

    def __init__(__self__, resource_name: str, *args, **kwargs):
        resource_args, opts = _utilities.get_resource_args_opts(
            ServiceAccountArgs, pulumi.ResourceOptions, *args, **kwargs)
        if resource_args is not None:
            __self__._internal_init(resource_name, opts, **resource_args.__dict__)
        else:
            __self__._internal_init(resource_name, *args, **kwargs)

    def _internal_init(__self__, resource_name: str,
                 opts: Optional[pulumi.ResourceOptions] = None,
                 name: Optional[pulumi.Input[str]] = None,
                 adopt: Optional[pulumi.Input[bool]] = None,
                 enabled: Optional[pulumi.Input[bool]] = None,
                 secret_version: Optional[pulumi.Input[str]] = None,
                 __props__=None):
        opts = pulumi.ResourceOptions.merge(_utilities.get_resource_opts_defaults(), opts)
        if opts.id is None:
            if __props__ is not None:
                raise TypeError('__props__ is only valid with opts.id (use get())')
            __props__ = ServiceAccountArgs.__new__(ServiceAccountArgs)
            if name is None and not opts.urn:
                raise TypeError("Missing required property 'name'")
            __props__.__dict__["name"] = name
            __props__.__dict__["adopt"] = adopt
            __props__.__dict__["enabled"] = enabled
            __props__.__dict__["secret_version"] = secret_version
            __props__.__dict__["service_account_id"] = None
            __props__.__dict__["client_id"] = None
            __props__.__dict__["client_secret"] = None
        secret_opts = pulumi.ResourceOptions(additional_secret_outputs=['clientSecret'])
        opts = pulumi.ResourceOptions.merge(opts, secret_opts)
        super(ServiceAccount, __self__).__init__(
            'runai:index:ServiceAccount', resource_name, __props__, opts)

    @staticmethod
    def get(resource_name: str, id: pulumi.Input[str],
            opts: Optional[pulumi.ResourceOptions] = None) -> 'ServiceAccount':
        """
        Read an existing ServiceAccount by its id (adopted into the stack only with `import_`; `get` never changes or deletes it).
        """
        opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        __props__ = ServiceAccountArgs.__new__(ServiceAccountArgs)
        __props__.__dict__["adopt"] = None
        __props__.__dict__["name"] = None
        __props__.__dict__["service_account_id"] = None
        __props__.__dict__["client_id"] = None
        __props__.__dict__["client_secret"] = None
        __props__.__dict__["enabled"] = None
        __props__.__dict__["secret_version"] = None
        return ServiceAccount(resource_name, opts=opts, __props__=__props__)

    @_builtins.property
    @pulumi.getter
    def adopt(self) -> pulumi.Output[bool]:
        """
        Take over an existing object with the same natural key instead of failing with a conflict; the object is then updated to match the program. Default false.
        """
        return pulumi.get(self, "adopt")

    @_builtins.property
    @pulumi.getter
    def name(self) -> pulumi.Output[str]:
        """
        The account's name, also its client id: lowercase letters, digits, '-' and '_', starting with a letter and ending with a letter or digit. A new name replaces the account (and Run:ai removes the access rules naming the old one).
        """
        return pulumi.get(self, "name")

    @_builtins.property
    @pulumi.getter(name="serviceAccountId")
    def service_account_id(self) -> pulumi.Output[str]:
        """
        The account's id (also the resource id).
        """
        return pulumi.get(self, "service_account_id")

    @_builtins.property
    @pulumi.getter(name="clientId")
    def client_id(self) -> pulumi.Output[Optional[str]]:
        """
        The client id to log in with (Run:ai gives the name); pass it as an access rule's `subject_id` so replacing the account replaces its rules.
        """
        return pulumi.get(self, "client_id")

    @_builtins.property
    @pulumi.getter(name="clientSecret")
    def client_secret(self) -> pulumi.Output[Optional[str]]:
        """
        The client secret, from the create answer and then from the last rotation; absent for an adopted account unless `secret_version` is set.
        """
        return pulumi.get(self, "client_secret")

    @_builtins.property
    @pulumi.getter
    def enabled(self) -> pulumi.Output[Optional[bool]]:
        """
        Whether the account may log in; changed in place. Unset leaves Run:ai's value (new accounts are enabled).
        """
        return pulumi.get(self, "enabled")

    @_builtins.property
    @pulumi.getter(name="secretVersion")
    def secret_version(self) -> pulumi.Output[Optional[str]]:
        """
        Any string or number of the program's choosing: a new value rotates the client secret in place (same account, same id, same access rules).
        """
        return pulumi.get(self, "secret_version")

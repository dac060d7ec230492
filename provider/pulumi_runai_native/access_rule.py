# ruff: noqa
# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`; do not edit. ***
import builtins as _builtins
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union, overload

import pulumi
import pulumi.runtime

from . import _utilities, outputs
from ._inputs import *

__all__ = ['AccessRuleArgs', 'AccessRule']


@pulumi.input_type
class AccessRuleArgs:
    def __init__(__self__, *,
                 scope_id: pulumi.Input[str],
                 scope_type: pulumi.Input[str],
                 subject_id: pulumi.Input[str],
                 subject_type: pulumi.Input[str],
                 adopt: Optional[pulumi.Input[bool]] = None,
                 cluster_id: Optional[pulumi.Input[str]] = None,
                 role_id: Optional[pulumi.Input[int]] = None,
                 role_name: Optional[pulumi.Input[str]] = None):
        """
        The arguments for constructing a AccessRule resource.
        """
        pulumi.set(__self__, "scope_id", scope_id)
        pulumi.set(__self__, "scope_type", scope_type)
        pulumi.set(__self__, "subject_id", subject_id)
        pulumi.set(__self__, "subject_type", subject_type)
        if adopt is not None:
            pulumi.set(__self__, "adopt", adopt)
        if cluster_id is not None:
            pulumi.set(__self__, "cluster_id", cluster_id)
        if role_id is not None:
            pulumi.set(__self__, "role_id", role_id)
        if role_name is not None:
            pulumi.set(__self__, "role_name", role_name)

    @_builtins.property
    @pulumi.getter(name="scopeId")
    def scope_id(self) -> pulumi.Input[str]:
        """
        The scope's id: a project or department id, a cluster uuid, or the tenant id.
        """
        return pulumi.get(self, "scope_id")

    @scope_id.setter
    def scope_id(self, value: pulumi.Input[str]) -> None:
        pulumi.set(self, "scope_id", value)

    @_builtins.property
    @pulumi.getter(name="scopeType")
    def scope_type(self) -> pulumi.Input[str]:
        """
        Where the role applies: one of system, tenant, cluster, department, project.
        """
        return pulumi.get(self, "scope_type")

    @scope_type.setter
    def scope_type(self, value: pulumi.Input[str]) -> None:
        pulumi.set(self, "scope_type", value)

    @_builtins.property
    @pulumi.getter(name="subjectId")
    def subject_id(self) -> pulumi.Input[str]:
        """
        The subject: a user's e-mail (pass `user.email` so the rule follows the user), a group name, or a service account's client id.
        """
        return pulumi.get(self, "subject_id")

    @subject_id.setter
    def subject_id(self, value: pulumi.Input[str]) -> None:
        pulumi.set(self, "subject_id", value)

    @_builtins.property
    @pulumi.getter(name="subjectType")
    def subject_type(self) -> pulumi.Input[str]:
        """
        Who gets the role: one of user, group, service-account, app.
        """
        return pulumi.get(self, "subject_type")

    @subject_type.setter
    def subject_type(self, value: pulumi.Input[str]) -> None:
        pulumi.set(self, "subject_type", value)

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
    @pulumi.getter(name="clusterId")
    def cluster_id(self) -> Optional[pulumi.Input[str]]:
        """
        The cluster's uuid, for cluster-bound scopes.
        """
        return pulumi.get(self, "cluster_id")

    @cluster_id.setter
    def cluster_id(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "cluster_id", value)

    @_builtins.property
    @pulumi.getter(name="roleId")
    def role_id(self) -> Optional[pulumi.Input[int]]:
        """
        The role's id; give this or `role_name`, not both.
        """
        return pulumi.get(self, "role_id")

    @role_id.setter
    def role_id(self, value: Optional[pulumi.Input[int]]) -> None:
        pulumi.set(self, "role_id", value)

    @_builtins.property
    @pulumi.getter(name="roleName")
    def role_name(self) -> Optional[pulumi.Input[str]]:
        """
        The role's name, e.g. `L1 researcher` (case-sensitive; resolved at preview, an unknown name lists the known ones); give this or `role_id`.
        """
        return pulumi.get(self, "role_name")

    @role_name.setter
    def role_name(self, value: Optional[pulumi.Input[str]]) -> None:
        pulumi.set(self, "role_name", value)



@pulumi.type_token("runai:index:AccessRule")
class AccessRule(pulumi.CustomResource):
    """
    A Run:ai access rule: a role given to a subject in a scope. The API cannot update access rules, so every change replaces the rule. Source: /api/v1/authorization/access-rules.
    """

    @overload
    def __init__(__self__, resource_name: str,
                 opts: Optional[pulumi.ResourceOptions] = None,
                 scope_id: Optional[pulumi.Input[str]] = None,
                 scope_type: Optional[pulumi.Input[str]] = None,
                 subject_id: Optional[pulumi.Input[str]] = None,
                 subject_type: Optional[pulumi.Input[str]] = None,
                 adopt: Optional[pulumi.Input[bool]] = None,
                 cluster_id: Optional[pulumi.Input[str]] = None,
                 role_id: Optional[pulumi.Input[int]] = None,
                 role_name: Optional[pulumi.Input[str]] = None,
                 __props__=None):
        ...

    @overload
    def __init__(__self__, resource_name: str, args: AccessRuleArgs,
                 opts: Optional[pulumi.ResourceOptions] = None):
        ...

    def __init__(__self__, resource_name: str, *args, **kwargs):
        resource_args, opts = _utilities.get_resource_args_opts(
            AccessRuleArgs, pulumi.ResourceOptions, *args, **kwargs)
        if resource_args is not None:
            __self__._internal_init(resource_name, opts, **resource_args.__dict__)
        else:
            __self__._internal_init(resource_name, *args, **kwargs)

    def _internal_init(__self__, resource_name: str,
                 opts: Optional[pulumi.ResourceOptions] = None,
                 scope_id: Optional[pulumi.Input[str]] = None,
                 scope_type: Optional[pulumi.Input[str]] = None,
                 subject_id: Optional[pulumi.Input[str]] = None,
                 subject_type: Optional[pulumi.Input[str]] = None,
                 adopt: Optional[pulumi.Input[bool]] = None,
                 cluster_id: Optional[pulumi.Input[str]] = None,
                 role_id: Optional[pulumi.Input[int]] = None,
                 role_name: Optional[pulumi.Input[str]] = None,
                 __props__=None):
        opts = pulumi.ResourceOptions.merge(_utilities.get_resource_opts_defaults(), opts)
        if opts.id is None:
            if __props__ is not None:
                raise TypeError('__props__ is only valid with opts.id (use get())')
            __props__ = AccessRuleArgs.__new__(AccessRuleArgs)
            if scope_id is None and not opts.urn:
                raise TypeError("Missing required property 'scope_id'")
            __props__.__dict__["scope_id"] = scope_id
            if scope_type is None and not opts.urn:
                raise TypeError("Missing required property 'scope_type'")
            __props__.__dict__["scope_type"] = scope_type
            if subject_id is None and not opts.urn:
                raise TypeError("Missing required property 'subject_id'")
            __props__.__dict__["subject_id"] = subject_id
            if subject_type is None and not opts.urn:
                raise TypeError("Missing required property 'subject_type'")
            __props__.__dict__["subject_type"] = subject_type
            __props__.__dict__["adopt"] = adopt
            __props__.__dict__["cluster_id"] = cluster_id
            __props__.__dict__["role_id"] = role_id
            __props__.__dict__["role_name"] = role_name
            __props__.__dict__["access_rule_id"] = None
            __props__.__dict__["created_at"] = None
            __props__.__dict__["created_by"] = None
            __props__.__dict__["phase"] = None
            __props__.__dict__["scope_name"] = None
        super(AccessRule, __self__).__init__(
            'runai:index:AccessRule', resource_name, __props__, opts)

    @staticmethod
    def get(resource_name: str, id: pulumi.Input[str],
            opts: Optional[pulumi.ResourceOptions] = None) -> 'AccessRule':
        """
        Read an existing AccessRule by its id (adopted into the stack only with `import_`; `get` never changes or deletes it).
        """
        opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        __props__ = AccessRuleArgs.__new__(AccessRuleArgs)
        __props__.__dict__["access_rule_id"] = None
        __props__.__dict__["adopt"] = None
        __props__.__dict__["scope_id"] = None
        __props__.__dict__["scope_type"] = None
        __props__.__dict__["subject_id"] = None
        __props__.__dict__["subject_type"] = None
        __props__.__dict__["cluster_id"] = None
        __props__.__dict__["created_at"] = None
        __props__.__dict__["created_by"] = None
        __props__.__dict__["phase"] = None
        __props__.__dict__["role_id"] = None
        __props__.__dict__["role_name"] = None
        __props__.__dict__["scope_name"] = None
        return AccessRule(resource_name, opts=opts, __props__=__props__)

    @_builtins.property
    @pulumi.getter(name="accessRuleId")
    def access_rule_id(self) -> pulumi.Output[str]:
        """
        The rule's id (also the resource id).
        """
        return pulumi.get(self, "access_rule_id")

    @_builtins.property
    @pulumi.getter
    def adopt(self) -> pulumi.Output[bool]:
        """
        Take over an existing object with the same natural key instead of failing with a conflict; the object is then updated to match the program. Default false.
        """
        return pulumi.get(self, "adopt")

    @_builtins.property
    @pulumi.getter(name="scopeId")
    def scope_id(self) -> pulumi.Output[str]:
        """
        The scope's id: a project or department id, a cluster uuid, or the tenant id.
        """
        return pulumi.get(self, "scope_id")

    @_builtins.property
    @pulumi.getter(name="scopeType")
    def scope_type(self) -> pulumi.Output[str]:
        """
        Where the role applies: one of system, tenant, cluster, department, project.
        """
        return pulumi.get(self, "scope_type")

    @_builtins.property
    @pulumi.getter(name="subjectId")
    def subject_id(self) -> pulumi.Output[str]:
        """
        The subject: a user's e-mail (pass `user.email` so the rule follows the user), a group name, or a service account's client id.
        """
        return pulumi.get(self, "subject_id")

    @_builtins.property
    @pulumi.getter(name="subjectType")
    def subject_type(self) -> pulumi.Output[str]:
        """
        Who gets the role: one of user, group, service-account, app.
        """
        return pulumi.get(self, "subject_type")

    @_builtins.property
    @pulumi.getter(name="clusterId")
    def cluster_id(self) -> pulumi.Output[Optional[str]]:
        """
        The cluster's uuid, for cluster-bound scopes.
        """
        return pulumi.get(self, "cluster_id")

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
    def phase(self) -> pulumi.Output[Optional[str]]:
        """
        The rule's phase, as Run:ai reports it.
        """
        return pulumi.get(self, "phase")

    @_builtins.property
    @pulumi.getter(name="roleId")
    def role_id(self) -> pulumi.Output[Optional[int]]:
        """
        The role's id; give this or `role_name`, not both.
        """
        return pulumi.get(self, "role_id")

    @_builtins.property
    @pulumi.getter(name="roleName")
    def role_name(self) -> pulumi.Output[Optional[str]]:
        """
        The role's name, e.g. `L1 researcher` (case-sensitive; resolved at preview, an unknown name lists the known ones); give this or `role_id`.
        """
        return pulumi.get(self, "role_name")

    @_builtins.property
    @pulumi.getter(name="scopeName")
    def scope_name(self) -> pulumi.Output[Optional[str]]:
        """
        The scope's name, as Run:ai reports it.
        """
        return pulumi.get(self, "scope_name")

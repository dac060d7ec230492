"""`runai.AccessRule`: a role given to a subject (user email, group, service account) in a
scope. No update API: every change replaces the rule."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import pulumi
from pulumi.dynamic import Resource

from pulumi_runai.lifecycle import ACCESS_RULE, Lifecycle
from pulumi_runai.models import access_rule as rule_model
from pulumi_runai.resources._provider_base import RunaiProvider, read_existing, resource_props


class AccessRuleProvider(RunaiProvider):
    lifecycle: ClassVar[Lifecycle] = ACCESS_RULE


class AccessRule(Resource, module="runai", name="AccessRule"):
    __doc__ = rule_model.SPEC.resource_doc()

    # Evaluated by the SDK for every instance; kept at run time because it casts the wire's
    # float (protobuf Struct numbers) to int.
    role_id: pulumi.Output[int]
    if TYPE_CHECKING:  # for editors and mypy; at run time the SDK would re-evaluate these
        # string annotations for every instance (~0.5 ms per resource)
        subject_type: pulumi.Output[str]
        subject_id: pulumi.Output[str]
        scope_type: pulumi.Output[str]
        scope_id: pulumi.Output[str]
        role_name: pulumi.Output[str]
        cluster_id: pulumi.Output[str | None]
        adopt: pulumi.Output[bool]
        access_rule_id: pulumi.Output[str]
        scope_name: pulumi.Output[str | None]
        phase: pulumi.Output[str | None]
        created_at: pulumi.Output[str | None]
        created_by: pulumi.Output[str | None]

    def __init__(
        self,
        resource_name: str,
        *,
        subject_type: pulumi.Input[str],
        subject_id: pulumi.Input[str],
        scope_type: pulumi.Input[str],
        scope_id: pulumi.Input[str],
        role_id: pulumi.Input[int] | None = None,
        role_name: pulumi.Input[str] | None = None,
        cluster_id: pulumi.Input[str] | None = None,
        adopt: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        inputs = {
            "subject_type": subject_type,
            "subject_id": subject_id,
            "scope_type": scope_type,
            "scope_id": scope_id,
            "role_id": role_id,
            "role_name": role_name,
            "cluster_id": cluster_id,
            "adopt": adopt,
        }
        super().__init__(
            AccessRuleProvider(),
            resource_name,
            resource_props(inputs, rule_model.OUTPUT_KEYS),
            opts,
        )

    @staticmethod
    def get(
        resource_name: str, id: pulumi.Input[str], opts: pulumi.ResourceOptions | None = None
    ) -> AccessRule:
        """Read an existing access rule by id (it is not managed: destroy leaves it alone)."""
        return read_existing(
            AccessRule, AccessRuleProvider(), resource_name, id, rule_model.OUTPUT_KEYS, opts
        )

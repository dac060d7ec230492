"""`runai.WorkloadPolicy`: the policy of one workload type in one scope, written whole."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import pulumi
from pulumi.dynamic import Resource

from pulumi_runai.lifecycle import WORKLOAD_POLICY, Lifecycle
from pulumi_runai.models import workload_policy as policy_model
from pulumi_runai.resources._provider_base import RunaiProvider, read_existing, resource_props


class WorkloadPolicyProvider(RunaiProvider):
    lifecycle: ClassVar[Lifecycle] = WORKLOAD_POLICY


class WorkloadPolicy(Resource, module="runai", name="WorkloadPolicy"):
    __doc__ = policy_model.SPEC.resource_doc()

    if TYPE_CHECKING:  # for editors and mypy; at run time the SDK would re-evaluate these
        # string annotations for every instance (~0.5 ms per resource)
        workload_type: pulumi.Output[str]
        scope_type: pulumi.Output[str]
        scope_id: pulumi.Output[str | None]
        policy: pulumi.Output[dict[str, Any]]
        name: pulumi.Output[str]
        adopt: pulumi.Output[bool]
        policy_id: pulumi.Output[str]

    def __init__(
        self,
        resource_name: str,
        *,
        workload_type: pulumi.Input[str],
        scope_type: pulumi.Input[str],
        scope_id: pulumi.Input[str] | None = None,
        policy: pulumi.Input[Mapping[str, Any]],
        name: pulumi.Input[str] | None = None,
        adopt: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        inputs = {
            "workload_type": workload_type,
            "scope_type": scope_type,
            "scope_id": scope_id,
            "policy": policy,
            "name": name,
            "adopt": adopt,
        }
        super().__init__(
            WorkloadPolicyProvider(), resource_name,
            resource_props(inputs, policy_model.OUTPUT_KEYS), opts,
        )

    @staticmethod
    def get(
        resource_name: str, id: pulumi.Input[str], opts: pulumi.ResourceOptions | None = None
    ) -> WorkloadPolicy:
        """Read an existing policy by id, `<workload_type>/<scope_type>[/<scope_id>]` (e.g.
        `trainings/project/5`); it is not managed: destroy leaves it alone."""
        return read_existing(
            WorkloadPolicy, WorkloadPolicyProvider(), resource_name, id,
            policy_model.OUTPUT_KEYS, opts,
        )

"""`runai.Department`: a Run:ai department with per-node-pool quotas."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import pulumi
from pulumi.dynamic import Resource

from pulumi_runai.lifecycle import DEPARTMENT, Lifecycle
from pulumi_runai.models import department as department_model
from pulumi_runai.models.quotas import NodePoolQuota
from pulumi_runai.resources._provider_base import RunaiProvider, read_existing, resource_props


class DepartmentProvider(RunaiProvider):
    lifecycle: ClassVar[Lifecycle] = DEPARTMENT


class Department(Resource, module="runai", name="Department"):
    __doc__ = department_model.SPEC.resource_doc()

    if TYPE_CHECKING:  # for editors and mypy; at run time the SDK would re-evaluate these
        # string annotations for every instance (~0.5 ms per resource)
        name: pulumi.Output[str]
        cluster_id: pulumi.Output[str]
        resources: pulumi.Output[list[dict[str, Any]]]
        description: pulumi.Output[str | None]
        adopt: pulumi.Output[bool]
        department_id: pulumi.Output[str]
        created_at: pulumi.Output[str | None]
        updated_at: pulumi.Output[str | None]
        created_by: pulumi.Output[str | None]

    def __init__(
        self,
        resource_name: str,
        *,
        name: pulumi.Input[str],
        cluster_id: pulumi.Input[str],
        resources: pulumi.Input[Sequence[pulumi.Input[NodePoolQuota]]] | None = None,
        description: pulumi.Input[str] | None = None,
        adopt: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        inputs = {
            "name": name,
            "cluster_id": cluster_id,
            "resources": resources,
            "description": description,
            "adopt": adopt,
        }
        super().__init__(
            DepartmentProvider(),
            resource_name,
            resource_props(inputs, department_model.OUTPUT_KEYS),
            opts,
        )

    @staticmethod
    def get(
        resource_name: str, id: pulumi.Input[str], opts: pulumi.ResourceOptions | None = None
    ) -> Department:
        """Read an existing department by id (it is not managed: destroy leaves it alone)."""
        return read_existing(
            Department, DepartmentProvider(), resource_name, id, department_model.OUTPUT_KEYS, opts
        )

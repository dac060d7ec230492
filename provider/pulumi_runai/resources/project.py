"""`runai.Project`: a Run:ai project; creation waits until the cluster reports it Ready."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import pulumi
from pulumi.dynamic import Resource

from pulumi_runai.lifecycle import PROJECT, Lifecycle
from pulumi_runai.models import project as project_model
from pulumi_runai.models.project import NodeTypes, SchedulingRules
from pulumi_runai.models.quotas import NodePoolQuota
from pulumi_runai.resources._provider_base import RunaiProvider, read_existing, resource_props


class ProjectProvider(RunaiProvider):
    lifecycle: ClassVar[Lifecycle] = PROJECT


class Project(Resource, module="runai", name="Project"):
    __doc__ = project_model.SPEC.resource_doc()

    if TYPE_CHECKING:  # for editors and mypy; at run time the SDK would re-evaluate these
        # string annotations for every instance (~0.5 ms per resource)
        name: pulumi.Output[str]
        cluster_id: pulumi.Output[str]
        department_id: pulumi.Output[str]
        resources: pulumi.Output[list[dict[str, Any]]]
        description: pulumi.Output[str | None]
        requested_namespace: pulumi.Output[str | None]
        default_node_pools: pulumi.Output[list[str] | None]
        enforce_runai_scheduler: pulumi.Output[bool | None]
        node_types: pulumi.Output[dict[str, Any] | None]
        scheduling_rules: pulumi.Output[dict[str, Any] | None]
        adopt: pulumi.Output[bool]
        project_id: pulumi.Output[str]
        phase: pulumi.Output[str | None]
        namespace: pulumi.Output[str | None]
        created_at: pulumi.Output[str | None]
        updated_at: pulumi.Output[str | None]
        created_by: pulumi.Output[str | None]

    def __init__(
        self,
        resource_name: str,
        *,
        name: pulumi.Input[str],
        cluster_id: pulumi.Input[str],
        department_id: pulumi.Input[str] | None = None,
        resources: pulumi.Input[Sequence[pulumi.Input[NodePoolQuota]]] | None = None,
        description: pulumi.Input[str] | None = None,
        requested_namespace: pulumi.Input[str] | None = None,
        default_node_pools: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None,
        enforce_runai_scheduler: pulumi.Input[bool] | None = None,
        node_types: pulumi.Input[NodeTypes] | None = None,
        scheduling_rules: pulumi.Input[SchedulingRules] | None = None,
        adopt: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        inputs = {
            "name": name,
            "cluster_id": cluster_id,
            "department_id": department_id,
            "resources": resources,
            "description": description,
            "requested_namespace": requested_namespace,
            "default_node_pools": default_node_pools,
            "enforce_runai_scheduler": enforce_runai_scheduler,
            "node_types": node_types,
            "scheduling_rules": scheduling_rules,
            "adopt": adopt,
        }
        super().__init__(
            ProjectProvider(),
            resource_name,
            resource_props(inputs, project_model.OUTPUT_KEYS),
            opts,
        )

    @staticmethod
    def get(
        resource_name: str, id: pulumi.Input[str], opts: pulumi.ResourceOptions | None = None
    ) -> Project:
        """Read an existing project by id (it is not managed: destroy leaves it alone)."""
        return read_existing(
            Project, ProjectProvider(), resource_name, id, project_model.OUTPUT_KEYS, opts
        )

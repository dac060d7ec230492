"""`runai.Role`: a custom role built from permission sets, updated in place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

import pulumi
from pulumi.dynamic import Resource

from pulumi_runai.lifecycle import ROLE, Lifecycle
from pulumi_runai.models import role as role_model
from pulumi_runai.resources._provider_base import RunaiProvider, read_existing, resource_props


class RoleProvider(RunaiProvider):
    lifecycle: ClassVar[Lifecycle] = ROLE


class Role(Resource, module="runai", name="Role"):
    __doc__ = role_model.SPEC.resource_doc()

    # Evaluated by the SDK for every instance; kept at run time because it casts the wire's
    # float (protobuf Struct numbers) to int.
    role_id: pulumi.Output[int]
    if TYPE_CHECKING:  # for editors and mypy; at run time the SDK would re-evaluate these
        # string annotations for every instance (~0.5 ms per resource)
        name: pulumi.Output[str]
        description: pulumi.Output[str]
        permission_sets: pulumi.Output[list[str]]
        enabled: pulumi.Output[bool | None]
        adopt: pulumi.Output[bool]

    def __init__(
        self,
        resource_name: str,
        *,
        name: pulumi.Input[str],
        description: pulumi.Input[str],
        permission_sets: pulumi.Input[Sequence[pulumi.Input[str]]],
        enabled: pulumi.Input[bool] | None = None,
        adopt: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        inputs = {
            "name": name,
            "description": description,
            "permission_sets": permission_sets,
            "enabled": enabled,
            "adopt": adopt,
        }
        super().__init__(
            RoleProvider(), resource_name, resource_props(inputs, role_model.OUTPUT_KEYS), opts
        )

    @staticmethod
    def get(
        resource_name: str, id: pulumi.Input[str], opts: pulumi.ResourceOptions | None = None
    ) -> Role:
        """Read an existing custom role by id (not managed: destroy leaves it alone)."""
        return read_existing(Role, RoleProvider(), resource_name, id, role_model.OUTPUT_KEYS, opts)

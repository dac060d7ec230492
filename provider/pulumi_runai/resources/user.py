"""`runai.User`: a local Run:ai user; its one-time `temp_password` is a secret output."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import pulumi
from pulumi.dynamic import Resource

from pulumi_runai.lifecycle import USER, Lifecycle
from pulumi_runai.models import user as user_model
from pulumi_runai.resources._provider_base import RunaiProvider, read_existing, resource_props


class UserProvider(RunaiProvider):
    lifecycle: ClassVar[Lifecycle] = USER


def _secret_outputs(opts: pulumi.ResourceOptions | None) -> pulumi.ResourceOptions:
    return pulumi.ResourceOptions.merge(
        opts, pulumi.ResourceOptions(additional_secret_outputs=list(user_model.SECRET_OUTPUTS))
    )


class User(Resource, module="runai", name="User"):
    __doc__ = user_model.SPEC.resource_doc()

    if TYPE_CHECKING:  # for editors and mypy; at run time the SDK would re-evaluate these
        # string annotations for every instance (~0.5 ms per resource)
        email: pulumi.Output[str]
        reset_password: pulumi.Output[bool | None]
        notify: pulumi.Output[bool | None]
        adopt: pulumi.Output[bool]
        user_id: pulumi.Output[str]
        username: pulumi.Output[str]
        temp_password: pulumi.Output[str | None]

    def __init__(
        self,
        resource_name: str,
        *,
        email: pulumi.Input[str],
        reset_password: pulumi.Input[bool] | None = None,
        notify: pulumi.Input[bool] | None = None,
        adopt: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        inputs = {
            "email": email,
            "reset_password": reset_password,
            "notify": notify,
            "adopt": adopt,
        }
        super().__init__(
            UserProvider(),
            resource_name,
            resource_props(inputs, user_model.OUTPUT_KEYS),
            _secret_outputs(opts),
        )

    @staticmethod
    def get(
        resource_name: str, id: pulumi.Input[str], opts: pulumi.ResourceOptions | None = None
    ) -> User:
        """Read an existing user by id (it is not managed: destroy leaves it alone)."""
        return read_existing(
            User, UserProvider(), resource_name, id, user_model.OUTPUT_KEYS, _secret_outputs(opts)
        )

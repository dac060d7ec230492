"""`runai.ServiceAccount`: a machine client of the API; its `client_secret` is a secret output."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import pulumi
from pulumi.dynamic import Resource

from pulumi_runai.lifecycle import SERVICE_ACCOUNT, Lifecycle
from pulumi_runai.models import service_account as account_model
from pulumi_runai.resources._provider_base import RunaiProvider, read_existing, resource_props


class ServiceAccountProvider(RunaiProvider):
    lifecycle: ClassVar[Lifecycle] = SERVICE_ACCOUNT


def _secret_outputs(opts: pulumi.ResourceOptions | None) -> pulumi.ResourceOptions:
    secret = pulumi.ResourceOptions(additional_secret_outputs=list(account_model.SECRET_OUTPUTS))
    return pulumi.ResourceOptions.merge(opts, secret)


class ServiceAccount(Resource, module="runai", name="ServiceAccount"):
    __doc__ = account_model.SPEC.resource_doc()

    if TYPE_CHECKING:  # for editors and mypy; at run time the SDK would re-evaluate these
        # string annotations for every instance (~0.5 ms per resource)
        name: pulumi.Output[str]
        enabled: pulumi.Output[bool | None]
        secret_version: pulumi.Output[str | float | None]
        adopt: pulumi.Output[bool]
        service_account_id: pulumi.Output[str]
        client_id: pulumi.Output[str]
        client_secret: pulumi.Output[str | None]

    def __init__(
        self,
        resource_name: str,
        *,
        name: pulumi.Input[str],
        enabled: pulumi.Input[bool] | None = None,
        secret_version: pulumi.Input[str | int | float] | None = None,
        adopt: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        inputs = {
            "name": name,
            "enabled": enabled,
            "secret_version": secret_version,
            "adopt": adopt,
        }
        super().__init__(
            ServiceAccountProvider(),
            resource_name,
            resource_props(inputs, account_model.OUTPUT_KEYS),
            _secret_outputs(opts),
        )

    @staticmethod
    def get(
        resource_name: str, id: pulumi.Input[str], opts: pulumi.ResourceOptions | None = None
    ) -> ServiceAccount:
        """Read an existing service account by id (not managed: destroy leaves it alone)."""
        return read_existing(
            ServiceAccount, ServiceAccountProvider(), resource_name, id,
            account_model.OUTPUT_KEYS, _secret_outputs(opts),
        )

"""Service accounts: a new name replaces, `enabled` is patched, a new `secret_version` rotates.

The client secret is shown by Run:ai only in the create answer and in a rotation's answer, so
it is carried from output to output. When a lost create answer was resolved by finding the
account (no secret in a GET), the secret is rotated at once: the resource must not end up with
an account nobody can log in as.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from pulumi_runai.lifecycle._base import Context, KindModel, Lifecycle
from pulumi_runai.models import service_account as account_model
from pulumi_runai.services import ServiceAccounts

__all__ = ["SERVICE_ACCOUNT", "ServiceAccountLifecycle"]

_SECRET = "clientSecret"


class ServiceAccountLifecycle(Lifecycle):
    model: ClassVar[KindModel] = account_model

    def post(self, ctx: Context, inputs: dict[str, Any]) -> dict[str, Any]:
        accounts = ServiceAccounts(ctx.client)
        created = accounts.create({"name": inputs["name"]})
        if not created.get(_SECRET):  # a lost answer, resolved by finding the account
            created = {**created, _SECRET: accounts.rotate_secret(str(created["id"]))}
        enabled = inputs.get("enabled")
        if enabled is False:
            accounts.set_enabled(str(created["id"]), False)
        return {**created, "enabled": True if enabled is None else enabled}

    def adopt(
        self, ctx: Context, existing: dict[str, Any], inputs: dict[str, Any]
    ) -> dict[str, Any]:
        return self._apply(ctx, existing, {}, inputs)

    def find(self, ctx: Context, inputs: Mapping[str, Any]) -> dict[str, Any] | None:
        return ServiceAccounts(ctx.client).find({"name": inputs["name"]})

    def get(self, ctx: Context, object_id: str) -> dict[str, Any]:
        return ServiceAccounts(ctx.client).get(object_id)

    def put(
        self, ctx: Context, object_id: str, old_outputs: Mapping[str, Any],
        inputs: Mapping[str, Any],
    ) -> dict[str, Any]:
        live = {"id": object_id, "name": old_outputs.get("name"),
                "clientId": old_outputs.get("client_id"), "enabled": old_outputs.get("enabled")}
        return self._apply(ctx, live, old_outputs, inputs)

    def _apply(
        self, ctx: Context, live: Mapping[str, Any], old_outputs: Mapping[str, Any],
        inputs: Mapping[str, Any],
    ) -> dict[str, Any]:
        """Patch `enabled` and rotate the secret where the program asks; the API object as it
        is afterwards (the PATCH answers nothing, so the object is not read again)."""
        accounts = ServiceAccounts(ctx.client)
        account_id = str(live["id"])
        result = dict(live)
        enabled = inputs.get("enabled")
        if enabled is not None and enabled != live.get("enabled"):
            accounts.set_enabled(account_id, bool(enabled))
            result["enabled"] = enabled
        if account_model.rotates(old_outputs, inputs):
            result[_SECRET] = accounts.rotate_secret(account_id)
        return result

    def remove(self, ctx: Context, object_id: str) -> None:
        ServiceAccounts(ctx.client).delete(object_id)

    def outputs(
        self, api: Mapping[str, Any], inputs: Mapping[str, Any], old_outputs: Mapping[str, Any]
    ) -> dict[str, Any]:
        # Run:ai shows the secret only when it makes one; keep the last one afterwards.
        secret = api.get(_SECRET) or old_outputs.get("client_secret")
        return account_model.to_outputs(api, inputs, secret)


SERVICE_ACCOUNT = ServiceAccountLifecycle()

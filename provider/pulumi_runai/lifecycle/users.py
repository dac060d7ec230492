"""Users: created and deleted only (the API has no update); the create answer carries the
one-time temporary password, which is kept as a secret output afterwards."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from pulumi_runai.lifecycle._base import Context, KindModel, Lifecycle
from pulumi_runai.models import user as user_model
from pulumi_runai.services import Users

__all__ = ["USER", "UserLifecycle"]


class UserLifecycle(Lifecycle):
    model: ClassVar[KindModel] = user_model

    def post(self, ctx: Context, inputs: dict[str, Any]) -> dict[str, Any]:
        body: dict[str, Any] = {"email": inputs["email"]}
        for key, api_key in (("reset_password", "resetPassword"), ("notify", "notify")):
            if inputs.get(key) is not None:
                body[api_key] = inputs[key]
        return Users(ctx.client).create(body)

    def find(self, ctx: Context, inputs: Mapping[str, Any]) -> dict[str, Any] | None:
        return Users(ctx.client).find({"email": inputs["email"]})

    def get(self, ctx: Context, object_id: str) -> dict[str, Any]:
        return Users(ctx.client).get(object_id)

    def remove(self, ctx: Context, object_id: str) -> None:
        Users(ctx.client).delete(object_id)

    def outputs(
        self, api: Mapping[str, Any], inputs: Mapping[str, Any], old_outputs: Mapping[str, Any]
    ) -> dict[str, Any]:
        # The API shows the temporary password once, at creation; keep it afterwards.
        password = api.get("tempPassword") or old_outputs.get("temp_password")
        return user_model.to_outputs(api, inputs, password)


USER = UserLifecycle()

"""Custom roles: created, updated in place with one full PUT, deleted; predefined roles refused.

Names are resolved at check time, when they changed since the last up: permission-set names
against the catalogue (an unknown one lists the known ones), and the role's own name against
the predefined roles (which cannot be managed; the failure names `runai.get_role`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, ClassVar

from pulumi_runai.client import RunaiClient
from pulumi_runai.errors import Conflict, NotFound, ValidationError
from pulumi_runai.lifecycle._base import Context, KindModel, Lifecycle, changed_values
from pulumi_runai.models import role as role_model
from pulumi_runai.models.validation import Failure
from pulumi_runai.services.custom_roles import CustomRoles, PermissionSets

__all__ = ["ROLE", "RoleLifecycle", "check_permission_sets", "check_role_name"]


def check_permission_sets(
    client: RunaiClient, prop: str, names: list[str], known: Collection[str] = ()
) -> list[Failure]:
    """One failure per permission-set name the catalogue lacks, listing the known ones;
    names in `known` (resolved at an earlier up) are not looked up again."""
    catalogue = PermissionSets(client)
    failures = []
    for index, name in enumerate(names):
        if name in known:
            continue
        try:
            catalogue.id_of(name)
        except NotFound as exc:
            failures.append(Failure(f"{prop}[{index}]", f"{exc.message}; {exc.hint}"))
    return failures


def check_role_name(client: RunaiClient, prop: str, name: str) -> list[Failure]:
    """A failure when `name` belongs to a predefined role (it cannot be managed), or when the
    control plane has no v2 roles API to manage custom roles with."""
    try:
        found = CustomRoles(client).find({"name": name})
    except NotFound as exc:
        return [Failure(prop, f"this Run:ai control plane has no custom-roles API ({exc.method} "
                              f"{exc.path} answered 404); custom roles need the v2 roles API")]
    if found is not None and not found.get("custom", True):
        return [Failure(prop, role_model.predefined(name))]
    return []


def _refuse_predefined(role: Mapping[str, Any]) -> None:
    if not role.get("custom", True):
        raise ValidationError(role_model.predefined(str(role.get("name"))))


class RoleLifecycle(Lifecycle):
    model: ClassVar[KindModel] = role_model

    def check_names(
        self, ctx: Context, old_inputs: Mapping[str, Any], inputs: Mapping[str, Any]
    ) -> list[Failure]:
        failures: list[Failure] = []
        name = changed_values(old_inputs, inputs, "name")
        if name is not None:
            failures += check_role_name(ctx.client, "name", str(name))
        sets = role_model.set_names(changed_values(old_inputs, inputs, "permission_sets"))
        known = role_model.set_names(old_inputs.get("permission_sets"))
        return failures + check_permission_sets(ctx.client, "permission_sets", sets, known)

    def _body(
        self, ctx: Context, inputs: Mapping[str, Any], live: Mapping[str, Any]
    ) -> dict[str, Any]:
        return role_model.to_body(inputs, live, PermissionSets(ctx.client).id_of)

    def post(self, ctx: Context, inputs: dict[str, Any]) -> dict[str, Any]:
        try:
            return CustomRoles(ctx.client).create(self._body(ctx, inputs, {}))
        except Conflict:
            existing = self.find(ctx, inputs)
            if existing is not None:
                _refuse_predefined(existing)
            raise

    def adopt(
        self, ctx: Context, existing: dict[str, Any], inputs: dict[str, Any]
    ) -> dict[str, Any]:
        _refuse_predefined(existing)
        live = role_model.to_outputs(existing, inputs)
        if not role_model.diff(live, inputs)[0]:
            return existing  # already as the program says: adopting writes nothing
        return CustomRoles(ctx.client).update(existing["id"], self._body(ctx, inputs, live))

    def find(self, ctx: Context, inputs: Mapping[str, Any]) -> dict[str, Any] | None:
        return CustomRoles(ctx.client).find({"name": inputs["name"]})

    def get(self, ctx: Context, object_id: str) -> dict[str, Any]:
        role = CustomRoles(ctx.client).get(object_id)
        _refuse_predefined(role)
        return role

    def put(
        self, ctx: Context, object_id: str, old_outputs: Mapping[str, Any],
        inputs: Mapping[str, Any],
    ) -> dict[str, Any]:
        return CustomRoles(ctx.client).update(object_id, self._body(ctx, inputs, old_outputs))

    def remove(self, ctx: Context, object_id: str) -> None:
        CustomRoles(ctx.client).delete(object_id)

    def outputs(
        self, api: Mapping[str, Any], inputs: Mapping[str, Any], old_outputs: Mapping[str, Any]
    ) -> dict[str, Any]:
        return role_model.to_outputs(api, inputs)


ROLE = RoleLifecycle()

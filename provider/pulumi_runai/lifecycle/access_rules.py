"""Access rules: created and deleted only (the API has no update); the role may be given by
name, resolved at preview.

Run:ai documents no uniqueness for access rules, so a tenant may accept a second identical
rule instead of answering 409. Before a create, the rules that existed when this process
first looked (one list per command) are searched for the same subject, role and scope: such
a rule is adopted with `adopt`, and is otherwise a conflict, never silently doubled.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any, ClassVar

from pulumi_runai.client import register_reset_hook
from pulumi_runai.errors import Conflict
from pulumi_runai.lifecycle._base import Context, KindModel, Lifecycle, changed_values
from pulumi_runai.lifecycle._conflicts import explain_conflict
from pulumi_runai.models import access_rule as rule_model
from pulumi_runai.models.validation import Failure, same_email
from pulumi_runai.services import AccessRules
from pulumi_runai.services._cache import TTLCache
from pulumi_runai.services.access_rules import NATURAL_KEY

__all__ = ["ACCESS_RULE", "AccessRuleLifecycle"]

_EXISTING: TTLCache[list[dict[str, Any]]] = TTLCache()
_deleted_lock = threading.Lock()
_deleted_here: set[str] = set()
register_reset_hook(_deleted_here.clear)


def _same_key(rule: Mapping[str, Any], key: Mapping[str, Any]) -> bool:
    for field in NATURAL_KEY:
        live, wanted = rule.get(field), key[field]
        same = same_email(live, wanted) if "@" in str(wanted) else str(live) == str(wanted)
        if not same:
            return False
    return True


class AccessRuleLifecycle(Lifecycle):
    model: ClassVar[KindModel] = rule_model

    def check_names(
        self, ctx: Context, old_inputs: Mapping[str, Any], inputs: Mapping[str, Any]
    ) -> list[Failure]:
        role_name = changed_values(old_inputs, inputs, "role_name")
        if role_name is None:
            return []
        return ctx.names.check_role("role_name", str(role_name))

    def _body(self, ctx: Context, inputs: Mapping[str, Any]) -> dict[str, Any]:
        return rule_model.to_create_body(inputs, ctx.names.role_id)

    def post(self, ctx: Context, inputs: dict[str, Any]) -> dict[str, Any]:
        body = self._body(ctx, inputs)
        held = self._held_before(ctx, body)
        if held is not None:
            raise explain_conflict(
                self.spec, inputs,
                Conflict(409, "an identical access rule exists", method="POST",
                         path="/api/v1/authorization/access-rules"),
                lambda: held,
            )
        return AccessRules(ctx.client).create(body)

    def _held_before(self, ctx: Context, body: Mapping[str, Any]) -> dict[str, Any] | None:
        """An identical rule that was there when this process first listed the rules."""
        rules = _EXISTING.get(ctx.client.settings, AccessRules(ctx.client).list)
        with _deleted_lock:
            gone = set(_deleted_here)
        for rule in rules:
            live = str(rule.get("id")) not in gone and not rule.get("deletedAt")
            if live and _same_key(rule, body):
                return rule
        return None

    def find(self, ctx: Context, inputs: Mapping[str, Any]) -> dict[str, Any] | None:
        return AccessRules(ctx.client).find(self._body(ctx, inputs))

    def get(self, ctx: Context, object_id: str) -> dict[str, Any]:
        return AccessRules(ctx.client).get(object_id)

    def remove(self, ctx: Context, object_id: str) -> None:
        with _deleted_lock:
            _deleted_here.add(object_id)
        AccessRules(ctx.client).delete(object_id)

    def outputs(
        self, api: Mapping[str, Any], inputs: Mapping[str, Any], old_outputs: Mapping[str, Any]
    ) -> dict[str, Any]:
        return rule_model.to_outputs(api, inputs)


ACCESS_RULE = AccessRuleLifecycle()

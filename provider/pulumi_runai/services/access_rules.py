"""Access rules (role assignments). No update endpoint: every field is fixed at creation."""

from __future__ import annotations

import re
from typing import Any

from .._http import join_path
from ..client import RunaiClient
from ..errors import ValidationError
from ..filters import filter_by
from ._common import matches, only_one

__all__ = ["NATURAL_KEY", "AccessRules"]

PATH = "/api/v1/authorization/access-rules"
NATURAL_KEY = ("subjectType", "subjectId", "roleId", "scopeType", "scopeId")


def _camel(name: str) -> str:
    return re.sub(r"_([a-z])", lambda m: m.group(1).upper(), name)


class AccessRules:
    def __init__(self, client: RunaiClient) -> None:
        self.client = client

    def create(self, body: dict[str, Any]) -> dict[str, Any]:
        """POST the rule; a lost answer is resolved by (subject, role, scope), never duplicated."""
        missing = [k for k in NATURAL_KEY if body.get(k) in (None, "")]
        if missing:
            raise ValidationError(f"an access rule needs {', '.join(missing)} in its body")
        key = {k: body[k] for k in NATURAL_KEY}
        result: dict[str, Any] = self.client.create(
            PATH,
            body,
            lambda: self.find(
                key["subjectType"],
                key["subjectId"],
                key["roleId"],
                key["scopeType"],
                key["scopeId"],
            ),
        )
        return result

    def get(self, rule_id: int | str) -> dict[str, Any]:
        result: dict[str, Any] = self.client.get(join_path(PATH, rule_id))
        return result

    def find(
        self,
        subject_type: str,
        subject_id: str,
        role_id: int | str,
        scope_type: str,
        scope_id: str,
    ) -> dict[str, Any] | None:
        """The live rule giving this subject this role in this scope, or None."""
        key = dict(
            zip(NATURAL_KEY, (subject_type, subject_id, role_id, scope_type, scope_id), strict=True)
        )
        found = [r for r in self.list(**key) if not r.get("deletedAt")]
        return only_one("access rule", ", ".join(f"{k}={v}" for k, v in key.items()), found)

    def list(self, **filters: Any) -> list[dict[str, Any]]:
        """Rules matching equality filters given by API field, in snake_case or camelCase."""
        wanted = {_camel(k): v for k, v in filters.items() if v is not None}
        rules = self.client.list_all(PATH, envelope="accessRules", filters=filter_by(**wanted))
        return [r for r in rules if matches(r, **wanted)]

    def delete(self, rule_id: int | str) -> None:
        self.client.delete(join_path(PATH, rule_id))

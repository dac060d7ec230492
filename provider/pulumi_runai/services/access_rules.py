"""Access rules (role assignments). No update endpoint: every field is fixed at creation."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .._http import join_path
from ..client import RunaiClient
from ..errors import ValidationError
from ..filters import filter_by
from ..models.validation import same_email
from ._common import matches, only_one

__all__ = ["NATURAL_KEY", "AccessRules"]

PATH = "/api/v1/authorization/access-rules"
NATURAL_KEY = ("subjectType", "subjectId", "roleId", "scopeType", "scopeId")


def _same_subject(live: object, wanted: object) -> bool:
    if "@" in str(wanted):
        return same_email(live, wanted)
    return str(live) == str(wanted)


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
        result: dict[str, Any] = self.client.create(PATH, body, lambda: self.find(key))
        return result

    def get(self, rule_id: int | str) -> dict[str, Any]:
        result: dict[str, Any] = self.client.get(join_path(PATH, rule_id))
        return result

    def find(self, key: Mapping[str, Any]) -> dict[str, Any] | None:
        """The live rule giving this subject this role in this scope (`NATURAL_KEY`), or None.

        A user subject (an e-mail) matches whatever its case; several identical rules (Run:ai
        documents no uniqueness for rules) are an `AmbiguousMatch` listing their ids.
        """
        wanted = {k: key[k] for k in NATURAL_KEY}
        subject = wanted.pop("subjectId")
        found = [
            r for r in self.list(**wanted)
            if not r.get("deletedAt") and _same_subject(r.get("subjectId"), subject)
        ]
        described = ", ".join(f"{k}={v}" for k, v in {**wanted, "subjectId": subject}.items())
        return only_one("access rule", described, found)

    def list(self, **filters: Any) -> list[dict[str, Any]]:
        """Rules matching equality filters given by API field, in snake_case or camelCase."""
        wanted = {_camel(k): v for k, v in filters.items() if v is not None}
        rules = self.client.list_all(PATH, envelope="accessRules", filters=filter_by(**wanted))
        return [r for r in rules if matches(r, **wanted)]

    def delete(self, rule_id: int | str) -> None:
        self.client.delete(join_path(PATH, rule_id))

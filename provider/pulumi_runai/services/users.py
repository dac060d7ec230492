"""Local users. Every field is create-only (the API has no PUT for users)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._http import join_path
from ..client import RunaiClient
from ..errors import ValidationError
from ..filters import filter_by
from ..models.validation import same_email
from ._common import only_one

__all__ = ["Users"]

PATH = "/api/v1/users"


class Users:
    def __init__(self, client: RunaiClient) -> None:
        self.client = client

    def create(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """POST ``{email, resetPassword?, notify?}``; answers ``{id, username, tempPassword}``.

        If the answer is lost and the user is found by email, the found object is returned;
        it has no ``tempPassword`` (the API shows it only once) -- callers treat it as absent.
        """
        email = str(body.get("email") or "")
        if "@" not in email:
            raise ValidationError(f"user email {email!r} is not an email address")
        result: dict[str, Any] = self.client.create(
            PATH, dict(body), lambda: self.find({"email": email})
        )
        return result

    def get(self, user_id: str) -> dict[str, Any]:
        result: dict[str, Any] = self.client.get(join_path(PATH, user_id))
        return result

    def find(self, key: Mapping[str, Any]) -> dict[str, Any] | None:
        """The user whose login is this e-mail (``{"email"}``), whatever its case.

        The server filter gets the e-mail as given, and the spec does not say whether it
        matches case-insensitively; when it finds nothing, one unfiltered list settles it.
        This runs only on adopt, conflicts and lost answers, never on a plain create.
        """
        email = str(key["email"])
        for filters in (filter_by(username=email), ()):
            found = [
                u for u in self.client.list_all(PATH, filters=filters)
                if same_email(u.get("username"), email)
            ]
            if found:
                return only_one("user", f"email {email!r}", found)
        return None

    def list(self) -> list[dict[str, Any]]:
        return self.client.list_all(PATH)

    def delete(self, user_id: str) -> None:
        self.client.delete(join_path(PATH, user_id))

"""Local users. Every field is create-only (the API has no PUT for users)."""

from __future__ import annotations

from typing import Any

from .._http import join_path
from ..client import RunaiClient
from ..errors import ValidationError
from ..filters import filter_by
from ._common import only_one

__all__ = ["Users"]

PATH = "/api/v1/users"


class Users:
    def __init__(self, client: RunaiClient) -> None:
        self.client = client

    def create(
        self, email: str, reset_password: bool | None = None, notify: bool | None = None
    ) -> dict[str, Any]:
        """Create the user: ``{id, username, tempPassword}``.

        If the answer is lost and the user is found by email, the found object is returned;
        it has no ``tempPassword`` (the API shows it only once) -- callers treat it as absent.
        """
        if not email or "@" not in email:
            raise ValidationError(f"user email {email!r} is not an email address")
        body: dict[str, Any] = {"email": email}
        if reset_password is not None:
            body["resetPassword"] = reset_password
        if notify is not None:
            body["notify"] = notify
        result: dict[str, Any] = self.client.create(PATH, body, lambda: self.find_by_email(email))
        return result

    def get(self, user_id: str) -> dict[str, Any]:
        result: dict[str, Any] = self.client.get(join_path(PATH, user_id))
        return result

    def find_by_email(self, email: str) -> dict[str, Any] | None:
        """The user whose username is this email.

        The server filter gets the email as given (the spec does not say whether it matches
        case-insensitively); the client-side check ignores case so both spellings agree.
        """
        wanted = email.strip().lower()
        found = [
            u
            for u in self.client.list_all(PATH, filters=filter_by(username=email))
            if str(u.get("username", "")).lower() == wanted
        ]
        return only_one("user", f"email {email!r}", found)

    def list(self) -> list[dict[str, Any]]:
        return self.client.list_all(PATH)

    def delete(self, user_id: str) -> None:
        self.client.delete(join_path(PATH, user_id))

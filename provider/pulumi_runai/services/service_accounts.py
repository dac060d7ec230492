"""Service accounts: create (the secret once), find by name, enable, rotate, delete."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._http import join_path
from ..client import RunaiClient
from ._common import only_one

__all__ = ["ServiceAccounts"]

PATH = "/api/v1/service-accounts"


class ServiceAccounts:
    def __init__(self, client: RunaiClient) -> None:
        self.client = client

    def create(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """POST ``{name}``; answers ``{id, name, clientId, clientSecret}``.

        If the answer is lost and the account is found by name, the found object is returned;
        it has no ``clientSecret`` (a GET never shows it): callers rotate to get one.
        """
        name = str(body["name"])
        result: dict[str, Any] = self.client.create(
            PATH, dict(body), lambda: self.find({"name": name})
        )
        return result

    def get(self, account_id: str) -> dict[str, Any]:
        result: dict[str, Any] = self.client.get(join_path(PATH, account_id))
        return result

    def find(self, key: Mapping[str, Any]) -> dict[str, Any] | None:
        """The account called ``key["name"]`` (names are unique), or None."""
        name = str(key["name"])
        found = [a for a in self.list() if a.get("name") == name]
        return only_one("service account", f"named {name!r}", found)

    def list(self) -> list[dict[str, Any]]:
        """Every account (the endpoint answers a bare array and does not page)."""
        return self.client.list_all(PATH, paginate=False)

    def set_enabled(self, account_id: str, enabled: bool) -> None:
        """PATCH ``{"enabled": …}`` (answered with an empty body)."""
        self.client.patch(join_path(PATH, account_id), {"enabled": enabled})

    def rotate_secret(self, account_id: str) -> str:
        """A new client secret (the answer is its only copy); the old one stops working.

        A lost answer is sent again: a second rotation is harmless, and its answer is the
        secret that works (there is nothing to look up instead).
        """
        path = join_path(PATH, account_id, "secret")
        answer: dict[str, Any] = self.client.create(path, None, lambda: None)
        return str(answer["clientSecret"])

    def delete(self, account_id: str) -> None:
        self.client.delete(join_path(PATH, account_id))

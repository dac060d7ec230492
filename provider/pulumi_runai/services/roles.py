"""Roles (v1, read-only): resolved by name, since ids differ between installations."""

from __future__ import annotations

from typing import Any

from .._http import join_path
from ..client import RunaiClient
from ._cache import TTLCache
from ._common import not_found

__all__ = ["Roles"]

PATH = "/api/v1/authorization/roles"
_CACHE: TTLCache[list[dict[str, Any]]] = TTLCache()


class Roles:
    def __init__(self, client: RunaiClient) -> None:
        self.client = client

    def list(self, *, fresh: bool = False) -> list[dict[str, Any]]:
        """All roles; cached ~30 s per settings (the endpoint does not page)."""
        key = self.client.settings
        if fresh:
            _CACHE.invalidate(key)
        return list(_CACHE.get(key, lambda: self.client.list_all(PATH, paginate=False)))

    def get(self, role_id: int | str) -> dict[str, Any]:
        result: dict[str, Any] = self.client.get(join_path(PATH, role_id))
        return result

    def by_name(self, name: str, *, fresh_on_miss: bool = True) -> dict[str, Any]:
        """The role with exactly this name (names are case-sensitive, e.g. 'L1 researcher');
        a miss in the cache is checked once more against the API unless `fresh_on_miss` is
        False (a preview lists each kind of name once)."""
        for fresh in (False, True)[: 2 if fresh_on_miss else 1]:
            roles = self.list(fresh=fresh)
            for role in roles:
                if role.get("name") == name:
                    return role
        close = [r["name"] for r in roles if str(r.get("name", "")).lower() == name.lower()]
        advice = f"did you mean {close[0]!r}? Role names are case-sensitive; " if close else ""
        raise not_found("role", f"named {name!r}", PATH, roles, advice=advice)

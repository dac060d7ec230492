"""Roles (read-only here): resolved by name, since ids differ between installations.

Two endpoints serve them: `/api/v1/authorization/roles` (a bare array; deprecated in 2.24,
removed in control plane 3.0) and `/api/v2/authorization/roles` (`{roles, next?}`, since
2.24). Which one a control plane serves is found once per process and control plane, by
the first list: v2 first, the API of 2.24 and later (where v1 is deprecated or gone), and v1
when v2 answers 404 (control planes before 2.24). No setting, and no extra request per
resource: the lists are cached.
"""

from __future__ import annotations

import builtins
import threading
from typing import Any

from .._http import join_path
from ..client import RunaiClient, register_reset_hook
from ..errors import NotFound
from ..settings import Settings
from ._cache import TTLCache
from ._common import not_found

__all__ = ["PATH", "V2_PATH", "Roles"]

PATH = "/api/v1/authorization/roles"
V2_PATH = "/api/v2/authorization/roles"
_CACHE: TTLCache[list[dict[str, Any]]] = TTLCache()

_paths_lock = threading.Lock()
_paths: dict[Settings, str] = {}
"""The roles endpoint each control plane serves, once found (see the module docstring)."""
register_reset_hook(_paths.clear)


class Roles:
    def __init__(self, client: RunaiClient) -> None:
        self.client = client

    def list(self, *, fresh: bool = False) -> list[dict[str, Any]]:
        """All roles; cached ~30 s per settings."""
        key = self.client.settings
        if fresh:
            _CACHE.invalidate(key)
        return list(_CACHE.get(key, self._load))

    def path(self) -> str:
        """The roles endpoint of this control plane (found by the first list if not yet)."""
        with _paths_lock:
            known = _paths.get(self.client.settings)
        if known is None:
            self.list()
            with _paths_lock:
                known = _paths[self.client.settings]
        return known

    def _load(self) -> builtins.list[dict[str, Any]]:
        settings = self.client.settings
        with _paths_lock:
            known = _paths.get(settings)
        if known != PATH:
            try:
                roles = self.client.list_all(V2_PATH, envelope="roles")
            except NotFound:
                if known == V2_PATH:
                    raise
            else:
                with _paths_lock:
                    _paths[settings] = V2_PATH
                return roles
        roles = self.client.list_all(PATH, paginate=False)
        with _paths_lock:
            _paths[settings] = PATH
        return roles

    def get(self, role_id: int | str) -> dict[str, Any]:
        result: dict[str, Any] = self.client.get(join_path(self.path(), role_id))
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
        raise not_found("role", f"named {name!r}", self.path(), roles, advice=advice)

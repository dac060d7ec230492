"""Custom roles (v2 roles API) and the permission-set catalogue they are built from.

Finding a role by name for access rules and `get_role` is `roles.Roles`' job; this module finds
roles only to manage them. After a create or update the role-name cache of `Roles` is
refreshed, so an access rule in the same up that names a role just created (or renamed)
resolves it at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._http import join_path
from ..client import RunaiClient
from ._cache import TTLCache
from ._common import not_found, only_one
from .roles import V2_PATH, Roles

__all__ = ["CustomRoles", "PermissionSets"]

PATH = V2_PATH
PERMISSION_SETS_PATH = "/api/v1/authorization/permission-sets"
_CATALOGUE: TTLCache[list[dict[str, Any]]] = TTLCache()


class PermissionSets:
    """The tenant's permission-set catalogue, cached per process (~30 s)."""

    def __init__(self, client: RunaiClient) -> None:
        self.client = client

    def list(self) -> list[dict[str, Any]]:
        return list(_CATALOGUE.get(self.client.settings, lambda: self.client.list_all(
            PERMISSION_SETS_PATH, envelope="permissionSets", paginate=False)))

    def id_of(self, name: str) -> str:
        """The uuid of the permission set called exactly `name`; NotFound lists the names."""
        sets = self.list()
        for item in sets:
            if item.get("name") == name:
                return str(item["id"])
        close = [str(s["name"]) for s in sets if str(s.get("name", "")).lower() == name.lower()]
        advice = f"did you mean {close[0]!r}? Names are case-sensitive; " if close else ""
        raise not_found("permission set", f"named {name!r}", PERMISSION_SETS_PATH, sets,
                        advice=advice)


class CustomRoles:
    def __init__(self, client: RunaiClient) -> None:
        self.client = client

    def create(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """POST a RoleCreationFields body; a lost answer is resolved by name, never doubled."""
        name = str(body["name"])
        result: dict[str, Any] = self.client.create(
            PATH, dict(body), lambda: self.find({"name": name})
        )
        self._names_changed()
        return result

    def get(self, role_id: int | str) -> dict[str, Any]:
        result: dict[str, Any] = self.client.get(join_path(PATH, role_id))
        return result

    def find(self, key: Mapping[str, Any]) -> dict[str, Any] | None:
        """The role (custom or predefined: check `custom`) called exactly ``key["name"]``."""
        name = str(key["name"])
        found = [r for r in self.list() if r.get("name") == name and not r.get("deletedAt")]
        return only_one("role", f"named {name!r}", found)

    def list(self) -> list[dict[str, Any]]:
        """Every role, predefined and custom (`{roles: [...], next?}`)."""
        return self.client.list_all(PATH, envelope="roles")

    def update(self, role_id: int | str, body: Mapping[str, Any]) -> dict[str, Any]:
        """One PUT with the full body (what it leaves out is reset by Run:ai)."""
        result: dict[str, Any] = self.client.put(join_path(PATH, role_id), dict(body))
        self._names_changed()
        return result

    def delete(self, role_id: int | str) -> None:
        self.client.delete(join_path(PATH, role_id))

    def _names_changed(self) -> None:
        """Reload the role names access rules resolve against (one list, not per rule)."""
        Roles(self.client).list(fresh=True)

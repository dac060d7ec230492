"""v2 roles: the predefined roles plus custom roles built from the permission-set catalogue.

Custom roles live in the same table as the predefined ones (`roles`), so access rules, the v1
list and `/_emulator/state` see them with no extra wiring. A stored role keeps the v1 shape
(`permissions` with `displayName` and `groupId`) plus its `permissionSets`; the v2 answer
(`Role1` in the 2.24 spec: `RoleCreationFields` + `RoleCalculatedFields`) is derived from it.

Predefined roles are read-only: a write answers 403 (the docs say they "cannot be updated" /
"cannot be deleted" and declare 403 on both operations).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ..errors import EmulatorError, bad_request, conflict, not_found
from .common import ACCESS_RULE, ROLE, Ctx, Doc, public, require_object

_FIRST_CUSTOM_ID = 10001
_FIELDS = ("name", "description", "enabled", "permissionSets", "kubernetesPermissions")

# resourceType -> (displayName, groupId) of the v1 `Permission` shape, for the types used below.
_RESOURCE_TYPES: dict[str, tuple[str, str]] = {
    "tenant": ("Account", "organization"),
    "department": ("Departments", "organization"),
    "project": ("Projects", "organization"),
    "cluster": ("Clusters", "physical-resource"),
    "nodepools": ("Node pools", "physical-resource"),
    "nodes": ("Nodes", "physical-resource"),
    "users": ("Users", "iam"),
    "service-account": ("Service accounts", "iam"),
    "roles": ("Roles", "iam"),
    "access_rules": ("Access rules", "iam"),
    "dashboards-overview": ("Overview dashboard", "dashboard"),
    "dashboards-analytics": ("Analytics dashboard", "dashboard"),
    "workloads": ("Workloads", "workload"),
    "workspaces": ("Workspaces", "workload"),
    "trainings": ("Trainings", "workload"),
    "inferences": ("Inferences", "workload"),
    "policies": ("Policies", "workload"),
    "environments": ("Environments", "workload-asset"),
    "compute-resources": ("Compute resources", "workload-asset"),
    "templates": ("Templates", "workload-asset"),
    "credentials": ("Credentials", "workload-asset"),
    "pvc-assets": ("PVC", "workload-asset"),
}
_CRUD = ("create", "read", "update", "delete")
_READ = ("read",)


@dataclass(frozen=True)
class PermissionSet:
    """One catalogue entry; its id is derived from the name, so it is stable across resets."""

    name: str
    description: str
    grants: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def id(self) -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"runai-emulator/permission-set/{self.name}"))

    def doc(self) -> Doc:
        return {"id": self.id, "name": self.name, "description": self.description,
                "permissions": [{"resourceType": r, "actions": list(a)} for r, a in self.grants]}


# A small catalogue in the shape of the real one (names are the emulator's own).
CATALOGUE: tuple[PermissionSet, ...] = (
    PermissionSet("Organization viewer", "View departments, projects, clusters and node pools",
                  (("department", _READ), ("project", _READ), ("cluster", _READ),
                   ("nodepools", _READ))),
    PermissionSet("Department management", "Create, edit and delete departments",
                  (("department", _CRUD), ("project", _READ))),
    PermissionSet("Project management", "Create, edit and delete projects",
                  (("project", _CRUD), ("department", _READ))),
    PermissionSet("Node pool management", "Create, edit and delete node pools",
                  (("nodepools", _CRUD), ("nodes", _READ), ("cluster", _READ))),
    PermissionSet("Workload management", "Submit, edit and delete workloads of every type",
                  (("workloads", _CRUD), ("workspaces", _CRUD), ("trainings", _CRUD),
                   ("inferences", _CRUD))),
    PermissionSet("Workload viewer", "View workloads of every type",
                  (("workloads", _READ), ("workspaces", _READ), ("trainings", _READ),
                   ("inferences", _READ))),
    PermissionSet("Workload asset management", "Manage environments, compute resources, "
                  "templates, credentials and data sources",
                  (("environments", _CRUD), ("compute-resources", _CRUD), ("templates", _CRUD),
                   ("credentials", _CRUD), ("pvc-assets", _CRUD))),
    PermissionSet("Policy management", "Create, edit and delete workload policies",
                  (("policies", _CRUD),)),
    PermissionSet("Access management", "Assign roles through access rules",
                  (("access_rules", _CRUD), ("roles", _READ), ("users", _READ),
                   ("service-account", _READ))),
    PermissionSet("User management", "Create and delete local users", (("users", _CRUD),)),
    PermissionSet("Service account management", "Create, rotate and delete service accounts",
                  (("service-account", _CRUD),)),
    PermissionSet("Dashboard viewer", "View the overview and analytics dashboards",
                  (("dashboards-overview", _READ), ("dashboards-analytics", _READ))),
)
_BY_ID = {p.id: p for p in CATALOGUE}


def permission_sets() -> list[Doc]:
    return [p.doc() for p in CATALOGUE]


def permission_set(ident: str) -> Doc:
    found = _BY_ID.get(ident)
    if found is None:
        raise not_found("permission set", ident)
    return found.doc()


def view(doc: Doc) -> Doc:
    """The v2 shape of a stored role: permission sets, permissions without the v1 labels."""
    out = public(doc)
    out["permissions"] = [{"resourceType": p["resourceType"], "actions": p["actions"]}
                          for p in doc.get("permissions", [])]
    out["permissionSets"] = doc.get("permissionSets", [])
    return out


def list_roles(ctx: Ctx) -> list[Doc]:
    return [view(r) for r in ctx.tx.all(ROLE)]


def _load(ctx: Ctx, ident: int) -> Doc:
    doc = ctx.tx.get(ROLE, str(ident))
    if doc is None:
        raise not_found("role", ident)
    return doc


def get(ctx: Ctx, ident: int) -> Doc:
    return view(_load(ctx, ident))


def _custom(ctx: Ctx, ident: int, verb: str) -> Doc:
    doc = _load(ctx, ident)
    if not doc.get("custom"):
        raise EmulatorError(403, f"role {ident} ('{doc['name']}') is a predefined role and "
                                 f"cannot be {verb}; only custom roles can")
    return doc


def _permission_sets(raw: object) -> list[Doc]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise bad_request("permissionSets must be a list of {id, name} objects")
    chosen: list[Doc] = []
    for index, item in enumerate(raw):
        where = f"permissionSets[{index}]"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise bad_request(f"{where} must be an object with the permission set's id (a uuid)")
        unknown = sorted(set(item) - {"id", "name"})
        if unknown:
            raise bad_request(f"{where}: unknown field(s) {', '.join(unknown)} (id, name)")
        found = _BY_ID.get(item["id"])
        if found is None:
            raise bad_request(f"{where}.id: no permission set '{item['id']}' "
                              "(GET /api/v1/authorization/permission-sets lists them)")
        if item.get("name") not in (None, found.name):
            raise bad_request(f"{where}.name '{item['name']}' is not the name of permission set "
                              f"{found.id} ('{found.name}')")
        if any(c["id"] == found.id for c in chosen):
            raise bad_request(f"{where}: permission set '{found.name}' is listed twice")
        chosen.append({"id": found.id, "name": found.name})
    return chosen


def _v1_permissions(chosen: list[Doc]) -> list[Doc]:
    """The union of the chosen sets' grants, per resource type, in the v1 `Permission` shape."""
    actions: dict[str, list[str]] = {}
    for item in chosen:
        for resource, granted in _BY_ID[item["id"]].grants:
            merged = actions.setdefault(resource, [])
            merged.extend(a for a in granted if a not in merged)
    return [{"resourceType": r, "displayName": _RESOURCE_TYPES[r][0],
             "groupId": _RESOURCE_TYPES[r][1], "actions": a} for r, a in actions.items()]


def _kubernetes_permissions(ctx: Ctx, raw: object) -> Doc:
    if raw is None:
        return {"predefinedRole": None}
    if not isinstance(raw, dict) or set(raw) - {"predefinedRole"}:
        raise bad_request("kubernetesPermissions must be an object {predefinedRole}")
    ref = raw.get("predefinedRole")
    if ref is not None:
        role = ctx.tx.get(ROLE, str(ref)) if isinstance(ref, str) and ref.isdigit() else None
        if role is None or role.get("custom"):
            raise bad_request(f"kubernetesPermissions.predefinedRole '{ref}' is not the id of a "
                              "predefined role")
    return {"predefinedRole": ref}


def _fields(ctx: Ctx, body: object, own_id: int | None) -> Doc:
    """The writable fields of a create or full update, checked; 409 on a taken name."""
    data = require_object(body)
    unknown = sorted(set(data) - set(_FIELDS))
    if unknown:
        raise bad_request(f"unknown field(s) {', '.join(unknown)} "
                          f"(a role takes {', '.join(_FIELDS)})")
    for key in ("name", "description"):
        if not isinstance(data.get(key), str):
            raise bad_request(f"{key} is required (a string)")
    name = data["name"]
    if not name.strip():
        raise bad_request("name must not be empty")
    enabled = data.get("enabled")
    if enabled is not None and not isinstance(enabled, bool):
        raise bad_request("enabled must be true or false")
    for other in ctx.tx.all(ROLE):
        if other["name"] == name and other["id"] != own_id:
            raise conflict(f"a role named '{name}' already exists (id {other['id']})")
    chosen = _permission_sets(data.get("permissionSets"))
    return {
        "name": name,
        "description": data["description"],
        "enabled": True if enabled is None else enabled,
        "effectiveEnabled": True if enabled is None else enabled,
        "permissionSets": chosen,
        "permissions": _v1_permissions(chosen),
        "kubernetesPermissions": _kubernetes_permissions(ctx, data.get("kubernetesPermissions")),
    }


def create(ctx: Ctx, body: object) -> Doc:
    fields = _fields(ctx, body, None)
    ident = ctx.tx.next_id("role", _FIRST_CUSTOM_ID)
    doc: Doc = {"id": ident, **fields, "custom": True, "createdBy": ctx.actor,
                "createdAt": ctx.now_iso, "updatedAt": ctx.now_iso, "deletedAt": None}
    ctx.tx.put(ROLE, str(ident), doc)
    return view(doc)


def update(ctx: Ctx, ident: int, body: object) -> Doc:
    """Full replace of the writable fields (an omitted `enabled` becomes true again)."""
    doc = _custom(ctx, ident, "updated")
    doc.update(_fields(ctx, body, ident))
    doc["updatedAt"] = ctx.now_iso
    ctx.tx.put(ROLE, str(ident), doc)
    return view(doc)


def delete(ctx: Ctx, ident: int) -> None:
    """Refused (400) while access rules grant the role: they would point at nothing."""
    doc = _custom(ctx, ident, "deleted")
    users = [str(r["id"]) for r in ctx.tx.all(ACCESS_RULE) if r["roleId"] == ident]
    if users:
        raise bad_request(f"role '{doc['name']}' is granted by access rule(s) "
                          f"{', '.join(users)}; delete them first")
    ctx.tx.delete(ROLE, str(ident))

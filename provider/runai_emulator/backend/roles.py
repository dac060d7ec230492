"""The predefined v1 roles (ids as in a real tenant, research §9.1); read-only."""

from __future__ import annotations

from ..errors import not_found
from .common import ROLE, Ctx, Doc, public

PREDEFINED: tuple[tuple[int, str], ...] = (
    (1, "System administrator"),
    (3, "Editor"),
    (4, "Research manager"),
    (5, "L1 researcher"),
    (6, "ML engineer"),
    (7, "Viewer"),
    (8, "L2 researcher"),
    (9, "Environment administrator"),
    (10, "Data source administrator"),
    (11, "Compute resource administrator"),
    (12, "Template administrator"),
    (13, "Department viewer"),
    (373, "Credentials administrator"),
    (1708, "Application administrator"),
    (1709, "Cloud support"),
    (1710, "Department administrator"),
    (1711, "Cloud operator"),
    (2256, "Data volume administrator"),
)


def seed_docs(now_iso: str) -> list[Doc]:
    return [
        {
            "id": ident,
            "name": name,
            "description": f"Predefined role: {name}",
            "permissions": [],
            "createdAt": now_iso,
            "updatedAt": now_iso,
            "createdBy": "system",
            "custom": False,
            "effectiveEnabled": True,
            "enabled": True,
            "deletedAt": None,
            "kubernetesPermissions": {"predefinedRole": None},
        }
        for ident, name in PREDEFINED
    ]


def list_roles(ctx: Ctx) -> list[Doc]:
    return [public(r) for r in ctx.tx.all(ROLE)]


def get(ctx: Ctx, ident: int) -> Doc:
    doc = ctx.tx.get(ROLE, str(ident))
    if doc is None:
        raise not_found("role", ident)
    return public(doc)

"""Local users: create (returns a temporary password once), read, list, delete."""

from __future__ import annotations

import re
import secrets
import uuid

from ..errors import bad_request, conflict, not_found
from . import access_rules
from .common import USER, Ctx, Doc, opt_bool, public, require_object

_EMAIL = re.compile(r"^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$")


def _load(ctx: Ctx, ident: str) -> Doc:
    doc = ctx.tx.get(USER, ident)
    if doc is None:
        raise not_found("user", ident)
    return doc


def create(ctx: Ctx, body: object) -> Doc:
    """201 body `{id, username, tempPassword}`; the password is never stored."""
    data = require_object(body)
    email = data.get("email")
    if email is None or email == "":
        raise bad_request("email is required")
    if not isinstance(email, str) or not _EMAIL.match(email):
        raise bad_request(f"email '{email}' is not a valid email address")
    opt_bool(data, "resetPassword")
    opt_bool(data, "notify")
    for other in ctx.tx.all(USER):
        if other["username"].lower() == email.lower():
            raise conflict(f"user with email '{email}' already exists (id {other['id']})")
    ident = str(uuid.uuid4())
    doc: Doc = {
        "id": ident,
        "username": email,
        "createdBy": ctx.actor,
        "createdAt": ctx.now_iso,
        "updatedAt": ctx.now_iso,
        "lastLogin": None,
        "isLocal": True,
        "groups": [],
    }
    ctx.tx.put(USER, ident, doc)
    return {"id": ident, "username": email, "tempPassword": secrets.token_urlsafe(12)}


def get(ctx: Ctx, ident: str) -> Doc:
    return public(_load(ctx, ident))


def all_for_list(ctx: Ctx) -> list[Doc]:
    return [public(u) for u in ctx.tx.all(USER)]


def delete(ctx: Ctx, ident: str) -> None:
    """Also removes access rules whose subject is this user (by email or by id)."""
    doc = _load(ctx, ident)
    access_rules.remove_for_subject(ctx, "user", {doc["username"], ident})
    ctx.tx.delete(USER, ident)

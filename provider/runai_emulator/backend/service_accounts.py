"""Service accounts: machine clients of the API, with a secret shown only on create and rotate.

The secret is never stored: the document keeps a salted SHA-256 of it (internal `_` keys, which
`public()` and `/_emulator/state` strip), so no answer, state dump or log can leak it. The
account's `clientId` is its name, as the spec's `ServiceAccountPostResponse` example shows, and
it logs in at `POST /api/v1/token` like the configured clients.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid

from pulumi_runai.models.service_account import NAME_PATTERN

from ..errors import EmulatorError, bad_request, conflict, not_found
from . import access_rules
from .common import Ctx, Doc, public, require_object

SERVICE_ACCOUNT = "service_accounts"
SUBJECT_TYPE = "service-account"


def _new_secret(doc: Doc) -> str:
    """A fresh secret; only its salted hash is kept in `doc`."""
    secret = secrets.token_urlsafe(24)
    salt = secrets.token_hex(8)
    doc["_secretSalt"] = salt
    doc["_secretHash"] = _digest(salt, secret)
    return secret


def _digest(salt: str, secret: str) -> str:
    return hashlib.sha256(f"{salt}:{secret}".encode()).hexdigest()


def _load(ctx: Ctx, ident: str) -> Doc:
    doc = ctx.tx.get(SERVICE_ACCOUNT, ident)
    if doc is None:
        raise not_found("service account", ident)
    return doc


def _name(body: Doc) -> str:
    name = body.get("name")
    if name is None or name == "":
        raise bad_request("name is required")
    if not isinstance(name, str):
        raise bad_request("name must be a string")
    if not NAME_PATTERN.match(name):
        raise bad_request(
            f"name '{name}' must match {NAME_PATTERN.pattern} (lowercase letters, digits, "
            "'-' and '_', starting with a letter and ending with a letter or digit)"
        )
    return name


def create(ctx: Ctx, body: object) -> Doc:
    """201 body `{id, name, clientId, clientSecret}`: the only answer carrying the secret."""
    data = require_object(body)
    unknown = sorted(set(data) - {"name"})
    if unknown:
        raise bad_request(f"unknown field(s) {', '.join(unknown)} (a service account takes name)")
    name = _name(data)
    for other in ctx.tx.all(SERVICE_ACCOUNT):
        if other["name"] == name:
            raise conflict(f"service account '{name}' already exists (id {other['id']})")
    if name in (ctx.config.client_id, ctx.config.readonly_client_id):
        raise conflict(f"client id '{name}' is taken by a configured client of the emulator")
    ident = str(uuid.uuid4())
    doc: Doc = {
        "id": ident,
        "name": name,
        "clientId": name,
        "enabled": True,
        "tenantId": str(ctx.config.tenant_id),
        "createdBy": ctx.actor,
        "createdAt": ctx.now_iso,
        "updatedAt": ctx.now_iso,
        "lastLogin": None,
    }
    secret = _new_secret(doc)
    ctx.tx.put(SERVICE_ACCOUNT, ident, doc)
    return {"id": ident, "name": name, "clientId": name, "clientSecret": secret}


def get(ctx: Ctx, ident: str) -> Doc:
    return public(_load(ctx, ident))


def all_for_list(ctx: Ctx) -> list[Doc]:
    return [public(d) for d in ctx.tx.all(SERVICE_ACCOUNT)]


def set_enabled(ctx: Ctx, ident: str, body: object) -> None:
    """PATCH `{"enabled": bool}` (the only patchable field)."""
    data = require_object(body)
    unknown = sorted(set(data) - {"enabled"})
    if unknown:
        raise bad_request(f"unknown field(s) {', '.join(unknown)} (only enabled can be patched)")
    enabled = data.get("enabled")
    if not isinstance(enabled, bool):
        raise bad_request("enabled is required and must be true or false")
    doc = _load(ctx, ident)
    doc["enabled"] = enabled
    doc["updatedAt"] = ctx.now_iso
    ctx.tx.put(SERVICE_ACCOUNT, ident, doc)


def rotate_secret(ctx: Ctx, ident: str) -> Doc:
    """A new secret (the answer is its only copy); the old one stops working at once."""
    doc = _load(ctx, ident)
    secret = _new_secret(doc)
    doc["updatedAt"] = ctx.now_iso
    ctx.tx.put(SERVICE_ACCOUNT, ident, doc)
    return {"clientSecret": secret}


def delete(ctx: Ctx, ident: str) -> None:
    """Also removes access rules whose subject is this account (by client id or id)."""
    doc = _load(ctx, ident)
    access_rules.remove_for_subject(ctx, SUBJECT_TYPE, {doc["clientId"], ident})
    ctx.tx.delete(SERVICE_ACCOUNT, ident)


def authenticate(ctx: Ctx, client_id: str, client_secret: str) -> bool:
    """True for an enabled account's current secret; records `lastLogin`."""
    for doc in ctx.tx.all(SERVICE_ACCOUNT):
        if doc["clientId"] != client_id:
            continue
        expected = doc["_secretHash"]
        if not hmac.compare_digest(_digest(doc["_secretSalt"], client_secret), expected):
            return False
        if not doc["enabled"]:
            raise EmulatorError(400, f"service account '{client_id}' is disabled")
        doc["lastLogin"] = ctx.now_iso
        ctx.tx.put(SERVICE_ACCOUNT, doc["id"], doc)
        return True
    return False

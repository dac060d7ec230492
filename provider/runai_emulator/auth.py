"""Tokens: client credentials in, signed HS256 JWT out; bearer verification.

The signing key lives in the database so tokens stay valid across a restart on the same db.
"""

from __future__ import annotations

import hmac
import math
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any

import jwt

from .backend import service_accounts
from .backend.common import Ctx
from .config import EmulatorConfig
from .errors import EmulatorError
from .store import Store

_GRANTS = ("client_credentials", "app_token")


@dataclass(frozen=True)
class Principal:
    """Who made a request: the token's client id and whether it may write."""

    client_id: str
    read_only: bool


class TokenService:
    """Issues and verifies tokens for the two configured clients and the service accounts."""

    def __init__(self, config: EmulatorConfig, store: Store) -> None:
        self._config = config
        self._store = store
        with store.tx() as tx:
            key = tx.meta("jwt_key")
            if key is None:
                key = secrets.token_hex(32)
                tx.set_meta("jwt_key", key)
        self._key = key
        # token -> (principal, exp): skips re-verifying the signature of a token seen before
        self._verified: dict[str, tuple[Principal, float]] = {}
        self._lock = threading.Lock()

    def authenticate(self, client_id: str, client_secret: str) -> Principal | None:
        """Match credentials in constant time; None when they are wrong."""
        cfg = self._config
        pairs = (
            (cfg.client_id, cfg.client_secret, False),
            (cfg.readonly_client_id, cfg.readonly_client_secret, True),
        )
        for known_id, known_secret, read_only in pairs:
            id_ok = hmac.compare_digest(client_id.encode(), known_id.encode())
            secret_ok = hmac.compare_digest(client_secret.encode(), known_secret.encode())
            if id_ok and secret_ok:
                return Principal(known_id, read_only)
        with self._store.tx() as tx:  # then the service accounts created through the API
            if service_accounts.authenticate(Ctx(tx, cfg), client_id, client_secret):
                return Principal(client_id, False)
        return None

    def issue(self, principal: Principal) -> tuple[str, int]:
        """A signed token and its lifetime in whole seconds (at least 1)."""
        now = time.time()
        ttl = self._config.token_ttl
        claims = {
            "sub": principal.client_id,
            "client_id": principal.client_id,
            "preferred_username": principal.client_id,
            "tenant_id": self._config.tenant_id,
            "read_only": principal.read_only,
            "iat": int(now),
            "exp": math.ceil(now + ttl),  # PyJWT compares whole seconds
            "jti": secrets.token_hex(8),
        }
        return jwt.encode(claims, self._key, algorithm="HS256"), max(1, int(ttl))

    def verify(self, authorization: str | None) -> Principal:
        """The principal behind an `Authorization: Bearer` header, or a 401."""
        if not authorization:
            raise EmulatorError(401, "Unauthorized: missing Authorization header")
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise EmulatorError(401, "Unauthorized: Authorization must be 'Bearer <token>'")
        token = token.strip()
        with self._lock:
            known = self._verified.get(token)
        if known is not None and time.time() < known[1]:
            return known[0]
        try:
            claims: dict[str, Any] = jwt.decode(
                token, self._key, algorithms=["HS256"], options={"require": ["exp"]}
            )
        except jwt.ExpiredSignatureError:
            raise EmulatorError(401, "Unauthorized: token expired") from None
        except jwt.PyJWTError:
            raise EmulatorError(401, "Unauthorized: invalid token") from None
        principal = Principal(str(claims.get("client_id", "")), bool(claims.get("read_only")))
        with self._lock:
            if len(self._verified) >= 1024:
                self._verified.clear()
            self._verified[token] = (principal, float(claims["exp"]))
        return principal


def parse_v1_token_request(body: object) -> tuple[str, str]:
    """Client id and secret from a `/api/v1/token` body; JSON keys match case-insensitively."""
    if not isinstance(body, dict):
        raise EmulatorError(
            400, "body must be a JSON object with grantType, clientId, clientSecret"
        )
    lowered = {str(k).lower(): v for k, v in body.items()}
    grant = lowered.get("granttype")
    if grant not in _GRANTS:
        raise EmulatorError(400, f"grantType must be one of {', '.join(_GRANTS)}")
    if grant == "app_token":
        client_id, secret = lowered.get("appid"), lowered.get("appsecret")
        names = ("appId", "appSecret")
    else:
        client_id, secret = lowered.get("clientid"), lowered.get("clientsecret")
        names = ("clientId", "clientSecret")
    for value, name in zip((client_id, secret), names, strict=True):
        if not isinstance(value, str) or not value:
            raise EmulatorError(400, f"{name} is required for grantType {grant}")
    assert isinstance(client_id, str) and isinstance(secret, str)
    return client_id, secret

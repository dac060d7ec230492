"""Helpers every per-kind backend uses: the call context, timestamps and field checks."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..config import EmulatorConfig
from ..errors import bad_request
from ..store import Tx
from ..switches import Switches

Doc = dict[str, Any]

_DNS_1123 = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")


@dataclass
class Ctx:
    """One request's view of the world: an open transaction, settings and the caller."""

    tx: Tx
    config: EmulatorConfig
    actor: str = "system"
    now: float = field(default_factory=time.time)
    switches: Switches = field(default_factory=Switches)

    @property
    def now_iso(self) -> str:
        return iso(self.now)


def iso(ts: float) -> str:
    """ISO-8601 UTC with milliseconds, as Run:ai prints timestamps."""
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%S.") + (
        f"{int((ts % 1) * 1000):03d}Z"
    )


def public(doc: Doc) -> Doc:
    """The document without internal `_` bookkeeping keys."""
    return {k: v for k, v in doc.items() if not k.startswith("_")}


def require_object(body: object, what: str = "body") -> Doc:
    if not isinstance(body, dict):
        raise bad_request(f"{what} must be a JSON object")
    return body


def dns_name(body: Doc, key: str = "name", label: str | None = None) -> str:
    """A required Kubernetes DNS-1123 label (lowercase alphanumerics and '-', at most 63)."""
    label = label or key
    value = body.get(key)
    if value is None:
        raise bad_request(f"{label} is required")
    if not isinstance(value, str):
        raise bad_request(f"{label} must be a string")
    if len(value) > 63:
        raise bad_request(f"{label} '{value}' is longer than 63 characters")
    if not _DNS_1123.match(value):
        raise bad_request(
            f"{label} '{value}' is not a valid DNS-1123 label "
            "(lowercase letters, digits and '-', starting and ending with a letter or digit)"
        )
    return value


def opt_str(body: Doc, key: str, default: str | None = None) -> str | None:
    value = body.get(key, default)
    if value is not None and not isinstance(value, str):
        raise bad_request(f"{key} must be a string")
    return value


def opt_bool(body: Doc, key: str, default: bool | None = None) -> bool | None:
    value = body.get(key, default)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise bad_request(f"{key} must be a boolean")
    return value


def req_str(body: Doc, key: str) -> str:
    value = body.get(key)
    if value is None or value == "":
        raise bad_request(f"{key} is required")
    if not isinstance(value, str):
        raise bad_request(f"{key} must be a string")
    return value


# Table names per kind, shared so modules can look each other up without import cycles.
DEPARTMENT = "departments"
PROJECT = "projects"
USER = "users"
ROLE = "roles"
ACCESS_RULE = "access_rules"

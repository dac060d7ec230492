"""Pure helpers for the shapes the API answers with (no I/O, unit-tested without a server).

The Run:ai API is inconsistent: lists come as bare arrays or inside ``{departments}``,
``{projects}``, ``{nodepools}``, ``{accessRules, totalRecords, ...}``; deletes answer with an
empty body, ``text/plain`` or a JSON ``HttpResponse``. These functions absorb that.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from .errors import RunaiError

__all__ = ["KNOWN_ENVELOPES", "extract_items", "item_key", "join_path", "more_pages", "parse_body"]

KNOWN_ENVELOPES = (
    "departments",
    "projects",
    "nodepools",
    "accessRules",
    "users",
    "roles",
    "clusters",
    "serviceAccounts",
    "items",
)


def parse_body(content: bytes, content_type: str | None) -> Any:
    """JSON when the body is JSON, the text when it is text, None when there is none."""
    if not content or not content.strip():
        return None
    text = content.decode("utf-8", errors="replace")
    looks_json = "json" in (content_type or "").lower() or text.lstrip()[:1] in ("{", "[")
    if looks_json:
        try:
            return json.loads(text)
        except ValueError:
            return text
    return text


def extract_items(body: Any, envelope: str | None, *, where: str = "") -> list[dict[str, Any]]:
    """The list of objects in a list answer, whatever envelope the endpoint uses."""
    if body is None or isinstance(body, str):
        # An empty or text/plain answer to a list call: nothing to list.
        return []
    if isinstance(body, list):
        return [item for item in body if isinstance(item, dict)]
    if not isinstance(body, Mapping):
        raise RunaiError(f"unexpected list answer from {where or 'the API'}: {type(body).__name__}")
    keys = ([envelope] if envelope else []) + [k for k in KNOWN_ENVELOPES if k != envelope]
    for key in keys:
        if key in body:
            value = body[key]
            if value is None:
                return []
            if isinstance(value, list):
                return [item for item in value if isinstance(item, dict)]
    lists = [v for v in body.values() if isinstance(v, list)]
    if len(lists) == 1:
        return [item for item in lists[0] if isinstance(item, dict)]
    raise RunaiError(
        f"unexpected list answer from {where or 'the API'}: expected a JSON array or an object "
        f"with {envelope or 'a list field'}, got keys {sorted(map(str, body))}"
    )


def more_pages(body: Any, page_len: int, limit: int, collected: int) -> bool:
    """Whether another page may exist: a full page, a ``next`` marker or a larger total."""
    if page_len == 0:
        return False
    if page_len >= limit:
        return True
    if isinstance(body, Mapping):
        if body.get("next") not in (None, ""):
            return True
        total = body.get("totalRecords")
        if isinstance(total, int) and not isinstance(total, bool) and total > collected:
            return True
    return False


def item_key(item: Mapping[str, Any]) -> str | None:
    """The identity of a listed object (``id``, or ``uuid`` for clusters) to drop repeats."""
    for key in ("id", "uuid"):
        if item.get(key) is not None:
            return f"{key}:{item[key]}"
    return None


def join_path(*parts: object) -> str:
    """An API path from segments, each id percent-quoted so it cannot escape its segment."""
    head, *rest = (str(p) for p in parts)
    return "/".join([head.rstrip("/"), *(quote(p, safe="") for p in rest)])

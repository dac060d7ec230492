"""Allow-lists of access-rule subjects, shared by the role and scope policies.

An entry is ``"<subject_type>:<subject_id>"`` (``"group:platform-admins"``) or a bare subject id
(``"alice@example.com"``) matching any subject type. User ids are emails: compared ignoring case.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from ._values import is_unknown


def subject_key(subject_type: str, subject_id: str) -> str:
    """How a subject is written in an allow-list and in messages."""
    return f"{subject_type}:{subject_id}"


def _norm(subject_type: str, subject_id: str) -> str:
    return subject_id.casefold() if subject_type == "user" else subject_id


def subject_allowed(subject_type: str, subject_id: str, allow: Iterable[str]) -> bool:
    """True when an allow-list entry names this subject."""
    wanted = _norm(subject_type, subject_id)
    for entry in allow:
        kind, sep, ident = entry.partition(":")
        if sep and kind in ("user", "group", "service-account", "app"):
            if kind == subject_type and _norm(kind, ident) == wanted:
                return True
        elif _norm(subject_type, entry) == wanted:
            return True
    return False


def known_subject(props: Mapping[str, Any]) -> tuple[str, str] | None:
    """(subject_type, subject_id) of an access rule, None while either is absent or unknown."""
    subject_type, subject_id = props.get("subject_type"), props.get("subject_id")
    if not isinstance(subject_type, str) or not isinstance(subject_id, str):
        return None
    if is_unknown(subject_type) or is_unknown(subject_id):
        return None
    return subject_type, subject_id

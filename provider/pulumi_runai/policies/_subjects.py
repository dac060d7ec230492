"""Allow-lists of access-rule subjects, shared by the role and scope policies.

An entry is ``"<subject_type>:<subject_id>"`` (``"group:platform-admins"``) or a bare subject id
(``"alice@example.com"``) matching any subject type. User ids are e-mails: compared as the
provider compares them (``same_email``, without regard to case).
"""

from collections.abc import Iterable, Mapping
from typing import Any

from ..models.access_rule import SUBJECT_TYPES
from ..models.validation import same_email
from ._values import is_unknown


def subject_key(subject_type: str, subject_id: str) -> str:
    """How a subject is written in an allow-list and in messages."""
    return f"{subject_type}:{subject_id}"


def _same(subject_type: str, listed: str, subject_id: str) -> bool:
    if subject_type == "user":
        return same_email(listed, subject_id)
    return listed == subject_id


def subject_allowed(subject_type: str, subject_id: str, allow: Iterable[str]) -> bool:
    """True when an allow-list entry names this subject."""
    for entry in allow:
        kind, sep, ident = entry.partition(":")
        if sep and kind in SUBJECT_TYPES:
            if kind == subject_type and _same(kind, ident, subject_id):
                return True
        elif _same(subject_type, entry, subject_id):
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

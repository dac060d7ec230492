"""Input checks shared by every kind: cheap, HTTP-free, and tolerant of preview unknowns.

Every helper returns `Failure`s instead of raising, so `check()` can report all bad
properties at once, each with a message that says how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from typing import Any, NamedTuple, TypeGuard

# The wire form of an unknown value (pulumi.runtime.rpc.UNKNOWN). Unknowns usually arrive
# as `pulumi.output.Unknown` objects; a raw sentinel string can still reach us nested in
# values the host did not deserialize, so both are recognised without importing pulumi.
UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

PROVIDER_KEY = "__provider"

DNS1123_MAX = 63
DNS1123_LABEL = r"[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?"
"""A Kubernetes (DNS-1123) label of at most 63 characters, as a pattern to match in full."""
_DNS1123 = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?")
# The pattern the Run:ai spec gives for UserCreationRequest.email.
_EMAIL = re.compile(r"[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}")


class Failure(NamedTuple):
    """One bad property: `property` is the dotted input path, `reason` tells the fix."""

    property: str
    reason: str


def is_unknown(value: object) -> bool:
    """True for a value Pulumi does not know yet (preview); such values skip validation."""
    if isinstance(value, str):
        return value == UNKNOWN_SENTINEL
    cls = type(value)
    return cls.__name__ == "Unknown" and cls.__module__.startswith("pulumi")


def contains_unknown(value: object) -> bool:
    """True if `value` or anything nested in it is unknown."""
    if is_unknown(value):
        return True
    if isinstance(value, Mapping):
        return any(contains_unknown(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(contains_unknown(v) for v in value)
    return False


def is_number(value: object) -> TypeGuard[int | float]:
    """Numbers as Pulumi sends them (int or float), but not bools."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def as_int_if_integral(value: Any) -> Any:
    """The Pulumi host turns every number into a float: give integral ones back as int."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def unknown_keys(
    inputs: Mapping[str, Any], allowed: Collection[str], prefix: str = ""
) -> list[Failure]:
    """One failure per key that is not an input (internal `__` keys are ignored)."""
    return [
        Failure(
            f"{prefix}{key}",
            f"unknown property '{prefix}{key}'; allowed: {', '.join(sorted(allowed))}",
        )
        for key in inputs
        if key not in allowed and not key.startswith("__")
    ]


def check_dns_label(prop: str, value: object, required: bool = True) -> list[Failure]:
    """A Kubernetes DNS-1123 label: what Run:ai requires for org-unit names and namespaces."""
    if is_unknown(value):
        return []
    if value is None or value == "":
        return [Failure(prop, f"{prop} is required")] if required else []
    if not isinstance(value, str):
        return [Failure(prop, f"{prop} must be a string, got {type(value).__name__}")]
    if len(value) > DNS1123_MAX:
        return [
            Failure(
                prop,
                f"{prop} '{value}' is {len(value)} characters; at most {DNS1123_MAX} are allowed",
            )
        ]
    if not _DNS1123.fullmatch(value):
        return [
            Failure(
                prop,
                f"{prop} '{value}' is not a valid name: use lowercase letters, "
                "digits and '-', starting and ending with a letter or digit",
            )
        ]
    return []


def check_email(prop: str, value: object, required: bool = True) -> list[Failure]:
    """Email syntax as the Run:ai users API accepts it."""
    if is_unknown(value):
        return []
    if value is None or value == "":
        return [Failure(prop, f"{prop} is required")] if required else []
    if not isinstance(value, str) or not _EMAIL.fullmatch(value):
        return [
            Failure(
                prop, f"{prop} '{value}' is not a valid email address (expected name@example.com)"
            )
        ]
    return []


def email_key(email: object) -> str:
    """What an address is compared and looked up by: e-mails compare without regard to case
    (Run:ai logins do)."""
    return str(email or "").strip().lower()


def same_email(a: object, b: object) -> bool:
    """The one rule for adopt, lost-answer lookups, diffs, access-rule subjects, org.yaml and
    the policy pack: equal `email_key`s."""
    return email_key(a) == email_key(b)


def check_enum(
    prop: str, value: object, allowed: Iterable[str], required: bool = True
) -> list[Failure]:
    """Value must be one of `allowed` (case-sensitive, as the API is)."""
    if is_unknown(value):
        return []
    choices = tuple(allowed)
    if value is None:
        return (
            [Failure(prop, f"{prop} is required; one of {', '.join(choices)}")] if required else []
        )
    if value not in choices:
        return [Failure(prop, f"{prop} '{value}' is not allowed; use one of {', '.join(choices)}")]
    return []


def check_type(prop: str, value: object, kind: type | tuple[type, ...], what: str) -> list[Failure]:
    """Optional value of a plain type; `what` names the type for people ("a string")."""
    if value is None or is_unknown(value):
        return []
    if isinstance(value, bool) and kind is not bool:
        return [Failure(prop, f"{prop} must be {what}, got a boolean")]
    if not isinstance(value, kind):
        return [Failure(prop, f"{prop} must be {what}, got {type(value).__name__}")]
    return []


def check_required_str(prop: str, value: object) -> list[Failure]:
    """A non-empty string (ids such as cluster_id)."""
    if is_unknown(value):
        return []
    if value is None or value == "":
        return [Failure(prop, f"{prop} is required")]
    return check_type(prop, value, str, "a string")


def check_str_list(prop: str, value: object) -> list[Failure]:
    """Optional list of non-empty strings without duplicates."""
    if value is None or is_unknown(value):
        return []
    if not isinstance(value, list | tuple):
        return [Failure(prop, f"{prop} must be a list of strings, got {type(value).__name__}")]
    failures = []
    seen: set[str] = set()
    for index, item in enumerate(value):
        if is_unknown(item):
            continue
        if not isinstance(item, str) or not item:
            failures.append(
                Failure(f"{prop}[{index}]", f"{prop}[{index}] must be a non-empty string")
            )
        elif item in seen:
            failures.append(Failure(f"{prop}[{index}]", f"{prop} lists '{item}' twice; remove one"))
        else:
            seen.add(item)
    return failures

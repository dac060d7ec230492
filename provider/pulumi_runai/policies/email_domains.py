"""Resource policy: only company addresses become Run:ai users or user subjects of a rule."""

from collections.abc import Mapping, Sequence
from typing import Any, Final

from pulumi_policy import ReportViolation, ResourceValidationArgs

from . import tokens
from ._config import resource_policy, settings, string_list
from ._values import is_unknown, props_of

NAME: Final = "runai-user-email-domain"

SCHEMA: Final[Mapping[str, Mapping[str, Any]]] = {
    "allowedDomains": {
        "type": "array",
        "items": {"type": "string"},
        "default": [],
        "description": "Email domains users may have; empty checks nothing.",
    },
    "allowSubdomains": {
        "type": "boolean",
        "default": False,
        "description": "Also accept subdomains (eu.example.com for example.com).",
    },
}


def domain_allowed(email: str, domains: Sequence[str], subdomains: bool) -> bool:
    """Whether the part after the last '@' is one of ``domains`` (ignoring case)."""
    local, at, domain = email.strip().rpartition("@")
    if not at or not local or not domain:
        return False
    domain = domain.casefold()
    for allowed in (d.strip().casefold().lstrip("@") for d in domains):
        if domain == allowed or (subdomains and domain.endswith("." + allowed)):
            return True
    return False


def _email_of(resource_type: str, props: Mapping[str, Any]) -> tuple[str, Any] | None:
    """(what the address is, the address) for users and user subjects; None otherwise."""
    if resource_type == tokens.USER:
        return "user", props.get("email")
    if resource_type == tokens.ACCESS_RULE and props.get("subject_type") == "user":
        return "access rule subject", props.get("subject_id")
    return None


def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
    """Report an address outside the allowed domains; unknown addresses are not judged."""
    found = _email_of(args.resource_type, props_of(args.props))
    if found is None:
        return
    what, email = found
    config = settings(args.get_config(), SCHEMA)
    domains = string_list(config["allowedDomains"])
    if not domains or is_unknown(email) or not isinstance(email, str):
        return
    if domain_allowed(email, domains, bool(config["allowSubdomains"])):
        return
    domain = email.rpartition("@")[2] or "(no domain)"
    report(
        f"{what} '{email}' (resource '{args.name}') is outside the allowed email domains "
        f"({', '.join(domains)}). Use a company address, or add '{domain}' to allowedDomains "
        f"in the policy config.",
        None,
    )


policy: Final = resource_policy(
    NAME,
    ("Run:ai users, and access rules whose subject is a user, have emails in the allowed domains."),
    validate,
    SCHEMA,
)

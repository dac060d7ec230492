"""Resource policy: department, project and node-pool names follow the organisation's
convention."""

import re
from collections.abc import Mapping
from typing import Any, Final

from pulumi_policy import ReportViolation, ResourceValidationArgs

from ..models.validation import DNS1123_LABEL
from . import tokens
from ._config import resource_policy, settings
from ._values import is_unknown, props_of

NAME: Final = "runai-resource-naming"

# A Kubernetes (DNS-1123) label: what Run:ai itself requires of these names.
DNS_LABEL: Final = DNS1123_LABEL

SCHEMA: Final[Mapping[str, Mapping[str, Any]]] = {
    "departmentPattern": {
        "type": "string",
        "default": DNS_LABEL,
        "description": "Regular expression a department name must match in full.",
    },
    "projectPattern": {
        "type": "string",
        "default": DNS_LABEL,
        "description": "Regular expression a project name must match in full.",
    },
    "nodePoolPattern": {
        "type": "string",
        "default": DNS_LABEL,
        "description": "Regular expression a node pool name must match in full.",
    },
}

_KEYS: Final = {
    tokens.DEPARTMENT: ("department", "departmentPattern"),
    tokens.PROJECT: ("project", "projectPattern"),
    tokens.NODE_POOL: ("node pool", "nodePoolPattern"),
}


def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
    """Report a name that does not match its kind's pattern in full."""
    kind = _KEYS.get(args.resource_type)
    if kind is None:
        return
    what, key = kind
    name = props_of(args.props).get("name")
    if not isinstance(name, str) or is_unknown(name):
        return
    pattern = str(settings(args.get_config(), SCHEMA)[key])
    try:
        matches = re.fullmatch(pattern, name) is not None
    except re.error as err:
        report(f"{key} {pattern!r} in the policy config is not a regular expression: {err}", None)
        return
    if not matches:
        report(
            f"{what} name '{name}' (resource '{args.name}') does not match {key} "
            f"'{pattern}'. Rename it (names are replace-only, so rename before the first "
            f"deployment) or change {key} in the policy config.",
            None,
        )


policy: Final = resource_policy(
    NAME,
    "Run:ai department, project and node pool names match the configured patterns.",
    validate,
    SCHEMA,
)

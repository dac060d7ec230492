"""pulumi-runai: an NVIDIA Run:ai organisation as Pulumi resources (`pulumi_runai.kinds`).

``import pulumi_runai as runai``. The names below are the supported public surface (pinned by
``tests/test_public_api.py``); modules with a leading underscore are private. The client layer
(``pulumi_runai.client``, ``pulumi_runai.services``) and the offline test harness
(``pulumi_runai.testing``) are public submodules, imported on their own.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from pulumi_runai.errors import (
    AmbiguousMatch,
    BadRequest,
    ConfigError,
    Conflict,
    Forbidden,
    NotFound,
    NotRunaiControlPlane,
    RateLimited,
    RunaiError,
    RunaiHTTPError,
    ServerError,
    TransportError,
    Unauthorized,
    ValidationError,
    WaitTimeout,
)
from pulumi_runai.settings import Settings

if TYPE_CHECKING:
    from pulumi_runai.lookups import (
        get_cluster,
        get_department,
        get_node_pool,
        get_project,
        get_role,
        get_user,
    )
    from pulumi_runai.organization import DescriptionError, Organization
    from pulumi_runai.resources import (
        AccessRule,
        Department,
        NodePool,
        Project,
        Role,
        ServiceAccount,
        User,
        WorkloadPolicy,
    )

# The Pulumi-facing names load on first use (PEP 562): the plugin, the emulator and the client
# import this package without paying for the Pulumi SDK and every resource module at start.
_LAZY: dict[str, str] = {
    **dict.fromkeys(("get_cluster", "get_department", "get_node_pool", "get_project",
                     "get_role", "get_user"), "pulumi_runai.lookups"),
    **dict.fromkeys(("DescriptionError", "Organization"), "pulumi_runai.organization"),
    **dict.fromkeys(("AccessRule", "Department", "NodePool", "Project", "Role",
                     "ServiceAccount", "User", "WorkloadPolicy"), "pulumi_runai.resources"),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pulumi_runai' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__version__ = "0.1.0"

__all__ = [
    "AccessRule",
    "AmbiguousMatch",
    "BadRequest",
    "ConfigError",
    "Conflict",
    "Department",
    "DescriptionError",
    "Forbidden",
    "NodePool",
    "NotFound",
    "NotRunaiControlPlane",
    "Organization",
    "Project",
    "RateLimited",
    "Role",
    "RunaiError",
    "RunaiHTTPError",
    "ServerError",
    "ServiceAccount",
    "Settings",
    "TransportError",
    "Unauthorized",
    "User",
    "ValidationError",
    "WaitTimeout",
    "WorkloadPolicy",
    "__version__",
    "get_cluster",
    "get_department",
    "get_node_pool",
    "get_project",
    "get_role",
    "get_user",
]

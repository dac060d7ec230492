"""Guardrails for Run:ai stacks as pulumi-policy policies, importable so they can be tested.

Only ``policy/__main__.py`` builds the ``PolicyPack`` (constructing one serves gRPC forever).
"""

from typing import Final

from pulumi_policy import Policy

from . import (
    access_scopes,
    admin_roles,
    department_quota,
    email_domains,
    naming,
    project_department,
    project_policy_limits,
    project_quota,
    service_account_roles,
    tokens,
)
from ._values import UNKNOWN, plain
from .quota_math import Overcommit, find_overcommits

PACK_NAME: Final = "runai-guardrails"

ALL_POLICIES: Final[list[Policy]] = [
    department_quota.policy,
    project_quota.policy,
    project_department.policy,
    email_domains.policy,
    admin_roles.policy,
    access_scopes.policy,
    naming.policy,
    service_account_roles.policy,
    project_policy_limits.policy,
]

__all__ = [
    "ALL_POLICIES",
    "PACK_NAME",
    "UNKNOWN",
    "Overcommit",
    "access_scopes",
    "admin_roles",
    "department_quota",
    "email_domains",
    "find_overcommits",
    "naming",
    "plain",
    "project_department",
    "project_policy_limits",
    "project_quota",
    "service_account_roles",
    "tokens",
]

"""Plain-Python services per Run:ai kind, over ``RunaiClient`` (no Pulumi import).

They return API objects as dicts, camelCase exactly as the API sends them, and raise the
``pulumi_runai.errors`` tree; NotFound propagates and callers decide what 404 means.
"""

from .access_rules import AccessRules
from .clusters import Clusters
from .departments import Departments
from .node_pools import NodePools
from .projects import Projects
from .roles import Roles
from .service_accounts import ServiceAccounts
from .users import Users
from .workload_policies import WorkloadPolicies

__all__ = [
    "AccessRules",
    "Clusters",
    "Departments",
    "NodePools",
    "Projects",
    "Roles",
    "ServiceAccounts",
    "Users",
    "WorkloadPolicies",
]

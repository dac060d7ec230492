"""Per-kind lifecycles in plain Python (no Pulumi import): check, plan, create or adopt,
read, update, delete and waits, over the services. Glue (the dynamic providers in
`pulumi_runai.resources`) translates the engine's calls into these and nothing else."""

from pulumi_runai.lifecycle._base import DEFAULT_WAIT_TIMEOUT, Context, Lifecycle, Plan
from pulumi_runai.lifecycle.access_rules import ACCESS_RULE
from pulumi_runai.lifecycle.org_units import DEPARTMENT, PROJECT
from pulumi_runai.lifecycle.roles import ROLE
from pulumi_runai.lifecycle.service_accounts import SERVICE_ACCOUNT
from pulumi_runai.lifecycle.users import USER
from pulumi_runai.lifecycle.workload_policies import WORKLOAD_POLICY

__all__ = [
    "ACCESS_RULE",
    "DEFAULT_WAIT_TIMEOUT",
    "DEPARTMENT",
    "PROJECT",
    "ROLE",
    "SERVICE_ACCOUNT",
    "USER",
    "WORKLOAD_POLICY",
    "Context",
    "Lifecycle",
    "Plan",
]

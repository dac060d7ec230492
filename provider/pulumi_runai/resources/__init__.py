"""Pulumi dynamic resources for Run:ai (type tokens `pulumi-python:dynamic/runai:<Kind>`)."""

from pulumi_runai.resources.access_rule import AccessRule, AccessRuleProvider
from pulumi_runai.resources.department import Department, DepartmentProvider
from pulumi_runai.resources.node_pool import NodePool, NodePoolProvider
from pulumi_runai.resources.project import Project, ProjectProvider
from pulumi_runai.resources.role import Role, RoleProvider
from pulumi_runai.resources.service_account import ServiceAccount, ServiceAccountProvider
from pulumi_runai.resources.user import User, UserProvider
from pulumi_runai.resources.workload_policy import WorkloadPolicy, WorkloadPolicyProvider

__all__ = [
    "AccessRule",
    "AccessRuleProvider",
    "Department",
    "DepartmentProvider",
    "NodePool",
    "NodePoolProvider",
    "Project",
    "ProjectProvider",
    "Role",
    "RoleProvider",
    "ServiceAccount",
    "ServiceAccountProvider",
    "User",
    "UserProvider",
    "WorkloadPolicy",
    "WorkloadPolicyProvider",
]

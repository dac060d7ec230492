"""Pulumi dynamic resources for Run:ai (type tokens `pulumi-python:dynamic/runai:<Kind>`)."""

from pulumi_runai.resources.access_rule import AccessRule, AccessRuleProvider
from pulumi_runai.resources.department import Department, DepartmentProvider
from pulumi_runai.resources.project import Project, ProjectProvider
from pulumi_runai.resources.user import User, UserProvider

__all__ = [
    "AccessRule",
    "AccessRuleProvider",
    "Department",
    "DepartmentProvider",
    "Project",
    "ProjectProvider",
    "User",
    "UserProvider",
]

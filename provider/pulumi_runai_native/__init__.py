# ruff: noqa
# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`; do not edit. ***
"""Run:ai native resources (package `runai`): generated from the plugin's schema."""

from . import _utilities
from .provider import *
from .node_pool import *
from .department import *
from .project import *
from .user import *
from .service_account import *
from .role import *
from .access_rule import *
from .workload_policy import *
from .get_cluster import *
from .get_node_pool import *
from .get_role import *
from .get_department import *
from .get_project import *
from .get_user import *
from ._inputs import *
from .outputs import *

_utilities.register('runai', {'runai:index:NodePool': 'NodePool', 'runai:index:Department': 'Department', 'runai:index:Project': 'Project', 'runai:index:User': 'User', 'runai:index:ServiceAccount': 'ServiceAccount', 'runai:index:Role': 'Role', 'runai:index:AccessRule': 'AccessRule', 'runai:index:WorkloadPolicy': 'WorkloadPolicy'})

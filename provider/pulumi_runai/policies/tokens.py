"""Type tokens of the Run:ai dynamic resources, the only way a policy can tell the kinds apart.

Read from each kind's declaration (`KindSpec.type_token`), not written here again.
"""

from typing import Final

from ..models import (
    access_rule,
    department,
    node_pool,
    project,
    role,
    service_account,
    user,
    workload_policy,
)

PROJECT: Final = project.SPEC.type_token
DEPARTMENT: Final = department.SPEC.type_token
USER: Final = user.SPEC.type_token
ACCESS_RULE: Final = access_rule.SPEC.type_token
SERVICE_ACCOUNT: Final = service_account.SPEC.type_token
ROLE: Final = role.SPEC.type_token
NODE_POOL: Final = node_pool.SPEC.type_token
WORKLOAD_POLICY: Final = workload_policy.SPEC.type_token

"""Which filterBy / sortBy fields each list endpoint accepts (names as in the spec)."""

from __future__ import annotations

from .listing import ListSpec, path

_AVG = tuple(
    f"avgGpu{metric}{window}"
    for window in ("24h", "7d", "30d")
    for metric in ("Allocation", "Utilization", "MemoryUtilization")
)
_ZERO = {name: (lambda _doc: 0) for name in _AVG}

_DEPARTMENT_FIELDS = {
    "name": path("name"),
    "clusterId": path("clusterId"),
    "totalGpuQuota": path("totalResources", "gpuQuota"),
    "gpuAllocated": lambda _doc: 0,
    "createdAt": path("createdAt"),
    **_ZERO,
}
DEPARTMENTS = ListSpec(filters=_DEPARTMENT_FIELDS, sorts=_DEPARTMENT_FIELDS, search=path("name"))

_PROJECT_FIELDS = {
    "name": path("name"),
    "clusterId": path("clusterId"),
    "departmentId": path("parentId"),
    "parentId": path("parentId"),
    "parentName": path("parent", "name"),
    "phase": path("status", "phase"),
    "totalGpuQuota": path("totalResources", "gpuQuota"),
    "gpuAllocated": lambda _doc: 0,
    "createdAt": path("createdAt"),
    **_ZERO,
}
PROJECTS = ListSpec(filters=_PROJECT_FIELDS, sorts=_PROJECT_FIELDS, search=path("name"))

_NODE_POOL_FIELDS = {
    "name": path("name"),
    "clusterId": path("clusterId"),
    "phase": path("phase"),
    "createdAt": path("createdAt"),
    "updatedAt": path("updatedAt"),
    "gpuNetworkAccelerationDetection": path("gpuNetworkAccelerationDetection"),
    "networkTopologyName": path("networkTopologyName"),
    "gpuNetworkAccelerationDetected": path("status", "gpuNetworkAccelerationDetected"),
    "gpuNetworkAccelerationLabelKey": path("gpuNetworkAccelerationLabelKey"),
    "swapEnabled": path("gpuResourceOptimization", "swapEnabled"),
    "nodeLevelSchedulerEnabled": path("gpuResourceOptimization", "nodeLevelSchedulerEnabled"),
}
NODE_POOLS = ListSpec(filters=_NODE_POOL_FIELDS, sorts=_NODE_POOL_FIELDS, search=path("name"))

_USER_FIELDS = {
    "username": path("username"),
    "createdBy": path("createdBy"),
    "lastLogin": path("lastLogin"),
    "creationTime": path("createdAt"),
    "lastUpdated": path("updatedAt"),
    "isLocal": path("isLocal"),
}
USERS = ListSpec(
    filters=_USER_FIELDS,
    sorts={**{k: v for k, v in _USER_FIELDS.items() if k != "isLocal"}, "type": path("isLocal")},
    search=path("username"),
    operators=("==", "<=", ">=", "=@"),
    default_limit=500,
)

_ACCESS_RULE_FIELDS = {
    name: path(name)
    for name in ("subjectId", "subjectType", "roleId", "scopeId", "scopeType", "roleName",
                 "scopeName", "createdAt", "deletedAt", "createdBy")
}
_ACCESS_RULE_FIELDS["phase"] = path("status", "phase")
ACCESS_RULES = ListSpec(
    filters=_ACCESS_RULE_FIELDS,
    sorts=_ACCESS_RULE_FIELDS,
    search=lambda d: f"{d.get('subjectId')} {d.get('roleName')} {d.get('scopeName')}",
)

_ROLE_FIELDS = {
    name: path(name)
    for name in ("id", "name", "description", "custom", "enabled", "createdBy", "createdAt",
                 "updatedAt")
}
ROLES_V2 = ListSpec(filters=_ROLE_FIELDS, sorts=_ROLE_FIELDS, search=path("name"))

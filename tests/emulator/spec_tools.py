"""The Run:ai spec the emulator ships (control plane 2.24), loaded once, validator trap fixed.

OAS 3.0 lets `nullable: true` sit beside `allOf`; openapi-core applies `nullable` only to the
schema carrying it and then rejects `null` in the `allOf` members (research runai-api.md §15).
`nullable_allof_fixed` rewrites such schemas into `anyOf: [the schema, null]`, which means the
same thing and validates as intended.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from typing import Any

from runai_emulator.spec import OPENAPI_PATH as SPEC_PATH

# The operations the emulator implements: (method, path template).
IMPLEMENTED: tuple[tuple[str, str], ...] = (
    ("post", "/api/v1/token"),
    ("post", "/api/v2/token"),
    ("get", "/api/v1/clusters"),
    ("get", "/api/v1/clusters/{clusterUuid}"),
    ("get", "/api/v1/node-pools"),
    ("get", "/api/v1/node-pools/{nodepoolId}"),
    ("post", "/api/v1/node-pools"),
    ("put", "/api/v1/node-pools/{nodepoolId}"),
    ("patch", "/api/v1/node-pools/{nodepoolId}"),
    ("delete", "/api/v1/node-pools/{nodepoolId}"),
    ("get", "/api/v1/apps"),
    ("get", "/api/v1/org-unit/priorities"),
    ("get", "/api/v1/org-unit/departments"),
    ("post", "/api/v1/org-unit/departments"),
    ("get", "/api/v1/org-unit/departments/{departmentId}"),
    ("put", "/api/v1/org-unit/departments/{departmentId}"),
    ("delete", "/api/v1/org-unit/departments/{departmentId}"),
    ("put", "/api/v1/org-unit/departments/{departmentId}/resources"),
    ("patch", "/api/v1/org-unit/departments/{departmentId}/resources"),
    ("get", "/api/v1/org-unit/projects"),
    ("post", "/api/v1/org-unit/projects"),
    ("get", "/api/v1/org-unit/projects/{projectId}"),
    ("put", "/api/v1/org-unit/projects/{projectId}"),
    ("delete", "/api/v1/org-unit/projects/{projectId}"),
    ("put", "/api/v1/org-unit/projects/{projectId}/resources"),
    ("patch", "/api/v1/org-unit/projects/{projectId}/resources"),
    ("get", "/api/v1/users"),
    ("post", "/api/v1/users"),
    ("get", "/api/v1/users/{userId}"),
    ("delete", "/api/v1/users/{userId}"),
    ("get", "/api/v1/authorization/roles"),
    ("get", "/api/v1/authorization/roles/{roleIdPath}"),
    ("get", "/api/v1/authorization/access-rules"),
    ("post", "/api/v1/authorization/access-rules"),
    ("get", "/api/v1/authorization/access-rules/{accessRuleId}"),
    ("delete", "/api/v1/authorization/access-rules/{accessRuleId}"),
)


@lru_cache(maxsize=1)
def raw_spec() -> dict[str, Any]:
    """The 1.5 MB file, parsed once per process."""
    result: dict[str, Any] = json.loads(SPEC_PATH.read_text())
    return result


def nullable_allof_fixed(node: Any) -> Any:
    """A copy where every `{nullable: true, allOf: [...]}` accepts null as OAS 3.0 intends."""
    if isinstance(node, list):
        return [nullable_allof_fixed(x) for x in node]
    if not isinstance(node, dict):
        return node
    fixed = {k: nullable_allof_fixed(v) for k, v in node.items()}
    if fixed.get("nullable") is True and "allOf" in fixed:
        inner = {k: v for k, v in fixed.items() if k != "nullable"}
        return {"anyOf": [inner, {"type": "object", "nullable": True, "enum": [None]}]}
    return fixed


# Known contradictions in the spec: `parentId` / `parent.id` are declared as uuids, but they hold
# department ids, which the spec types as plain strings and which are numeric in practice
# (research runai-api.md §2.5). The validator drops that one format.
_NUMERIC_PARENT_IDS = (
    ("DepartmentProjectParent", "id"),
    ("Project", "parentId"),
    ("ProjectCreationRequest", "parentId"),
)


def _relax_parent_ids(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    for name, prop in _NUMERIC_PARENT_IDS:
        parts = [schemas[name], *schemas[name].get("allOf", [])]
        for part in parts:
            field = part.get("properties", {}).get(prop)
            if field is not None:
                field.pop("format", None)


def subset(server_url: str = "/") -> dict[str, Any]:
    """The spec restricted to the implemented operations, trap fixed, served at `server_url`."""
    spec = copy.deepcopy(raw_spec())
    wanted: dict[str, set[str]] = {}
    for method, path in IMPLEMENTED:
        wanted.setdefault(path, set()).add(method)
    spec["paths"] = {
        path: {m: op for m, op in item.items() if m in wanted[path] or m == "parameters"}
        for path, item in spec["paths"].items()
        if path in wanted
    }
    spec["servers"] = [{"url": server_url}]
    _relax_parent_ids(spec)
    fixed: dict[str, Any] = nullable_allof_fixed(spec)
    return fixed

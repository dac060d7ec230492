"""`--format import`: a Pulumi bulk-import file (`pulumi import --file`) for the native provider.

`{"resources": [{"type": "runai:index:<Kind>", "name": <logical name>, "id": <Run:ai id>}]}`
(the native provider's type tokens), one entry per object of the plan, ordered by type and
name. JSON has no comments, so this
format has no header: the whole file is the same for the same tenant.
"""

from __future__ import annotations

import json

from ..native.functions import TOKEN_PREFIX
from .naming import Names
from .plan import (
    ACCESS_RULE,
    DEPARTMENT,
    NODE_POOL,
    PROJECT,
    ROLE,
    SERVICE_ACCOUNT,
    USER,
    WORKLOAD_POLICY,
    ExportPlan,
    Rendered,
)

__all__ = ["render_import"]


def render_import(plan: ExportPlan, names: Names) -> Rendered:
    objects = [
        *((NODE_POOL, p.id) for p in plan.node_pools),
        *((DEPARTMENT, d.id) for d in plan.departments),
        *((PROJECT, p.id) for p in plan.projects),
        *((USER, u.id) for u in plan.users),
        *((SERVICE_ACCOUNT, a.id) for a in plan.service_accounts),
        *((ROLE, r.id) for r in plan.roles),
        *((ACCESS_RULE, r.id) for r in plan.rules),
        *((WORKLOAD_POLICY, p.id) for p in plan.policies),
    ]
    entries = [
        {"type": f"{TOKEN_PREFIX}{kind}", "name": names.of(kind, object_id), "id": object_id}
        for kind, object_id in objects
    ]
    entries.sort(key=lambda e: (e["type"], e["name"]))
    text = json.dumps({"resources": entries}, indent=2, ensure_ascii=False) + "\n"
    return Rendered(text, plan.written_counts())

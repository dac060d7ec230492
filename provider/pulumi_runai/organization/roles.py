"""Role names an access rule may use.

Role ids differ per installation, so descriptions name roles and the provider resolves them
(runai-api.md §9.1). The description is checked against the tenant's own role list when the
component can reach the tenant, else against the predefined Run:ai roles below; names are
case-sensitive, as in the API.
"""

from __future__ import annotations

__all__ = ["STANDARD_ROLES"]

# The predefined roles of a Run:ai tenant (runai-api.md §9.1, from a real tenant fixture).
STANDARD_ROLES: tuple[str, ...] = (
    "System administrator",
    "Editor",
    "Research manager",
    "L1 researcher",
    "ML engineer",
    "Viewer",
    "L2 researcher",
    "Environment administrator",
    "Data source administrator",
    "Compute resource administrator",
    "Template administrator",
    "Department viewer",
    "Credentials administrator",
    "Application administrator",
    "Cloud support",
    "Department administrator",
    "Cloud operator",
    "Data volume administrator",
)

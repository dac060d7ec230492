"""Story: a department and a user were clicked together before Pulumi; the program takes them
over with `adopt=True` instead of duplicating them, and says so when the flag is missing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from pulumi_runai.testing import ProviderError, Stack

from .programs import Org, program
from .tenant import Tenant


def click_together(tenant: Tenant) -> dict[str, Any]:
    """What an admin made in the UI: `research` with 2 GPUs, and ada's account."""
    dept = tenant.by_hand("POST", "/api/v1/org-unit/departments", {
        "name": "research", "clusterId": tenant.cluster_id,
        "resources": [{"nodePool": {"id": "1", "name": "default"},
                       "gpu": {"deserved": 2, "limit": -1}}],
    })
    user = tenant.by_hand("POST", "/api/v1/users", {"email": "ada@example.com"})
    return {"dept": str(dept["id"]), "ada": str(user["id"])}


def test_existing_objects_are_refused_without_adopt_and_taken_over_with_it(
    stack: Stack, tenant: Tenant, org: Org
) -> None:
    by_hand = click_together(tenant)

    # Without adopt the up stops, and the error tells the user which object and what to do.
    # (The first failing step stops the run: the error is about the department or about ada.)
    with pytest.raises(ProviderError) as failed:
        stack.up(program(org))
    message = str(failed.value)
    assert "already exists" in message and "adopt=True" in message, message
    assert any(f"(id {id_})" in message for id_ in by_hand.values()), message
    assert list(tenant.named("departments")) == ["default", "research"], "no duplicate"
    assert tenant.named("departments")["research"]["id"] == by_hand["dept"]
    assert tenant.named("users")["ada@example.com"]["id"] == by_hand["ada"]
    assert tenant.inventory()["projects"] == [], "nothing below the refused department"

    # With adopt the same objects are managed from now on: same ids, no second POST, and the
    # department is brought to the declared quotas.
    org = replace(org, adopt=True)
    tenant.forget_calls()
    stack.up(program(org))
    assert sorted(tenant.writes()) == sorted([
        f"PUT /api/v1/org-unit/departments/{by_hand['dept']}",  # quotas, as declared
        *["POST /api/v1/org-unit/projects"] * 2,
        *["POST /api/v1/authorization/access-rules"] * 2,
    ]), "neither the department nor ada may be posted again"
    assert tenant.named("departments")["research"]["id"] == by_hand["dept"]
    assert tenant.named("users")["ada@example.com"]["id"] == by_hand["ada"]
    assert tenant.gpus("departments", "research") == {"default": 8, "a100": 4}
    assert len(tenant.named("departments")) == 2
    assert tenant.inventory()["access_rules"] == [
        ("ada@example.com", "Research manager", "department", "research"),
        ("grace@example.com", "L2 researcher", "project", "vision"),
    ]

    # Adopted objects are ordinary members of the stack: an unchanged up is a no-op ...
    tenant.forget_calls()
    assert stack.up(program(org)).ops(include_same=False) == {}
    assert tenant.calls() == []

    # ... and destroy removes them like the rest.
    stack.destroy()
    assert tenant.inventory() == {
        "departments": [], "projects": [], "users": [], "access_rules": [],
    }

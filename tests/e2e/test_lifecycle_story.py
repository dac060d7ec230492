"""Story: a team puts its Run:ai organisation under Pulumi and lives with it until destroy.

preview → first up → no-op up → quota change → project rename → user removed → destroy.
Each chapter edits one thing in the program, runs one command, and checks the tenant itself
(the emulator's objects and its request log), as an admin would in the Run:ai UI.
"""

from __future__ import annotations

from pulumi_runai.testing import Stack, is_secret

from .programs import Org, program
from .tenant import Tenant

EVERYTHING = {"dept", "vision", "speech", "ada", "grace", "ada-dept", "grace-vision"}


def test_an_organisation_from_first_preview_to_destroy(
    stack: Stack, tenant: Tenant, org: Org
) -> None:
    seed = tenant.emulator.state()

    # Chapter 1: preview of an empty stack plans every create and changes nothing in Run:ai;
    # it resolves the names the program gives (cluster, node pools, roles) with one list call
    # for each kind of name, so that an unknown one would fail here (issue 12, kind 6).
    tenant.forget_calls()
    plan = stack.preview(program(org))
    assert plan.ops() == dict.fromkeys(EVERYTHING, "create")
    assert tenant.writes() == [], "a preview must not change Run:ai"
    reads = [c for c in tenant.calls() if not c.endswith("/token")]
    assert sorted(reads) == [
        "GET /api/v1/clusters", "GET /api/v1/node-pools", "GET /api/v2/authorization/roles",
    ], "one list call per kind of name"
    assert stack.state.resources() == [], "a preview must not write the state"

    # Chapter 2: first up. The tenant holds exactly what was declared, with its quotas.
    first = stack.up(program(org))
    assert first.ops() == dict.fromkeys(EVERYTHING, "create")
    assert tenant.inventory() == {
        "departments": ["research"],
        "projects": ["speech", "vision"],
        "users": ["ada@example.com", "grace@example.com"],
        "access_rules": [
            ("ada@example.com", "Research manager", "department", "research"),
            ("grace@example.com", "L2 researcher", "project", "vision"),
        ],
    }
    assert tenant.gpus("departments", "research") == {"default": 8, "a100": 4}
    assert tenant.gpus("projects", "vision") == {"default": 4, "a100": 2}
    assert tenant.gpus("projects", "speech") == {"default": 2, "a100": 1}
    ours = [tenant.named("departments")["research"], *tenant.named("projects").values()]
    assert {q["gpu"]["limit"] for o in ours for q in o["resources"]} == {-1}, "limit -1 as declared"
    research_id = tenant.named("departments")["research"]["id"]
    assert {p["parentId"] for p in tenant.named("projects").values()} == {research_id}
    assert sorted(tenant.writes()) == sorted([
        "POST /api/v1/org-unit/departments",
        *["POST /api/v1/org-unit/projects"] * 2,
        *["POST /api/v1/users"] * 2,
        *["POST /api/v1/authorization/access-rules"] * 2,
    ]), "one POST per object, nothing else written"
    # The temporary password the API shows once is kept in the state file, marked secret.
    saved = {r.name: r.outputs for r in stack.state.resources()}
    for user in ("ada", "grace"):
        assert is_secret(saved[user]["temp_password"]), f"{user}'s password is not secret"
        assert first.outputs[user]["temp_password"], f"{user} has no temporary password"

    # Chapter 3: up again with nothing changed: no Run:ai request at all (not even a token).
    tenant.forget_calls()
    again = stack.up(program(org))
    assert again.ops(include_same=False) == {}
    assert tenant.calls() == []

    # Chapter 4: vision gets one more A100: one PATCH of its quotas, nothing else written.
    vision_id = tenant.named("projects")["vision"]["id"]
    org = org.with_gpus("vision", "a100", 3)
    tenant.forget_calls()
    changed = stack.up(program(org))
    assert changed.ops(include_same=False) == {"vision": "update"}
    assert tenant.writes() == [f"PATCH /api/v1/org-unit/projects/{vision_id}/resources"]
    assert tenant.gpus("projects", "vision") == {"default": 4, "a100": 3}
    assert tenant.named("projects")["vision"]["id"] == vision_id, "updated in place"

    # Chapter 5: vision is renamed. Run:ai cannot rename a project, so it is replaced: the new
    # one is created first, grace's rule (scoped to the old id) is replaced along with it,
    # and only then are the old rule and the old project deleted (create-before-replace).
    old_rule_id = tenant.rule_id("grace@example.com")
    org = org.with_project_name("vision", "vision-v2")
    tenant.forget_calls()
    plan = stack.preview(program(org))
    assert plan.ops(include_same=False) == {"vision": "replace", "grace-vision": "replace"}
    assert plan.step("vision").replace_keys == ("name",)
    assert plan.step("grace-vision").replace_keys == ("scope_id",), "the new id is unknown yet"
    assert tenant.calls() == []
    renamed = stack.up(program(org))
    assert renamed.ops(include_same=False) == {"vision": "replace", "grace-vision": "replace"}
    assert tenant.writes() == [
        "POST /api/v1/org-unit/projects",
        "POST /api/v1/authorization/access-rules",
        f"DELETE /api/v1/authorization/access-rules/{old_rule_id}",
        f"DELETE /api/v1/org-unit/projects/{vision_id}",
    ]
    assert tenant.inventory()["projects"] == ["speech", "vision-v2"]
    assert tenant.gpus("projects", "vision-v2") == {"default": 4, "a100": 3}
    assert ("grace@example.com", "L2 researcher", "project", "vision-v2") in tenant.rules()
    assert len(tenant.rules()) == 2, "the old rule must not linger"

    # Chapter 6: grace leaves the program: her rule and then her account are deleted.
    grace_id = tenant.named("users")["grace@example.com"]["id"]
    grace_rule_id = tenant.rule_id("grace@example.com")
    org = org.without_user("grace@example.com")
    tenant.forget_calls()
    removed = stack.up(program(org))
    assert removed.ops(include_same=False) == {"grace": "delete", "grace-vision": "delete"}
    assert tenant.writes() == [
        f"DELETE /api/v1/authorization/access-rules/{grace_rule_id}",
        f"DELETE /api/v1/users/{grace_id}",
    ]
    assert tenant.inventory()["users"] == ["ada@example.com"]
    assert tenant.rules() == {("ada@example.com", "Research manager", "department", "research")}

    # Chapter 7: destroy leaves the tenant exactly as seeded.
    tenant.forget_calls()
    stack.destroy()
    assert tenant.emulator.state() == seed
    assert stack.state.resources() == []
    assert sorted(w.rsplit("/", 1)[0] for w in tenant.writes()) == [
        "DELETE /api/v1/authorization/access-rules",
        "DELETE /api/v1/org-unit/departments",
        *["DELETE /api/v1/org-unit/projects"] * 2,
        "DELETE /api/v1/users",
    ], "one DELETE per object left"

"""Issue 12: the plan is the truth, and nothing is lost that the program did not ask to remove.

Each test is one fault kind of the issue, through the real dynamic-provider host against the
emulator: the issue's example, then a second instance of the same kind. Each failed before the
lifecycle rules they exercise (docs/reliability.md, "Trusting the plan").
"""

from __future__ import annotations

from collections.abc import Callable

import pulumi
import pulumi_runai as runai
import pytest
from pulumi_runai.testing import HarnessError, Stack

from .tenant import Tenant

PROJECTS = "/api/v1/org-unit/projects"
DEPARTMENTS = "/api/v1/org-unit/departments"
USERS = "/api/v1/users"
RULES = "/api/v1/authorization/access-rules"
Program = Callable[[], None]


def projects(tenant: Tenant, *names_and_namespaces: tuple[str, str | None]) -> Program:
    def declare() -> None:
        for name, namespace in names_and_namespaces:
            runai.Project("ml", name=name, cluster_id=tenant.cluster_id,
                          requested_namespace=namespace)
    return declare


# ---- kind 1: a 409 that is not about the natural key ----------------------------------------

def test_a_namespace_conflict_is_the_servers_reason_not_already_exists(
    stack: Stack, tenant: Tenant
) -> None:
    tenant.by_hand("POST", PROJECTS, {"name": "vision", "clusterId": tenant.cluster_id,
                                      "resources": []})
    for adopt in (False, True):
        def declare(adopt: bool = adopt) -> None:
            runai.Project("ablation", name="ablation", cluster_id=tenant.cluster_id,
                          requested_namespace="runai-vision", adopt=adopt)

        with pytest.raises(HarnessError) as failed:
            stack.up(declare)
        message = str(failed.value)
        assert "runai-vision" in message and "vision" in message, message
        assert "already exists" not in message and "set adopt" not in message, message
        assert "adopting will not help" in message, message
    assert sorted(tenant.named("projects")) == ["vision"]


def test_a_refused_delete_is_not_advised_to_adopt(stack: Stack, tenant: Tenant) -> None:
    # Second instance: every 409 used to carry "already exists ... set adopt=True", including
    # the refusal to delete a department that still holds a project made by hand.
    def declare() -> None:
        runai.Department("research", name="research", cluster_id=tenant.cluster_id)

    stack.up(declare)
    dept = tenant.named("departments")["research"]["id"]
    tenant.by_hand("POST", PROJECTS, {"name": "by-hand", "clusterId": tenant.cluster_id,
                                      "parentId": dept, "resources": []})
    with pytest.raises(HarnessError) as failed:
        stack.destroy()
    message = str(failed.value)
    assert "409" in message and "adopt" not in message and "already exists" not in message


# ---- kind 2: replacement order by every unique key ------------------------------------------

def test_a_renamed_project_keeping_its_namespace_is_deleted_first(
    stack: Stack, tenant: Tenant
) -> None:
    stack.up(projects(tenant, ("alpha", "team-ns")))
    tenant.forget_calls()
    result = stack.up(projects(tenant, ("beta", "team-ns")))
    assert result.ops(include_same=False) == {"ml": "replace"}
    [project] = tenant.named("projects").values()
    assert project["name"] == "beta" and project["requestedNamespace"] == "team-ns"
    writes = tenant.writes()
    assert writes.index(f"DELETE {PROJECTS}/{result.step('ml').old_outputs['project_id']}") \
        < writes.index(f"POST {PROJECTS}")


def test_a_project_moved_and_renamed_keeping_its_namespace_is_deleted_first(
    stack: Stack, tenant: Tenant
) -> None:
    # Second instance: a different set of replaced inputs (parent and name) with the
    # namespace kept; the old rule looked only at the natural key (name, cluster).
    def declare(parent: str, name: str) -> Program:
        def program() -> None:
            depts = {n: runai.Department(n, name=n, cluster_id=tenant.cluster_id)
                     for n in ("research", "platform")}
            runai.Project("ml", name=name, cluster_id=tenant.cluster_id,
                          department_id=depts[parent].id, requested_namespace="team-ns")
        return program

    stack.up(declare("research", "alpha"))
    stack.up(declare("platform", "beta"))
    [project] = tenant.named("projects").values()
    assert project["name"] == "beta" and project["requestedNamespace"] == "team-ns"
    assert project["parentId"] == tenant.named("departments")["platform"]["id"]


# ---- kind 3: create-time options never replace; dependents follow a replacement -----------

def rule_for(tenant: Tenant, email: str, **user_options: bool) -> Program:
    def declare() -> None:
        dept = runai.Department("research", name="research", cluster_id=tenant.cluster_id)
        user = runai.User("ada", email=email, **user_options)  # type: ignore[arg-type]
        runai.AccessRule("ada-research", subject_type="user", subject_id=user.email,
                         role_name="Department administrator", scope_type="department",
                         scope_id=dept.id, cluster_id=tenant.cluster_id)
    return declare


@pytest.mark.parametrize("option", ["notify", "reset_password"])
def test_a_create_time_option_never_replaces_the_user(
    stack: Stack, tenant: Tenant, option: str
) -> None:
    stack.up(rule_for(tenant, "ada@example.com", **{option: False}))
    user_id = tenant.named("users")["ada@example.com"]["id"]
    tenant.forget_calls()
    preview = stack.preview(rule_for(tenant, "ada@example.com", **{option: True}))
    assert preview.ops(include_same=False) == {"ada": "update"}
    result = stack.up(rule_for(tenant, "ada@example.com", **{option: True}))
    assert result.ops(include_same=False) == {"ada": "update"}
    assert tenant.writes() == [], "a create-time option is recorded, never sent"
    assert tenant.named("users")["ada@example.com"]["id"] == user_id
    assert tenant.rules() == {("ada@example.com", "Department administrator", "department",
                               "research")}


def test_the_rules_of_a_replaced_user_are_replaced_in_the_same_up(
    stack: Stack, tenant: Tenant
) -> None:
    stack.up(rule_for(tenant, "ada@example.com"))
    preview = stack.preview(rule_for(tenant, "ada.l@example.com"))
    assert preview.ops(include_same=False) == {"ada": "replace", "ada-research": "replace"}
    stack.up(rule_for(tenant, "ada.l@example.com"))
    assert tenant.rules() == {("ada.l@example.com", "Department administrator", "department",
                               "research")}
    assert stack.up(rule_for(tenant, "ada.l@example.com")).ops(include_same=False) == {}


# ---- kind 6: names that do not resolve fail the preview -------------------------------------

def test_an_unknown_role_fails_the_preview_and_nothing_is_created(
    stack: Stack, tenant: Tenant
) -> None:
    def declare() -> None:
        project = runai.Project("vision", name="vision", cluster_id=tenant.cluster_id)
        user = runai.User("ada", email="ada@example.com")
        runai.AccessRule("ada-vision", subject_type="user", subject_id=user.email,
                         role_name="Data scientist", scope_type="project",
                         scope_id=project.id, cluster_id=tenant.cluster_id)

    tenant.forget_calls()
    with pytest.raises(HarnessError) as failed:
        stack.preview(declare)
    assert "Data scientist" in str(failed.value) and "L1 researcher" in str(failed.value)
    assert tenant.writes() == []
    lists = [c for c in tenant.calls() if c.startswith("GET")]
    assert lists.count("GET /api/v2/authorization/roles") == 1, lists


def test_an_unknown_node_pool_fails_the_preview_and_nothing_is_created(
    stack: Stack, tenant: Tenant
) -> None:
    def declare() -> None:
        runai.User("ada", email="ada@example.com")
        runai.Project("vision", name="vision", cluster_id=tenant.cluster_id,
                      resources=[{"node_pool": "h100", "gpu": {"deserved": 1}}])

    tenant.forget_calls()
    with pytest.raises(HarnessError) as failed:
        stack.preview(declare)
    message = str(failed.value)
    assert "h100" in message and "a100, default" in message, message
    assert tenant.writes() == []


# ---- kind 7: e-mails compare without case, everywhere ----------------------------------------

def test_adopting_a_user_whatever_the_case_of_the_email(stack: Stack, tenant: Tenant) -> None:
    existing = tenant.by_hand("POST", USERS, {"email": "dev.user@example.com"})

    def declare() -> None:
        runai.User("dev", email="Dev.User@Example.com", adopt=True)

    result = stack.up(declare)
    assert result.outputs["dev"]["user_id"] == str(existing["id"])
    assert len(tenant.named("users")) == 1
    assert stack.up(declare).ops(include_same=False) == {}


def test_adopting_an_access_rule_whatever_the_case_of_its_subject(
    stack: Stack, tenant: Tenant
) -> None:
    tenant.by_hand("POST", USERS, {"email": "dev.user@example.com"})
    roles = {r["name"]: r["id"] for r in tenant.emulator.state()["roles"]}
    existing = tenant.by_hand("POST", RULES, {
        "subjectType": "user", "subjectId": "dev.user@example.com",
        "roleId": roles["Viewer"], "scopeType": "cluster", "scopeId": tenant.cluster_id})

    def declare() -> None:
        runai.AccessRule("dev-viewer", subject_type="user", subject_id="Dev.User@Example.com",
                         role_name="Viewer", scope_type="cluster", scope_id=tenant.cluster_id,
                         adopt=True)

    result = stack.up(declare)
    assert result.outputs["dev-viewer"]["access_rule_id"] == str(existing["id"])
    assert len(tenant.emulator.state()["access_rules"]) == 1
    assert stack.up(declare).ops(include_same=False) == {}


# ---- kind 8: a rename is an alias, and adopting never ends in the same up deleting it ------

@pytest.mark.parametrize("kind", ["department", "user"])
def test_adopting_what_the_stack_still_manages_never_deletes_it(
    stack: Stack, tenant: Tenant, kind: str
) -> None:
    def declare(resource_name: str, adopt: bool) -> Program:
        def program() -> None:
            if kind == "department":
                runai.Department(resource_name, name="ml", cluster_id=tenant.cluster_id,
                                 adopt=adopt)
            else:
                runai.User(resource_name, email="ml@example.com", adopt=adopt)
        return program

    first = stack.up(declare("ml", adopt=False))
    with pytest.raises(HarnessError) as failed:
        stack.up(declare("ml-renamed", adopt=False))
    assert "aliases=[pulumi.Alias(" in str(failed.value)  # the hint names the fix for a rename

    result = stack.up(declare("ml-renamed", adopt=True))
    assert result.ops(include_same=False) == {"ml-renamed": "create", "ml": "delete"}
    live = tenant.named("departments" if kind == "department" else "users")
    key = "ml" if kind == "department" else "ml@example.com"
    assert key in live, "the adopted object survives the delete of the old resource"
    id_key = "department_id" if kind == "department" else "user_id"
    assert result.outputs["ml-renamed"][id_key] == first.outputs["ml"][id_key]
    assert stack.up(declare("ml-renamed", adopt=True)).ops(include_same=False) == {}
    stack.destroy()
    assert key not in tenant.named("departments" if kind == "department" else "users")


def test_a_rename_with_an_alias_moves_the_resource(stack: Stack, tenant: Tenant) -> None:
    def declare(resource_name: str, aliases: list[pulumi.Alias] | None = None) -> Program:
        def program() -> None:
            runai.Department(resource_name, name="ml", cluster_id=tenant.cluster_id,
                             opts=pulumi.ResourceOptions(aliases=aliases))
        return program

    stack.up(declare("ml"))
    tenant.forget_calls()
    result = stack.up(declare("ml-dept", [pulumi.Alias(name="ml")]))
    assert result.ops(include_same=False) == {}
    assert tenant.writes() == []
    assert "ml" in tenant.named("departments")

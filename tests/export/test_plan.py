"""Selection on tenants the emulator cannot build: SSO users, rules whose role or scope is gone,
several clusters. Plain data in, plan out; no server."""

from __future__ import annotations

import pytest
from pulumi_runai.export import ExportError, SelectionOptions, render, select
from pulumi_runai.export.plan import ExportPlan
from pulumi_runai.export.tenant import TenantSnapshot, choose_cluster

CLUSTER = {"uuid": "c1", "name": "local"}


def _snapshot(**kinds: tuple[dict[str, object], ...]) -> TenantSnapshot:
    base: dict[str, tuple[dict[str, object], ...]] = {
        "node_pools": (), "departments": ({"id": "10", "name": "ml", "clusterId": "c1",
                                          "resources": []},),
        "projects": (), "users": (), "roles": ({"id": 7, "name": "Viewer", "custom": False},),
        "access_rules": (),
    }
    base.update(kinds)
    return TenantSnapshot(cluster=CLUSTER, **base)


def _rule(rule_id: int, subject_type: str, subject: str, **extra: object) -> dict[str, object]:
    return {"id": rule_id, "subjectType": subject_type, "subjectId": subject, "roleId": 7,
            "scopeType": "department", "scopeId": "10", "clusterId": "c1", **extra}


def _left_out(plan: ExportPlan) -> dict[str, str]:
    return {item.name: item.reason for item in plan.left_out}


def test_sso_users_are_left_out_and_their_rules_only_reach_python() -> None:
    snapshot = _snapshot(
        users=({"id": "u1", "username": "sso@example.com", "isLocal": False},
               {"id": "u2", "username": "local@example.com", "isLocal": True}),
        access_rules=(_rule(1, "user", "sso@example.com"), _rule(2, "user", "local@example.com")),
    )
    plan = select(snapshot, SelectionOptions())
    assert [u.email for u in plan.users] == ["local@example.com"]
    assert "identity provider" in _left_out(plan)["sso@example.com"]
    yaml_out = render("yaml", plan, [])
    assert "sso@example.com" not in yaml_out.text
    assert [item.reason for item in yaml_out.left_out] == [
        "its user is not in the file (SSO, or --no-users); use --format python"]
    python_out = render("python", plan, []).text
    assert 'subject_id="sso@example.com"' in python_out


def test_rules_whose_role_or_scope_is_gone_are_left_out() -> None:
    snapshot = _snapshot(access_rules=(
        _rule(1, "group", "a", roleId=999),
        _rule(2, "group", "b", scopeId="404", clusterId="c1"),
        _rule(3, "group", "c", scopeId="77", clusterId="c2"),
        _rule(4, "group", "d", scopeType="cluster", scopeId="c2", clusterId="c2"),
    ))
    reasons = sorted(_left_out(select(snapshot, SelectionOptions())).items())
    assert [reason for name, reason in reasons if name.startswith(("a ", "b ", "c ", "d "))] == [
        "its role no longer exists", "its scope no longer exists",
        "its scope is on another cluster", "its scope is on another cluster"]


def test_several_clusters_need_a_name() -> None:
    clusters = [CLUSTER, {"uuid": "c2", "name": "edge"}]
    with pytest.raises(ExportError, match=r"2 clusters: choose one with --cluster \(edge, local\)"):
        choose_cluster(clusters, None)
    assert choose_cluster(clusters, "edge")["uuid"] == "c2"


def test_service_accounts_and_node_pools() -> None:
    snapshot = _snapshot(
        service_accounts=({"id": "s1", "name": "ci", "clientId": "ci", "enabled": False},
                          {"id": "s2", "name": "etl", "clientId": "etl", "enabled": True}),
        node_pools=({"id": "1", "name": "default", "isDefault": True},
                    {"id": "2", "name": "h100", "labelKey": "run.ai/type", "labelValue": "h100"}),
        access_rules=(_rule(1, "service-account", "etl"),),
    )
    plan = select(snapshot, SelectionOptions())
    assert [(a.name, a.enabled) for a in plan.service_accounts] == [("ci", False), ("etl", None)]
    assert [(p.name, p.label_key, p.label_value) for p in plan.node_pools] == [
        ("h100", "run.ai/type", "h100")]
    program = render("python", plan, []).text
    assert 'runai.ServiceAccount(\n    "ci",\n    name="ci",\n    enabled=False,' in program
    assert "depends_on=[sa_etl]" in program
    assert "node_pools:\n- name: h100\n  label_key: run.ai/type\n  label_value: h100\n" in render(
        "yaml", plan, []).text

    only_ml = select(snapshot, SelectionOptions(departments=("ml",)))
    assert [a.name for a in only_ml.service_accounts] == ["etl"]  # named by a kept rule
    assert only_ml.node_pools == ()
    assert _left_out(only_ml)["h100"] == "serves the whole cluster: not selected (--department)"

"""Selection: --department, --no-users, the `default` department, and what is said on stderr."""

from __future__ import annotations

from typing import Any

import yaml
from runai_emulator.testing import EmulatorProcess

from .conftest import Export
from .tenant_by_hand import ByHand


def squashed(text: str) -> str:
    """The summary with runs of spaces as one (its columns are padded for reading)."""
    return " ".join(text.split())


def _yaml(text: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def _names(document: dict[str, Any]) -> dict[str, list[str]]:
    return {d["name"]: [p["name"] for p in d.get("projects", [])]
            for d in document.get("departments", [])}


def test_one_department_brings_its_projects_rules_and_the_users_they_name(
    tenant: dict[str, str], export: Export
) -> None:
    outcome = export("--department", "research")
    assert outcome.code == 0, outcome.stderr
    document = _yaml(outcome.stdout)
    assert _names(document) == {"research": ["language", "vision"]}
    assert document["access"] == [
        {"user": "grace@example.com", "role": "Department administrator",
         "department": "research"},
        {"user": "ada@example.com", "role": "L2 researcher", "project": "vision"},
    ]
    assert document["users"] == [{"email": "ada@example.com"}, {"email": "grace@example.com"}]
    err = squashed(outcome.stderr)
    assert "wrote 7 objects" in err
    assert "Department 2 not selected (--department) (default, platform)" in err
    assert "Project 2 not selected (--department) (evaluation, serving)" in err
    assert "User 1 no selected access rule names it (--department) (alan@" in err
    assert "AccessRule 4 its scope was not selected (--department)" in err


def test_several_departments_and_no_users(tenant: dict[str, str], export: Export) -> None:
    outcome = export("--department", "platform", "--department", "research", "--no-users")
    assert outcome.code == 0, outcome.stderr
    document = _yaml(outcome.stdout)
    assert set(_names(document)) == {"platform", "research"}
    assert "users" not in document and "access" not in document  # rules name users only
    assert "User 3 users not requested (--no-users)" in squashed(outcome.stderr)
    assert "its user is not in the file (SSO, or --no-users)" in outcome.stderr

    program = export("--format", "python", "--no-users").stdout
    assert "runai.User(" not in program
    assert 'subject_id="ada@example.com"' in program  # the rule stays, without its User
    assert "depends_on=[user_" not in program


def test_default_department_is_written_once_it_holds_something(
    emulator: EmulatorProcess, tenant: dict[str, str], export: Export
) -> None:
    assert "default" not in _names(_yaml(export().stdout))
    api = ByHand(emulator)
    default_id = next(d["id"] for d in api.get("/api/v1/org-unit/departments")["departments"]
                      if d["name"] == "default")
    api.project("sandbox", str(default_id), [{"nodePool": {"name": "default"},
                                              "gpu": {"deserved": 0}}])
    outcome = export()
    assert _names(_yaml(outcome.stdout))["default"] == ["sandbox"]
    assert "holds nothing" not in outcome.stderr


def test_roles_node_pools_cluster_and_yaml_policies_are_reported_not_written(
    tenant: dict[str, str], export: Export
) -> None:
    err = squashed(export().stderr)
    assert "Role 18 predefined role: exists in every tenant" in err
    assert "NodePool 1 the cluster's default node pool comes with the cluster (default)" \
        in err
    assert "Cluster 1 clusters are installed, not created through the API (local)" in err
    assert ("WorkloadPolicy 1 org.yaml has no workload policies; use --format python "
            "(trainings policy on project vision)") in err

"""org.yaml's uniqueness rules are the kinds' own unique keys (issue 12, kind 5).

A project's namespace is unique on a cluster as much as its name; the description checked only
names, so two projects asking for one namespace passed, and the up failed halfway with a 409.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from pulumi_runai.models import department, project
from pulumi_runai.organization.description import parse_description
from pulumi_runai.organization.problems import DescriptionError
from pulumi_runai.organization.spec import DepartmentSpec, ProjectSpec


def _projects(*namespaces: str | None) -> dict[str, Any]:
    pool = [{"node_pool": "default", "gpu": {"deserved": len(namespaces)}}]
    one = [{"node_pool": "default", "gpu": {"deserved": 1}}]
    projects: list[dict[str, Any]] = [
        {"name": f"p{i}", "resources": one} for i in range(len(namespaces))
    ]
    for entry, namespace in zip(projects, namespaces, strict=True):
        if namespace is not None:
            entry["requested_namespace"] = namespace
    return {"cluster_id": "c",
            "departments": [{"name": "research", "resources": pool, "projects": projects}]}


def test_a_namespace_requested_twice_is_refused_before_the_server_refuses_it() -> None:
    with pytest.raises(DescriptionError) as info:
        parse_description(_projects("team-ns", None, "team-ns"), "org.yaml")
    [problem] = info.value.problems
    assert problem.path == "departments[0].projects[2].requested_namespace"
    assert problem.message == "project requested_namespace 'team-ns' is declared twice"
    assert "the first is at departments[0].projects[0].requested_namespace" in problem.fix


def test_projects_that_leave_the_namespace_to_run_ai_do_not_clash() -> None:
    spec = parse_description(_projects(None, None, "a", "b"), "org.yaml")
    assert [p.requested_namespace for p in spec.projects] == [None, None, "a", "b"]


@pytest.mark.parametrize(("kind", "entry"), [(department, DepartmentSpec), (project, ProjectSpec)])
def test_every_unique_key_of_a_kind_is_a_field_of_its_description_entry(
    kind: Any, entry: type
) -> None:
    """A unique key added to a kind must be checked by the description too (cluster_id is the
    description's, one for all entries)."""
    fields = {f.name for f in dataclasses.fields(entry)} | {"cluster_id"}
    for key in kind.SPEC.unique_keys:
        assert set(key) <= fields, f"{kind.SPEC.name} unique key {key} has no description field"

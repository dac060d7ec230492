"""An empty value in org.yaml is an error naming its path, never "absent" (issue 12, kind 4).

Taking `name:` left empty for "no department" made the next `up` delete the department and its
projects; every value a description gives must be read, or the description refused.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml
from pulumi_runai.organization.description import parse_description
from pulumi_runai.organization.problems import DescriptionError

DEPLOYED = """
cluster: local
departments:
  - name: research
    resources: [{node_pool: default, gpu: {deserved: 4}}]
  - name: platform
    resources: [{node_pool: default, gpu: {deserved: 2}}]
    projects:
      - name: serving
        resources: [{node_pool: default, gpu: {deserved: 2}}]
users:
  - email: ada@example.com
access:
  - {user: ada@example.com, role: Viewer, project: serving}
  - {group: ml-team, role: Viewer, department: research}
"""


def _problems(data: object) -> dict[str, str]:
    with pytest.raises(DescriptionError) as info:
        parse_description(data, "org.yaml")
    return {p.path: p.render("org.yaml") for p in info.value.problems}


def test_the_issue_example_an_empty_department_name_is_refused_not_deleted() -> None:
    """Issue 12's example: `name:` of platform left empty must not drop platform and its project."""
    edited = DEPLOYED.replace("  - name: platform", "  - name:")
    problems = _problems(yaml.safe_load(edited))
    assert problems["departments[1].name"].startswith(
        "org.yaml: departments[1].name: required, got an empty value. Fix: "
    )


REQUIRED = [
    ("departments", 1, "name"),
    ("departments", 1, "projects", 0, "name"),
    ("departments", 0, "resources", 0, "node_pool"),
    ("departments", 0, "resources", 0, "gpu"),
    ("departments", 1, "projects", 0, "resources", 0, "node_pool"),
    ("users", 0, "email"),
    ("access", 0, "user"),
    ("access", 0, "role"),
    ("access", 0, "project"),
    ("access", 1, "group"),
    ("access", 1, "department"),
]


def _set(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    changed = copy.deepcopy(data)
    node = changed
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return changed


def _render(path: tuple[Any, ...]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


@pytest.mark.parametrize("empty", [None, "", "   "], ids=["null", "empty", "blank"])
@pytest.mark.parametrize("path", REQUIRED, ids=_render)
def test_every_required_field_left_empty_is_an_error_naming_its_path(
    path: tuple[Any, ...], empty: object
) -> None:
    data = _set(yaml.safe_load(DEPLOYED), path, empty)
    problems = _problems(data)
    assert "required, got an empty value" in problems[_render(path)]


OPTIONAL = [
    ("cluster",),
    ("adopt",),
    ("departments", 0, "description"),
    ("departments", 0, "adopt"),
    ("departments", 1, "projects", 0, "requested_namespace"),
    ("departments", 0, "resources", 0, "gpu", "deserved"),
    ("departments", 0, "resources", 0, "gpu", "limit"),
    ("departments", 0, "resources", 0, "gpu", "over_quota_weight"),
    ("departments", 0, "resources", 0, "cpu"),
    ("departments", 0, "resources", 0, "memory"),
    ("users", 0, "notify"),
    ("users", 0, "reset_password"),
    ("access", 0, "adopt"),
]


@pytest.mark.parametrize("path", OPTIONAL, ids=_render)
def test_an_optional_key_given_without_a_value_is_an_error_not_the_default(
    path: tuple[Any, ...],
) -> None:
    """`deserved:` left empty is not "0 GPUs" and `adopt:` is not "inherit": say which was meant."""
    data = _set(yaml.safe_load(DEPLOYED), path, None)
    line = _problems(data)[_render(path)]
    assert "got an empty value" in line and "remove the key" in line


def test_an_empty_entry_in_a_list_is_an_error() -> None:
    data = yaml.safe_load(DEPLOYED)
    data["users"].append(None)
    assert "expected a mapping, got nothing (null)" in _problems(data)["users[1]"]


def test_an_empty_list_still_means_none() -> None:
    """`projects:` with every entry removed declares no projects: that is an explicit value."""
    data = yaml.safe_load(DEPLOYED)
    data["departments"][1]["projects"] = None
    data["access"] = None
    spec = parse_description(data, "org.yaml")
    assert spec.projects == () and spec.access == ()

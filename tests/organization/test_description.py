"""The description parser: what a platform engineer sees when org.yaml is right or wrong."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pulumi_runai.errors import RunaiError
from pulumi_runai.organization.description import load_description, parse_description
from pulumi_runai.organization.problems import DescriptionError

ROOT = Path(__file__).resolve().parents[2]


def _pool(name: str, deserved: float, **extra: Any) -> dict[str, Any]:
    return {"node_pool": name, "gpu": {"deserved": deserved, **extra}}


def _valid() -> dict[str, Any]:
    return {
        "cluster": "local",
        "departments": [
            {
                "name": "research",
                "resources": [_pool("default", 8, limit=-1), _pool("a100", 4)],
                "projects": [
                    {"name": "vision", "resources": [_pool("default", 4), _pool("a100", 2)]},
                    {"name": "nlp", "resources": [_pool("default", 4)]},
                ],
            },
            {"name": "ops", "resources": [_pool("default", 2)], "projects": []},
        ],
        "users": [{"email": "ada@example.com"}],
        "access": [
            {"user": "ada@example.com", "role": "L2 researcher", "project": "vision"},
            {"user": "ada@example.com", "role": "Department administrator", "department": "ops"},
        ],
    }


def _problems(data: object, **kwargs: Any) -> dict[str, str]:
    """Parse expecting failure; map each reported path to its rendered line."""
    with pytest.raises(DescriptionError) as info:
        parse_description(data, "org.yaml", **kwargs)
    return {p.path: p.render("org.yaml") for p in info.value.problems}


def test_the_sample_org_yaml_is_valid_and_uses_both_node_pools() -> None:
    spec = load_description(ROOT / "org.yaml")
    pools = {e.node_pool for p in spec.projects for e in p.resources}
    assert pools == {"default", "a100"}
    assert len(spec.departments) >= 2 and len(spec.users) >= 2
    assert {a.scope_type for a in spec.access} == {"department", "project"}


def test_valid_description_becomes_typed_specs_with_resource_inputs() -> None:
    spec = parse_description(_valid(), "org.yaml")
    assert [d.name for d in spec.departments] == ["research", "ops"]
    vision = spec.projects[0]
    assert (vision.name, vision.department, vision.path) == (
        "vision",
        "research",
        "departments[0].projects[0]",
    )
    assert [e.to_input() for e in spec.departments[0].resources] == [
        {"node_pool": "default", "gpu": {"deserved": 8, "limit": -1}},
        {"node_pool": "a100", "gpu": {"deserved": 4}},
    ]
    assert spec.access[0].key == "ada@example.com as L2 researcher on project vision"
    assert spec.cluster == "local" and spec.cluster_id is None


def test_every_problem_is_reported_at_once_with_file_path_and_fix() -> None:
    data = _valid()
    data["departments"][0]["projects"][1]["name"] = "vision"  # duplicate project
    data["departments"][1]["resources"][0]["gpu"]["deserved"] = -3  # bad number
    data["departments"][1]["colour"] = "blue"  # unknown key
    data["access"][0]["role"] = "L2 Researcher"  # wrong case: roles are case-sensitive
    data["access"][1]["department"] = "opps"  # unknown department
    with pytest.raises(DescriptionError) as info:
        parse_description(data, "org.yaml")
    message = str(info.value)
    assert message.startswith("org.yaml: 5 problems")
    for expected in (
        "org.yaml: departments[0].projects[1].name: project 'vision' is declared twice",
        "the first is at departments[0].projects[0].name",
        "org.yaml: departments[1].resources[0].gpu.deserved: -3 is negative",
        "org.yaml: departments[1].colour: unknown key 'colour'",
        "org.yaml: access[0].role: role 'L2 Researcher' does not exist "
        "(did you mean 'L2 researcher'?)",
        "org.yaml: access[1].department: department 'opps' is not declared here "
        "(did you mean 'ops'?)",
    ):
        assert expected in message
    assert all(p.fix for p in info.value.problems)


def test_description_errors_are_runai_errors_and_value_errors() -> None:
    with pytest.raises(RunaiError):
        parse_description([], "org.yaml")
    with pytest.raises(ValueError, match=r"org.yaml: expected a mapping"):
        parse_description("departments", "org.yaml")


def test_projects_exceeding_their_department_point_at_the_project_that_tips_it() -> None:
    data = _valid()
    data["departments"][0]["projects"][1]["resources"].append(_pool("a100", 3))
    problems = _problems(data)
    line = problems["departments[0].projects[1].resources[1].gpu.deserved"]
    assert "ask for 5 GPUs on node pool 'a100' (vision 2, nlp 3)" in line
    assert "more than the department's deserved 4" in line
    assert "raise departments[0].resources[1].gpu.deserved to at least 5" in line


def test_project_quota_on_a_pool_the_department_lacks_asks_to_add_it() -> None:
    data = _valid()
    data["departments"][1]["projects"] = [{"name": "tools", "resources": [_pool("a100", 1)]}]
    line = _problems(data)["departments[1].projects[0].resources[0].gpu.deserved"]
    assert "add `{node_pool: a100, gpu: {deserved: 1}}` to departments[1].resources" in line


def test_memory_is_compared_across_units() -> None:
    data = _valid()
    dept = data["departments"][1]
    dept["resources"][0]["memory"] = {"deserved": 1, "units": "GB"}
    dept["projects"] = [
        {
            "name": "tools",
            "resources": [{**_pool("default", 1), "memory": {"deserved": 900, "units": "MB"}}],
        }
    ]
    parse_description(copy.deepcopy(data), "org.yaml")  # 900 MB fit in 1 GB
    dept["projects"][0]["resources"][0]["memory"] = {"deserved": 1000, "units": "Mib"}
    line = _problems(data)["departments[1].projects[0].resources[0].memory.deserved"]
    assert "ask for 1048.58 MB of memory" in line


@pytest.mark.parametrize(
    ("gpu", "path", "text"),
    [
        ({"deserved": "four"}, "gpu.deserved", "expected a number >= 0, got a string ('four')"),
        ({"deserved": True}, "gpu.deserved", "got a boolean (true)"),
        ({"deserved": 4, "limit": 2}, "gpu.limit", "limit 2 is below deserved 4"),
        ({"deserved": 1, "limit": -2}, "gpu.limit", "Fix: set `limit` to a number >= 0 or -1"),
        ({"over_quota_weight": 1.5}, "gpu.over_quota_weight", "1.5 is not a whole number"),
        ({"deserved": float("inf")}, "gpu.deserved", "expected a number >= 0"),
        ({"desrved": 1}, "gpu.desrved", "(did you mean 'deserved'?)"),
    ],
)
def test_bad_quota_numbers_name_the_field(gpu: dict[str, Any], path: str, text: str) -> None:
    data = _valid()
    data["departments"][1]["resources"][0]["gpu"] = gpu
    assert text in _problems(data)[f"departments[1].resources[0].{path}"]


def test_entries_need_a_pool_and_gpu_and_a_pool_only_once() -> None:
    data = _valid()
    data["departments"][1]["resources"] = [{"gpu": {"deserved": 1}}, {"node_pool": "x"}]
    data["departments"][0]["resources"].append(_pool("default", 1))
    problems = _problems(data)
    assert "'node_pool' is required" in problems["departments[1].resources[0].node_pool"]
    assert "'gpu' is required" in problems["departments[1].resources[1].gpu"]
    assert (
        "merge it with departments[0].resources[0]"
        in problems["departments[0].resources[2].node_pool"]
    )


def test_access_rules_must_name_declared_users_and_exactly_one_scope() -> None:
    data = _valid()
    data["access"] = [
        {"user": "ada@exmple.com", "role": "Viewer", "project": "vision"},
        {"user": "ada@example.com", "role": "Viewer"},
        {"user": "ada@example.com", "group": "ml", "role": "Viewer", "project": "vision"},
        {"user": "ada@example.com", "role": "Viewer", "project": "vision"},
        {"user": "ada@example.com", "role": "Viewer", "project": "vision"},
    ]
    problems = _problems(data)
    assert "add `- email: ada@exmple.com` under users" in problems["access[0].user"]
    assert "needs exactly one scope" in problems["access[1]"]
    assert "exactly one of `user`, `service_account` or `group`" in problems["access[2]"]
    assert "declared twice" in problems["access[4]"]


def test_groups_and_cluster_scope_need_no_declaration_but_cluster_must_match() -> None:
    data = _valid()
    data["access"] = [{"group": "ml-team", "role": "Viewer", "cluster": "local"}]
    rule = parse_description(data, "org.yaml").access[0]
    assert (rule.subject_type, rule.scope_type, rule.scope) == ("group", "cluster", "local")
    data["access"][0]["cluster"] = "prod"
    assert "cluster 'prod' is not declared" in _problems(data)["access[0].cluster"]


def test_roles_are_checked_against_the_tenants_list_when_given() -> None:
    data = _valid()
    data["access"] = [{"user": "ada@example.com", "role": "Quota admin", "project": "vision"}]
    assert "does not exist" in _problems(data)["access[0].role"]
    spec = parse_description(data, "org.yaml", known_roles={"Quota admin"})
    assert spec.access[0].role == "Quota admin"


def test_names_and_emails_follow_the_api_rules() -> None:
    data = _valid()
    data["departments"][0]["name"] = "Research_Team"
    data["users"] = [{"email": "ada"}, {"email": "ADA@example.com"}, {"email": "ada@example.com"}]
    problems = _problems(data)
    assert "'Research_Team' is not a valid name" in problems["departments[0].name"]
    assert "write a full address" in problems["users[0].email"]
    assert "user 'ada@example.com' is declared twice" in problems["users[2].email"]
    # the broken department does not also make the access rule to its project fail
    assert "access[0].project" not in problems


def test_adopt_is_inherited_from_the_top_and_can_be_overridden() -> None:
    data = _valid()
    data["adopt"] = True
    data["departments"][1]["adopt"] = False
    spec = parse_description(data, "org.yaml")
    assert spec.departments[0].adopt and not spec.departments[1].adopt
    assert spec.users[0].adopt and spec.access[0].adopt


def test_cluster_and_cluster_id_are_exclusive() -> None:
    data = _valid()
    data["cluster_id"] = "b5ac1569-90f9-4e31-9d17-a484dd036251"
    assert "keep one" in _problems(data)["cluster_id"]


def test_yaml_files_report_syntax_errors_with_line_duplicates_and_missing_files(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "org.yaml"
    broken.write_text("departments:\n  - name: a\n    name: b\n", encoding="utf-8")
    with pytest.raises(DescriptionError, match=r"line 3, column 5: not valid YAML: duplicate"):
        load_description(broken)
    broken.write_text("departments: [\n", encoding="utf-8")
    with pytest.raises(DescriptionError, match=r"org.yaml: line \d+, column \d+: not valid YAML"):
        load_description(broken)
    broken.write_text("", encoding="utf-8")
    with pytest.raises(DescriptionError, match="the file is empty"):
        load_description(broken)
    with pytest.raises(DescriptionError, match=r"missing.yaml: cannot read the file"):
        load_description(tmp_path / "missing.yaml")


# deadline=None: examples take ~1 ms; the default 200 ms deadline only measures
# how loaded the CI machine is (one stall fails the test as Flaky).
@settings(deadline=None)
@given(
    capacity=st.integers(0, 16),
    shares=st.lists(st.integers(0, 8), min_size=1, max_size=4),
)
def test_projects_fit_exactly_when_their_sum_is_within_the_department(
    capacity: int, shares: list[int]
) -> None:
    data = {
        "departments": [
            {
                "name": "d",
                "resources": [_pool("default", capacity)],
                "projects": [
                    {"name": f"p{i}", "resources": [_pool("default", share)]}
                    for i, share in enumerate(shares)
                ],
            }
        ]
    }
    try:
        parse_description(data, "org.yaml")
        fits = True
    except DescriptionError as error:
        assert len(error.problems) == 1
        fits = False
    assert fits == (sum(shares) <= capacity)

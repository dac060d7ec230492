"""The quota arithmetic on plain dicts: units, node pools, unknowns."""

import pytest
from pulumi_runai.policies import UNKNOWN, find_overcommits
from pulumi_runai.policies.quota_math import Unknowable, memory_mb


def gpu(pool: str, deserved: object) -> dict[str, object]:
    return {"node_pool": pool, "gpu": {"deserved": deserved, "limit": -1}}


def test_projects_within_the_department_quota_pass() -> None:
    assert (
        find_overcommits(
            [gpu("default", 4.0)], [("a", [gpu("default", 2.0)]), ("b", [gpu("default", 2.0)])]
        )
        == []
    )


def test_sum_over_the_department_reports_numbers_and_shares() -> None:
    [found] = find_overcommits(
        [gpu("default", 4)], [("a", [gpu("default", 3.0)]), ("b", [gpu("default", 2.0)])]
    )
    assert (found.node_pool, found.kind, found.department, found.projects) == (
        "default",
        "gpu",
        4,
        5,
    )
    assert found.by_project == (("a", 3.0), ("b", 2.0))


def test_node_pools_are_summed_separately() -> None:
    dept = [gpu("default", 4), gpu("a100", 2)]
    projects = [("a", [gpu("default", 4), gpu("a100", 1)]), ("b", [gpu("a100", 1)])]
    assert find_overcommits(dept, projects) == []
    [found] = find_overcommits(dept, [*projects, ("c", [gpu("a100", 1)])])
    assert found.node_pool == "a100" and found.projects == 3


def test_a_pool_the_department_does_not_list_has_no_gpus() -> None:
    [found] = find_overcommits([gpu("default", 8)], [("a", [gpu("a100", 1)])])
    assert (found.node_pool, found.department) == ("a100", 0)


def test_memory_is_compared_across_units() -> None:
    dept = [
        {"node_pool": "default", "gpu": {"deserved": 8}, "memory": {"deserved": 10, "units": "GB"}}
    ]
    fits = {"deserved": 9000, "units": "MB"}
    too_much = {"deserved": 9537, "units": "Mib"}  # 9537 MiB = 10.0003 GB
    ok = find_overcommits(dept, [("a", [{"node_pool": "default", "memory": fits}])])
    assert ok == []
    [found] = find_overcommits(dept, [("a", [{"node_pool": "default", "memory": too_much}])])
    assert found.kind == "memory" and found.projects == memory_mb(9537, "Mib")


def test_cpu_and_memory_are_only_checked_where_the_department_sets_them() -> None:
    dept = [{"node_pool": "default", "gpu": {"deserved": 8}, "cpu": {"deserved": None}}]
    project = [{"node_pool": "default", "cpu": {"deserved": 64000}, "memory": {"deserved": 1}}]
    assert find_overcommits(dept, [("a", project)]) == []
    dept[0]["cpu"] = {"deserved": 1000}
    [found] = find_overcommits(dept, [("a", project)])
    assert (found.kind, found.department, found.projects) == ("cpu", 1000, 64000)


def test_kinds_can_be_restricted() -> None:
    dept = [{"node_pool": "default", "gpu": {"deserved": 0}, "cpu": {"deserved": 1}}]
    project = [{"node_pool": "default", "gpu": {"deserved": 1}, "cpu": {"deserved": 2}}]
    assert [o.kind for o in find_overcommits(dept, [("a", project)], kinds=["cpu"])] == ["cpu"]


@pytest.mark.parametrize(
    "projects",
    [
        [("a", [gpu("default", UNKNOWN)]), ("b", [gpu("default", 5)])],
        [("a", UNKNOWN), ("b", [gpu("default", 5)])],
        [("a", [{"node_pool": UNKNOWN, "gpu": {"deserved": 5}}])],
        [("a", [UNKNOWN])],
    ],
)
def test_unknown_project_numbers_skip_the_comparison(projects: list[tuple[str, object]]) -> None:
    assert find_overcommits([gpu("default", 1)], projects) == []


def test_unknown_department_quota_skips_the_comparison() -> None:
    assert find_overcommits(UNKNOWN, [("a", [gpu("default", 5)])]) == []
    assert find_overcommits([gpu("default", UNKNOWN)], [("a", [gpu("default", 5)])]) == []


def test_unknown_units_are_not_comparable() -> None:
    with pytest.raises(Unknowable):
        memory_mb(1, "TB-ish")

"""Quota `rank` in org.yaml (issue 16): optional, validated, passed to the resources as given."""

from __future__ import annotations

import pytest
from pulumi_runai.organization.description import parse_description
from pulumi_runai.organization.problems import DescriptionError


def _description(rank: object) -> dict[str, object]:
    return {"cluster_id": "c", "departments": [{
        "name": "research",
        "resources": [{"node_pool": "default", "gpu": {"deserved": 4}, "rank": rank}],
    }]}


def test_a_rank_reaches_the_department_input() -> None:
    [dept] = parse_description(_description("High"), "org.yaml").departments
    assert dept.resources[0].to_input()["rank"] == "High"


def test_an_unknown_rank_names_its_path_and_the_ranks() -> None:
    with pytest.raises(DescriptionError) as info:
        parse_description(_description("Urgent"), "org.yaml")
    [problem] = info.value.problems
    assert problem.path == "departments[0].resources[0].rank"
    assert "MediumLow" in problem.fix

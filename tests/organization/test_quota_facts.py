"""org.yaml's fit check counts memory as the provider creates it (issue 12, kind 5)."""

from __future__ import annotations

from typing import Any

import pytest
from pulumi_runai.models import quotas as model_quotas
from pulumi_runai.models import units
from pulumi_runai.organization.description import parse_description
from pulumi_runai.organization.problems import DescriptionError


def _department(dept_memory: dict[str, Any], project_memory: dict[str, Any]) -> dict[str, Any]:
    def entry(memory: dict[str, Any]) -> dict[str, Any]:
        return {"node_pool": "default", "gpu": {"deserved": 1}, "memory": memory}

    return {
        "cluster_id": "c",
        "departments": [
            {
                "name": "research",
                "resources": [entry(dept_memory)],
                "projects": [{"name": "vision", "resources": [entry(project_memory)]}],
            }
        ],
    }


def test_the_issue_example_a_project_larger_than_its_department_in_mb_is_refused() -> None:
    """Department 1000 without units is 1000 MB; a 1040 MB project does not fit in it."""
    data = _department({"deserved": 1000}, {"deserved": 1040, "units": "MB"})
    with pytest.raises(DescriptionError) as info:
        parse_description(data, "org.yaml")
    [problem] = info.value.problems
    assert problem.path == "departments[0].projects[0].resources[0].memory.deserved"
    assert "ask for 1040 MB of memory" in problem.message
    assert "more than the department's deserved 1000" in problem.message


def test_memory_without_units_fits_as_the_provider_sends_it() -> None:
    data = _department({"deserved": 1000, "units": "MB"}, {"deserved": 970})
    spec = parse_description(data, "org.yaml")
    memory = spec.projects[0].resources[0].to_input()["memory"]
    sent = model_quotas.to_api([{"node_pool": "default", "memory": memory}], lambda n: n)
    assert sent[0]["memory"]["units"] == units.DEFAULT_MEMORY_UNITS == "MB"

"""Issue 12 kind 6, org.yaml half: a project quota on a node pool its department does not list
(`h100`, a typo) must not be answered with advice that leads into the same failure ("add h100
to the department"): the fix names the typo first and says the preview checks the pools."""

from __future__ import annotations

import pytest
from pulumi_runai.organization.description import parse_description
from pulumi_runai.organization.problems import DescriptionError


def test_a_project_quota_on_a_pool_the_department_lacks_suggests_the_typo_first() -> None:
    with pytest.raises(DescriptionError) as info:
        parse_description({
            "cluster_id": "c",
            "departments": [{
                "name": "research",
                "resources": [{"node_pool": "default", "gpu": {"deserved": 4}}],
                "projects": [{"name": "vision",
                              "resources": [{"node_pool": "h100", "gpu": {"deserved": 1}}]}],
            }],
        }, "org.yaml")
    [problem] = info.value.problems
    assert problem.path.endswith("resources[0].gpu.deserved")
    assert "typo" in problem.fix and "it lists: default" in problem.fix
    assert problem.fix.index("typo") < problem.fix.index("add `")

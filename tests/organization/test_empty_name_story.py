"""Issue 12, kind 4, as the user met it: an org.yaml with `name:` of a department left empty.

The description used to be accepted without that department, and the up deleted it with its
project. Now the program stops before registering anything, so Run:ai keeps both.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pulumi_runai.organization import Organization
from pulumi_runai.testing import Stack
from runai_emulator.testing import EmulatorProcess

ORG_YAML = """
cluster_id: {cluster_id}
departments:
  - name: research
    resources: [{{node_pool: default, gpu: {{deserved: 2, limit: 2}}}}]
  - name: platform
    resources: [{{node_pool: default, gpu: {{deserved: 2, limit: 2}}}}]
    projects:
      - name: serving
        resources: [{{node_pool: default, gpu: {{deserved: 1, limit: 1}}}}]
"""


def test_an_empty_department_name_stops_the_up_and_deletes_nothing(
    emulator: EmulatorProcess, tmp_path: Path
) -> None:
    org_yaml = tmp_path / "org.yaml"
    org_yaml.write_text(
        ORG_YAML.format(cluster_id=emulator.state()["clusters"][0]["uuid"]), "utf-8"
    )
    stack = Stack(
        tmp_path / "state.json", project="runai-org",
        config={"runai:url": emulator.url, "runai:clientId": emulator.client_id},
        secret_config={"runai:clientSecret": emulator.client_secret},
    )

    def program() -> None:
        Organization.from_yaml(org_yaml, known_roles=())

    stack.up(program)
    org_yaml.write_text(org_yaml.read_text("utf-8").replace("- name: platform", "- name:"))
    emulator.clear_requests()
    with pytest.raises(Exception, match=r"departments\[1\]\.name: required, got an empty value"):
        stack.up(program)

    assert {d["name"] for d in emulator.state()["departments"]} >= {"research", "platform"}
    assert [p["name"] for p in emulator.state()["projects"]] == ["serving"]
    assert [r for r in emulator.requests() if r["method"] == "DELETE"] == []
    assert len(stack.state.resources()) == 4  # the component, two departments, the project

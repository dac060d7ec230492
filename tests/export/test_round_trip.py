"""The round trip a team makes on adoption day: a tenant built by hand -> runai-export ->
deploy the export with a fresh state. It must only adopt (no POST but tokens, no PUT, PATCH
or DELETE reaches the tenant), and the next preview must be empty."""

from __future__ import annotations

import json
from pathlib import Path

from pulumi_runai.testing import Result, Stack
from runai_emulator.testing import EmulatorProcess

from .conftest import Export, state_counts, writes
from .tenant_by_hand import add_custom_role

ORG_PROGRAM = """\
import pulumi
from pulumi_runai.organization import Organization

org = Organization.from_yaml("org.yaml")
pulumi.export("summary", org.summary())
"""


def _deploy_adopts_only(emulator: EmulatorProcess, stack: Stack, program: Path) -> Result:
    before = emulator.state()
    emulator.clear_requests()
    result = stack.up(program)
    assert writes(emulator) == [], "deploying the export changed the tenant"
    assert emulator.state() == before
    assert set(result.ops(include_same=False).values()) == {"create"}  # adopted, not made
    assert stack.preview(program).ops(include_same=False) == {}
    return result


def test_yaml_export_deploys_as_adoptions_only(
    emulator: EmulatorProcess, tenant: dict[str, str], export: Export, stack: Stack,
    tmp_path: Path,
) -> None:
    program = tmp_path / "org"
    program.mkdir()
    outcome = export("--out", str(program / "org.yaml"))
    assert outcome.code == 0, outcome.stderr
    assert "rank: High" in (program / "org.yaml").read_text()  # a rank set in the UI is kept
    (program / "__main__.py").write_text(ORG_PROGRAM)

    created = _deploy_adopts_only(emulator, stack, program).ops()
    # the a100 pool, 2 departments, 4 projects, 3 users, 4 rules (org.yaml cannot say the
    # service account nor the rules of it, of the app and on the tenant), and the component
    assert len(created) == 1 + 2 + 4 + 3 + 4 + 1
    assert "org.yaml has no service accounts" in outcome.stderr
    assert "org.yaml has no workload policies" in outcome.stderr
    assert "org.yaml has no tenant or system scope" in outcome.stderr
    assert "org.yaml names only users and groups" in outcome.stderr


def test_python_export_runs_as_is_and_adopts_everything(
    emulator: EmulatorProcess, tenant: dict[str, str], export: Export, stack: Stack,
    tmp_path: Path,
) -> None:
    program = tmp_path / "program"
    program.mkdir()
    outcome = export("--format", "python", "--out", str(program / "__main__.py"))
    assert outcome.code == 0, outcome.stderr

    result = _deploy_adopts_only(emulator, stack, program)
    counts = state_counts(emulator)
    # everything but the cluster's default node pool and the empty `default` department
    assert len(result.ops()) == (counts["nodepools"] - 1) + (counts["departments"] - 1) \
        + counts["projects"] + counts["users"] + counts["service_accounts"] \
        + counts["access_rules"] + counts["policies"]
    ids = {step.outputs.get("access_rule_id") for step in result.steps}
    assert {tenant["rule:auditors"], tenant["rule:ci-bot"]} <= ids


def test_import_file_lists_every_object_once_with_its_id(
    emulator: EmulatorProcess, tenant: dict[str, str], export: Export
) -> None:
    outcome = export("--format", "import")
    assert outcome.code == 0, outcome.stderr
    resources = json.loads(outcome.stdout)["resources"]
    assert set(resources[0]) == {"type", "name", "id"}
    by_id = {(r["type"], r["id"]) for r in resources}
    kinds = {"pool": "NodePool", "dept": "Department", "proj": "Project", "user": "User",
             "sa": "ServiceAccount", "role": "Role", "rule": "AccessRule",
             "policy": "WorkloadPolicy"}
    expected = {(f"runai:index:{kinds[label.split(':')[0]]}", object_id)
                for label, object_id in tenant.items()}
    assert by_id == expected and len(resources) == len(expected)
    assert len({(r["type"], r["name"]) for r in resources}) == len(resources)
    assert all(isinstance(r["id"], str) for r in resources)


def test_custom_roles_reach_python_and_import_and_their_rules_all_formats(
    emulator: EmulatorProcess, tenant: dict[str, str], export: Export
) -> None:
    add_custom_role(emulator, tenant)
    program = export("--format", "python").stdout
    assert ('role_auditor = runai.Role(\n    "Auditor",\n    name="Auditor",\n'
            '    description="Reads everything, for the yearly audit.",\n'
            '    permission_sets=[\n        "Department management",\n'
            '        "Organization viewer",\n    ],\n    adopt=True,\n)') in program
    assert "depends_on=[role_auditor]" in program
    imported = json.loads(export("--format", "import").stdout)["resources"]
    assert {"type": "runai:index:Role", "name": "Auditor", "id": tenant["role:auditor"]} \
        in imported
    outcome = export()
    assert "{group: external-auditors, role: Auditor, department: platform}" in outcome.stdout
    assert "org.yaml has no custom roles" in outcome.stderr


def test_custom_role_is_adopted_without_a_write(
    emulator: EmulatorProcess, tenant: dict[str, str], export: Export, stack: Stack,
    tmp_path: Path,
) -> None:
    add_custom_role(emulator, tenant)
    program = tmp_path / "program"
    program.mkdir()
    assert export("--format", "python", "--out", str(program / "__main__.py")).code == 0
    _deploy_adopts_only(emulator, stack, program)

"""The top-level program: org.yaml lands in the tenant, outputs give ids by name, edits diff."""

from __future__ import annotations

from pathlib import Path

from runai_emulator.testing import EmulatorProcess

from tests.deploy.repo_copy import sample_org_yaml

from .conftest import ROOT, StackFactory, by_name


def sample_program(tmp_path: Path) -> Path:
    """The root program with the sample org.yaml as committed (an admin's edits to the
    working tree's org.yaml do not reach the tests), in a directory a test may edit."""
    target = tmp_path / "org"
    target.mkdir()
    for name in ("__main__.py", "Pulumi.yaml"):
        (target / name).write_text((ROOT / name).read_text("utf-8"), "utf-8")
    (target / "org.yaml").write_text(sample_org_yaml(), "utf-8")
    return target


def test_org_yaml_is_deployed_and_summarised_by_name(
    emulator: EmulatorProcess, stack: StackFactory, tmp_path: Path
) -> None:
    program = sample_program(tmp_path)
    s = stack()
    result = s.up(program)

    departments = by_name(emulator, "departments")
    projects = by_name(emulator, "projects")
    out = result.stack_outputs
    assert out["cluster_id"] == emulator.state()["clusters"][0]["uuid"]
    assert out["departments"] == {n: departments[n]["id"] for n in ("research", "platform")}
    assert out["projects"] == {
        n: projects[n]["id"] for n in ("vision", "language", "serving", "evaluation")
    }
    assert projects["vision"]["parentId"] == departments["research"]["id"]
    users = by_name(emulator, "users", "username")
    assert out["users"] == {email: users[email]["id"] for email in out["users"]}
    rules = {str(r["id"]): r for r in emulator.state()["access_rules"]}
    grace = rules[out["access_rules"]["grace@example.com as Department administrator on "
                                      "department research"]]
    assert (grace["scopeType"], grace["scopeId"]) == ("department", departments["research"]["id"])
    assert len(rules) == len(out["access_rules"]) == 6
    # each rule names its user by email, so it must wait for the user to exist
    steps = {step.name: step for step in result.steps}
    for name, step in steps.items():
        if step.type.endswith(":AccessRule"):
            user = steps[f"org-{step.outputs['subject_id']}"]
            assert user.finished <= step.started, f"{name} started before its user existed"

    # a reviewed change: one project's quota; the preview names exactly that update
    org_yaml = program / "org.yaml"
    text = org_yaml.read_text("utf-8")
    org_yaml.write_text(
        text.replace("{node_pool: default, gpu: {deserved: 1, limit: 2,",
                     "{node_pool: default, gpu: {deserved: 2, limit: 2,"),
        "utf-8",
    )
    assert s.preview(program).ops(include_same=False) == {"org-evaluation": "update"}
    s.up(program)
    evaluation = by_name(emulator, "projects")["evaluation"]
    assert evaluation["resources"][0]["gpu"]["deserved"] == 2
    assert evaluation["id"] == projects["evaluation"]["id"]

"""The admin's story on a fresh copy, through the scripts as a person runs them (no terminal).

One emulator (started by the first deploy, on a free port) serves the whole module, as it
would serve an admin; each test puts org.yaml back as committed when it ends, and the last one
destroys the stack. The emulator's request log proves what was written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
import yaml

from .repo_copy import Emulator, make_copy, ok, run, stop_emulator

Edit = Callable[[str, str], None]


@pytest.fixture(scope="module")
def deployed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A fresh copy after its first `scripts/deploy --port 0`, and what that printed."""
    repo = make_copy(tmp_path_factory.mktemp("story") / "pulumi-runai")
    try:
        yield repo, ok(repo, "deploy", "--port", "0")
    finally:
        stop_emulator(repo)  # the last test destroys; this is for a run that failed before


@pytest.fixture
def repo(deployed: tuple[Path, str]) -> Iterator[Path]:
    path = deployed[0]
    committed = (path / "org.yaml").read_text()
    yield path
    (path / "org.yaml").write_text(committed)


@pytest.fixture
def edit(repo: Path) -> Edit:
    """`edit(old, new)`: one textual change to the copy's org.yaml (which must contain old)."""

    def change(old: str, new: str) -> None:
        text = (repo / "org.yaml").read_text()
        assert old in text, old
        (repo / "org.yaml").write_text(text.replace(old, new, 1))

    return change


def _rows(output: str, title: str) -> list[str]:
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{title} ("))
    rows = []
    for line in lines[start + 3:]:
        if not line.strip():
            break
        rows.append(line)
    return rows


def _table(output: str, title: str) -> list[dict[str, str]]:
    """The rows of an inventory table as {header: cell}; a node pool's continuation row
    carries its object's cells down from the row above."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{title} ("))
    headers, rule = lines[start + 1], lines[start + 2]
    spans = [(m.start(), m.end()) for m in re.finditer(r"-+", rule)]
    spans[-1] = (spans[-1][0], 10_000)
    rows: list[dict[str, str]] = []
    for line in _rows(output, title):
        cells = {headers[a:b].strip(): line[a:b].strip() for a, b in spans}
        if not line.startswith(" "):
            rows.append(cells)
        else:
            rows.append({k: v or rows[-1][k] for k, v in cells.items()})
    return rows


def test_first_deploy_needs_no_answer_and_the_table_matches_org_yaml(
        deployed: tuple[Path, str]) -> None:
    repo, first = deployed
    org = yaml.safe_load((repo / "org.yaml").read_text())
    assert "through pulumi_runai.testing" in first  # no CLI on PATH here: it says so
    assert "Applied: 16 created, 0 updated, 0 replaced, 0 deleted, 0 unchanged; " \
           "16 resources held by stack dev." in first
    assert Emulator(repo).named("projects", "vision") is not None  # the recorded URL works

    table = ok(repo, "inventory")
    projects = _table(table, "Projects")
    assert {p["name"] for p in projects} == {
        p["name"] for d in org["departments"] for p in d["projects"]}
    serving = next(p for p in projects if (p["name"], p["node pool"]) == ("serving", "default"))
    assert (serving["GPU deserved/limit"], serving["GPU weight"], serving["CPU (millicores)"],
            serving["memory"]) == ("2/4", "1", "8000/unlimited", "32/unlimited GB")  # as written
    assert {d["name"]: d["stack"] for d in _table(table, "Departments")} == {
        "default": "not managed", "research": "dev", "platform": "dev"}
    assert ".0 " not in table and not table.rstrip().endswith(".0")


def test_preview_shows_each_change_per_field_and_writes_nothing(repo: Path, edit: Edit) -> None:
    emulator = Emulator(repo)
    edit("{node_pool: default, gpu: {deserved: 1, limit: 2,",
         "{node_pool: default, gpu: {deserved: 2, limit: 2,")  # evaluation: a quota raised
    edit("      - name: evaluation\n",
         "      - name: speech\n        resources:\n"
         "          - {node_pool: default, gpu: {deserved: 0, limit: 2}}\n"
         "      - name: evaluation\n")  # a project added
    state = (repo / ".pulumi-state" / "dev.testing.json").read_bytes()
    emulator.clear_requests()

    plan = ok(repo, "deploy", "--preview")

    assert "  update   project evaluation: resources[default].gpu.deserved 1 → 2\n" in plan
    assert "  create   project speech\n" in plan
    assert "Plan: 1 to create, 1 to update, 0 to replace, 0 to delete, 15 unchanged." in plan
    assert emulator.writes() == []
    assert (repo / ".pulumi-state" / "dev.testing.json").read_bytes() == state


def test_refresh_shows_a_quota_changed_by_hand_and_puts_it_back(repo: Path) -> None:
    emulator = Emulator(repo)
    serving = emulator.named("projects", "serving")
    assert serving is not None
    body = emulator.api("GET", f"/api/v1/org-unit/projects/{serving['id']}")
    default = next(r for r in body["resources"] if r["nodePool"]["name"] == "default")
    default["gpu"]["deserved"] = 1
    emulator.api("PUT", f"/api/v1/org-unit/projects/{serving['id']}",
                 {k: body[k] for k in ("name", "clusterId", "parentId", "description",
                                       "resources")})
    drift = "  drift    project serving: resources[default].gpu.deserved 2 → 1\n"
    emulator.clear_requests()

    looked = ok(repo, "deploy", "--preview", "--refresh")
    assert drift in looked
    assert "  update   project serving: resources[default].gpu.deserved 1 → 2\n" in looked
    assert emulator.writes() == []

    fixed = ok(repo, "deploy", "--refresh")
    assert drift in fixed
    assert "  updated  project serving: resources[default].gpu.deserved 1 → 2\n" in fixed
    [write] = emulator.writes()  # one call puts it back, whichever verb the provider uses
    assert f"/api/v1/org-unit/projects/{serving['id']}" in write
    after = emulator.api("GET", f"/api/v1/org-unit/projects/{serving['id']}")
    assert next(r for r in after["resources"]
                if r["nodePool"]["name"] == "default")["gpu"]["deserved"] == 2


def test_an_unknown_role_fails_in_a_few_lines_without_a_traceback(
        repo: Path, edit: Edit) -> None:
    emulator = Emulator(repo)
    edit("role: Viewer", "role: Wizard")
    emulator.clear_requests()

    failed = run(repo, "deploy")

    assert failed.code != 0
    lines = [line for line in failed.output.splitlines() if line.strip()]
    assert len(lines) <= 15, failed.output
    assert "Traceback" not in failed.output
    assert "access[5].role: role 'Wizard' does not exist" in failed.stderr
    assert "Fix: use one of" in failed.stderr and "Viewer" in failed.stderr
    assert emulator.writes() == []
    assert "Traceback" in run(repo, "deploy", "--debug").stderr


def test_another_description_file_is_planned_as_its_own_stack(repo: Path) -> None:
    (repo / "teams.yaml").write_text(
        "cluster: local\n"
        "departments:\n"
        "  - name: robotics\n"
        "    resources: [{node_pool: default, gpu: {deserved: 1, limit: 2}}]\n"
        "    projects:\n"
        "      - name: arms\n"
        "        resources: [{node_pool: default, gpu: {deserved: 1, limit: 2}}]\n")
    emulator = Emulator(repo)
    emulator.clear_requests()

    plan = ok(repo, "deploy", "--org", "teams.yaml", "--preview")

    assert "running organisation teams.yaml" in plan and "stack org-teams" in plan
    assert "  create   department robotics\n  create   project arms\n" in plan
    # nothing of org.yaml's stack is seen as its own, so nothing would be deleted
    assert "Plan: 2 to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged." in plan
    assert emulator.writes() == []


def test_an_example_deploys_beside_the_organisation_as_its_own_stack(repo: Path) -> None:
    emulator = Emulator(repo)
    state = requests.get(f"{emulator.url}/_emulator/state", timeout=10).json()
    before = {kind: {o.get("name") or o.get("username") for o in state[kind]}
              for kind in ("departments", "projects", "users")}

    deployed = ok(repo, "deploy", "examples/quickstart")

    assert "Applied: 4 created" in deployed and "stack example-quickstart" in deployed
    stacks = {d["name"]: d["stack"] for d in _table(deployed, "Departments")}
    assert stacks["ml"] == "example-quickstart" and stacks["research"] == "dev"
    state = requests.get(f"{emulator.url}/_emulator/state", timeout=10).json()
    for kind, names in before.items():  # nothing the organisation holds was touched
        assert names <= {o.get("name") or o.get("username") for o in state[kind]}, kind

    gone = ok(repo, "destroy", "examples/quickstart")
    assert "4 resources deleted" in gone
    assert emulator.named("departments", "ml") is None
    assert emulator.named("projects", "vision") is not None  # the emulator still serves


def test_adopt_existing_makes_its_objects_by_hand_first_then_adopts_them(repo: Path) -> None:
    emulator = Emulator(repo)
    emulator.clear_requests()

    adopted = ok(repo, "deploy", "examples/adopt-existing")

    assert "running made_by_hand.py" in adopted
    assert "  created  department legacy: adopt: an existing one" in adopted
    posts = [w for w in emulator.writes() if w.startswith("POST")]
    assert len(posts) == 4, posts  # the four made by hand; the stack made none of its own
    assert "Applied: 4 created" in adopted and "stack example-adopt-existing" in adopted
    assert "4 resources deleted" in ok(repo, "destroy", "examples/adopt-existing")


def test_the_policy_example_fails_the_shipped_pack_config_as_its_readme_shows(
        repo: Path) -> None:
    emulator = Emulator(repo)
    emulator.clear_requests()

    stopped = run(repo, "deploy", "examples/policy", "--preview", "--policy-pack", "policy/",
                  "--policy-pack-config", "policy/config.example.json")

    assert stopped.code != 0 and "Traceback" not in stopped.output
    findings = stopped.stderr.splitlines()
    assert findings[0] == "error: the policy pack stopped this deployment:"
    assert sorted(line.split(":")[0].strip() for line in findings[1:]) == [
        "runai-admin-role-subjects", "runai-project-gpu-quota"]
    readme = (repo / "examples" / "policy" / "README.md").read_text().splitlines()
    for finding in findings[1:]:  # the README shows each finding as printed
        assert finding in readme, finding
    assert emulator.writes() == []


def test_removing_a_project_needs_consent(repo: Path, edit: Edit) -> None:
    emulator = Emulator(repo)
    edit("      - name: evaluation\n        resources:\n"
         "          - {node_pool: default, gpu: {deserved: 1, limit: 2, over_quota_weight: 1}}\n",
         "")
    edit("  - {user: alan@example.com, role: L1 researcher, project: evaluation}\n", "")
    emulator.clear_requests()

    refused = run(repo, "deploy")

    assert refused.code != 0
    assert "delete project evaluation" in refused.stderr and "--yes" in refused.stderr
    assert "Traceback" not in refused.output
    assert emulator.writes() == []
    assert emulator.named("projects", "evaluation") is not None

    applied = ok(repo, "deploy", "--yes")
    assert "  deleted  project evaluation\n" in applied
    assert "Applied: 0 created, 0 updated, 0 replaced, 2 deleted, 14 unchanged; " \
           "14 resources held by stack dev." in applied
    assert emulator.named("projects", "evaluation") is None


def test_destroy_removes_the_stack_and_stops_the_emulator(repo: Path) -> None:
    url = Emulator(repo).url

    gone = ok(repo, "destroy")

    after = gone.split("holds after destroy:")[1]
    for title in ("Projects", "Users", "Access rules"):
        assert _rows(after, title) == [], title
    assert {d["name"] for d in _table(after, "Departments")} == {"default"}
    assert not (repo / ".runai-emulator" / "url").exists()
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{url}/_emulator/state", timeout=2)
    assert list((repo.parent / "tmp").iterdir()) == []  # nothing left in the temp dir

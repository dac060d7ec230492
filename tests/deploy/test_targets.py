"""What a command deploys: each target its own stack, named from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from pulumi_runai.local.failures import LocalError
from pulumi_runai.local.targets import DEFAULT_STACK, resolve

from .repo_copy import make_copy


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = make_copy(tmp_path_factory.mktemp("targets") / "pulumi-runai")
    (repo / "teams").mkdir()
    (repo / "teams" / "robotics.yaml").write_text("cluster: local\n")
    yaml_example = repo / "examples" / "in-yaml"
    yaml_example.mkdir()
    (yaml_example / "Pulumi.yaml").write_text("name: runai-in-yaml\nruntime: yaml\n")
    return repo


def test_each_target_has_its_own_stack_and_state(root: Path, monkeypatch: pytest.MonkeyPatch
                                                 ) -> None:
    monkeypatch.chdir(root)
    default = resolve(root, None, None)
    example = resolve(root, "examples/quickstart/", None)
    other = resolve(root, None, "teams/robotics.yaml")

    assert (default.stack, default.project) == (DEFAULT_STACK, "runai-org")
    assert resolve(root, None, "org.yaml") == default  # the top-level file is not a second stack
    assert (example.stack, example.project, example.runtime) == (
        "example-quickstart", "runai-quickstart", "python")
    assert other.stack == "org-teams-robotics"
    assert other.config == {"runai-org:orgFile": "teams/robotics.yaml"}
    assert len({default.state_file, example.state_file, other.state_file}) == 3
    assert resolve(root, "examples/in-yaml", None).runtime == "yaml"


def test_a_wrong_path_names_what_exists(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(root)
    with pytest.raises(LocalError, match="examples/nope: no such directory; the examples are: "
                                         "examples/adopt-existing, "):
        resolve(root, "examples/nope", None)
    with pytest.raises(LocalError, match=r"--org teams\.yml: no such file"):
        resolve(root, None, "teams.yml")
    with pytest.raises(LocalError, match=r"has no Pulumi\.yaml"):
        resolve(root, "teams", None)

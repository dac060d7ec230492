"""examples/yaml-native: its Pulumi.yaml deploys through the plugin (without the CLI, by a small
YAML stand-in; with the CLI where `pulumi` is on PATH), a second run changes nothing, and every
object of the tenant imports from a bulk file without a change."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pulumi_runai.testing.native_host import NativeHost
from runai_emulator.testing import EmulatorProcess

from .conftest import plugin_env
from .yaml_program import Deployment, up, urn

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "yaml-native"


def program() -> dict:
    loaded: dict = yaml.safe_load((EXAMPLE / "Pulumi.yaml").read_text())
    return loaded


def test_the_example_loads_the_plugin_folder() -> None:
    (entry,) = program()["plugins"]["providers"]
    assert entry["name"] == "runai"
    folder = (EXAMPLE / entry["path"]).resolve()
    assert yaml.safe_load((folder / "PulumiPlugin.yaml").read_text())["runtime"]["name"] == \
        "python"
    assert (folder / "schema.json").is_file()
    # as the Python language host runs a plugin folder: `python <folder> <engine address>`
    with NativeHost(command=[sys.executable, str(folder)]) as started:
        assert started.plugin_version() == "0.1.0"
        assert json.loads(started.schema()) == json.loads((folder / "schema.json").read_text())


def test_the_example_deploys_a_second_run_is_a_no_op_and_a_bulk_import_matches(
    plugin: NativeHost, emulator: EmulatorProcess, tmp_path: Path
) -> None:
    done = up(plugin, program())
    assert {t for t, *_ in done.resources.values()} == {
        "runai:index:Department", "runai:index:Project", "runai:index:User",
        "runai:index:AccessRule"}
    state = emulator.state()
    assert [d["name"] for d in state["departments"] if d["name"].startswith("yaml-")] == \
        ["yaml-ml"]
    assert done.outputs["namespace"] == "runai-yaml-vision"
    assert done.outputs["kimTemporaryPassword"]
    emulator.clear_requests()
    for name, (type_, id_, outputs, inputs) in done.resources.items():
        diff = plugin.diff(urn(type_, name), id_, outputs, plugin.check(
            urn(type_, name), inputs, inputs)[0])
        assert diff.changes == "DIFF_NONE", (name, diff)
    assert [r for r in emulator.requests() if r["method"] != "GET"] == []
    assert_bulk_import_matches(plugin, emulator, tmp_path, done)
    for name in reversed(list(done.resources)):
        type_, id_, outputs, _ = done.resources[name]
        plugin.delete(urn(type_, name), id_, outputs)
    assert not [d for d in emulator.state()["departments"] if d["name"].startswith("yaml-")]


def assert_bulk_import_matches(plugin: NativeHost, emulator: EmulatorProcess, tmp_path: Path,
                               done: Deployment) -> None:
    """`pulumi import --file` with `runai-export --format import`'s bulk file: each object,
    read by id alone, gives inputs that Check and Diff (against what was read) leave
    unchanged, which is what the engine requires of an import; nothing is written."""
    bulk = tmp_path / "import.json"
    env = {**plugin_env(), "RUNAI_URL": emulator.url, "RUNAI_CLIENT_ID": emulator.client_id,
           "RUNAI_CLIENT_SECRET": emulator.client_secret}
    subprocess.run([sys.executable, "-m", "pulumi_runai.export", "--format", "import",
                    "--out", str(bulk)], env=env, check=True, timeout=60, capture_output=True)
    entries = json.loads(bulk.read_text())["resources"]
    made = {(type_, id_) for type_, id_, _o, _i in done.resources.values()}
    assert made <= {(e["type"], e["id"]) for e in entries}
    emulator.clear_requests()
    for entry in entries:
        resource = urn(entry["type"], entry["name"])
        read_id, outputs, inputs = plugin.read(resource, entry["id"])
        assert read_id == entry["id"]
        checked, failures = plugin.check(resource, {}, inputs)
        assert failures == [], (entry, failures)
        diff = plugin.diff(resource, read_id, outputs, checked)
        assert diff.changes == "DIFF_NONE", (entry, diff)
    assert [r for r in emulator.requests() if r["method"] != "GET"] == []


@pytest.mark.cli
@pytest.mark.skipif(shutil.which("pulumi") is None,
                    reason="the pulumi CLI is not on PATH (this runs `pulumi up` on the example)")
def test_the_example_with_the_pulumi_cli(emulator: EmulatorProcess, tmp_path: Path) -> None:
    work = tmp_path / "yaml-native"
    shutil.copytree(EXAMPLE, work)
    plugin_dir = (EXAMPLE / program()["plugins"]["providers"][0]["path"]).resolve()
    text = (work / "Pulumi.yaml").read_text().replace("../../provider/plugin", str(plugin_dir))
    (work / "Pulumi.yaml").write_text(text)
    env = {**os.environ, "PULUMI_BACKEND_URL": f"file://{tmp_path}",
           "PULUMI_CONFIG_PASSPHRASE": "test"}

    def pulumi(*args: str) -> str:
        done = subprocess.run(["pulumi", *args, "--non-interactive"], cwd=work, env=env,
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    pulumi("stack", "init", "dev")
    pulumi("config", "set", "runai:url", emulator.url)
    pulumi("config", "set", "runai:clientId", emulator.client_id)
    pulumi("config", "set", "--secret", "runai:clientSecret", emulator.client_secret)
    pulumi("up", "--yes", "--skip-preview")
    pulumi("preview", "--expect-no-changes")
    # forget the access rule, import it by id: the program then matches it exactly
    (rule,) = [r for r in emulator.state()["access_rules"]
               if r.get("subjectId") == "yaml-kim@example.com"]
    pulumi("state", "delete", "--yes",
           "urn:pulumi:dev::runai-yaml-native::runai:index:AccessRule::kimInVision")
    pulumi("import", "runai:index:AccessRule", "kimInVision", str(rule["id"]), "--yes",
           "--protect=false")
    pulumi("preview", "--expect-no-changes")
    pulumi("destroy", "--yes")

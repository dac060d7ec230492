"""`pulumi import --file` with the native provider: the bulk file `runai-export --format import`
writes names objects the plugin reads by id alone into inputs that the program-less import
(Check, then Diff against what was read) accepts without a change, as the engine requires."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml
from pulumi_runai.testing.native_host import NativeHost
from runai_emulator.testing import EmulatorProcess

from .conftest import plugin_env
from .test_yaml_example import EXAMPLE
from .yaml_program import up, urn


def test_every_object_of_the_bulk_file_imports_without_a_change(
    plugin: NativeHost, emulator: EmulatorProcess, tmp_path: Path
) -> None:
    made = up(plugin, yaml.safe_load((EXAMPLE / "Pulumi.yaml").read_text()))
    bulk = tmp_path / "import.json"
    env = {**plugin_env(), "RUNAI_URL": emulator.url, "RUNAI_CLIENT_ID": emulator.client_id,
           "RUNAI_CLIENT_SECRET": emulator.client_secret}
    subprocess.run([sys.executable, "-m", "pulumi_runai.export", "--format", "import",
                    "--out", str(bulk)], env=env, check=True, timeout=60, capture_output=True)
    entries = json.loads(bulk.read_text())["resources"]
    made_ids = {(type_, id_) for type_, id_, _o, _i in made.resources.values()}
    assert made_ids <= {(e["type"], e["id"]) for e in entries}
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

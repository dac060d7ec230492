"""The Python SDK of the native resources (`pulumi_runai_native`): generated from the schema,
checked in, and speaking the plugin's camelCase names on the wire from snake_case Python."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pulumi_runai.native.sdkgen import SDK_DIR, files

PROGRAM = '''
import json
import pulumi

sent = []

class Engine(pulumi.runtime.Mocks):
    def new_resource(self, args):
        sent.append([args.typ, args.inputs])
        outputs = {**args.inputs, "departmentId": "42",
                   "resources": [{"nodePool": "default", "gpu": {"overQuotaWeight": 2}}]}
        return "42", outputs

    def call(self, args):
        sent.append([args.token, args.args])
        return {"id": "c-1", "name": "local"}

pulumi.runtime.set_mocks(Engine(), preview=False)
import pulumi_runai as dynamic
import pulumi_runai_native as runai

cluster = runai.get_cluster(name="local")
ml = runai.Department("ml", cluster_id=cluster.id, name="ml", resources=[
    {"node_pool": "default", "gpu": {"deserved": 1, "over_quota_weight": 2}}])
typed = runai.Department("typed", runai.DepartmentArgs(
    cluster_id="c-1", name="typed",
    resources=[runai.NodePoolQuotaArgs(node_pool="a100", gpu=runai.ResourceQuotaArgs(deserved=2))]))
assert runai.Department is not dynamic.Department

@pulumi.runtime.test
def run():
    # typed entries are read inside apply (Output.all would rebuild them as plain dicts)
    entry = ml.resources.apply(lambda r: [type(r[0]).__name__, r[0].gpu.over_quota_weight])

    def report(values):
        department_id, (entry_type, weight), _typed = values
        print(json.dumps({"sent": sent, "department_id": department_id, "weight": weight,
                          "entry_type": entry_type}))
    # after both registrations (reporting on `ml` alone raced the second one)
    return pulumi.Output.all(ml.department_id, entry, typed.id).apply(report)

run()
'''


def test_the_checked_in_sdk_is_the_generated_one() -> None:
    wanted = files()
    present = {p.name for p in SDK_DIR.iterdir() if p.is_file()}
    assert present == set(wanted), "python -m pulumi_runai.native.sdkgen rewrites the SDK"
    stale = [name for name, text in wanted.items() if (SDK_DIR / name).read_text() != text]
    assert stale == [], f"stale SDK files {stale}: run python -m pulumi_runai.native.sdkgen"


def test_a_program_sends_native_names_and_reads_typed_outputs(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert ["runai:index:getCluster", {"name": "local"}] in found["sent"]
    assert ["runai:index:Department", {"clusterId": "c-1", "name": "ml", "resources": [
        {"nodePool": "default", "gpu": {"deserved": 1.0, "overQuotaWeight": 2.0}}]}] \
        in found["sent"]
    assert ["runai:index:Department", {"clusterId": "c-1", "name": "typed", "resources": [
        {"nodePool": "a100", "gpu": {"deserved": 2.0}}]}] in found["sent"]
    assert found["department_id"] == "42" and found["weight"] == 2
    assert found["entry_type"] == "NodePoolQuota"

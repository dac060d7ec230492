"""The pack as the engine runs it: ``policy/__main__.py`` as a process, spoken to over gRPC."""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import grpc
import pytest
from google.protobuf import empty_pb2, struct_pb2
from pulumi.runtime.proto import analyzer_pb2, analyzer_pb2_grpc
from pulumi_policy.proxy import UNKNOWN_NUMBER_VALUE, UNKNOWN_STRING_VALUE
from pulumi_runai.policies import tokens

PACK_DIR = Path(__file__).resolve().parents[2] / "policy"
SECRET_PROVIDER = {
    "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
    "value": "gASVpickled",
}


def struct(value: dict[str, Any]) -> struct_pb2.Struct:
    s = struct_pb2.Struct()
    s.update(value)
    return s


def urn(type_: str, name: str) -> str:
    return f"urn:pulumi:dev::runai::{type_}::{name}"


@pytest.fixture
def analyzer() -> Iterator[analyzer_pb2_grpc.AnalyzerStub]:
    env = dict(os.environ, PULUMI_PROJECT="runai", PULUMI_STACK="dev", PULUMI_DRY_RUN="true")
    proc = subprocess.Popen(
        [sys.executable, "-u", "__main__.py", "127.0.0.1:0"],
        cwd=PACK_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    try:
        line = proc.stdout.readline().decode().strip()  # PolicyPack prints its port when serving
        assert line.isdigit(), f"pack did not start: {line!r} {proc.stderr.read().decode()}"
        with grpc.insecure_channel(f"127.0.0.1:{line}") as channel:
            grpc.channel_ready_future(channel).result(timeout=15)
            yield analyzer_pb2_grpc.AnalyzerStub(channel)
    finally:
        proc.terminate()
        proc.wait(10)
        proc.stdout.close()
        proc.stderr.close()


def levels(response: Any) -> list[tuple[str, int]]:
    return [(d.policyName, d.enforcementLevel) for d in response.diagnostics]


def project(name: str, gpu: Any, department_id: Any = "7") -> dict[str, Any]:
    return {
        "name": name,
        "cluster_id": "local",
        "department_id": department_id,
        "resources": [{"node_pool": "default", "gpu": {"deserved": gpu, "limit": gpu}}],
        "__provider": SECRET_PROVIDER,
    }


def test_engine_sees_every_policy_mandatory_with_its_config_schema(analyzer: Any) -> None:
    info = analyzer.GetAnalyzerInfo(empty_pb2.Empty())
    assert info.name == "runai-guardrails"
    policies = {p.name: p for p in info.policies}
    assert set(policies) == {
        "runai-department-quota-covers-projects",
        "runai-project-gpu-quota",
        "runai-project-has-department",
        "runai-user-email-domain",
        "runai-admin-role-subjects",
        "runai-access-rule-scope",
        "runai-resource-naming",
        "runai-service-account-roles",
        "runai-project-policy-within-department",
    }
    assert {p.enforcementLevel for p in info.policies} == {analyzer_pb2.MANDATORY}
    schema = policies["runai-project-gpu-quota"].configSchema.properties
    assert schema["maxDeservedGpu"]["default"] == 8
    assert (
        policies["runai-department-quota-covers-projects"].policy_type
        == analyzer_pb2.POLICY_TYPE_STACK
    )


def test_configured_pack_reports_violations_at_their_levels(analyzer: Any) -> None:
    analyzer.Configure(
        analyzer_pb2.ConfigureAnalyzerRequest(
            policyConfig={
                "runai-project-gpu-quota": analyzer_pb2.PolicyConfig(
                    enforcementLevel=analyzer_pb2.MANDATORY,
                    properties=struct({"maxDeservedGpu": 4}),
                ),
                "runai-resource-naming": analyzer_pb2.PolicyConfig(
                    enforcementLevel=analyzer_pb2.ADVISORY
                ),
            }
        )
    )
    type_ = tokens.PROJECT
    ok = analyzer.Analyze(
        analyzer_pb2.AnalyzeRequest(
            type=type_, urn=urn(type_, "a"), name="a", properties=struct(project("team-a", 4))
        )
    )
    assert levels(ok) == []
    bad = analyzer.Analyze(
        analyzer_pb2.AnalyzeRequest(
            type=type_, urn=urn(type_, "b"), name="b", properties=struct(project("Team_B", 6))
        )
    )
    assert sorted(levels(bad)) == [
        ("runai-project-gpu-quota", analyzer_pb2.MANDATORY),
        ("runai-resource-naming", analyzer_pb2.ADVISORY),
    ]
    quota = next(d for d in bad.diagnostics if d.policyName == "runai-project-gpu-quota")
    assert (
        "project 'Team_B' deserves 6 GPUs (default 6), more than the maximum of 4" in quota.message
    )


def test_unknowns_during_preview_give_no_violation_and_no_skip_notice(analyzer: Any) -> None:
    props = project(UNKNOWN_STRING_VALUE, UNKNOWN_NUMBER_VALUE, department_id=UNKNOWN_STRING_VALUE)
    response = analyzer.Analyze(
        analyzer_pb2.AnalyzeRequest(
            type=tokens.PROJECT, urn=urn(tokens.PROJECT, "p"), name="p", properties=struct(props)
        )
    )
    assert list(response.diagnostics) == []


def test_stack_check_links_a_new_project_to_its_department(analyzer: Any) -> None:
    dept_urn = urn(tokens.DEPARTMENT, "research")
    department = {
        "name": "research",
        "cluster_id": "local",
        "department_id": UNKNOWN_STRING_VALUE,
        "resources": [{"node_pool": "default", "gpu": {"deserved": 2}}],
    }
    links = {"department_id": analyzer_pb2.AnalyzerPropertyDependencies(urns=[dept_urn])}
    response = analyzer.AnalyzeStack(
        analyzer_pb2.AnalyzeStackRequest(
            resources=[
                analyzer_pb2.AnalyzerResource(
                    type=tokens.DEPARTMENT,
                    urn=dept_urn,
                    name="research",
                    properties=struct(department),
                ),
                analyzer_pb2.AnalyzerResource(
                    type=tokens.PROJECT,
                    urn=urn(tokens.PROJECT, "team-a"),
                    name="team-a",
                    properties=struct(project("team-a", 3, department_id=UNKNOWN_STRING_VALUE)),
                    dependencies=[dept_urn],
                    propertyDependencies=links,
                ),
            ]
        )
    )
    [diagnostic] = response.diagnostics
    assert diagnostic.enforcementLevel == analyzer_pb2.MANDATORY
    assert diagnostic.urn == dept_urn
    assert "projects deserve 3 GPUs of gpu in total (team-a 3 GPUs)" in diagnostic.message

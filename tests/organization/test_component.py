"""The component without a tenant: what it registers, in which order, and when it refuses."""

from __future__ import annotations

import threading
from typing import Any

import pulumi
import pytest
from pulumi_runai.organization import TYPE_TOKEN, DescriptionError, Organization

CLUSTER = "b5ac1569-90f9-4e31-9d17-a484dd036251"


class Recorder(pulumi.runtime.Mocks):
    """Registrations in order; ids are `<name>-id` so links can be asserted."""

    def __init__(self) -> None:
        self.registered: list[pulumi.runtime.MockResourceArgs] = []
        self.lock = threading.Lock()

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[Any, Any]]:
        with self.lock:
            self.registered.append(args)
        return f"{args.name}-id", dict(args.inputs)

    def call(self, args: pulumi.runtime.MockCallArgs) -> tuple[dict[Any, Any], None]:
        return {}, None


@pytest.fixture
def mocks() -> Recorder:
    recorder = Recorder()
    pulumi.runtime.set_mocks(recorder, preview=False)
    return recorder


def _description(**extra: Any) -> dict[str, Any]:
    pool = [{"node_pool": "a100", "gpu": {"deserved": 2, "over_quota_weight": 3}}]
    return {
        "cluster_id": CLUSTER,
        "departments": [{"name": "research", "resources": pool,
                         "projects": [{"name": "vision", "resources": pool}]}],
        "users": [{"email": "ada@example.com"}],
        "access": [{"user": "ada@example.com", "role": "Viewer", "project": "vision"}],
        **extra,
    }


@pulumi.runtime.test
def test_builds_each_kind_linked_by_id_and_exposed_by_name(mocks: Recorder) -> Any:
    org = Organization("org", _description(), known_roles={"Viewer"})
    rule = org.access_rules["ada@example.com as Viewer on project vision"]

    def check(values: list[Any]) -> None:
        dept_id, project_dept, scope_id, subject, summary = values
        assert project_dept == dept_id == "org-research-id"
        assert scope_id == "org-vision-id" and subject == "ada@example.com"
        assert summary["projects"] == {"vision": "org-vision-id"}
        kinds = {a.name: a.typ for a in mocks.registered}
        assert kinds["org"] == TYPE_TOKEN
        assert kinds["org-vision"] == "pulumi-python:dynamic/runai:Project"
        project_inputs = next(a.inputs for a in mocks.registered if a.name == "org-vision")
        assert project_inputs["resources"] == [
            {"node_pool": "a100", "gpu": {"deserved": 2, "over_quota_weight": 3}}
        ]
        assert project_inputs["cluster_id"] == CLUSTER

    return pulumi.Output.all(
        org.departments["research"].id,
        org.projects["vision"].department_id,
        rule.scope_id,
        rule.subject_id,
        org.summary(),
    ).apply(check)


def test_an_invalid_description_registers_nothing(mocks: Recorder) -> None:
    bad = _description(access=[{"user": "ada@example.com", "role": "Viewr", "project": "vison"}])
    with pytest.raises(DescriptionError) as info:
        Organization("org", bad, known_roles={"Viewer"})
    assert [p.path for p in info.value.problems] == ["access[0].role", "access[0].project"]
    assert mocks.registered == []


def test_from_yaml_names_the_file_in_errors(mocks: Recorder, tmp_path: Any) -> None:
    path = tmp_path / "org.yaml"
    path.write_text("cluster_id: x\ndepartments:\n  - name: research\n    projects: {}\n", "utf-8")
    with pytest.raises(DescriptionError, match=r"org.yaml: departments\[0\]\.projects: expected"):
        Organization.from_yaml(path, known_roles=())
    assert mocks.registered == []


def test_without_a_reachable_tenant_roles_are_checked_against_the_standard_ones(
    mocks: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("RUNAI_URL", "RUNAI_CLIENT_ID", "RUNAI_CLIENT_SECRET"):
        monkeypatch.delenv(var, raising=False)
    Organization("org", _description())  # Viewer is a predefined role
    custom = _description(access=[{"user": "ada@example.com", "role": "Quota admin",
                                   "project": "vision"}])
    with pytest.raises(DescriptionError, match="role 'Quota admin' does not exist"):
        Organization("other", custom)

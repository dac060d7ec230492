"""The component without a tenant: what it registers, in which order, and when it refuses."""

from __future__ import annotations

import threading
from typing import Any

import pulumi
import pytest
from pulumi.runtime.mocks import MockMonitor
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


class DependencyRecorder(MockMonitor):
    """The property dependencies of each registration: what the engine replaces dependents by."""

    def __init__(self, mocks: pulumi.runtime.Mocks) -> None:
        super().__init__(mocks)
        self.depends: dict[str, dict[str, set[str]]] = {}

    def RegisterResource(self, request: Any) -> Any:  # the gRPC method, named by the SDK
        self.depends[request.name] = {
            prop: {urn.rsplit("::", 1)[-1] for urn in deps.urns}
            for prop, deps in request.propertyDependencies.items()
        }
        return super().RegisterResource(request)


@pulumi.runtime.test
def test_a_rule_takes_its_subject_and_scope_from_the_resources_it_names() -> Any:
    """Issue 12, kind 3: a rule must follow its user, project or department when they are
    replaced. The engine replaces a resource's dependents by *property* dependency (depends_on
    only orders), so the rule's subject_id comes from the User's `email` output, in the case
    the user was declared with, and its scope_id from the project's id."""
    monitor = DependencyRecorder(Recorder())
    pulumi.runtime.set_mocks(monitor.mocks, preview=False, monitor=monitor)
    description = _description()
    description["access"][0]["user"] = "Ada@Example.com"
    org = Organization("org", description, known_roles={"Viewer"})
    rule = org.access_rules["ada@example.com as Viewer on project vision"]

    def check(subject: str) -> None:
        assert subject == "ada@example.com"
        depends = monitor.depends["org-ada@example.com-viewer-project-vision"]
        assert depends["subject_id"] == {"org-ada@example.com"}
        assert depends["scope_id"] == {"org-vision"}

    return rule.subject_id.apply(check)

"""Stand-in Run:ai resources with the real type tokens, for the deployment-stopping test.

They echo their inputs (no API): what matters here is that the engine-faithful harness runs
them through the real dynamic host and consults the policy pack before each step. The host
imports this module by reference, so the test puts this directory on its PYTHONPATH.
"""

import uuid
from typing import Any

import pulumi
from pulumi.dynamic import CreateResult, Resource, ResourceProvider


class _EchoProvider(ResourceProvider):
    """Creates nothing; the id is also written to ``<kind>_id`` like the real outputs."""

    def __init__(self, id_key: str) -> None:
        self.id_key = id_key

    def create(self, props: dict[str, Any]) -> CreateResult:
        new_id = uuid.uuid4().hex[:8]
        return CreateResult(id_=new_id, outs={**props, self.id_key: new_id})


class Department(Resource, module="runai", name="Department"):
    department_id: pulumi.Output[str]

    def __init__(self, name: str, props: dict[str, Any]) -> None:
        super().__init__(_EchoProvider("department_id"), name, {**props, "department_id": None})


class Project(Resource, module="runai", name="Project"):
    project_id: pulumi.Output[str]

    def __init__(self, name: str, props: dict[str, Any]) -> None:
        super().__init__(_EchoProvider("project_id"), name, {**props, "project_id": None})

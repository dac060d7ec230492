"""The organisation program the suites over both providers deploy: one text for both SDKs,
which take the same Python names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_runai
import pulumi_runai_native
from pulumi_runai.native.names import to_camel

SDKS = {"dynamic": pulumi_runai, "native": pulumi_runai_native}


def key(sdk: Any, name: str) -> str:
    """An output's name in state: the dynamic provider's, or the native camelCase one."""
    return to_camel(name) if sdk is pulumi_runai_native else name


def org(sdk: Any, *, project: str = "vision", gpu: int = 2, adopt: bool = False,
        import_: str | None = None, dept_gpu: int = 4) -> Callable[[], None]:
    """A department, a project in it, a user and the user's access rule to the project."""

    def program() -> None:
        cluster = sdk.get_cluster(name="local").id
        ml = sdk.Department("ml", name="ml", cluster_id=cluster, adopt=adopt, resources=[
            {"node_pool": "default", "gpu": {"deserved": dept_gpu}}],
            opts=pulumi.ResourceOptions(import_=import_))
        vision = sdk.Project("vision", name=project, cluster_id=cluster,
                             department_id=ml.department_id,
                             resources=[{"node_pool": "default", "gpu": {"deserved": gpu}}])
        kim = sdk.User("kim", email="kim@example.com")
        sdk.AccessRule("kim-vision", subject_type="user", subject_id=kim.email,
                       role_name="L1 researcher", scope_type="project",
                       scope_id=vision.project_id)
        pulumi.export("password", kim.temp_password)

    return program

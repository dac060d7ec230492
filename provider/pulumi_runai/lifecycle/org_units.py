"""Departments and projects: quotas name node pools, the PUT sends the full body, and a
project is waited for (Ready after create, gone after delete)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Protocol

from pulumi_runai.client import RunaiClient
from pulumi_runai.errors import WaitTimeout
from pulumi_runai.lifecycle._base import Context, KindModel, Lifecycle, changed_values
from pulumi_runai.models import department as department_model
from pulumi_runai.models import project as project_model
from pulumi_runai.models import quotas
from pulumi_runai.models.quotas import PoolResolver
from pulumi_runai.models.validation import Failure, contains_unknown
from pulumi_runai.services import Departments, Projects
from pulumi_runai.services._org_unit import OrgUnits

__all__ = ["DEPARTMENT", "PROJECT", "DepartmentLifecycle", "ProjectLifecycle"]


class OrgUnitModel(KindModel, Protocol):
    """The org-unit part of a model module (department or project)."""

    def to_create_body(
        self, inputs: Mapping[str, Any], resolve_pool: PoolResolver
    ) -> dict[str, Any]: ...
    def to_update_body(
        self, inputs: Mapping[str, Any], old_outputs: Mapping[str, Any], resolve_pool: PoolResolver
    ) -> dict[str, Any]: ...
    def to_outputs(self, api: Mapping[str, Any], inputs: Mapping[str, Any]) -> dict[str, Any]: ...


def _pool_names(inputs: Mapping[str, Any]) -> list[tuple[int, Any]]:
    entries = inputs.get("resources")
    if not isinstance(entries, list):
        return []
    return [(i, e.get("node_pool")) for i, e in enumerate(entries) if isinstance(e, Mapping)]


class OrgUnitLifecycle(Lifecycle):
    """Create/adopt/update/delete over an `OrgUnits` service."""

    model: ClassVar[OrgUnitModel]
    service_class: ClassVar[type[OrgUnits]]

    def service(self, client: RunaiClient) -> OrgUnits:
        return self.service_class(client)

    def check_names(
        self, ctx: Context, old_inputs: Mapping[str, Any], inputs: Mapping[str, Any]
    ) -> list[Failure]:
        cluster_id = inputs.get("cluster_id")
        if cluster_id is None or contains_unknown(cluster_id):
            return []
        failures: list[Failure] = []
        if changed_values(old_inputs, inputs, "cluster_id") is not None:
            failures += ctx.names.check_cluster("cluster_id", str(cluster_id))
            if failures:
                return failures
        same_cluster = old_inputs.get("cluster_id") == cluster_id
        known = {name for _, name in _pool_names(old_inputs)} if same_cluster else set()
        for index, name in _pool_names(inputs):
            if isinstance(name, str) and not contains_unknown(name) and name not in known:
                failures += ctx.names.check_node_pool(
                    f"resources[{index}].node_pool", str(cluster_id), name
                )
        return failures

    def _resolver(self, ctx: Context, cluster_id: str) -> PoolResolver:
        return lambda name: ctx.names.node_pool_id(cluster_id, name)

    def post(self, ctx: Context, inputs: dict[str, Any]) -> dict[str, Any]:
        body = self.model.to_create_body(inputs, self._resolver(ctx, inputs["cluster_id"]))
        return self.service(ctx.client).create(body)

    def find(self, ctx: Context, inputs: Mapping[str, Any]) -> dict[str, Any] | None:
        key = {"clusterId": inputs["cluster_id"], "name": inputs["name"]}
        return self.service(ctx.client).find(key)

    def get(self, ctx: Context, object_id: str) -> dict[str, Any]:
        return self.service(ctx.client).get(object_id)

    def remove(self, ctx: Context, object_id: str) -> None:
        self.service(ctx.client).delete(object_id)

    def outputs(
        self, api: Mapping[str, Any], inputs: Mapping[str, Any], old_outputs: Mapping[str, Any]
    ) -> dict[str, Any]:
        return self.model.to_outputs(api, inputs)

    def update(
        self, ctx: Context, object_id: str, old_outputs: Mapping[str, Any],
        inputs: dict[str, Any],
    ) -> dict[str, Any]:
        """A change of quotas alone is one PATCH of the entries the program manages, so every
        field it leaves unset (a rank, an over-quota weight, a pool it does not name) stays as
        the server holds it now. Other changes go through `put`."""
        if list(self.model.diff(old_outputs, inputs)[0]) != ["resources"]:
            return super().update(ctx, object_id, old_outputs, inputs)
        cluster_id = str(old_outputs["cluster_id"])
        entries = quotas.patch_entries(inputs["resources"], old_outputs.get("resources"))
        merged = self.service(ctx.client).patch_resources(
            object_id, quotas.to_api(entries, self._resolver(ctx, cluster_id))
        )
        return {**old_outputs, "resources": quotas.from_api(merged), "adopt": inputs["adopt"]}

    def put(
        self, ctx: Context, object_id: str, old_outputs: Mapping[str, Any],
        inputs: Mapping[str, Any],
    ) -> dict[str, Any]:
        """A full PUT resets what it omits (docs/emulator.md, putOmitted), and the state may
        be older than a change made by hand: read the object, then send back what the
        program does not manage as it is now."""
        live = self.model.to_outputs(self.service(ctx.client).get(object_id), inputs)
        return self._put_over(ctx, object_id, live, inputs)

    def _put_over(
        self, ctx: Context, object_id: str, live: Mapping[str, Any], inputs: Mapping[str, Any]
    ) -> dict[str, Any]:
        cluster_id = inputs.get("cluster_id") or live["cluster_id"]
        body = self.model.to_update_body(inputs, live, self._resolver(ctx, cluster_id))
        return self.service(ctx.client).update(object_id, body)

    def adopt(
        self, ctx: Context, existing: dict[str, Any], inputs: dict[str, Any]
    ) -> dict[str, Any]:
        """Bring the adopted object to the program's state with one PUT (if it differs)."""
        live = self.model.to_outputs(existing, inputs)
        if not self.model.diff(live, inputs)[0]:
            return existing
        return self._put_over(ctx, str(existing["id"]), live, inputs)


class DepartmentLifecycle(OrgUnitLifecycle):
    """Departments are synchronous in the API: no phase to wait for."""

    model: ClassVar[OrgUnitModel] = department_model
    service_class = Departments


class ProjectLifecycle(OrgUnitLifecycle):
    """Projects: create waits for `Ready` and delete for 404, each bounded by the context's
    wait timeout (stack config `runai:waitTimeout`, default 300 s)."""

    model: ClassVar[OrgUnitModel] = project_model
    service_class = Projects

    def post(self, ctx: Context, inputs: dict[str, Any]) -> dict[str, Any]:
        return self._ready(ctx, super().post(ctx, inputs))

    def adopt(
        self, ctx: Context, existing: dict[str, Any], inputs: dict[str, Any]
    ) -> dict[str, Any]:
        return self._ready(ctx, super().adopt(ctx, existing, inputs))

    def _ready(self, ctx: Context, project: dict[str, Any]) -> dict[str, Any]:
        if (project.get("status") or {}).get("phase") in (None, project_model.READY):
            return project
        try:
            return Projects(ctx.client).wait_ready(str(project["id"]), ctx.wait_timeout)
        except WaitTimeout as exc:
            # A failed create leaves nothing in the Pulumi state: say how to pick it up again.
            raise WaitTimeout(
                f"{exc}. The project exists in Run:ai (id {project['id']}): run the update "
                "again with adopt set (adopt=True, or `adopt: true` in org.yaml) to take it "
                "over, or delete it"
            ) from None

    def remove(self, ctx: Context, object_id: str) -> None:
        projects = Projects(ctx.client)
        projects.delete(object_id)
        projects.wait_deleted(object_id, ctx.wait_timeout)


DEPARTMENT = DepartmentLifecycle()
PROJECT = ProjectLifecycle()

"""Provider behaviour departments and projects share: quotas name node pools, PUT is full."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar, Protocol

from pulumi_runai.client import RunaiClient
from pulumi_runai.models.quotas import PoolResolver
from pulumi_runai.resources._provider_base import KindModel, RunaiProvider
from pulumi_runai.services import NodePools
from pulumi_runai.services._org_unit import OrgUnits


class OrgUnitModel(KindModel, Protocol):
    """The org-unit part of a model module (department or project)."""

    def to_create_body(
        self, inputs: Mapping[str, Any], resolve_pool: PoolResolver
    ) -> dict[str, Any]: ...
    def to_update_body(
        self, inputs: Mapping[str, Any], old_outputs: Mapping[str, Any], resolve_pool: PoolResolver
    ) -> dict[str, Any]: ...
    def to_outputs(self, api: Mapping[str, Any], inputs: Mapping[str, Any]) -> dict[str, Any]: ...


def pool_resolver(runai: RunaiClient, cluster_id: str) -> Callable[[str], str]:
    """Node pool name → id through the services' per-process cache (one list per cluster)."""
    pools = NodePools(runai)
    return lambda name: str(pools.by_name(cluster_id, name)["id"])


class OrgUnitProvider(RunaiProvider):
    """Create/adopt/update/delete over an `OrgUnits` service."""

    model: ClassVar[OrgUnitModel]
    service_class: ClassVar[type[OrgUnits]]

    def service(self, runai: RunaiClient) -> OrgUnits:
        return self.service_class(runai)

    def _post(self, runai: RunaiClient, inputs: dict[str, Any]) -> dict[str, Any]:
        body = self.model.to_create_body(inputs, pool_resolver(runai, inputs["cluster_id"]))
        return self.service(runai).create(body)

    def _find(self, runai: RunaiClient, inputs: dict[str, Any]) -> dict[str, Any] | None:
        return self.service(runai).find(inputs["cluster_id"], inputs["name"])

    def _get(self, runai: RunaiClient, id_: str) -> dict[str, Any]:
        return self.service(runai).get(id_)

    def _delete(self, runai: RunaiClient, id_: str) -> None:
        self.service(runai).delete(id_)

    def _outputs(
        self, api: dict[str, Any], inputs: Mapping[str, Any], old_outputs: Mapping[str, Any]
    ) -> dict[str, Any]:
        return self.model.to_outputs(api, inputs)

    def _put(
        self, runai: RunaiClient, id_: str, olds: dict[str, Any], inputs: dict[str, Any]
    ) -> dict[str, Any]:
        cluster_id = inputs.get("cluster_id") or olds["cluster_id"]
        body = self.model.to_update_body(inputs, olds, pool_resolver(runai, cluster_id))
        return self.service(runai).update(id_, body)

    def _adopt(
        self, runai: RunaiClient, existing: dict[str, Any], inputs: dict[str, Any]
    ) -> dict[str, Any]:
        """Bring the adopted object to the program's state with one PUT (if it differs)."""
        live = self.model.to_outputs(existing, inputs)
        if not self.model.diff(live, inputs)[0]:
            return existing
        return self._put(runai, str(existing["id"]), live, inputs)

"""Workload policies: no POST and no id, so the type and the scope are the identity.

Create refuses to overwrite a policy that already exists in the scope (a PUT would silently
replace someone's policy) unless `adopt` is set; update and adopt write the whole body with PUT.
The resource id is `<workload_type>/<scope_type>[/<scope_id>]`; answers are tagged here with
their workload type and `meta.id`, which the API's body does not carry at the top.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from pulumi_runai._http import join_path
from pulumi_runai.errors import Conflict
from pulumi_runai.lifecycle._base import Context, KindModel, Lifecycle
from pulumi_runai.models import workload_policy as policy_model
from pulumi_runai.services import WorkloadPolicies
from pulumi_runai.services.workload_policies import PATH as POLICY_PATH

__all__ = ["WORKLOAD_POLICY", "WorkloadPolicyLifecycle"]

_TYPE = "workloadType"


def _tagged(answer: Mapping[str, Any], workload_type: str) -> dict[str, Any]:
    """The answer with its workload type and its `meta.id` as `id` (for conflict messages)."""
    return {**answer, _TYPE: workload_type, "id": (answer.get("meta") or {}).get("id")}


def _scope(inputs: Mapping[str, Any]) -> dict[str, str]:
    return policy_model.scope_query(inputs["scope_type"], inputs.get("scope_id"))


class WorkloadPolicyLifecycle(Lifecycle):
    model: ClassVar[KindModel] = policy_model

    def post(self, ctx: Context, inputs: dict[str, Any]) -> dict[str, Any]:
        workload_type = inputs["workload_type"]
        if self.find(ctx, inputs) is not None:
            raise Conflict(409, "a policy exists in this scope", method="PUT",
                           path=join_path(POLICY_PATH, workload_type))
        return self._write(ctx, inputs, policy_model.default_name(inputs))

    def adopt(
        self, ctx: Context, existing: dict[str, Any], inputs: dict[str, Any]
    ) -> dict[str, Any]:
        live = policy_model.to_outputs(existing, inputs["workload_type"], inputs)
        if not policy_model.diff(live, inputs)[0]:
            return existing  # already as the program says: adopting writes nothing
        name = inputs.get("name") or live["name"]
        return self._write(ctx, inputs, str(name or policy_model.default_name(inputs)))

    def _write(self, ctx: Context, inputs: Mapping[str, Any], name: str) -> dict[str, Any]:
        workload_type = inputs["workload_type"]
        body = policy_model.to_body(inputs, inputs.get("name") or name)
        return _tagged(WorkloadPolicies(ctx.client).put(workload_type, body), workload_type)

    def find(self, ctx: Context, inputs: Mapping[str, Any]) -> dict[str, Any] | None:
        workload_type = inputs["workload_type"]
        found = WorkloadPolicies(ctx.client).find(workload_type, _scope(inputs))
        return None if found is None else _tagged(found, workload_type)

    def get(self, ctx: Context, object_id: str) -> dict[str, Any]:
        workload_type, scope_type, scope_id = policy_model.parse_id(object_id)
        scope = policy_model.scope_query(scope_type, scope_id)
        return _tagged(WorkloadPolicies(ctx.client).get(workload_type, scope), workload_type)

    def put(
        self, ctx: Context, object_id: str, old_outputs: Mapping[str, Any],
        inputs: Mapping[str, Any],
    ) -> dict[str, Any]:
        name = old_outputs.get("name") or policy_model.default_name(inputs)
        return self._write(ctx, inputs, str(name))

    def remove(self, ctx: Context, object_id: str) -> None:
        workload_type, scope_type, scope_id = policy_model.parse_id(object_id)
        scope = policy_model.scope_query(scope_type, scope_id)
        WorkloadPolicies(ctx.client).delete(workload_type, scope)

    def outputs(
        self, api: Mapping[str, Any], inputs: Mapping[str, Any], old_outputs: Mapping[str, Any]
    ) -> dict[str, Any]:
        return policy_model.to_outputs(api, str(api[_TYPE]), inputs)

    def object_id(self, api: Mapping[str, Any]) -> str:
        outputs = policy_model.to_outputs(api, str(api[_TYPE]), {})
        return policy_model.object_id(
            str(api[_TYPE]), str(outputs["scope_type"]), outputs["scope_id"]
        )


WORKLOAD_POLICY = WorkloadPolicyLifecycle()

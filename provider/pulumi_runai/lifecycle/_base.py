"""The lifecycle every kind shares: check, plan, create or adopt, read, update, delete.

Plain Python over the services (no Pulumi import): the dynamic providers in
`pulumi_runai.resources` call it, and so can any other glue. A kind subclasses `Lifecycle` and
fills in only what is its own (its API bodies, a readiness wait, a create-only answer).

Rules kept here, once for every kind:
* check resolves the names that changed since the last up (`_names`), so an unknown role or
  node pool fails the preview with the known names listed, and a no-op up makes no call;
* a replacement deletes first whenever any unique key of the kind keeps its value;
* a 409 on create is "already exists" only when the natural-key lookup finds the object;
  otherwise the server's reason reaches the user (`_conflicts`);
* an object adopted during this process is never deleted by the same process: that is the
  old resource of a rename, and deleting it would leave the adopting resource with a dead id;
* a change of create-only inputs is recorded without any call.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar, Protocol

from pulumi_runai.client import RunaiClient, register_reset_hook
from pulumi_runai.errors import Conflict, NotFound
from pulumi_runai.lifecycle._conflicts import explain_conflict
from pulumi_runai.lifecycle._names import Names
from pulumi_runai.models.fields import Diff
from pulumi_runai.models.kind import KindSpec
from pulumi_runai.models.validation import Failure, contains_unknown

__all__ = ["ADOPTION_KEY", "DEFAULT_WAIT_TIMEOUT", "Context", "KindModel", "Lifecycle", "Plan"]

log = logging.getLogger("pulumi_runai")

DEFAULT_WAIT_TIMEOUT = 300.0
"""Seconds an object may take to become ready (or to disappear after delete). Override with
stack config `runai:waitTimeout` or env `RUNAI_WAIT_TIMEOUT`."""


class KindModel(Protocol):
    """What a `pulumi_runai.models.<kind>` module offers to its lifecycle."""

    @property
    def SPEC(self) -> KindSpec: ...

    def validate(self, inputs: Mapping[str, Any]) -> list[Failure]: ...
    def clean(self, inputs: Mapping[str, Any]) -> dict[str, Any]: ...
    def diff(self, old_outputs: Mapping[str, Any], new_inputs: Mapping[str, Any]) -> Diff: ...
    def to_inputs(
        self, api: Mapping[str, Any], old_inputs: Mapping[str, Any]
    ) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Context:
    """What one call needs from outside: the client (made only when a call needs it) and the
    wait bound in seconds."""

    make_client: Callable[[], RunaiClient]
    wait_timeout: float = DEFAULT_WAIT_TIMEOUT

    @cached_property
    def client(self) -> RunaiClient:
        return self.make_client()

    @cached_property
    def names(self) -> Names:
        return Names(self.client)


@dataclass(frozen=True)
class Plan:
    """What a diff decided: the changed inputs, those that need a replacement, and whether the
    old object must go first (a unique key keeps its value)."""

    changed: tuple[str, ...]
    replaces: tuple[str, ...]
    delete_before_replace: bool


ADOPTION_KEY = "__adoption"
"""Hidden output naming the adoption that produced a resource's state (see `_adoptions`)."""

_adoptions_lock = threading.Lock()
_adoptions: dict[tuple[str, str, str], str] = {}
register_reset_hook(_adoptions.clear)


def _remember_adoption(url: str, kind: str, object_id: str) -> str:
    """Record that this process adopted the object; the token marks the adopter's outputs."""
    token = uuid.uuid4().hex
    with _adoptions_lock:
        _adoptions[(url, kind, object_id)] = token
    return token


def _adopted_by_another(
    url: str, kind: str, object_id: str, outputs: Mapping[str, Any]
) -> bool:
    """True when this process adopted the object for a resource other than the one whose
    outputs are given: deleting it would pull it from under the adopter."""
    with _adoptions_lock:
        token = _adoptions.get((url, kind, object_id))
    return token is not None and outputs.get(ADOPTION_KEY) != token


class Lifecycle:
    """One kind's lifecycle; subclasses set `model` and implement the hooks below."""

    model: ClassVar[KindModel]

    @property
    def spec(self) -> KindSpec:
        return self.model.SPEC

    # ---- check and plan (no call unless a changed name must be resolved) -------------------

    def check(
        self, ctx: Context, old_inputs: Mapping[str, Any], news: Mapping[str, Any]
    ) -> tuple[dict[str, Any], list[Failure]]:
        """The cleaned inputs and every problem; names are resolved only for valid inputs."""
        inputs = self.model.clean(news)
        failures = self.model.validate(news)
        if not failures:
            failures = self.check_names(ctx, old_inputs, inputs)
        return inputs, failures

    def check_names(
        self, ctx: Context, old_inputs: Mapping[str, Any], inputs: Mapping[str, Any]
    ) -> list[Failure]:
        """Failures for names (in `inputs` but not in `old_inputs`) the tenant does not know."""
        return []

    def plan(self, old_outputs: Mapping[str, Any], new_inputs: Mapping[str, Any]) -> Plan:
        changed, replaces = self.model.diff(old_outputs, new_inputs)
        delete_first = bool(replaces) and self.spec.delete_before_replace(new_inputs, changed)
        return Plan(tuple(changed), tuple(replaces), delete_first)

    # ---- create, read, update, delete -------------------------------------------------------

    def create(self, ctx: Context, inputs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """(id, outputs) of the object made, or adopted when `adopt` is set and it exists."""
        if inputs.get("adopt"):
            existing = self.find(ctx, inputs)
            if existing is not None:
                api = self.adopt(ctx, existing, inputs)
                object_id = self.object_id(api)
                token = _remember_adoption(ctx.client.settings.url, self.spec.name, object_id)
                return object_id, {**self.outputs(api, inputs, {}), ADOPTION_KEY: token}
        try:
            api = self.post(ctx, inputs)
        except Conflict as exc:
            found = lambda: self.find(ctx, inputs)  # noqa: E731
            raise explain_conflict(self.spec, inputs, exc, found) from None
        return self.object_id(api), self.outputs(api, inputs, {})

    def read(
        self, ctx: Context, object_id: str, old_outputs: Mapping[str, Any],
        old_inputs: Mapping[str, Any],
    ) -> tuple[str, dict[str, Any], dict[str, Any]] | None:
        """(id, outputs, inputs in the program's shape) of the live object; None if gone."""
        try:
            api = self.get(ctx, object_id)
        except NotFound:
            return None
        return (
            self.object_id(api),
            self.outputs(api, old_inputs, old_outputs),
            self.model.to_inputs(api, old_inputs),
        )

    def update(
        self, ctx: Context, object_id: str, old_outputs: Mapping[str, Any],
        inputs: dict[str, Any],
    ) -> dict[str, Any]:
        """The outputs after bringing the object to `inputs`; create-only changes make no
        call (they are recorded in the outputs only)."""
        changed = self.model.diff(old_outputs, inputs)[0]
        create_only = {f.name for f in self.spec.fields if f.create_only}
        if set(changed) <= create_only:
            recorded = {k: inputs.get(k) for k in (*create_only, "adopt") if k in inputs}
            return {**old_outputs, **recorded}
        api = self.put(ctx, object_id, old_outputs, inputs)
        return self.outputs(api, inputs, old_outputs)

    def delete(self, ctx: Context, object_id: str, outputs: Mapping[str, Any]) -> None:
        """Delete and wait until gone; a 404 means done. An object this process adopted for
        another resource is left alone: it belongs to the resource that adopted it."""
        if _adopted_by_another(ctx.client.settings.url, self.spec.name, object_id, outputs):
            log.warning(
                "%s %s was adopted by another resource in this run; not deleting it",
                self.spec.label, object_id,
            )
            return
        try:
            self.remove(ctx, object_id)
        except NotFound:
            return

    # ---- hooks per kind ---------------------------------------------------------------------

    def post(self, ctx: Context, inputs: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError

    def find(self, ctx: Context, inputs: Mapping[str, Any]) -> dict[str, Any] | None:
        raise NotImplementedError

    def get(self, ctx: Context, object_id: str) -> dict[str, Any]:
        raise NotImplementedError

    def remove(self, ctx: Context, object_id: str) -> None:
        raise NotImplementedError

    def outputs(
        self, api: Mapping[str, Any], inputs: Mapping[str, Any], old_outputs: Mapping[str, Any]
    ) -> dict[str, Any]:
        raise NotImplementedError

    def put(
        self, ctx: Context, object_id: str, old_outputs: Mapping[str, Any],
        inputs: Mapping[str, Any],
    ) -> dict[str, Any]:
        """Kinds without an update API replace on every managed change: nothing to send."""
        return self.get(ctx, object_id)

    def adopt(
        self, ctx: Context, existing: dict[str, Any], inputs: dict[str, Any]
    ) -> dict[str, Any]:
        """Take over an object found by natural key; kinds that can update bring it in line."""
        return existing

    def object_id(self, api: Mapping[str, Any]) -> str:
        return str(api["id"])


def changed_values(
    old_inputs: Mapping[str, Any], inputs: Mapping[str, Any], key: str
) -> Any:
    """The new value of `key` if known and different from the last up's, else None."""
    value = inputs.get(key)
    if value is None or contains_unknown(value) or value == old_inputs.get(key):
        return None
    return value

"""Behaviour every Run:ai dynamic provider shares (see docs/architecture.md).

Why it looks like this:
* The provider instance holds nothing: the class is pickled by reference into `__provider`,
  so credentials, clients and caches live at module level here and in the client/services.
  `configure()` only records the `runai:*` stack config; settings are resolved per call.
* The host calls one instance from many threads (runai:hostThreads): no per-call state on
  `self`.
* `check`/`diff` never touch the network; `create` adopts or explains a 409; `read` turns a
  404 into "gone"; `delete` treats 404 as done.
* Outputs carry the checked program inputs under `__inputs` (hidden by Pulumi, no secrets)
  because refresh only receives old outputs and must rebuild inputs in the program's shape.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from typing import Any, ClassVar, Protocol, TypeVar

import pulumi
from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    ConfigureRequest,
    CreateResult,
    DiffResult,
    ReadResult,
    Resource,
    ResourceProvider,
    UpdateResult,
)

from pulumi_runai.client import RunaiClient, get_client
from pulumi_runai.errors import ConfigError, Conflict, NotFound, RunaiError
from pulumi_runai.models.fields import Diff
from pulumi_runai.models.validation import Failure
from pulumi_runai.resources._host_threads import widen_host_threads
from pulumi_runai.settings import Settings

INPUTS_KEY = "__inputs"
CONFIG_KEYS = (
    "runai:url",
    "runai:clientId",
    "runai:clientSecret",
    "runai:caBundle",
    "runai:insecureSkipVerify",
    "runai:timeout",
    "runai:waitTimeout",
    "runai:hostThreads",
)
DEFAULT_HOST_THREADS = 16
"""Provider calls the dynamic host serves at once (Pulumi's host alone serves 4); see
`_host_threads`. Override with stack config `runai:hostThreads` or env `RUNAI_HOST_THREADS`."""
DEFAULT_WAIT_TIMEOUT = 300.0
"""Seconds a project may take to become Ready (or to disappear after delete). Override with
stack config `runai:waitTimeout` or env `RUNAI_WAIT_TIMEOUT`."""

_config_lock = threading.Lock()
_config: dict[str, str] = {}


def remember_config(values: Mapping[str, Any]) -> None:
    """Keep the stack's `runai:*` config for this process (never on a provider instance)."""
    with _config_lock:
        _config.clear()
        _config.update({k: str(v) for k, v in values.items() if v is not None})


def client() -> RunaiClient:
    """The process-wide client for the current settings (config wins over the environment)."""
    with _config_lock:
        config = dict(_config)
    return get_client(Settings.resolve(config, os.environ))


N = TypeVar("N", int, float)


def _positive_setting(key: str, env: str, parse: type[N], default: N, what: str) -> N:
    """A positive number from stack config ``key`` or env ``env``; ConfigError names both."""
    with _config_lock:
        raw = _config.get(key)
    raw = raw or os.environ.get(env)
    if not raw:
        return default
    try:
        value = parse(raw)
    except ValueError:
        value = parse(0)
    if value <= 0:
        raise ConfigError(f"{key} / {env} must be {what}, got {raw!r}")
    return value


def host_threads() -> int:
    """How many provider calls the dynamic host may serve at once (runai:hostThreads)."""
    return _positive_setting(
        "runai:hostThreads", "RUNAI_HOST_THREADS", int, DEFAULT_HOST_THREADS,
        "a whole number of threads, at least 1 (4 keeps the host as Pulumi ships it)",
    )


def wait_timeout() -> float:
    """The project readiness / deletion wait bound, in seconds."""
    return _positive_setting(
        "runai:waitTimeout", "RUNAI_WAIT_TIMEOUT", float, DEFAULT_WAIT_TIMEOUT,
        "a positive number of seconds",
    )


class KindModel(Protocol):
    """What a `pulumi_runai.models.<kind>` module offers to the providers."""

    @property
    def KIND(self) -> str: ...
    @property
    def NATURAL_KEY(self) -> tuple[str, ...]: ...
    @property
    def OUTPUT_KEYS(self) -> tuple[str, ...]: ...

    def validate(self, inputs: Mapping[str, Any]) -> list[Failure]: ...
    def clean(self, inputs: Mapping[str, Any]) -> dict[str, Any]: ...
    def diff(self, old_outputs: Mapping[str, Any], new_inputs: Mapping[str, Any]) -> Diff: ...
    def to_inputs(
        self, api: Mapping[str, Any], old_inputs: Mapping[str, Any]
    ) -> dict[str, Any]: ...


class RunaiProvider(ResourceProvider):
    """Template for one kind; subclasses fill in the API calls (`_post`, `_find`, ...)."""

    model: ClassVar[KindModel]
    id_output: ClassVar[str]

    # ---- engine entry points ------------------------------------------------------------------

    def configure(self, req: ConfigureRequest) -> None:
        remember_config({key: req.config.get(key) for key in CONFIG_KEYS})
        widen_host_threads(host_threads())

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        failures = [CheckFailure(f.property, f.reason) for f in self.model.validate(news)]
        return CheckResult(self.model.clean(news), failures)

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        changed, replaces = self.model.diff(olds, news)
        # The new object would collide with the old one when its natural key stays the same.
        delete_first = bool(replaces) and not set(replaces) & set(self.model.NATURAL_KEY)
        return DiffResult(
            changes=bool(changed), replaces=replaces, delete_before_replace=delete_first
        )

    def create(self, props: dict[str, Any]) -> CreateResult:
        inputs = self.model.clean(props)
        api = self._create_or_adopt(client(), inputs)
        return CreateResult(
            self._object_id(api), self._with_inputs(self._outputs(api, inputs, {}), inputs)
        )

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        try:
            api = self._get(client(), id_)
        except NotFound:
            return ReadResult(None, {})
        old_inputs: dict[str, Any] = dict(props.get(INPUTS_KEY) or {})
        outputs = self._outputs(api, old_inputs, props)
        return ReadResult(
            self._object_id(api),
            self._with_inputs(outputs, old_inputs),
            self.model.to_inputs(api, old_inputs),
        )

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        inputs = self.model.clean(news)
        api = self._put(client(), id_, olds, inputs)
        return UpdateResult(self._with_inputs(self._outputs(api, inputs, olds), inputs))

    def delete(self, id_: str, _props: dict[str, Any]) -> None:
        runai = client()
        try:
            self._delete(runai, id_)
        except NotFound:
            return

    # ---- hooks per kind -----------------------------------------------------------------------

    def _post(self, runai: RunaiClient, inputs: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError

    def _find(self, runai: RunaiClient, inputs: dict[str, Any]) -> dict[str, Any] | None:
        raise NotImplementedError

    def _get(self, runai: RunaiClient, id_: str) -> dict[str, Any]:
        raise NotImplementedError

    def _delete(self, runai: RunaiClient, id_: str) -> None:
        raise NotImplementedError

    def _outputs(
        self, api: dict[str, Any], inputs: Mapping[str, Any], old_outputs: Mapping[str, Any]
    ) -> dict[str, Any]:
        raise NotImplementedError

    def _adopt(
        self, runai: RunaiClient, existing: dict[str, Any], inputs: dict[str, Any]
    ) -> dict[str, Any]:
        """Take over an object found by natural key; kinds that can update bring it in line."""
        return existing

    def _put(
        self, runai: RunaiClient, id_: str, olds: dict[str, Any], inputs: dict[str, Any]
    ) -> dict[str, Any]:
        """Kinds without an update API: nothing to send (every change replaces); re-read."""
        return self._get(runai, id_)

    # ---- shared helpers -----------------------------------------------------------------------

    def _object_id(self, api: Mapping[str, Any]) -> str:
        return str(api["id"])

    def _describe(self, inputs: Mapping[str, Any]) -> str:
        key = ", ".join(
            f"{k}={inputs.get(k)!r}" for k in self.model.NATURAL_KEY if inputs.get(k) is not None
        )
        return f"{self.model.KIND} ({key})"

    def _create_or_adopt(self, runai: RunaiClient, inputs: dict[str, Any]) -> dict[str, Any]:
        if inputs.get("adopt"):
            existing = self._find(runai, inputs)
            if existing is not None:
                return self._adopt(runai, existing, inputs)
        try:
            return self._post(runai, inputs)
        except Conflict as exc:
            raise self._already_exists(runai, inputs, exc) from None

    def _already_exists(
        self, runai: RunaiClient, inputs: dict[str, Any], exc: Conflict
    ) -> RunaiError:
        try:
            existing = self._find(runai, inputs)
        except RunaiError:
            existing = None
        where = f" (id {existing['id']})" if existing else ""
        return Conflict(
            409,
            f"{self._describe(inputs)} already exists{where}",
            method=exc.method,
            path=exc.path,
            hint="set adopt=True to take it over, or choose another name",
        )

    @staticmethod
    def _with_inputs(outputs: dict[str, Any], inputs: Mapping[str, Any]) -> dict[str, Any]:
        outputs[INPUTS_KEY] = {k: v for k, v in inputs.items() if not k.startswith("__")}
        return outputs


R = TypeVar("R", bound=Resource)


def resource_props(inputs: Mapping[str, Any], output_keys: tuple[str, ...]) -> dict[str, Any]:
    """Inputs plus a None placeholder for every output, so each becomes an Output attribute."""
    props: dict[str, Any] = dict.fromkeys(output_keys)
    props.update(inputs)
    return props


def read_existing(
    cls: type[R],
    provider: ResourceProvider,
    resource_name: str,
    id_: pulumi.Input[str],
    output_keys: tuple[str, ...],
    opts: pulumi.ResourceOptions | None,
) -> R:
    """`Kind.get(name, id)`: a resource read from the API by id instead of created."""
    resource = cls.__new__(cls)
    merged = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id_))
    Resource.__init__(resource, provider, resource_name, resource_props({}, output_keys), merged)
    return resource

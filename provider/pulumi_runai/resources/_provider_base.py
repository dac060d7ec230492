"""Behaviour every Run:ai dynamic provider shares (see docs/architecture.md).

Why it looks like this:
* The provider instance holds nothing: the class is pickled by reference into `__provider`,
  so credentials, clients and caches live at module level here and in the client/services.
  `configure()` only records the `runai:*` stack config; settings are resolved per call.
* The host calls one instance from many threads (runai:hostThreads): no per-call state on
  `self`.
* Everything a kind does lives in its plain-Python `pulumi_runai.lifecycle`; this module only
  translates the engine's calls (check may resolve changed names; diff makes no call).
* Outputs carry the checked program inputs under `__inputs` (hidden by Pulumi, no secrets)
  because refresh only receives old outputs and must rebuild inputs in the program's shape.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

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
from pulumi_runai.lifecycle import DEFAULT_WAIT_TIMEOUT, Context, Lifecycle
from pulumi_runai.resources._host_threads import widen_host_threads
from pulumi_runai.resources._serialize import install as install_serializer
from pulumi_runai.settings import (
    CONFIG_KEYS,
    HOST_THREADS_KEYS,
    WAIT_TIMEOUT_KEYS,
    Settings,
    invalid,
)

INPUTS_KEY = "__inputs"
DEFAULT_HOST_THREADS = 16
"""Provider calls the dynamic host serves at once (Pulumi's host alone serves 4); see
`_host_threads`. Override with stack config `runai:hostThreads` or env `RUNAI_HOST_THREADS`."""

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


def _positive_setting(key: str, env: str, parse: type[N], default: N, what: str,
                      config: Mapping[str, str] | None = None,
                      environ: Mapping[str, str] = os.environ) -> N:
    """A positive number from stack config ``key`` (the remembered config, or ``config``) or
    env ``env``; ConfigError names both."""
    if config is None:
        with _config_lock:
            raw = _config.get(key)
    else:
        raw = config.get(key)
    raw = raw or environ.get(env)
    if not raw:
        return default
    try:
        value = parse(raw)
    except ValueError:
        value = parse(0)
    if not value > 0:  # also refuses nan, which no wait would ever outlast
        raise invalid(key, env, f"must be {what}, got {raw!r}")
    return value


def host_threads(config: Mapping[str, str] | None = None,
                 environ: Mapping[str, str] = os.environ) -> int:
    """How many provider calls the dynamic host may serve at once (runai:hostThreads); from
    the remembered stack config unless ``config`` is given."""
    return _positive_setting(
        *HOST_THREADS_KEYS, int, DEFAULT_HOST_THREADS,
        "a whole number of threads, at least 1 (4 keeps the host as Pulumi ships it)", config,
        environ,
    )


def wait_timeout(config: Mapping[str, str] | None = None,
                 environ: Mapping[str, str] = os.environ) -> float:
    """The project readiness / deletion wait bound, in seconds; from the remembered stack
    config unless ``config`` is given."""
    return _positive_setting(
        *WAIT_TIMEOUT_KEYS, float, DEFAULT_WAIT_TIMEOUT,
        "a positive number of seconds", config, environ,
    )


class RunaiProvider(ResourceProvider):
    """The engine's calls for one kind, translated to its `Lifecycle` and nothing else."""

    lifecycle: ClassVar[Lifecycle]

    def configure(self, req: ConfigureRequest) -> None:
        remember_config({key: req.config.get(key) for key in CONFIG_KEYS})
        widen_host_threads(host_threads())

    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        inputs, failures = self.lifecycle.check(_context(), olds, news)
        return CheckResult(inputs, [CheckFailure(f.property, f.reason) for f in failures])

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        plan = self.lifecycle.plan(olds, news)
        return DiffResult(
            changes=bool(plan.changed),
            replaces=list(plan.replaces),
            delete_before_replace=plan.delete_before_replace,
        )

    def create(self, props: dict[str, Any]) -> CreateResult:
        inputs = self.lifecycle.model.clean(props)
        id_, outputs = self.lifecycle.create(_context(), inputs)
        return CreateResult(id_, _with_inputs(outputs, inputs))

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        old_inputs: dict[str, Any] = dict(props.get(INPUTS_KEY) or {})
        found = self.lifecycle.read(_context(), id_, props, old_inputs)
        if found is None:
            return ReadResult(None, {})
        live_id, outputs, inputs = found
        return ReadResult(live_id, _with_inputs(outputs, old_inputs), inputs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        inputs = self.lifecycle.model.clean(news)
        outputs = self.lifecycle.update(_context(), id_, olds, inputs)
        return UpdateResult(_with_inputs(outputs, inputs))

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        self.lifecycle.delete(_context(), id_, props)


install_serializer(RunaiProvider)


def _context() -> Context:
    """A call's context: the client is made only if the call needs one."""
    return Context(make_client=client, wait_timeout=wait_timeout())


def _with_inputs(outputs: dict[str, Any], inputs: Mapping[str, Any]) -> dict[str, Any]:
    outputs = dict(outputs)
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

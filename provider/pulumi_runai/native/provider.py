"""The native provider: the engine's calls for `runai:index:*`, translated to the kinds'
lifecycles (the same ones the dynamic provider calls) and nothing else.

What this layer adds is only what the native protocol asks for: camelCase names (`names`),
engine values with secrets and unknowns (`values`), per-property detailed diffs, unknown
computed outputs in preview, inputs from `Read` (import and refresh), and its own thread pool
(`hostThreads`) so that blocking Run:ai calls never stall the plugin's single event loop.
SDK traps worked around (docs/native-provider.md): no `diff_config` override (it is broken in
the SDK), `accept_outputs=False` (output values cannot be unmarshalled), a detailed diff on
every `Diff` (the server always says it has one), unknowns as the sentinel string.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Collection, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from pulumi.provider.experimental.property_value import PropertyValue
from pulumi.provider.experimental.provider import (
    CheckFailure,
    CheckRequest,
    CheckResponse,
    ConfigureRequest,
    ConfigureResponse,
    CreateRequest,
    CreateResponse,
    DeleteRequest,
    DiffRequest,
    DiffResponse,
    GetSchemaRequest,
    GetSchemaResponse,
    InvokeRequest,
    InvokeResponse,
    PropertyDiff,
    PropertyDiffKind,
    Provider,
    ReadRequest,
    ReadResponse,
    UpdateRequest,
    UpdateResponse,
)

from pulumi_runai.errors import RunaiError
from pulumi_runai.kinds import KINDS, Kind
from pulumi_runai.lifecycle import Context
from pulumi_runai.models.validation import Failure
from pulumi_runai.native import config, names, values
from pulumi_runai.native.functions import function_for
from pulumi_runai.native.schema import property_names, resource_token, schema_json
from pulumi_runai.resources._provider_base import DEFAULT_HOST_THREADS
from pulumi_runai.settings import Settings

T = TypeVar("T")

_KINDS_BY_TOKEN = {resource_token(kind): kind for kind in KINDS}


def kind_for(type_token: str) -> Kind:
    """The kind a `runai:index:<Kind>` token names; the error lists the known tokens."""
    try:
        return _KINDS_BY_TOKEN[type_token]
    except KeyError:
        raise RunaiError(
            f"unknown resource type {type_token!r}; this plugin serves "
            + ", ".join(sorted(_KINDS_BY_TOKEN))
        ) from None


def _context() -> Context:
    return Context(make_client=config.client, wait_timeout=config.wait_timeout())


class _NeedsCall(Exception):
    """Raised by `_inline_context` when the lifecycle asks for a client: the work must move
    to the pool."""


def _no_client() -> Any:
    raise _NeedsCall


def _inline_context() -> Context:
    """A context for work that usually makes no Run:ai call (check): run on the event loop,
    it saves the thread hop; asking for a client raises `_NeedsCall` instead of blocking."""
    return Context(make_client=_no_client)


def _lifecycle_map(props: Mapping[str, PropertyValue]) -> dict[str, Any]:
    """Engine properties as the lifecycle's plain snake_case dict."""
    return values.plain_map(props, names.to_snake)


def _native(plain: Mapping[str, Any], secrets: Collection[str]) -> values.Props:
    """Lifecycle values as engine properties; `secrets` are native (camelCase) names."""
    return values.property_map(plain, secrets, names.to_camel)


def _secrets(kind: Kind, *carried: Mapping[str, PropertyValue]) -> set[str]:
    """Native names to send as secrets: the kind's secret fields, plus every property that
    arrived secret in any of the given property maps (secretness is never dropped)."""
    found = {names.to_camel(name) for name in kind.spec.secret_outputs}
    for props in carried:
        found |= values.secret_keys(props)
    return found


def _failures(found: list[Failure], given: Mapping[str, Any]) -> list[CheckFailure]:
    """Check failures in native names; `given` is the program's inputs in lifecycle names."""
    if not found:
        return []
    known = property_names() | set(given)
    return [
        CheckFailure(names.native_path(f.property), names.native_text(f.reason, known))
        for f in found
    ]


def _program_inputs(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Read's inputs as a program would write them: unset (None) values and the default
    `adopt: false` left out, so `pulumi import` generates only what the object holds."""
    return {k: v for k, v in inputs.items() if v is not None and not (k == "adopt" and not v)}


class RunaiNativeProvider(Provider):
    """`runai:index:*` resources and functions over the kinds' lifecycles."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None

    # ---- plumbing ---------------------------------------------------------------------------

    def _executor(self) -> ThreadPoolExecutor:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(DEFAULT_HOST_THREADS, thread_name_prefix="runai")
        return self._pool

    async def _blocking(self, fn: Callable[..., T], *args: Any) -> T:
        """Run blocking lifecycle code on the provider's pool, off the event loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor(), functools.partial(fn, *args))

    # ---- schema and configuration -----------------------------------------------------------

    async def get_schema(self, request: GetSchemaRequest) -> GetSchemaResponse:
        return GetSchemaResponse(schema=schema_json())

    async def check_config(self, request: CheckRequest) -> CheckResponse:
        """The configuration as given, with the credentials marked secret whatever the stack
        config said, and a failure for each setting the settings module would refuse (or does
        not know), so that the run stops before any change."""
        inputs = {
            k: v.with_secret(True) if k in config.SECRET_KEYS else v
            for k, v in request.new_inputs.items()
        }
        explicit = not request.urn.rsplit("::", 1)[-1].startswith("default")
        found = config.problems(values.plain_map(inputs), explicit=explicit)
        return CheckResponse(inputs=inputs, failures=[CheckFailure(k, m) for k, m in found])

    async def configure(self, request: ConfigureRequest) -> ConfigureResponse:
        config.apply(values.plain_map(request.args), request.variables)
        threads = config.host_threads()
        if self._pool is not None:
            self._pool.shutdown(wait=False)
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="runai")
        return ConfigureResponse(
            accept_secrets=True, supports_preview=True, accept_resources=False,
            accept_outputs=False,
        )

    # ---- resources --------------------------------------------------------------------------

    async def check(self, request: CheckRequest) -> CheckResponse:
        kind = kind_for(request.type)
        olds = _lifecycle_map(request.old_inputs)
        snake: list[str] = []  # keys at any depth already in the lifecycle's names

        def to_snake(name: str) -> str:
            if "_" in name and not name.startswith("_"):
                snake.append(name)
            return names.to_snake(name)

        news = values.plain_map(request.new_inputs, to_snake)
        if snake:  # the schema's names only: the SDKs and YAML never send these
            return CheckResponse(inputs=request.new_inputs, failures=[
                CheckFailure(k, f"{k} is not a property name of {request.type}: write "
                                f"{names.to_camel(k)}") for k in sorted(set(snake))])
        try:  # a no-op check makes no call: no thread hop (a third of the plugin's CPU)
            inputs, failures = kind.lifecycle.check(_inline_context(), olds, news)
        except _NeedsCall:  # a changed name to resolve: over the network, on the pool
            try:
                inputs, failures = await self._blocking(kind.lifecycle.check, _context(),
                                                        olds, news)
            except RunaiError as exc:  # settings, network, credentials: one line, no trace
                return CheckResponse(inputs=request.new_inputs,
                                     failures=[CheckFailure("", str(exc))])
        secrets = values.secret_keys(request.new_inputs)
        return CheckResponse(
            inputs=_native(inputs, secrets),
            failures=_failures(failures, news),
        )

    async def diff(self, request: DiffRequest) -> DiffResponse:
        kind = kind_for(request.type)
        old_outputs = _lifecycle_map(request.old_state)
        news = _lifecycle_map(request.new_inputs)
        plan = kind.lifecycle.plan(old_outputs, news)
        ignored = set(request.ignore_changes)
        detailed: dict[str, PropertyDiff] = {}
        for name in plan.changed:
            native = names.to_camel(name)
            if native in ignored:
                continue
            detailed[native] = PropertyDiff(
                _diff_kind(old_outputs.get(name), news.get(name), name in plan.replaces),
                input_diff=False,
            )
        replaces = [names.to_camel(n) for n in plan.replaces if names.to_camel(n) in detailed]
        stables = [] if replaces else [
            names.to_camel(f.name) for f in kind.spec.fields
            if f.output_only and f.name in (kind.spec.id_output, "created_at", "created_by")
        ]
        return DiffResponse(
            changes=bool(detailed),
            replaces=replaces,
            stables=stables,
            delete_before_replace=plan.delete_before_replace and bool(replaces),
            diffs=list(detailed),
            detailed_diff=detailed,
        )

    async def create(self, request: CreateRequest) -> CreateResponse:
        kind = kind_for(request.type)
        inputs = kind.lifecycle.model.clean(_lifecycle_map(request.properties))
        secrets = _secrets(kind, request.properties)
        if request.preview:
            outputs = _native(inputs, secrets)
            for field in kind.spec.fields:
                if field.output_only:
                    outputs[names.to_camel(field.name)] = values.unknown()
            return CreateResponse(resource_id="", properties=outputs)
        object_id, made = await self._blocking(kind.lifecycle.create, _context(), inputs)
        return CreateResponse(resource_id=object_id, properties=_native(made, secrets))

    async def read(self, request: ReadRequest) -> ReadResponse:
        """Refresh (id, old outputs and inputs) and import (the id alone): the live object's
        outputs and the inputs a program declaring it would give; a blank id when gone."""
        kind = kind_for(request.type)
        old_outputs = _lifecycle_map(request.properties)
        old_inputs = _lifecycle_map(request.inputs)
        found = await self._blocking(
            kind.lifecycle.read, _context(), request.resource_id, old_outputs, old_inputs
        )
        if found is None:
            return ReadResponse(resource_id="", properties={}, inputs={})
        live_id, outputs, inputs = found
        secrets = _secrets(kind, request.properties, request.inputs)
        return ReadResponse(
            resource_id=live_id,
            properties=_native(outputs, secrets),
            inputs=_native(_program_inputs(inputs), secrets),
        )

    async def update(self, request: UpdateRequest) -> UpdateResponse:
        kind = kind_for(request.type)
        old_outputs = _lifecycle_map(request.olds)
        inputs = kind.lifecycle.model.clean(_lifecycle_map(request.news))
        secrets = _secrets(kind, request.olds, request.news)
        if request.preview:
            given = {k: v for k, v in inputs.items() if v is not None}
            return UpdateResponse(properties=_native({**old_outputs, **given}, secrets))
        outputs = await self._blocking(
            kind.lifecycle.update, _context(), request.resource_id, old_outputs, inputs
        )
        return UpdateResponse(properties=_native(outputs, secrets))

    async def delete(self, request: DeleteRequest) -> None:
        kind = kind_for(request.type)
        outputs = _lifecycle_map(request.properties)
        await self._blocking(kind.lifecycle.delete, _context(), request.resource_id, outputs)

    # ---- functions --------------------------------------------------------------------------

    async def invoke(self, request: InvokeRequest) -> InvokeResponse:
        function = function_for(request.tok)
        args = _lifecycle_map(request.args)
        try:
            settings = await self._blocking(_settings)
            result = await self._blocking(function.call, settings, args)
        except RunaiError as exc:  # not found (the message lists what exists), settings,
            return InvokeResponse(failures=[CheckFailure("", str(exc))])  # network: one line
        return InvokeResponse(return_value=_native(result, ()))


def _settings() -> Settings:
    return config.client().settings


def _diff_kind(old: Any, new: Any, replace: bool) -> PropertyDiffKind:
    """ADD when the object had no value, DELETE when the program drops one, else UPDATE;
    the `_REPLACE` variant when the change needs a new object."""
    if old is None:
        kind = PropertyDiffKind.ADD_REPLACE if replace else PropertyDiffKind.ADD
    elif new is None:
        kind = PropertyDiffKind.DELETE_REPLACE if replace else PropertyDiffKind.DELETE
    else:
        kind = PropertyDiffKind.UPDATE_REPLACE if replace else PropertyDiffKind.UPDATE
    return kind

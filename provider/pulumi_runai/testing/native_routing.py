"""Route `runai:*` resources and invokes to the native plugin, everything else to the dynamic
host, so one harness run drives both providers as the engine would.

`RoutingHost` has the dynamic `ProviderHost`'s call shapes (check, diff, create, read, update,
delete), so the step logic in `engine` serves both. The plugin starts on first use (a program
without native resources never pays for it) and is configured like the engine configures a
default provider: the stack's `runai:*` config as provider inputs, secrets wrapped. What the
engine does differently for a provider that supports preview and import is here too:
`preview_outputs` (Create with preview=true: computed outputs unknown),
`preview_update_outputs` (Update with preview=true: old outputs kept) and `import_step`
(Read by id alone, then Check and Diff of the program's inputs: any difference fails).
"""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ._urns import make_urn
from ._wire import Props, annotate_secrets, is_secret, plain, shown
from .errors import CheckFailedError, HarnessError
from .host import DIFF_NONE, DIFF_SOME, DIFF_UNKNOWN, DiffAnswer, ProviderHost, ReadAnswer
from .native_host import NativeHost
from .results import Step
from .state import ResourceState

if TYPE_CHECKING:
    from .engine import Deployment, ResourceSpec

NATIVE_PREFIX = "runai:"
"""Resource and function tokens the native plugin serves (`runai:index:Department`)."""
PROVIDER_TYPE = "pulumi:providers:runai"
"""An explicit provider of the native package (`pulumi_runai_native.Provider`)."""
DYNAMIC_PREFIX = "pulumi-python:dynamic"
_CHECKER = "checker"  # the key of a plugin that only answers CheckConfig
_CHANGES = {"DIFF_UNKNOWN": DIFF_UNKNOWN, "DIFF_NONE": DIFF_NONE, "DIFF_SOME": DIFF_SOME}


def is_native(type_or_urn: str) -> bool:
    """True for a `runai:*` type token, or a URN whose type is one."""
    type_ = type_or_urn.split("::")[-2].split("$")[-1] if "::" in type_or_urn else type_or_urn
    return type_.startswith(NATIVE_PREFIX)


def is_provider_type(type_: str) -> bool:
    return type_ == PROVIDER_TYPE


def provider_urn(reference: str) -> str:
    """The URN in an engine provider reference (`<urn>::<id>`); empty for none."""
    return reference.rsplit("::", 1)[0] if reference else ""


def served(type_: str) -> bool:
    """Custom resource types the harness can run: dynamic ones, the native plugin's, and
    explicit providers of the native package."""
    return type_.startswith(DYNAMIC_PREFIX) or is_native(type_) or is_provider_type(type_)


def provider_inputs(config: Mapping[str, Any]) -> Props:
    """Stack config `runai:url`... as the default provider's inputs (`url`...), as the engine
    sends them (secret config stays wrapped as a secret)."""
    return {key.partition(":")[2]: value for key, value in config.items()
            if key.startswith("runai:") and key != "runai:"}


class RoutingHost:
    """The dynamic host plus the native plugin, behind the dynamic host's interface.

    A native resource goes to the plugin of its provider: the default one (configured from the
    stack's `runai:*` config) or an explicit `pulumi:providers:runai`, one plugin process per
    provider reference as the engine starts them, configured with that provider's inputs."""

    def __init__(self, dynamic: ProviderHost, native_inputs: Props,
                 env: Mapping[str, str] | None = None, *, start_now: bool = False,
                 stack: str = "dev", project: str = "project") -> None:
        """`start_now` starts the default plugin in the background at once (when the state
        already holds native resources), as the engine loads the plugins a stack's state names;
        `stack` and `project` name the default provider (`...::pulumi:providers:runai::default`)
        in its configuration's failures."""
        self.dynamic = dynamic
        self._default_urn = make_urn(stack, project, PROVIDER_TYPE, "default")
        self._provider_inputs: dict[str, Props] = {"": native_inputs}
        self._served_by: dict[str, str] = {}  # resource URN -> explicit provider reference
        self._env = dict(env or {})
        self._plugins: dict[str, NativeHost] = {}
        self._lock = threading.Lock()  # guards the dicts; a plugin starts under its own
        self._starting: dict[str, threading.Lock] = {}
        self._closed = False
        self._starter: threading.Thread | None = None
        if start_now:
            self._starter = threading.Thread(target=self._start_quietly, daemon=True,
                                             name="native-plugin-start")
            self._starter.start()

    def _start_quietly(self) -> None:
        with contextlib.suppress(Exception):  # a failure is raised again by the first call
            self.native()

    def learn(self, entries: Iterable[ResourceState]) -> None:
        """The explicit providers in state and the resources they serve (a destroy or a
        refresh reaches them without a program)."""
        for entry in entries:
            if is_provider_type(entry.type):
                self.add_provider(f"{entry.urn}::{entry.id}", entry.inputs)
            elif entry.provider:
                self.serve_with(entry.urn, entry.provider)

    def add_provider(self, reference: str, inputs: Props) -> None:
        """An explicit provider's configuration (a changed one closes the plugin that had the
        old; the next call starts one with the new)."""
        with self._lock:
            if self._provider_inputs.get(reference) == inputs:
                return
            self._provider_inputs[reference] = dict(inputs)
            stale = self._plugins.pop(reference, None)
        if stale is not None:
            stale.close()

    def serve_with(self, urn: str, reference: str) -> None:
        """Route the resource `urn` to the explicit provider `reference`."""
        with self._lock:
            self._served_by[urn] = reference

    def native(self, urn: str = "") -> NativeHost:
        """The plugin serving `urn` (the default provider's without one), started and
        configured on first use."""
        with self._lock:
            reference = self._served_by.get(urn, "")
        return self._plugin(reference)

    def _plugin(self, reference: str) -> NativeHost:
        """The plugin of one provider: the default one (""), an explicit reference, or the
        unconfigured `_CHECKER`. A plugin starts (about half a second) under its own lock, so
        calls to plugins already running never wait for it."""
        with self._lock:
            plugin = self._plugins.get(reference)
            if plugin is not None:
                return plugin
            inputs = self._provider_inputs.get(reference)
            if inputs is None and reference != _CHECKER:
                raise HarnessError(f"the provider {reference} is not in this deployment")
            starting = self._starting.setdefault(reference, threading.Lock())
        with starting:
            with self._lock:
                plugin = self._plugins.get(reference)
            if plugin is not None:  # another thread started it meanwhile
                return plugin
            plugin = NativeHost(env=self._env or None)
            try:
                if not reference:  # the engine checks a default provider's config first
                    inputs = _checked(plugin, self._default_urn, inputs or {})
                if inputs is not None:
                    plugin.configure(inputs, {
                        f"runai:config:{k}": str(v["value"] if is_secret(v) else v)
                        for k, v in inputs.items()})
            except BaseException:
                plugin.close()
                raise
            with self._lock:
                closed = self._closed
                if not closed:
                    self._plugins[reference] = plugin
            if closed:
                plugin.close()
                raise HarnessError("the deployment is over: its plugins are closed")
            return plugin

    def _checker(self) -> NativeHost:
        """A plugin to answer CheckConfig: the default provider's if it runs, else one that
        is never configured (a stack of explicit providers has no default one to check)."""
        with self._lock:
            running = self._plugins.get("")
        return running or self._plugin(_CHECKER)

    def close(self) -> None:
        if self._starter is not None:
            self._starter.join()
        with self._lock:
            self._closed = True
            plugins, self._plugins = list(self._plugins.values()), {}
        for plugin in plugins:
            plugin.close()

    def __getattr__(self, name: str) -> Any:  # port, pid, stderr...: the dynamic host's
        return getattr(self.dynamic, name)

    # ---- the engine's resource calls ------------------------------------------------------

    def check_config(self, urn: str, olds: Props, news: Props,
                     ) -> tuple[Props, list[tuple[str, str]]]:
        """CheckConfig of an explicit provider's inputs (any plugin answers it alike)."""
        return self._checker().check_config(urn, news)

    def check(self, urn: str, olds: Props, news: Props) -> tuple[Props, list[tuple[str, str]]]:
        if is_native(urn):
            return self.native(urn).check(urn, olds, news)
        return self.dynamic.check(urn, olds, news)

    def diff(self, urn: str, id_: str, old_outputs: Props, news: Props,
             old_inputs: Props) -> DiffAnswer:
        if not is_native(urn):
            return self.dynamic.diff(urn, id_, old_outputs, news, old_inputs)
        answer = self.native(urn).diff(urn, id_, old_outputs, news, old_inputs)
        return DiffAnswer(_CHANGES[answer.changes], answer.replaces,
                          answer.delete_before_replace, list(answer.detailed))

    def create(self, urn: str, props: Props) -> tuple[str, Props]:
        if is_native(urn):
            return self.native(urn).create(urn, props)
        return self.dynamic.create(urn, props)

    def read(self, urn: str, id_: str, outputs: Props | None, inputs: Props | None,
             ) -> ReadAnswer:
        if not is_native(urn):
            return self.dynamic.read(urn, id_, outputs, inputs)
        found_id, props, found_inputs = self.native(urn).read(urn, id_, outputs, inputs)
        return ReadAnswer(found_id, props, found_inputs)

    def update(self, urn: str, id_: str, old_outputs: Props, news: Props,
               old_inputs: Props) -> Props:
        if is_native(urn):
            return self.native(urn).update(urn, id_, old_outputs, news, old_inputs=old_inputs)
        return self.dynamic.update(urn, id_, old_outputs, news, old_inputs)

    def delete(self, urn: str, id_: str, old_outputs: Props, old_inputs: Props) -> None:
        if is_native(urn):
            self.native(urn).delete(urn, id_, old_outputs, old_inputs)
        else:
            self.dynamic.delete(urn, id_, old_outputs, old_inputs)

    def invoke(self, token: str, args: Props, provider: str = "") -> Props:
        """A function call through the default or the given explicit provider; failures raise
        as the engine makes the program's call fail."""
        if not is_native(token):
            raise HarnessError(f"invoke {token}: only the native plugin's functions "
                               f"({NATIVE_PREFIX}*) are modelled")
        result, failures = self._plugin(provider).invoke(token, args)
        if failures:
            raise HarnessError(f"invoke {token} failed: "
                               + "; ".join(f"{p}: {r}" if p else r for p, r in failures))
        return result


def _checked(plugin: NativeHost, urn: str, inputs: Props) -> Props:
    """A provider's inputs after CheckConfig; its failures stop the run as the engine's do."""
    checked, failures = plugin.check_config(urn, inputs)
    if failures:
        raise CheckFailedError(urn, failures)
    return checked


def serve_with(host: object, urn: str, reference: str) -> None:
    """Route `urn` to an explicit provider when the host is the routing one."""
    if isinstance(host, RoutingHost):
        host.serve_with(urn, reference)


def preview_outputs(host: object, urn: str, inputs: Props) -> Props:
    """A create's outputs in preview: the native plugin's (Create with preview=true, computed
    outputs unknown); for the dynamic host, which does not support preview, the inputs."""
    if isinstance(host, RoutingHost) and is_native(urn):
        return host.native(urn).create(urn, inputs, preview=True)[1]
    return inputs


def preview_update_outputs(host: object, urn: str, id_: str, old_outputs: Props,
                           news: Props, old_inputs: Props) -> Props:
    """An update's outputs in preview: the native plugin's (Update with preview=true: the old
    outputs with the new inputs over them, so dependents keep known values such as a
    project's namespace); for the dynamic host, which does not support preview, the inputs."""
    if isinstance(host, RoutingHost) and is_native(urn):
        return host.native(urn).update(urn, id_, old_outputs, news, old_inputs=old_inputs,
                                       preview=True)
    return news


def provider_step(deployment: Deployment, urn: str, spec: ResourceSpec, started: float) -> Step:
    """The engine's steps for an explicit `pulumi:providers:runai`: CheckConfig of its inputs
    (failures stop the run), then create (a new id), same, or update when its configuration
    changed (the plugin's DiffConfig answers unknown, so the engine compares the inputs; the
    resources it serves are not replaced for it). No plugin call creates or deletes a provider:
    it is configuration, kept in state with its secrets wrapped."""
    host = deployment.host
    if not isinstance(host, RoutingHost):
        raise HarnessError(f"{urn}: an explicit provider needs the native plugin")
    old = deployment.state.get(urn)
    checked, failures = host.check_config(urn, old.inputs if old else {}, spec.inputs)
    if failures:
        raise CheckFailedError(urn, failures)
    if old is None:
        op, id_ = "create", str(uuid.uuid4())
    else:
        op, id_ = ("same" if plain(old.inputs) == plain(checked) else "update"), old.id
    host.add_provider(f"{urn}::{id_}", checked)
    new = ResourceState(urn=urn, type=spec.type, name=spec.name, id=id_, inputs=checked,
                        outputs=checked, parent=spec.parent,
                        dependencies=list(spec.dependencies), protect=spec.protect,
                        retain_on_delete=spec.retain_on_delete)
    deployment._commit(new, drop=old)  # checkpointed, or only planned in preview
    return Step(op, urn, spec.type, spec.name, id_, outputs=checked, started=started,
                finished=time.monotonic(), old_inputs=shown(old.inputs) if old else {},
                new_inputs=shown(checked))


def import_step(deployment: Deployment, urn: str, spec: ResourceSpec, started: float) -> Step:
    """The engine's ImportStep for the native plugin: Read by id alone, Check the program's
    inputs against what was read, Diff; any difference fails before state changes, else the
    object enters state with the checked inputs and the read outputs."""
    host = deployment.host
    if not isinstance(host, RoutingHost):
        raise HarnessError(f"{urn}: import needs the native plugin")
    found = host.read(urn, spec.import_id, None, None)
    if not found.id:
        raise HarnessError(f"{urn}: there is no object with id {spec.import_id!r} to import")
    checked, failures = host.check(urn, found.inputs or {}, spec.inputs)
    if failures:
        raise HarnessError(f"{urn}: import check failed: {failures}")
    answer = host.diff(urn, found.id, found.outputs, checked, found.inputs or {})
    if answer.changes == DIFF_SOME:
        raise HarnessError(f"{urn}: inputs to import do not match the existing resource: "
                           f"{sorted(answer.diffs)}")
    outputs = annotate_secrets(found.outputs, checked, list(spec.additional_secret_outputs))
    new = ResourceState(urn=urn, type=spec.type, name=spec.name, id=found.id, inputs=checked,
                        outputs=outputs, parent=spec.parent,
                        dependencies=list(spec.dependencies),
                        additional_secret_outputs=list(spec.additional_secret_outputs),
                        protect=spec.protect, retain_on_delete=spec.retain_on_delete,
                        property_dependencies={k: list(v) for k, v in
                                               spec.property_dependencies.items()},
                        provider=spec.provider)
    deployment._commit(new)  # checkpointed, or only planned in preview
    return Step("import", urn, spec.type, spec.name, found.id, outputs=outputs,
                started=started, finished=time.monotonic(), new_inputs=shown(checked))

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
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._wire import Props, annotate_secrets, is_secret, shown
from .errors import HarnessError
from .host import DIFF_NONE, DIFF_SOME, DIFF_UNKNOWN, DiffAnswer, ProviderHost, ReadAnswer
from .native_host import NativeHost
from .results import Step
from .state import ResourceState

if TYPE_CHECKING:
    from .engine import Deployment, ResourceSpec

NATIVE_PREFIX = "runai:"
"""Resource and function tokens the native plugin serves (`runai:index:Department`)."""
DYNAMIC_PREFIX = "pulumi-python:dynamic"
_CHANGES = {"DIFF_UNKNOWN": DIFF_UNKNOWN, "DIFF_NONE": DIFF_NONE, "DIFF_SOME": DIFF_SOME}


def is_native(type_or_urn: str) -> bool:
    """True for a `runai:*` type token, or a URN whose type is one."""
    type_ = type_or_urn.split("::")[-2].split("$")[-1] if "::" in type_or_urn else type_or_urn
    return type_.startswith(NATIVE_PREFIX)


def served(type_: str) -> bool:
    """Custom resource types the harness can run: dynamic ones and the native plugin's."""
    return type_.startswith(DYNAMIC_PREFIX) or is_native(type_)


def provider_inputs(config: Mapping[str, Any]) -> Props:
    """Stack config `runai:url`... as the default provider's inputs (`url`...), as the engine
    sends them (secret config stays wrapped as a secret)."""
    return {key.partition(":")[2]: value for key, value in config.items()
            if key.startswith("runai:") and key != "runai:"}


class RoutingHost:
    """The dynamic host plus the native plugin, behind the dynamic host's interface."""

    def __init__(self, dynamic: ProviderHost, native_inputs: Props,
                 env: Mapping[str, str] | None = None, *, start_now: bool = False) -> None:
        """`start_now` starts the plugin in the background at once (when the state already
        holds native resources), as the engine loads the plugins a stack's state names."""
        self.dynamic = dynamic
        self._native_inputs = native_inputs
        self._env = dict(env or {})
        self._native: NativeHost | None = None
        self._lock = threading.Lock()
        self._starter: threading.Thread | None = None
        if start_now:
            self._starter = threading.Thread(target=self._start_quietly, daemon=True,
                                             name="native-plugin-start")
            self._starter.start()

    def _start_quietly(self) -> None:
        with contextlib.suppress(Exception):  # a failure is raised again by the first call
            self.native()

    def native(self) -> NativeHost:
        """The plugin, started and configured on first use."""
        with self._lock:
            if self._native is None:
                plugin = NativeHost(env=self._env or None)
                try:
                    plugin.configure(self._native_inputs, {
                        f"runai:config:{k}": str(v["value"] if is_secret(v) else v)
                        for k, v in self._native_inputs.items()})
                except BaseException:
                    plugin.close()
                    raise
                self._native = plugin
            return self._native

    def close(self) -> None:
        if self._starter is not None:
            self._starter.join()
        with self._lock:
            if self._native is not None:
                self._native.close()
                self._native = None

    def __getattr__(self, name: str) -> Any:  # port, pid, stderr...: the dynamic host's
        return getattr(self.dynamic, name)

    # ---- the engine's resource calls ------------------------------------------------------

    def check(self, urn: str, olds: Props, news: Props) -> tuple[Props, list[tuple[str, str]]]:
        if is_native(urn):
            return self.native().check(urn, olds, news)
        return self.dynamic.check(urn, olds, news)

    def diff(self, urn: str, id_: str, old_outputs: Props, news: Props,
             old_inputs: Props) -> DiffAnswer:
        if not is_native(urn):
            return self.dynamic.diff(urn, id_, old_outputs, news, old_inputs)
        answer = self.native().diff(urn, id_, old_outputs, news, old_inputs)
        return DiffAnswer(_CHANGES[answer.changes], answer.replaces,
                          answer.delete_before_replace, list(answer.detailed))

    def create(self, urn: str, props: Props) -> tuple[str, Props]:
        if is_native(urn):
            return self.native().create(urn, props)
        return self.dynamic.create(urn, props)

    def read(self, urn: str, id_: str, outputs: Props | None, inputs: Props | None,
             ) -> ReadAnswer:
        if not is_native(urn):
            return self.dynamic.read(urn, id_, outputs, inputs)
        found_id, props, found_inputs = self.native().read(urn, id_, outputs, inputs)
        return ReadAnswer(found_id, props, found_inputs)

    def update(self, urn: str, id_: str, old_outputs: Props, news: Props,
               old_inputs: Props) -> Props:
        if is_native(urn):
            return self.native().update(urn, id_, old_outputs, news, old_inputs=old_inputs)
        return self.dynamic.update(urn, id_, old_outputs, news, old_inputs)

    def delete(self, urn: str, id_: str, old_outputs: Props, old_inputs: Props) -> None:
        if is_native(urn):
            self.native().delete(urn, id_, old_outputs, old_inputs)
        else:
            self.dynamic.delete(urn, id_, old_outputs, old_inputs)

    def invoke(self, token: str, args: Props) -> Props:
        """A function call; failures raise as the engine makes the program's call fail."""
        if not is_native(token):
            raise HarnessError(f"invoke {token}: only the native plugin's functions "
                               f"({NATIVE_PREFIX}*) are modelled")
        result, failures = self.native().invoke(token, args)
        if failures:
            raise HarnessError(f"invoke {token} failed: "
                               + "; ".join(f"{p}: {r}" if p else r for p, r in failures))
        return result


def preview_outputs(host: object, urn: str, inputs: Props) -> Props:
    """A create's outputs in preview: the native plugin's (Create with preview=true, computed
    outputs unknown); for the dynamic host, which does not support preview, the inputs."""
    if isinstance(host, RoutingHost) and is_native(urn):
        return host.native().create(urn, inputs, preview=True)[1]
    return inputs


def preview_update_outputs(host: object, urn: str, id_: str, old_outputs: Props,
                           news: Props, old_inputs: Props) -> Props:
    """An update's outputs in preview: the native plugin's (Update with preview=true: the old
    outputs with the new inputs over them, so dependents keep known values such as a
    project's namespace); for the dynamic host, which does not support preview, the inputs."""
    if isinstance(host, RoutingHost) and is_native(urn):
        return host.native().update(urn, id_, old_outputs, news, old_inputs=old_inputs,
                                    preview=True)
    return news


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
                        protect=spec.protect, retain_on_delete=spec.retain_on_delete)
    deployment._commit(new)  # checkpointed, or only planned in preview
    return Step("import", urn, spec.type, spec.name, found.id, outputs=outputs,
                started=started, finished=time.monotonic(), new_inputs=shown(checked))

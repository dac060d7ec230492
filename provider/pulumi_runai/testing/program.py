"""Run an unmodified Pulumi program through ``set_mocks``, forwarding resources to a Deployment.

Why mocks: they run the real program code and the SDK's real registration machinery (output
resolution, dependency waits, ``__provider`` pickling) in-process, without the CLI. The SDK
issues every RegisterResource from its event loop's executor threads and awaits a resource's
dependencies before registering it, so blocking each registration until its step is done gives
the engine's dependency order while independent resources overlap.

Programs run in this process, one after another: the SDK's globals (root stack, settings,
config, pending RPCs) are reset before each run, which is what ``pulumi.runtime.test`` relies
on too; the JSON state carries everything else, so separate processes work the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import runpy
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pulumi
from pulumi.output import Unknown
from pulumi.runtime import mocks as _mocks
from pulumi.runtime import rpc as _rpc
from pulumi.runtime import settings as _settings
from pulumi.runtime.proto import resource_pb2
from pulumi.runtime.stack import run_pulumi_func
from pulumi.runtime.sync_await import _ensure_event_loop, _sync_await

from ._aliases import from_request
from ._urns import STACK_TYPE, make_urn
from ._wire import Props, secret
from .engine import Deployment, ResourceSpec, unknown_inputs
from .errors import HarnessError
from .native_routing import served

DYNAMIC_PREFIX = "pulumi-python:dynamic"

Program = Callable[[], object] | str | os.PathLike[str]

# The SDK keeps deployment settings in module globals: one program run at a time per process.
_RUN_LOCK = threading.Lock()


class _Registration(_mocks.MockResourceArgs):
    """MockResourceArgs plus the resource options the engine uses (pulumi/pulumi#14421)."""

    def __init__(self, request: Any, inputs: Props) -> None:
        super().__init__(
            typ=request.type, name=request.name, inputs=inputs, provider=request.provider,
            resource_id=request.importId, custom=request.custom,
        )
        self.parent = request.parent
        self.dependencies = tuple(request.dependencies)
        self.additional_secret_outputs = tuple(request.additionalSecretOutputs)
        self.delete_before_replace: bool | None = (
            bool(request.deleteBeforeReplace) if request.deleteBeforeReplaceDefined else None
        )
        self.protect = bool(request.protect)
        self.ignore_changes = tuple(request.ignoreChanges)
        self.retain_on_delete = bool(request.retainOnDelete)
        self.aliases = from_request(request)
        self.property_dependencies = {
            key: tuple(deps.urns) for key, deps in request.propertyDependencies.items()
        }


class ForwardingMocks(pulumi.runtime.Mocks):
    """Sends dynamic resources to the deployment; components become plain nodes."""

    def __init__(self, deployment: Deployment) -> None:
        self.deployment = deployment

    def new_resource(self, args: _mocks.MockResourceArgs) -> tuple[str | None, dict[Any, Any]]:
        inputs = unknown_inputs(args.inputs, lambda v: isinstance(v, Unknown))
        assert isinstance(inputs, dict)
        if args.resource_id and not isinstance(args, _Registration):
            if not served(args.typ):
                raise HarnessError(f"cannot read {args.typ}: only dynamic and runai:* resources "
                                   "are modelled")
            step = self.deployment.read(args.typ, args.name, args.resource_id, inputs,
                                        provider=args.provider or "")
            return step.id, step.outputs
        reg = args if isinstance(args, _Registration) else None
        if args.custom and not served(args.typ):
            raise HarnessError(
                f"{args.typ} {args.name}: only dynamic (pulumi-python), native Run:ai (runai:*) "
                "and component resources are supported by pulumi_runai.testing"
            )
        spec = ResourceSpec(
            type=args.typ,
            name=args.name,
            inputs=inputs,
            custom=bool(args.custom),
            parent=reg.parent if reg else "",
            dependencies=reg.dependencies if reg else (),
            additional_secret_outputs=reg.additional_secret_outputs if reg else (),
            delete_before_replace=reg.delete_before_replace if reg else None,
            import_id=args.resource_id or "",
            protect=reg.protect if reg else False,
            ignore_changes=reg.ignore_changes if reg else (),
            retain_on_delete=reg.retain_on_delete if reg else False,
            aliases=reg.aliases if reg else (),
            property_dependencies=reg.property_dependencies if reg else {},
            provider=args.provider or "",
        )
        step = self.deployment.register(spec)
        if not spec.custom:
            return "", {}
        return step.id, step.outputs

    def call(self, args: _mocks.MockCallArgs) -> tuple[dict[Any, Any], list[tuple[str, str]]]:
        """Invokes go to the native plugin (`runai:*` functions); others are not modelled."""
        invoke = getattr(self.deployment.host, "invoke", None)
        if invoke is None:
            raise HarnessError(f"invoke {args.token}: provider functions are not modelled")
        return invoke(args.token, dict(args.args), args.provider or ""), []


class EngineMonitor(_mocks.MockMonitor):
    """A MockMonitor with engine URNs that passes resource options on to the mocks."""

    def __init__(self, mocks: ForwardingMocks, deployment: Deployment) -> None:
        super().__init__(mocks)
        self.deployment = deployment

    def make_urn(self, parent: str, type_: str, name: str) -> str:
        return make_urn(self.deployment.stack, self.deployment.project, type_, name, parent)

    def RegisterResource(self, request: Any) -> Any:
        urn = self.make_urn(request.parent, request.type, request.name)
        if request.type == STACK_TYPE:
            return resource_pb2.RegisterResourceResponse(urn=urn)
        _ensure_event_loop()  # type: ignore[no-untyped-call]
        inputs = _rpc.deserialize_properties(request.object)
        id_, state = self.mocks.new_resource(_Registration(request, inputs))
        props = _sync_await(_rpc.serialize_properties(state, {}))
        self.resources[urn] = _mocks.MockMonitor.ResourceRegistration(urn, id_ or "", state)
        return resource_pb2.RegisterResourceResponse(urn=urn, id=id_ or "", object=props)


@contextlib.contextmanager
def _program_dir(path: Path) -> Iterator[None]:
    """cwd and sys.path as the Python language host sets them for ``__main__.py``."""
    old_cwd = os.getcwd()
    os.chdir(path)
    sys.path.insert(0, str(path))
    try:
        yield
    finally:
        os.chdir(old_cwd)
        with contextlib.suppress(ValueError):
            sys.path.remove(str(path))


def program_file(program: str | os.PathLike[str]) -> Path:
    """The ``__main__.py`` a program path stands for (a directory or the file itself)."""
    path = Path(program).resolve()
    return path / "__main__.py" if path.is_dir() else path


def as_callable(program: Program) -> Callable[[], None]:
    if callable(program):
        func = program

        def run_func() -> None:
            func()

        return run_func
    main = program_file(program)
    if not main.exists():
        raise HarnessError(f"no Pulumi program at {main}")

    def run_main() -> None:
        with _program_dir(main.parent):
            runpy.run_path(str(main), run_name="__main__")

    return run_main


def _resolve_stack_outputs() -> Props:
    """Read the root stack's exports after the run, keeping secrecy as state would."""
    root = _settings.get_root_resource()
    exported: Mapping[str, Any] = getattr(root, "outputs", {}) or {}
    result: Props = {}
    for key, value in exported.items():
        out = pulumi.Output.from_input(value)
        resolved = _sync_await(out.future())
        result[key] = secret(resolved) if _sync_await(out.is_secret()) else resolved
    return result


def _quiet_failed_registrations(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """Drops asyncio's "exception was never retrieved" report for failed steps.

    When one step fails the SDK stops awaiting the other registrations; their futures are
    collected later and asyncio would print each harness error again with a traceback. The
    failure itself is already raised to the caller, so only those reports are dropped.
    """
    if isinstance(context.get("exception"), HarnessError):
        return
    loop.default_exception_handler(context)


def run_program(
    deployment: Deployment,
    program: Program,
    *,
    config: Mapping[str, str],
    secret_keys: list[str],
) -> Props:
    """Run ``program`` against ``deployment``; returns the stack outputs (secret-marked)."""
    func = as_callable(program)
    with _RUN_LOCK:
        _settings.ROOT.set(None)
        mocks = ForwardingMocks(deployment)
        monitor = EngineMonitor(mocks, deployment)
        pulumi.runtime.set_mocks(
            mocks, project=deployment.project, stack=deployment.stack,
            preview=deployment.preview, monitor=monitor,
        )
        pulumi.runtime.set_all_config(dict(config), secret_keys)
        _settings.SETTINGS.rpc_manager.clear()
        _settings.SETTINGS.outputs.clear()
        loop = _ensure_event_loop()  # type: ignore[no-untyped-call]
        loop.set_exception_handler(_quiet_failed_registrations)
        # RegisterResource runs on the loop's default executor; size it so that `parallel`
        # (not the executor's default of cpu+4) bounds concurrent steps.
        executor = ThreadPoolExecutor(max_workers=deployment.parallel + 8,
                                      thread_name_prefix="pulumi-register")
        loop.set_default_executor(executor)
        try:
            _sync_await(run_pulumi_func(func))
            return _resolve_stack_outputs()
        finally:
            deployment.end_registrations()
            executor.shutdown(wait=True)
            loop.set_default_executor(ThreadPoolExecutor(thread_name_prefix="pulumi-idle"))
            _settings.ROOT.set(None)
            # The program's stack config must not outlive it: lookups made later in this
            # process (another test, another stack) would otherwise talk to a stale URL.
            pulumi.runtime.set_all_config({}, [])


"""The real Python dynamic-provider host (``python -m pulumi.dynamic``), driven over gRPC.

This is the process the Pulumi engine starts for ``pulumi-python`` resources. Talking to it
with the SDK's own stubs exercises what unit tests of a provider class never see: the dill
round trip of ``__provider``, host-side imports, ``configure()``, and the host's thread pool.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import grpc
from google.protobuf import empty_pb2
from pulumi.runtime.proto import provider_pb2, provider_pb2_grpc

from ._process import ENGINE_ADDRESS, PluginProcess
from ._urns import urn_name, urn_type
from ._wire import Props, from_struct, plain, to_struct
from .errors import HostStartError, ProviderError

T = TypeVar("T")

DIFF_UNKNOWN = provider_pb2.DiffResponse.DIFF_UNKNOWN
DIFF_NONE = provider_pb2.DiffResponse.DIFF_NONE
DIFF_SOME = provider_pb2.DiffResponse.DIFF_SOME


@dataclass(frozen=True)
class DiffAnswer:
    """What the host's Diff says: the Python host never sends stables or detailed diffs."""

    changes: int
    replaces: list[str]
    delete_before_replace: bool
    diffs: list[str]


@dataclass(frozen=True)
class ReadAnswer:
    """A blank ``id`` means the object is gone; ``inputs`` is None unless the provider gave them."""

    id: str
    outputs: Props
    inputs: Props | None


def _target(urn: str, id_: str | None = None) -> dict[str, Any]:
    """Request fields naming the resource; the engine sends name and type beside the URN."""
    fields: dict[str, Any] = {"urn": urn, "name": urn_name(urn), "type": urn_type(urn)}
    if id_ is not None:
        fields["id"] = id_
    return fields


def _change(old_outputs: Props, news: Props, old_inputs: Props) -> dict[str, Any]:
    """Diff/Update payload: the engine puts old OUTPUTS in ``olds``, old inputs apart."""
    return {
        "olds": to_struct(plain(old_outputs)),
        "news": to_struct(plain(news)),
        "old_inputs": to_struct(plain(old_inputs)),
    }


class ProviderHost:
    """One ``python -u -m pulumi.dynamic`` process, started like the engine starts it.

    ``cwd`` is the project directory (``-m`` puts it on ``sys.path``, which is how providers
    pickled by reference get imported); ``PULUMI_PROJECT`` feeds un-namespaced config lookups.
    Values passed in may carry secret markers; they are stripped on the wire as the engine does
    for this host (it answers ``acceptSecrets=False``).
    """

    def __init__(
        self,
        *,
        cwd: str | os.PathLike[str] | None = None,
        project: str = "project",
        env: Mapping[str, str] | None = None,
        python: str = sys.executable,
        start_timeout: float = 30.0,
        config: Props | None = None,
    ) -> None:
        """``config``, when given, is sent with Configure as soon as the host is up.

        The host starts in the background (as the engine starts plugins while the program
        runs): the first call waits for it, and a start failure is raised there.
        """
        full_env = dict(os.environ)
        full_env["PULUMI_PROJECT"] = project
        full_env.update(env or {})
        # The engine's first argument is its own address; the Python host ignores it.
        self._process = PluginProcess(
            [python, "-u", "-m", "pulumi.dynamic", ENGINE_ADDRESS],
            cwd=cwd,
            env=full_env,
            what="dynamic provider host",
            # another interpreter is spawned: the forkserver runs this one
            as_module=("pulumi.dynamic", [ENGINE_ADDRESS]) if python == sys.executable else None,
            start_timeout=start_timeout,
            wait=False,
        )
        self._stub: provider_pb2_grpc.ResourceProviderStub | None = None
        self._start_error: BaseException | None = None
        self._started = threading.Event()
        self._starter = threading.Thread(
            target=self._start, args=(config,), name="provider-host-start", daemon=True
        )
        self._starter.start()

    def _start(self, config: Props | None) -> None:
        try:
            channel = self._process.wait_ready()
            self._stub = provider_pb2_grpc.ResourceProviderStub(channel)
            if config is not None:
                self._configure(config)
        except BaseException as exc:  # re-raised by the first call
            self._start_error = exc
        finally:
            self._started.set()

    def _ready_stub(self) -> provider_pb2_grpc.ResourceProviderStub:
        if not self._started.wait(self._process.start_timeout + 10):
            raise HostStartError("dynamic provider host did not start in time")
        if self._start_error is not None:
            raise self._start_error
        assert self._stub is not None
        return self._stub

    @property
    def port(self) -> int:
        self._ready_stub()
        return self._process.port

    @property
    def pid(self) -> int:
        """The host's process id (to watch its memory or kill it in crash tests)."""
        return self._process.pid

    def __enter__(self) -> ProviderHost:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._process.close()
        self._starter.join(timeout=self._process.start_timeout)

    @property
    def stderr(self) -> str:
        """What the host wrote to stderr so far (its logs and crash output)."""
        return self._process.stderr_text()

    def _call(self, method: str, request: Any, pick: Callable[[Any], T]) -> T:
        return self._call_on(self._ready_stub(), method, request, pick)

    @staticmethod
    def _call_on(
        stub: provider_pb2_grpc.ResourceProviderStub, method: str, request: Any,
        pick: Callable[[Any], T],
    ) -> T:
        try:
            response = getattr(stub, method)(request)
        except grpc.RpcError as err:
            code = err.code().name if hasattr(err, "code") else "UNKNOWN"
            details = err.details() if hasattr(err, "details") else str(err)
            raise ProviderError(method, code, details or "") from None
        return pick(response)

    def plugin_version(self) -> str:
        return self._call("GetPluginInfo", empty_pb2.Empty(), lambda r: str(r.version))

    def configure(self, config: Props) -> bool:
        """Send the whole namespaced stack config; returns the host's ``supportsPreview``."""
        self._ready_stub()
        return self._configure(config)

    def _configure(self, config: Props) -> bool:
        assert self._stub is not None
        request = provider_pb2.ConfigureRequest(
            args=to_struct(config), acceptSecrets=True, acceptResources=True
        )
        return self._call_on(self._stub, "Configure", request, lambda r: bool(r.supportsPreview))

    def check(self, urn: str, olds: Props, news: Props) -> tuple[Props, list[tuple[str, str]]]:
        request = provider_pb2.CheckRequest(
            **_target(urn),
            olds=to_struct(plain(olds)),
            news=to_struct(plain(news)),
        )
        return self._call(
            "Check",
            request,
            lambda r: (from_struct(r.inputs), [(f.property, f.reason) for f in r.failures]),
        )

    def diff(
        self, urn: str, id_: str, old_outputs: Props, news: Props, old_inputs: Props
    ) -> DiffAnswer:
        """The engine sends old *outputs* as ``olds``; the host hands those to ``diff()``."""
        request = provider_pb2.DiffRequest(
            **_target(urn, id_), **_change(old_outputs, news, old_inputs)
        )
        return self._call(
            "Diff",
            request,
            lambda r: DiffAnswer(
                int(r.changes), list(r.replaces), bool(r.deleteBeforeReplace), list(r.diffs)
            ),
        )

    def create(self, urn: str, props: Props) -> tuple[str, Props]:
        request = provider_pb2.CreateRequest(**_target(urn), properties=to_struct(plain(props)))
        return self._call("Create", request, lambda r: (str(r.id), from_struct(r.properties)))

    def read(self, urn: str, id_: str, outputs: Props | None, inputs: Props | None) -> ReadAnswer:
        request = provider_pb2.ReadRequest(**_target(urn, id_))
        if outputs is not None:
            request.properties.CopyFrom(to_struct(plain(outputs)))
        if inputs is not None:
            request.inputs.CopyFrom(to_struct(plain(inputs)))
        return self._call(
            "Read",
            request,
            lambda r: ReadAnswer(
                str(r.id),
                from_struct(r.properties),
                from_struct(r.inputs) if r.HasField("inputs") else None,
            ),
        )

    def update(
        self, urn: str, id_: str, old_outputs: Props, news: Props, old_inputs: Props
    ) -> Props:
        request = provider_pb2.UpdateRequest(
            **_target(urn, id_), **_change(old_outputs, news, old_inputs)
        )
        return self._call("Update", request, lambda r: from_struct(r.properties))

    def delete(self, urn: str, id_: str, old_outputs: Props, old_inputs: Props) -> None:
        """The host unpickles the ``__provider`` found in the old *outputs* (possibly stale)."""
        request = provider_pb2.DeleteRequest(
            **_target(urn, id_),
            properties=to_struct(plain(old_outputs)),
            old_inputs=to_struct(plain(old_inputs)),
        )
        self._call("Delete", request, lambda r: None)

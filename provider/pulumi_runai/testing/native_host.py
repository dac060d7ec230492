"""The native plugin (`pulumi-resource-runai`), started and driven over gRPC as the engine does.

Unlike the dynamic host, the plugin accepts secrets: values keep their secret markers both ways
(the engine's `{sig: secret, value}` shape, as in `_wire`), so a test sees exactly what the
engine would store. Every response can be recorded (`responses`) to check that no credential
ever leaves the plugin in plain.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import grpc
from google.protobuf import empty_pb2, json_format
from pulumi.runtime.proto import provider_pb2, provider_pb2_grpc

from ._process import ENGINE_ADDRESS, PluginProcess
from ._urns import urn_name, urn_type
from ._wire import Props, from_struct, to_struct
from .errors import HostStartError, ProviderError

T = TypeVar("T")

PLUGIN = "pulumi-resource-runai"
DIFF_KINDS = {v: k for k, v in provider_pb2.PropertyDiff.Kind.items()}


def plugin_command() -> list[str]:
    """The installed console script (next to this Python first, as a venv installs it)."""
    beside = Path(sys.executable).with_name(PLUGIN)
    found = str(beside) if beside.exists() else shutil.which(PLUGIN)
    if found is None:
        raise HostStartError(f"{PLUGIN} is not installed: pip install -e . (pyproject scripts)")
    return [found]


class NativeProviderError(ProviderError):
    """A failed call; the plugin's message comes first in `details` (then its traceback)."""

    def __init__(self, method: str, code: str, details: str) -> None:
        super().__init__(method, code, details)
        first = details.strip().splitlines()[0] if details.strip() else ""
        self.args = (f"{method} failed with {code}: {first}",)


@dataclass(frozen=True)
class NativeDiff:
    """Diff's answer; `detailed` maps property paths to kinds such as `UPDATE_REPLACE`."""

    changes: str
    replaces: list[str]
    stables: list[str]
    delete_before_replace: bool
    detailed: dict[str, str]


def _target(urn: str, id_: str | None = None) -> dict[str, Any]:
    fields: dict[str, Any] = {"urn": urn, "name": urn_name(urn), "type": urn_type(urn)}
    if id_ is not None:
        fields["id"] = id_
    return fields


class NativeHost:
    """One plugin process; `configure()` must be called before resource calls."""

    def __init__(
        self,
        *,
        env: Mapping[str, str] | None = None,
        command: list[str] | None = None,
        start_timeout: float = 30.0,
        record: bool = False,
    ) -> None:
        full_env = dict(os.environ)
        full_env.update(env or {})
        self._process = PluginProcess(
            [*(command or plugin_command()), ENGINE_ADDRESS],
            cwd=None, env=full_env, what=PLUGIN, start_timeout=start_timeout,
            # the console script's entry is the package's __main__
            as_module=None if command else ("pulumi_runai.native", [ENGINE_ADDRESS]),
        )
        self._stub = provider_pb2_grpc.ResourceProviderStub(self._process.wait_ready())
        self.responses: list[str] | None = [] if record else None

    def __enter__(self) -> NativeHost:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._process.close()

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def stderr(self) -> str:
        return self._process.stderr_text()

    def _call(self, method: str, request: Any, pick: Callable[[Any], T]) -> T:
        try:
            response = getattr(self._stub, method)(request)
        except grpc.RpcError as err:
            code = err.code().name if hasattr(err, "code") else "UNKNOWN"
            details = err.details() if hasattr(err, "details") else str(err)
            raise NativeProviderError(method, code, details or "") from None
        if self.responses is not None:
            self.responses.append(json_format.MessageToJson(response))
        return pick(response)

    # ---- plugin and configuration -------------------------------------------------------------

    def plugin_version(self) -> str:
        return self._call("GetPluginInfo", empty_pb2.Empty(), lambda r: str(r.version))

    def schema(self) -> str:
        request = provider_pb2.GetSchemaRequest(version=0)
        return self._call("GetSchema", request, lambda r: str(r.schema))

    def check_config(self, urn: str, news: Props) -> tuple[Props, list[tuple[str, str]]]:
        request = provider_pb2.CheckRequest(**_target(urn), olds=to_struct({}),
                                            news=to_struct(news))
        return self._call("CheckConfig", request, lambda r: (
            from_struct(r.inputs), [(f.property, f.reason) for f in r.failures]))

    def configure(self, args: Props, variables: Mapping[str, str] | None = None) -> bool:
        """Configure as the engine does for an explicit or default provider; returns
        `acceptSecrets` (the engine then sends secrets wrapped)."""
        request = provider_pb2.ConfigureRequest(
            args=to_struct(args), variables=dict(variables or {}), acceptSecrets=True,
            acceptResources=True,
        )
        return self._call("Configure", request, lambda r: bool(r.acceptSecrets))

    # ---- resources ----------------------------------------------------------------------------

    def check(self, urn: str, olds: Props, news: Props) -> tuple[Props, list[tuple[str, str]]]:
        request = provider_pb2.CheckRequest(**_target(urn), olds=to_struct(olds),
                                            news=to_struct(news))
        return self._call("Check", request, lambda r: (
            from_struct(r.inputs), [(f.property, f.reason) for f in r.failures]))

    def diff(self, urn: str, id_: str, old_outputs: Props, news: Props,
             old_inputs: Props | None = None, ignore_changes: list[str] | None = None,
             ) -> NativeDiff:
        request = provider_pb2.DiffRequest(
            **_target(urn, id_), olds=to_struct(old_outputs), news=to_struct(news),
            old_inputs=to_struct(old_inputs or {}), ignoreChanges=ignore_changes or [],
        )
        return self._call("Diff", request, lambda r: NativeDiff(
            provider_pb2.DiffResponse.DiffChanges.Name(r.changes),
            list(r.replaces), list(r.stables), bool(r.deleteBeforeReplace),
            {k: DIFF_KINDS[v.kind] for k, v in r.detailedDiff.items()},
        ))

    def create(self, urn: str, props: Props, *, preview: bool = False) -> tuple[str, Props]:
        request = provider_pb2.CreateRequest(**_target(urn), properties=to_struct(props),
                                             preview=preview)
        return self._call("Create", request, lambda r: (str(r.id), from_struct(r.properties)))

    def read(self, urn: str, id_: str, outputs: Props | None = None,
             inputs: Props | None = None) -> tuple[str, Props, Props]:
        """Import sends the id alone; refresh the id with the old outputs and inputs."""
        request = provider_pb2.ReadRequest(**_target(urn, id_), properties=to_struct(outputs),
                                           inputs=to_struct(inputs))
        return self._call("Read", request, lambda r: (
            str(r.id), from_struct(r.properties), from_struct(r.inputs)))

    def update(self, urn: str, id_: str, old_outputs: Props, news: Props, *,
               old_inputs: Props | None = None, preview: bool = False) -> Props:
        request = provider_pb2.UpdateRequest(
            **_target(urn, id_), olds=to_struct(old_outputs), news=to_struct(news),
            old_inputs=to_struct(old_inputs or {}), preview=preview,
        )
        return self._call("Update", request, lambda r: from_struct(r.properties))

    def delete(self, urn: str, id_: str, outputs: Props, inputs: Props | None = None) -> None:
        request = provider_pb2.DeleteRequest(**_target(urn, id_), properties=to_struct(outputs),
                                             old_inputs=to_struct(inputs or {}))
        self._call("Delete", request, lambda r: None)

    def invoke(self, token: str, args: Props) -> tuple[Props, list[tuple[str, str]]]:
        request = provider_pb2.InvokeRequest(tok=token, args=to_struct(args))
        return self._call("Invoke", request, lambda r: (
            from_struct(getattr(r, "return")), [(f.property, f.reason) for f in r.failures]))

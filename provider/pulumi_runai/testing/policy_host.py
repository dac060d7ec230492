"""A Python policy pack run as the engine runs it, answering the analyzer hook over gRPC.

``PolicyPack(...)`` in the pack's ``__main__.py`` binds a port, prints it and serves the
``pulumirpc.Analyzer`` service; the engine then calls Analyze per resource (checked inputs) and
AnalyzeStack once (outputs). This class does the same, so packs are tested as deployed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import grpc
from google.protobuf import empty_pb2
from pulumi.runtime.proto import analyzer_pb2, analyzer_pb2_grpc

from ._process import PluginProcess
from ._wire import to_struct
from .analyzers import AnalyzedResource, Level, Violation
from .errors import ProviderError

_TO_LEVEL: dict[int, Level] = {
    analyzer_pb2.ADVISORY: "advisory",
    analyzer_pb2.MANDATORY: "mandatory",
    analyzer_pb2.REMEDIATE: "remediate",
    analyzer_pb2.DISABLED: "disabled",
}
_FROM_LEVEL = {v: k for k, v in _TO_LEVEL.items()}


class PolicyPackHost:
    """Starts ``python -u __main__.py`` in ``pack_dir`` and implements the analyzer hook.

    ``policy_config`` is what ``--policy-pack-config`` would send:
    ``{"policy-name": {"enforcementLevel": "mandatory", "properties": {...}}}``.
    """

    def __init__(
        self,
        pack_dir: str | os.PathLike[str],
        *,
        project: str = "project",
        stack: str = "dev",
        preview: bool = False,
        policy_config: Mapping[str, Mapping[str, Any]] | None = None,
        env: Mapping[str, str] | None = None,
        python: str = sys.executable,
        start_timeout: float = 30.0,
    ) -> None:
        full_env = dict(os.environ)
        full_env.update(PULUMI_PROJECT=project, PULUMI_STACK=stack,
                        PULUMI_DRY_RUN="true" if preview else "false")
        full_env.update(env or {})
        self._process = PluginProcess(
            [python, "-u", "__main__.py", "127.0.0.1:0"],
            cwd=Path(pack_dir), env=full_env, what="policy pack", start_timeout=start_timeout,
        )
        self._stub = analyzer_pb2_grpc.AnalyzerStub(self._process.wait_ready())
        info = self._call("GetAnalyzerInfo", empty_pb2.Empty())
        self.name: str = info.name
        self.policies: dict[str, Level] = {
            p.name: _TO_LEVEL.get(p.enforcementLevel, "advisory") for p in info.policies
        }
        if policy_config:
            self.configure(policy_config)

    def __enter__(self) -> PolicyPackHost:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._process.close()

    def _call(self, method: str, request: Any) -> Any:
        try:
            return getattr(self._stub, method)(request)
        except grpc.RpcError as err:
            code = err.code().name if hasattr(err, "code") else "UNKNOWN"
            details = err.details() if hasattr(err, "details") else str(err)
            raise ProviderError(f"Analyzer.{method}", code, details or "") from None

    def configure(self, policy_config: Mapping[str, Mapping[str, Any]]) -> None:
        config = {
            name: analyzer_pb2.PolicyConfig(
                enforcementLevel=cast(Any, _FROM_LEVEL[cfg.get("enforcementLevel", "advisory")]),
                properties=to_struct(dict(cfg.get("properties", {}))),
            )
            for name, cfg in policy_config.items()
        }
        self._call("Configure", analyzer_pb2.ConfigureAnalyzerRequest(policyConfig=config))

    def _violations(self, diagnostics: Sequence[Any]) -> list[Violation]:
        return [
            Violation(
                policy_name=d.policyName,
                message=d.message.strip(),
                enforcement_level=_TO_LEVEL.get(d.enforcementLevel, "advisory"),
                urn=d.urn,
                policy_pack=d.policyPackName,
            )
            for d in diagnostics
        ]

    def analyze(self, resource: AnalyzedResource) -> list[Violation]:
        request = analyzer_pb2.AnalyzeRequest(
            type=resource.type, urn=resource.urn, name=resource.name,
            properties=to_struct(resource.props),
        )
        return self._violations(self._call("Analyze", request).diagnostics)

    def analyze_stack(self, resources: Sequence[AnalyzedResource]) -> list[Violation]:
        request = analyzer_pb2.AnalyzeStackRequest(resources=[
            analyzer_pb2.AnalyzerResource(
                type=r.type, urn=r.urn, name=r.name, properties=to_struct(r.props),
                parent=r.parent, dependencies=list(r.dependencies),
            )
            for r in resources
        ])
        return self._violations(self._call("AnalyzeStack", request).diagnostics)

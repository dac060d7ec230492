"""`pulumi-resource-runai`: the plugin entry the engine starts (prints its port, serves gRPC).

The engine runs it as `pulumi-resource-runai <engine address> [--logtostderr] ...` (console
script or `PulumiPlugin.yaml` folder, see docs/native-provider.md). The SDK is checked first, so
an SDK without the experimental API fails with a message instead of a traceback at first call.
"""

from __future__ import annotations

import sys

from pulumi_runai.native.sdk_guard import UnsupportedPulumiSDK, check_sdk


def main(argv: list[str] | None = None) -> None:
    try:
        check_sdk()
    except UnsupportedPulumiSDK as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    from pulumi.provider.experimental.server import main as serve

    from pulumi_runai.native.provider import RunaiNativeProvider
    from pulumi_runai.native.schema import VERSION

    serve(list(sys.argv[1:] if argv is None else argv), VERSION, RunaiNativeProvider())

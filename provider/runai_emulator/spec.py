"""The Run:ai OpenAPI document the emulator follows (control plane 2.24, unmodified copy).
Served at `/api/docs`; the conformance tests validate answers against it. The file ships in
the provider package (`pulumi_runai.spec`), which validates policy bodies against it too."""

from __future__ import annotations

from pulumi_runai.spec import OPENAPI_PATH, openapi_bytes

__all__ = ["OPENAPI_PATH", "openapi_bytes"]

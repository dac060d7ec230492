"""The Run:ai OpenAPI document the emulator follows (control plane 2.24, unmodified copy;
provenance in openapi-2.24.PROVENANCE.md). Served at `/api/docs`; the conformance tests
validate answers against it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

OPENAPI_PATH = Path(__file__).with_name("openapi-2.24.json")


@lru_cache(maxsize=1)
def openapi_bytes() -> bytes:
    """The document as stored (1.5 MB), read once per process."""
    return OPENAPI_PATH.read_bytes()

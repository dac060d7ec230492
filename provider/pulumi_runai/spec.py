"""The Run:ai OpenAPI document this package follows (control plane 2.24, unmodified copy;
provenance in openapi-2.24.PROVENANCE.md).

It lives in the provider package because the provider validates workload-policy bodies against
it before any call (`models.policy_schema`); the emulator, an optional extra, serves and checks
against the same file through `runai_emulator.spec`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

OPENAPI_PATH = Path(__file__).with_name("openapi-2.24.json")


@lru_cache(maxsize=1)
def openapi_bytes() -> bytes:
    """The document as stored (1.5 MB), read once per process."""
    return OPENAPI_PATH.read_bytes()

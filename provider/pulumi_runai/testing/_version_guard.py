"""Refuse to run on a pulumi SDK the harness was not tested with.

The harness leans on SDK internals (the dynamic host's wire format, ``set_mocks``, the runtime's
global settings). A silent mismatch would make tests pass or fail for reasons unrelated to the
code under test, so we fail loudly instead; ``PULUMI_RUNAI_TESTING_ALLOW_UNTESTED=1`` overrides.
"""

from __future__ import annotations

import os
from importlib.metadata import PackageNotFoundError, version

TESTED_MIN = (3, 216, 0)
TESTED_MAX = (3, 272, 0)
OVERRIDE_ENV = "PULUMI_RUNAI_TESTING_ALLOW_UNTESTED"


class UntestedPulumiVersionError(ImportError):
    """The installed pulumi SDK is outside the range this harness was tested against."""


def _parse(text: str) -> tuple[int, ...]:
    parts: list[int] = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def _fmt(v: tuple[int, ...]) -> str:
    return ".".join(str(x) for x in v)


def check_pulumi_version(installed: str | None = None, env: dict[str, str] | None = None) -> str:
    """Return the installed version, or raise if it is outside the tested range."""
    environ = os.environ if env is None else env
    if installed is None:
        try:
            installed = version("pulumi")
        except PackageNotFoundError as exc:  # pragma: no cover - pulumi is a hard dependency
            raise UntestedPulumiVersionError("pulumi is not installed") from exc
    if TESTED_MIN <= _parse(installed) <= TESTED_MAX:
        return installed
    if environ.get(OVERRIDE_ENV) == "1":
        return installed
    raise UntestedPulumiVersionError(
        f"pulumi_runai.testing was tested with pulumi {_fmt(TESTED_MIN)}..{_fmt(TESTED_MAX)}, "
        f"found {installed}. It relies on SDK internals (dynamic host wire format, set_mocks); "
        f"install a tested version or set {OVERRIDE_ENV}=1 to try anyway."
    )

"""Any failure of a local command as one message with its fix, never a traceback.

The tracebacks stay available: ``--debug`` or ``RUNAI_DEBUG=1`` prints them as well. The
errors of :mod:`pulumi_runai.errors` already carry their fix; here they are found wherever
they hide (the cause of an org.yaml problem, the last line of a provider host's traceback)
so that, for example, rejected credentials are reported as credentials.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pulumi_runai import errors
from pulumi_runai.testing import (
    CheckFailedError,
    DeploymentError,
    HarnessError,
    PolicyViolationError,
    ProviderError,
)

DEBUG_HINT = "(run with --debug or RUNAI_DEBUG=1 to see the traceback)"
# Failures about reaching the control plane at all: they explain any error they caused.
CONNECTION_ERRORS = (errors.Unauthorized, errors.Forbidden, errors.TransportError,
                     errors.ServerError, errors.RateLimited, errors.NotRunaiControlPlane)
# "pulumi_runai.errors.Conflict: POST ...": the last line of a provider host's traceback.
_HOST_ERROR = re.compile(r"^(?P<module>[\w.]+)\.(?P<cls>[A-Z]\w*): (?P<text>.*)$")


class LocalError(Exception):
    """A failure of the local commands whose message already says what to do."""


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__


def _resource_name(urn: str) -> str:
    return urn.rsplit("::", 1)[-1]


def violation_text(message: str) -> str:
    """pulumi-policy puts the policy's description first; the finding is what follows."""
    lines = [line for line in message.strip().splitlines() if line.strip()]
    return " ".join(lines[1:] if len(lines) > 1 else lines)


def _host_error(err: ProviderError) -> tuple[str, bool]:
    """The provider's own message from the host's traceback: an error of this package says
    what to do, so its text alone; anything else keeps its class and points to --debug."""
    lines = [line for line in err.details.strip().splitlines() if line.strip()]
    if not lines:
        return f"{err.method} failed ({err.code})", False
    last = lines[-1].strip()
    match = _HOST_ERROR.match(last)
    if match and match.group("module").split(".")[0] == "pulumi_runai":
        return match.group("text"), True
    return last, False


def _one(exc: BaseException) -> tuple[str, bool]:
    """(message, whether it already names its fix)."""
    for cause in _chain(exc):
        if isinstance(cause, CONNECTION_ERRORS):
            return str(cause), True
    if isinstance(exc, LocalError | errors.RunaiError):
        return str(exc), True
    if isinstance(exc, CheckFailedError):
        text = "; ".join(f"{prop}: {reason}" if prop else reason for prop, reason in exc.failures)
        return f"{_resource_name(exc.urn)}: {text}", True
    if isinstance(exc, PolicyViolationError):
        lines = [f"  {v.policy_name}: {violation_text(v.message)}" for v in exc.violations]
        return "\n".join(["the policy pack stopped this deployment:", *lines]), True
    if isinstance(exc, ProviderError):
        return _host_error(exc)
    if isinstance(exc, DeploymentError):
        parts = [_one(e) for e in exc.errors] or [("the deployment failed", False)]
        return "\n".join(text for text, _ in parts), all(known for _, known in parts)
    if isinstance(exc, HarnessError):
        return str(exc), False
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted", True
    return f"{type(exc).__name__}: {exc}", False


def explain(exc: BaseException) -> str:
    """The one message for ``exc``; a hint to the traceback only when it names no fix."""
    text, known = _one(exc)
    return text if known else f"{text}\n{DEBUG_HINT}"

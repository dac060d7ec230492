"""Errors the harness raises, so tests can tell a provider failure from a policy stop."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .analyzers import Violation


class HarnessError(Exception):
    """Base class of every error raised by pulumi_runai.testing."""


class HostStartError(HarnessError):
    """A plugin process (dynamic host or policy pack) did not come up."""


class ProviderError(HarnessError):
    """A gRPC call to the dynamic host failed; ``details`` holds the host's traceback."""

    def __init__(self, method: str, code: str, details: str) -> None:
        self.method = method
        self.code = code
        self.details = details
        last = details.strip().splitlines()[-1] if details.strip() else ""
        super().__init__(f"{method} failed with {code}: {last}")


class CheckFailedError(HarnessError):
    """The provider's check() returned failures, which the engine reports as errors."""

    def __init__(self, urn: str, failures: Sequence[tuple[str, str]]) -> None:
        self.urn = urn
        self.failures = list(failures)
        text = "; ".join(f"{prop}: {reason}" for prop, reason in self.failures)
        super().__init__(f"{urn}: check failed: {text}")


class PolicyViolationError(HarnessError):
    """A mandatory policy violation stopped the deployment, as the engine would."""

    def __init__(self, violations: Sequence[Violation]) -> None:
        self.violations = list(violations)
        text = "; ".join(f"{v.policy_name}: {v.message}" for v in self.violations)
        super().__init__(f"mandatory policy violation: {text}")


class DeploymentError(HarnessError):
    """One or more steps failed; completed steps are recorded in ``steps`` and in state."""

    def __init__(self, errors: Sequence[BaseException], steps: Sequence[object]) -> None:
        self.errors = list(errors)
        self.steps = list(steps)
        super().__init__("; ".join(str(e) for e in self.errors) or "deployment failed")


class RegistrationAfterEnd(HarnessError):
    """The SDK sent a registration after its program's run had ended (one left pending when
    another step failed); it is refused rather than run against a closed host."""

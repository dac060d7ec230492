"""The one exception backends raise; the app turns it into the Run:ai error body."""

from __future__ import annotations


class EmulatorError(Exception):
    """An API error with its HTTP status and a message that names the offending field."""

    def __init__(self, status: int, message: str, details: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = details

    def body(self) -> dict[str, object]:
        """The `Error` schema of the spec: `{code, message, details?}`."""
        out: dict[str, object] = {"code": self.status, "message": self.message}
        if self.details:
            out["details"] = self.details
        return out


def bad_request(message: str) -> EmulatorError:
    return EmulatorError(400, message)


def not_found(kind: str, ident: object) -> EmulatorError:
    return EmulatorError(404, f"{kind} {ident} not found")


def conflict(message: str) -> EmulatorError:
    return EmulatorError(409, message)

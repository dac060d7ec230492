"""Switches: behaviours the Run:ai documentation does not settle, one setting each.

The emulator used to make one choice for each of these; a provider tested against one choice
passes by construction where a real tenant may differ. Each switch is a command-line flag of
`runai-emulator serve`, a field of `/_emulator/switches` (camelCase) and a keyword of
`runai_emulator.testing.EmulatorProcess` (snake_case). docs/emulator.md says what the
documentation does and does not say about each. Kept free of FastAPI so the test harness can
import it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

API_VERSIONS = ("2.24", "3.0")

# Allowed values of each text switch, the first being the default (today's behaviour).
CHOICES: dict[str, tuple[str, ...]] = {
    "duplicateAccessRules": ("reject", "allow"),
    "departmentDelete": ("refuse", "cascade"),
    "putOmitted": ("reset", "keep"),
    "apiVersion": API_VERSIONS,
}
# The one numeric switch: seconds a deleted project or node pool reads `Deleting`.
SECONDS = ("deletingDelay",)


class SwitchError(ValueError):
    """A switch name or value that is not allowed; the message names it and the choices."""


@dataclass(frozen=True)
class Switches:
    """The current choices; camelCase field names are the wire names of /_emulator/switches."""

    duplicateAccessRules: str = "reject"
    departmentDelete: str = "refuse"
    putOmitted: str = "reset"
    deletingDelay: float = 0.0
    apiVersion: str = "2.24"

    def wire(self) -> dict[str, Any]:
        return asdict(self)

    def patched(self, patch: object) -> Switches:
        """A copy with some switches changed; every value is checked before any is applied."""
        if not isinstance(patch, dict):
            raise SwitchError("switches body must be a JSON object")
        known = [f.name for f in fields(self)]
        clean: dict[str, Any] = {}
        for key, value in patch.items():
            if key not in known:
                raise SwitchError(f"unknown switch '{key}' (known: {', '.join(known)})")
            clean[key] = check(key, value)
        return replace(self, **clean)


def check(name: str, value: object) -> str | float:
    """The value of one switch, or a SwitchError naming it and what it accepts."""
    if name in SECONDS:
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise SwitchError(f"{name} must be a number of seconds >= 0, got {value!r}")
        return float(value)
    allowed = CHOICES[name]
    if value not in allowed:
        raise SwitchError(f"{name} must be one of {', '.join(allowed)}, got {value!r}")
    return str(value)


def snake(name: str) -> str:
    """`putOmitted` -> `put_omitted`: the keyword and the flag (`--put-omitted`) of a switch."""
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)


def camel(keyword: str) -> str:
    """`put_omitted` -> `putOmitted`, or a SwitchError for a keyword that is no switch."""
    for f in fields(Switches):
        if snake(f.name) == keyword:
            return f.name
    known = ", ".join(snake(f.name) for f in fields(Switches))
    raise SwitchError(f"unknown switch '{keyword}' (known: {known})")

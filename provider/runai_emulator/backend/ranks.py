"""Org-unit ranks (quota entry `rank`, 2.24+) and the priorities they replace (gone in 3.0).

The docs name `High`, `Medium` and the default `MediumLow`; the full ladder below and the
numeric values are the emulator's (no source lists them). Higher ranks are scheduled first.
"""

from __future__ import annotations

from .common import Doc

RANKS: tuple[str, ...] = ("VeryLow", "Low", "MediumLow", "Medium", "MediumHigh", "High",
                          "VeryHigh")
DEFAULT_RANK = "MediumLow"


def listing() -> list[Doc]:
    """`{name, value, isDefault}` per rank, lowest first (the spec's `Priority` shape)."""
    return [{"name": name, "value": (index + 1) * 10, "isDefault": name == DEFAULT_RANK}
            for index, name in enumerate(RANKS)]

"""Throughput floor for simple GETs (slow: CI runs it with -m slow on a quiet machine)."""

from __future__ import annotations

import pytest
from runai_emulator.testing import EmulatorProcess

from .bench_get import measure


@pytest.mark.slow
def test_serves_a_thousand_simple_gets_per_second(emulator: EmulatorProcess) -> None:
    rate = measure(emulator, seconds=3.0, threads=4)
    assert rate >= 1000, f"only {rate:.0f} GET /api/v1/clusters per second"

"""The benchmark's native rows in a small configuration: every phase at the request floor,
nothing requested by a no-op, one token per plugin process. Slow (a plugin start per phase):
`scripts/test -m slow`; the figures at N = 500 and 2000 are in docs/native-provider.md."""

from __future__ import annotations

import pytest
from runai_emulator.testing import EmulatorProcess

from benchmarks import workload
from benchmarks.native_bench import PHASES, provider_rows


@pytest.mark.slow
def test_native_rows_are_at_the_floor(emulator: EmulatorProcess) -> None:
    rows = {r["phase"]: r for r in provider_rows(emulator, workload.build(8), "native")}
    assert list(rows) == list(PHASES)
    for row in rows.values():
        assert row["at_floor"], (row["phase"], row["excess"])
        assert row["token_requests"] <= 1
        assert row["provider_cpu_s"] > 0  # the plugin was found and measured
    assert rows["noop-up"]["requests"] == rows["preview"]["requests"] == 0
    assert rows["up"]["ops"] == {"create": 8} and rows["destroy"]["ops"] == {"delete": 8}

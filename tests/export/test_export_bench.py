"""The export benchmark (benchmarks/export_bench.py): small in CI, 5,000 objects with -m slow.

Assertions on requests only; the time is printed and recorded in docs/export.md, never
asserted (it depends on the machine).
"""

from __future__ import annotations

from typing import Any

import pytest
from runai_emulator.testing import EmulatorProcess

from benchmarks.export_bench import request_bound, run, table


def _check(objects: int, formats: list[str], emulator: EmulatorProcess | None = None
           ) -> dict[str, Any]:
    result = run(objects, formats, emulator=emulator)
    print(table(result))
    for row in result["exports"]:
        assert row["exit"] == 0, row["summary"]
        assert row["writes"] == [] and row["tokens"] == 1
        assert row["requests"] <= request_bound(result["listed"])
        pools = result["listed"]["nodepools"] - 1  # the seed's pools but the default one
        assert f"wrote {objects + pools} objects" in row["summary"][0]
    return result


def test_export_bench_small(emulator: EmulatorProcess) -> None:
    result = _check(200, ["yaml"], emulator)
    assert result["request_bound"] == 1 + 3 + 6  # one page per paged kind at this size


@pytest.mark.slow
def test_export_bench_5000_objects_at_most_one_request_per_100() -> None:
    result = _check(5000, ["yaml", "python", "import"])
    for row in result["exports"]:
        assert row["requests"] <= result["objects"] // 100

"""The export benchmark (benchmarks/export_bench.py): small in CI, 5,000 objects with -m slow.

Assertions on requests only; the time is printed and recorded in docs/export.md, never
asserted (it depends on the machine).
"""

from __future__ import annotations

import pytest

from benchmarks.export_bench import request_bound, run, table


def _check(objects: int, formats: list[str]) -> dict[str, object]:
    result = run(objects, formats)
    print(table(result))
    for row in result["exports"]:
        assert row["exit"] == 0, row["summary"]
        assert row["writes"] == [] and row["tokens"] == 1
        assert row["requests"] <= request_bound(result["listed"])
        assert f"wrote {objects} objects" in row["summary"][0]
    return result


def test_export_bench_small() -> None:
    result = _check(300, ["yaml"])
    assert result["request_bound"] == 1 + 2 + 5  # one page per paged kind at this size


@pytest.mark.slow
def test_export_bench_5000_objects_at_most_one_request_per_100() -> None:
    result = _check(5000, ["yaml", "python", "import"])
    for row in result["exports"]:
        assert row["requests"] <= result["objects"] // 100

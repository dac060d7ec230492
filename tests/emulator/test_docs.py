"""docs/emulator.md carries the current route table."""

from __future__ import annotations

from pathlib import Path

from runai_emulator import routes_md

DOC = Path(__file__).resolve().parents[2] / "docs" / "emulator.md"


def test_committed_endpoint_table_is_up_to_date() -> None:
    current = DOC.read_text()
    assert routes_md.render_into(current) == current, (
        "run: python -m runai_emulator routes-md --write docs/emulator.md"
    )


def test_table_lists_every_core_endpoint() -> None:
    text = routes_md.table()
    for needle in ("POST | `/api/v1/token`", "DELETE | `/api/v1/org-unit/projects/{projectId}`",
                   "GET | `/api/v1/authorization/access-rules`", "PUT | `/_emulator/faults`"):
        assert needle in text

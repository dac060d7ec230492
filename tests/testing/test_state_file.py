"""The checkpoint file always holds exactly the state in memory, whatever steps came before."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from pulumi_runai.testing import ResourceState, StateFile


def entry(name: str, **outputs: object) -> ResourceState:
    return ResourceState(urn=f"urn:pulumi:dev::p::t::{name}", type="t", name=name,
                         id=f"id-{name}", inputs={"size": 1}, outputs=dict(outputs))


def on_disk(path: Path) -> dict[str, object]:
    loaded: dict[str, object] = json.loads(path.read_text())
    return loaded


def test_every_checkpoint_matches_memory(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    state = StateFile(path)
    state.save()
    assert on_disk(path) == state.to_json() and on_disk(path)["resources"] == []

    a, b, c = entry("a", size=1), entry("b", note="x"), entry("c")
    for res in (a, b, c):
        state.put(res)
        state.save()
        assert on_disk(path) == state.to_json()

    state.put(replace(b, outputs={"note": "changed", "secret": {"4dabf18193072939515e22adb298388d":
                                                                "1b47061264138c4ac30d75fd1eb44270",
                                                                "value": "hush"}}))
    state.remove(a)
    state.stack_outputs = {"url": "http://x"}
    state.save()
    assert on_disk(path) == state.to_json()
    assert [r.name for r in StateFile(path).resources()] == ["b", "c"]
    assert StateFile(path).get(b.urn) == state.get(b.urn)


def test_entries_cannot_be_edited_in_place() -> None:
    """Checkpoints reuse each entry's JSON; that is only sound because entries are frozen."""
    res = entry("a")
    with pytest.raises(AttributeError):
        res.id = "other"  # type: ignore[misc]

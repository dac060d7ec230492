"""Analyzers gate steps like the engine: per resource before its step, the stack after."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import toyprov
from pulumi_runai.testing import (
    AnalyzedResource,
    PolicyPackHost,
    PolicyViolationError,
    Stack,
    Violation,
)

PACK = Path(__file__).resolve().parent / "toypack"


def program(files: Path, content: str) -> Callable[[], None]:
    return lambda: toyprov.File("a", dir=str(files), key="a", content=content) and None


def no_forbidden(res: AnalyzedResource) -> list[Violation]:
    if res.props.get("content") == "forbidden":
        return [Violation("no-forbidden", f"{res.name} is forbidden", "mandatory", res.urn)]
    return [Violation("note", f"saw {res.name}", "advisory", res.urn)]


class StackCounter:
    def __init__(self) -> None:
        self.seen: list[list[tuple[str, float]]] = []

    def analyze_stack(self, resources: Sequence[AnalyzedResource]) -> list[Violation]:
        self.seen.append([(r.name, r.props["size"]) for r in resources])  # outputs, not inputs
        return []


def test_mandatory_violation_stops_before_the_step(make_stack: Callable[..., Stack],
                                                   files: Path) -> None:
    stack = make_stack(analyzers=[no_forbidden])
    with pytest.raises(PolicyViolationError, match="a is forbidden"):
        stack.up(program(files, "forbidden"))
    assert toyprov.journal(str(files)) == [] and list(stack.state) == []
    result = stack.up(program(files, "fine"))
    assert [v.policy_name for v in result.violations] == ["note"]


def test_preview_reports_every_mandatory_violation_then_fails(make_stack: Callable[..., Stack],
                                                              files: Path) -> None:
    def two_forbidden() -> None:
        for key in ("a", "b"):
            toyprov.File(key, dir=str(files), key=key, content="forbidden")

    with pytest.raises(PolicyViolationError) as stopped:
        make_stack(analyzers=[no_forbidden]).preview(two_forbidden)
    assert sorted(v.message for v in stopped.value.violations) == [
        "a is forbidden", "b is forbidden"]
    assert toyprov.journal(str(files)) == []


def test_stack_analyzers_see_outputs_after_the_deployment(make_stack: Callable[..., Stack],
                                                          files: Path) -> None:
    counter = StackCounter()
    make_stack(analyzers=[counter]).up(program(files, "four"))
    assert counter.seen == [[("a", 4.0)]]


def test_policy_pack_process_over_grpc(make_stack: Callable[..., Stack], files: Path) -> None:
    with PolicyPackHost(PACK, project="toy") as pack:
        assert pack.name == "toy-guardrails" and pack.policies == {"no-forbidden": "mandatory"}
        stack = make_stack(analyzers=[pack])
        assert stack.up(program(files, "fine")).ops() == {"a": "create"}
        with pytest.raises(PolicyViolationError, match="file a says forbidden"):
            stack.up(program(files, "forbidden"))
    assert (files / "a.txt").read_text() == "fine"

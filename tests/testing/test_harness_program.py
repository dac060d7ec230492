"""Programs as written: a `__main__.py` path, config through pulumi.Config, stack outputs."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from pulumi_runai.testing import Stack

PROGRAM = Path(__file__).resolve().parent / "toyprogram"


def test_main_py_runs_from_its_directory(make_stack: Callable[..., Stack], files: Path) -> None:
    before = os.getcwd()
    stack = make_stack(config={"toy:dir": str(files), "toy:content": "hello"})
    result = stack.up(PROGRAM)
    assert result.ops() == {"a": "create"}
    assert result.stack_outputs == {"cwd": str(PROGRAM), "size": 5.0}
    assert os.getcwd() == before
    assert stack.up(PROGRAM / "__main__.py").ops() == {"a": "same"}
    assert stack.state.stack_outputs["size"] == 5.0

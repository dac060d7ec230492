"""Fixtures for the harness self-tests: a managed directory and stacks over the toy provider."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pulumi_runai.testing import Stack

HERE = Path(__file__).resolve().parent  # the toy provider's "project dir" (host cwd)


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """The directory the toy provider manages (and journals into)."""
    path = tmp_path / "files"
    path.mkdir()
    return path


@pytest.fixture
def make_stack(tmp_path: Path, files: Path) -> Callable[..., Stack]:
    def make(**kwargs: Any) -> Stack:
        kwargs.setdefault("project", "toy")
        kwargs.setdefault("cwd", HERE)
        kwargs.setdefault("config", {"toy:dir": str(files)})
        return Stack(tmp_path / "state.json", **kwargs)

    return make

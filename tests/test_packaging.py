"""pyproject.toml: the provider takes any newer pulumi; the harness's tested range is an extra."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pulumi_runai.testing._version_guard import TESTED_MAX, TESTED_MIN

PROJECT = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())["project"]


def _pulumi_requirement(requirements: list[str]) -> str:
    (found,) = (r for r in requirements if r.split(">")[0].split("=")[0].strip() == "pulumi")
    return found.replace(" ", "")


def _version(numbers: tuple[int, ...]) -> str:
    return ".".join(map(str, numbers))


def test_the_provider_puts_no_upper_bound_on_pulumi() -> None:
    assert _pulumi_requirement(PROJECT["dependencies"]) == f"pulumi>={_version(TESTED_MIN)}"


def test_the_testing_extra_pins_the_range_the_harness_guard_accepts() -> None:
    extras = PROJECT["optional-dependencies"]
    assert _pulumi_requirement(extras["testing"]) == (
        f"pulumi>={_version(TESTED_MIN)},<={_version(TESTED_MAX)}"
    )
    assert any(r.startswith("pulumi-runai[") and "testing" in r for r in extras["test"])

"""The harness refuses SDK versions it was not tested with, unless told otherwise."""

from __future__ import annotations

import pytest
from pulumi_runai.testing._version_guard import (
    OVERRIDE_ENV,
    UntestedPulumiVersionError,
    check_pulumi_version,
)


def test_installed_version_is_accepted() -> None:
    assert check_pulumi_version(env={})


@pytest.mark.parametrize("version", ["3.215.9", "3.273.0", "4.0.0"])
def test_versions_outside_the_range_fail_loudly(version: str) -> None:
    with pytest.raises(UntestedPulumiVersionError, match=OVERRIDE_ENV):
        check_pulumi_version(version, env={})


def test_override_allows_an_untested_version() -> None:
    assert check_pulumi_version("3.300.1", env={OVERRIDE_ENV: "1"}) == "3.300.1"

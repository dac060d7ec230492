"""The plugin checks the experimental SDK API it is built on, and says what drifted."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pulumi_runai.native import sdk_guard


def test_the_installed_sdk_offers_everything_used() -> None:
    assert sdk_guard.problems() == []
    sdk_guard.check_sdk()


def test_a_missing_name_or_argument_is_reported_with_the_supported_range(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    required = {**sdk_guard.REQUIRED, "pulumi.provider.experimental.provider": {
        **sdk_guard.REQUIRED["pulumi.provider.experimental.provider"],
        "ListRequest2": (), "DiffRequest": ("urn", "old_inputs")}}
    monkeypatch.setattr(sdk_guard, "REQUIRED", required)
    with pytest.raises(sdk_guard.UnsupportedPulumiSDK) as caught:
        sdk_guard.check_sdk()
    message = str(caught.value)
    low, high = sdk_guard.SUPPORTED_RANGE
    assert f"pulumi {low} to {high}" in message
    assert "ListRequest2 is missing" in message and "no longer takes old_inputs" in message


def test_the_plugin_stops_with_the_message_instead_of_serving() -> None:
    script = (
        "import pulumi.provider.experimental.provider as p\n"
        "del p.DiffResponse\n"
        "from pulumi_runai.native.plugin import main\n"
        "main(['127.0.0.1:0'])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert "DiffResponse is missing" in done.stderr and "3.272.0" in done.stderr

"""Bad or missing provider settings, and a control plane that cannot be reached, end a run with
one line naming the setting and the fix, before any change: at CheckConfig for what the
settings say, as a Check or Invoke failure for what only a call finds (not the SDK's "Unexpected
<class 'Exception'>" with a traceback)."""

from __future__ import annotations

import pulumi_runai_native as native
import pytest
from pulumi_runai.native import config
from pulumi_runai.testing import CheckFailedError, Stack
from pulumi_runai.testing._wire import secret
from pulumi_runai.testing.native_host import NativeHost
from runai_emulator.testing import EmulatorProcess

from .conftest import plugin_env, provider_args, writes

PROVIDER = "urn:pulumi:dev::org::pulumi:providers:runai::default"
RULE = "urn:pulumi:dev::org::runai:index:AccessRule::kim-vision"
UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing listens


@pytest.mark.parametrize(("setting", "value", "named"), [
    ("timeout", "abc", "runai:timeout / RUNAI_TIMEOUT must be a positive number"),
    ("timeout", -5.0, "runai:timeout / RUNAI_TIMEOUT must be a positive number"),
    ("hostThreads", 0.0, "runai:hostThreads / RUNAI_HOST_THREADS must be a whole number"),
    ("waitTimeout", "soon", "runai:waitTimeout / RUNAI_WAIT_TIMEOUT must be a positive"),
    ("waitTimeout", "nan", "runai:waitTimeout / RUNAI_WAIT_TIMEOUT must be a positive"),
    ("timeout", "nan", "runai:timeout / RUNAI_TIMEOUT must be a positive number"),
    ("clientSecret", "", "client secret is not set. Set stack config runai:clientSecret"),
    ("insecureSkipVerify", "maybe", "must be true or false"),
])
def test_check_config_refuses_what_the_settings_refuse(
    emulator: EmulatorProcess, setting: str, value: object, named: str,
) -> None:
    with NativeHost(env=plugin_env()) as plugin:
        _, failures = plugin.check_config(PROVIDER, provider_args(emulator, **{setting: value}))
    assert len(failures) == 1 and named in failures[0][1], failures
    assert "\n" not in failures[0][1]


def test_an_explicit_provider_is_told_to_set_its_own_input_not_stack_config(
    emulator: EmulatorProcess,
) -> None:
    """An explicit provider reads no stack config: the fix for a missing setting is the
    provider's argument (or the environment), never `pulumi config set`."""
    args = provider_args(emulator)
    del args["clientSecret"]
    with NativeHost(env=plugin_env()) as plugin:
        _, explicit = plugin.check_config(PROVIDER.replace("::default", "::eu"), args)
        _, default = plugin.check_config(PROVIDER, args)
    assert explicit == [("clientSecret", "clientSecret is not set: set it on this provider, "
                                         "or RUNAI_CLIENT_SECRET where pulumi runs")]
    assert len(default) == 1 and "stack config runai:clientSecret" in default[0][1]


def test_an_explicit_provider_with_a_bad_value_is_told_about_its_own_input(
    emulator: EmulatorProcess,
) -> None:
    with NativeHost(env=plugin_env()) as plugin:
        _, failures = plugin.check_config(PROVIDER.replace("::default", "::eu"),
                                          provider_args(emulator, timeout="soon"))
    assert failures == [("timeout", "timeout must be a positive number of seconds, got 'soon': "
                                    "set it on this provider, or RUNAI_TIMEOUT where pulumi runs")]


def test_good_settings_and_unknown_keys_pass_check_config(emulator: EmulatorProcess) -> None:
    """The engine gives a default provider every `runai:*` stack config key; a program's own
    (`runai:team`) is no setting of the provider and no failure either."""
    with NativeHost(env=plugin_env()) as plugin:
        _, failures = plugin.check_config(PROVIDER, provider_args(
            emulator, timeout=30.0, hostThreads=8.0, waitTimeout="600", team="vision"))
        assert failures == []
        shouted = emulator.url.replace("http://", "HTTP://")  # a scheme is case-insensitive
        assert plugin.check_config(PROVIDER, provider_args(emulator, url=shouted))[1] == []


def test_check_config_judges_the_environment_it_is_given(
    emulator: EmulatorProcess, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RUNAI_WAIT_TIMEOUT", "-1")
    args = {k: v["value"] if isinstance(v, dict) else v
            for k, v in provider_args(emulator).items()}
    assert config.problems(args, {}) == []
    assert [k for k, _ in config.problems(args, {"RUNAI_WAIT_TIMEOUT": "-1"})] == ["waitTimeout"]


def test_an_unreachable_control_plane_is_a_one_line_check_and_invoke_failure() -> None:
    args = {"url": UNREACHABLE, "clientId": "ci", "clientSecret": secret("not-used")}
    with NativeHost(env=plugin_env()) as plugin:
        plugin.configure(args)
        _, failures = plugin.check(RULE, {}, {  # the role is looked up by name: a call
            "subjectType": "user", "subjectId": "kim@example.com", "roleName": "L1 researcher",
            "scopeType": "project", "scopeId": "7", "clusterId": "c-1"})
        result, invoked = plugin.invoke("runai:index:getCluster", {})
    for found in (failures, invoked):
        assert len(found) == 1, found
        assert "could not connect to http://127.0.0.1:9" in found[0][1]
        assert "Traceback" not in found[0][1] and "Unexpected" not in found[0][1]
    assert result == {}


def test_a_bad_stack_setting_stops_the_harness_run_before_any_request(
    emulator: EmulatorProcess, stack: Stack,
) -> None:
    """`pulumi_runai.testing` checks the default provider's configuration as the engine does."""
    stack.config["runai:timeout"] = "soon"
    emulator.clear_requests()
    with pytest.raises(CheckFailedError, match="runai:timeout / RUNAI_TIMEOUT must be"):
        stack.up(lambda: native.User("kim", email="kim@example.com"))
    assert writes(emulator) == [] and emulator.requests() == []

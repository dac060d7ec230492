"""Settings resolution: config wins over env, missing values name both ways to set them."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from pulumi_runai.errors import ConfigError
from pulumi_runai.settings import Settings

ENV = {
    "RUNAI_URL": "https://env.run.ai",
    "RUNAI_CLIENT_ID": "env-id",
    "RUNAI_CLIENT_SECRET": "env-s3cret",
}


def test_environment_alone_is_enough() -> None:
    s = Settings.resolve(None, ENV)
    assert (s.url, s.client_id, s.client_secret) == ("https://env.run.ai", "env-id", "env-s3cret")
    assert s.verify is True and s.insecure_skip_verify is False


def test_stack_config_wins_over_environment_key_by_key() -> None:
    config = {"runai:url": "https://cfg.run.ai/", "runai:clientSecret": "cfg-s3cret"}
    s = Settings.resolve(config, ENV)
    assert s.url == "https://cfg.run.ai"  # trailing slash dropped
    assert s.client_id == "env-id"
    assert s.client_secret == "cfg-s3cret"


def test_empty_config_value_falls_back_to_environment() -> None:
    assert Settings.resolve({"runai:url": "  "}, ENV).url == "https://env.run.ai"


@pytest.mark.parametrize(
    ("missing", "config_key", "env_var"),
    [
        ("RUNAI_URL", "runai:url", "RUNAI_URL"),
        ("RUNAI_CLIENT_ID", "runai:clientId", "RUNAI_CLIENT_ID"),
        ("RUNAI_CLIENT_SECRET", "runai:clientSecret", "RUNAI_CLIENT_SECRET"),
    ],
)
def test_missing_value_names_config_key_and_env_var(
    missing: str, config_key: str, env_var: str
) -> None:
    env = {k: v for k, v in ENV.items() if k != missing}
    with pytest.raises(ConfigError) as info:
        Settings.resolve({}, env)
    assert config_key in str(info.value)
    assert env_var in str(info.value)


def test_secret_is_suggested_as_a_secret_config() -> None:
    with pytest.raises(ConfigError, match="--secret runai:clientSecret"):
        Settings.resolve({}, {"RUNAI_URL": "https://x", "RUNAI_CLIENT_ID": "i"})


def test_bad_url_is_refused_with_the_setting_named() -> None:
    with pytest.raises(ConfigError, match="runai:url"):
        Settings.resolve({"runai:url": "app.run.ai"}, ENV)


def test_tls_options(tmp_path: Path) -> None:
    bundle = tmp_path / "ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n")
    s = Settings.resolve({"runai:caBundle": str(bundle)}, ENV)
    assert s.verify == str(bundle)
    s = Settings.resolve({}, {**ENV, "RUNAI_INSECURE_SKIP_VERIFY": "true"})
    assert s.verify is False
    with pytest.raises(ConfigError, match="runai:caBundle"):
        Settings.resolve({"runai:caBundle": str(tmp_path / "nope.pem")}, ENV)
    with pytest.raises(ConfigError, match="insecureSkipVerify"):
        Settings.resolve({"runai:insecureSkipVerify": "maybe"}, ENV)


def test_secret_not_in_repr_and_settings_refuse_pickling() -> None:
    s = Settings.resolve(None, ENV)
    assert "env-s3cret" not in repr(s)
    with pytest.raises(TypeError, match="must not be pickled"):
        pickle.dumps(s)


def test_settings_are_hashable_cache_keys() -> None:
    assert hash(Settings.resolve(None, ENV)) == hash(Settings.resolve(None, dict(ENV)))

"""TLS verification is on by default: a self-signed control plane is refused until its CA is
given (runai:caBundle / RUNAI_CA_BUNDLE), and then everything works."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pulumi_runai.client import RunaiClient
from pulumi_runai.errors import TransportError
from pulumi_runai.settings import Settings
from runai_emulator.testing import EmulatorProcess

from .conftest import Certificate

CLUSTERS = "/api/v1/clusters"


SYSTEM_BUNDLE_VARS = ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")


@pytest.fixture
def https_emulator(
    tmp_path: Path, certificate: Certificate, monkeypatch: pytest.MonkeyPatch
) -> Iterator[EmulatorProcess]:
    """The emulator over HTTPS. `requests` lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE override a
    session's `verify` path, so they are cleared here (see the env-override test below)."""
    for var in SYSTEM_BUNDLE_VARS:
        monkeypatch.delenv(var, raising=False)
    with EmulatorProcess(
        tmp_path / "tls.db",
        "--tls-cert", str(certificate.cert), "--tls-key", str(certificate.key),
        verify=str(certificate.cert),
    ) as server:
        yield server


def _settings(server: EmulatorProcess, **extra: object) -> Settings:
    values: dict[str, object] = {"runai:url": server.url, "runai:clientId": server.client_id,
                                 "runai:clientSecret": server.client_secret, **extra}
    return Settings.resolve(values, env={})


def test_emulator_serves_https(https_emulator: EmulatorProcess) -> None:
    assert https_emulator.url.startswith("https://127.0.0.1:")


def test_default_settings_refuse_a_self_signed_control_plane(
    https_emulator: EmulatorProcess,
) -> None:
    settings = _settings(https_emulator)
    assert settings.verify is True
    client = RunaiClient(settings)
    with pytest.raises(TransportError) as caught:
        client.get(CLUSTERS)
    text = str(caught.value)
    assert "TLS verification failed" in text
    assert "runai:caBundle" in text and "RUNAI_CA_BUNDLE" in text
    assert https_emulator.client_secret not in text
    # Refused before any credential was sent: the emulator saw no API request at all.
    assert https_emulator.requests() == []


def test_ca_bundle_from_stack_config_works(
    https_emulator: EmulatorProcess, certificate: Certificate
) -> None:
    client = RunaiClient(_settings(https_emulator, **{"runai:caBundle": str(certificate.cert)}))
    clusters = client.get(CLUSTERS)
    assert [c["name"] for c in clusters] == ["local"]


def test_ca_bundle_from_environment_works(
    https_emulator: EmulatorProcess, certificate: Certificate
) -> None:
    settings = Settings.resolve(
        None,
        env={"RUNAI_URL": https_emulator.url, "RUNAI_CLIENT_ID": https_emulator.client_id,
             "RUNAI_CLIENT_SECRET": https_emulator.client_secret,
             "RUNAI_CA_BUNDLE": str(certificate.cert)},
    )
    assert settings.verify == str(certificate.cert)
    assert [c["name"] for c in RunaiClient(settings).get(CLUSTERS)] == ["local"]


def test_a_wrong_ca_bundle_is_still_refused(
    https_emulator: EmulatorProcess, tmp_path: Path
) -> None:
    from .conftest import _self_signed

    other = tmp_path / "other"
    other.mkdir()
    stranger = _self_signed(other)
    client = RunaiClient(_settings(https_emulator, **{"runai:caBundle": str(stranger.cert)}))
    with pytest.raises(TransportError, match="TLS verification failed"):
        client.get(CLUSTERS)


def test_a_missing_ca_bundle_file_is_a_config_error_naming_both_settings(
    tmp_path: Path,
) -> None:
    from pulumi_runai.errors import ConfigError

    with pytest.raises(ConfigError, match=r"runai:caBundle.*RUNAI_CA_BUNDLE"):
        Settings.resolve({"runai:url": "https://127.0.0.1:1", "runai:clientId": "a",
                          "runai:clientSecret": "b",
                          "runai:caBundle": str(tmp_path / "nope.pem")}, env={})


def test_ca_bundle_wins_over_a_system_bundle_in_the_environment(
    https_emulator: EmulatorProcess, certificate: Certificate, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Corporate machines often export REQUESTS_CA_BUNDLE; the stack's CA must still count."""
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
    client = RunaiClient(_settings(https_emulator, **{"runai:caBundle": str(certificate.cert)}))
    assert [c["name"] for c in client.get(CLUSTERS)] == ["local"]


def test_insecure_skip_verify_is_honoured_with_a_system_bundle_in_the_environment(
    https_emulator: EmulatorProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
    client = RunaiClient(_settings(https_emulator, **{"runai:insecureSkipVerify": "true"}))
    assert [c["name"] for c in client.get(CLUSTERS)] == ["local"]

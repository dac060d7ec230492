"""Fixtures for the reliability and security tests: clean process caches, a TLS certificate."""

from __future__ import annotations

import datetime
import gc
import ipaddress
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pulumi_runai.client import reset_process_state


@pytest.fixture(autouse=True)
def _fresh_process_state() -> Iterator[None]:
    """Clients and tokens are cached per process: one test's emulator must not leak into the
    next one's (several tests start dedicated emulators on reused ports)."""
    reset_process_state()
    yield
    reset_process_state()


@pytest.fixture(autouse=True)
def _collect_failed_futures() -> Iterator[None]:
    """A failed harness run leaves asyncio futures whose exceptions nobody retrieved; their
    finalizers, run by a later GC in the middle of pytest formatting another test's traceback,
    have made CPython 3.11.7 raise "AST constructor recursion depth mismatch" (INTERNALERROR,
    session aborted). Collecting after each test runs them at a harmless moment."""
    yield
    gc.collect()


@dataclass(frozen=True)
class Certificate:
    """A self-signed certificate for 127.0.0.1: `cert` doubles as the CA bundle."""

    cert: Path
    key: Path


def _self_signed(directory: Path) -> Certificate:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "runai-emulator test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "emulator.pem", directory / "emulator.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return Certificate(cert_path, key_path)


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    return _self_signed(tmp_path_factory.mktemp("tls"))

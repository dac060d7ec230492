"""Many threads at once lose nothing; HTTPS works with a given certificate."""

from __future__ import annotations

import datetime
import ipaddress
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from runai_emulator.testing import EmulatorProcess

from .api import Api


def test_sixteen_threads_of_creates_lose_nothing(emulator: EmulatorProcess) -> None:
    token = emulator.token()
    cluster = Api(emulator, token).cluster_id()

    def create(i: int) -> list[int]:
        api = Api(emulator, token)
        statuses = []
        for j in range(5):
            statuses.append(api.post("/api/v1/org-unit/projects", {
                "name": f"t{i}-p{j}", "clusterId": cluster, "resources": []}).status_code)
            statuses.append(api.post("/api/v1/users",
                                     {"email": f"u{i}.{j}@example.com"}).status_code)
        # every thread also races for one shared name: exactly one may win
        statuses.append(api.post("/api/v1/org-unit/departments", {
            "name": "contested", "clusterId": cluster, "resources": []}).status_code)
        return statuses

    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(create, range(16)))
    flat = [s for r in results for s in r]
    assert flat.count(201) == 16 * 10 + 1 and flat.count(409) == 15
    state = emulator.state()
    assert len(state["projects"]) == 80 and len(state["users"]) == 80
    assert len({p["id"] for p in state["projects"]}) == 80
    assert [d["name"] for d in state["departments"]].count("contested") == 1


def _self_signed(directory: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def test_tls(tmp_path: Path, emulator_factory: Callable[..., EmulatorProcess]) -> None:
    cert, key = _self_signed(tmp_path)
    server = emulator_factory("--tls-cert", str(cert), "--tls-key", str(key))
    assert server.url.startswith("https://127.0.0.1:")
    token = requests.post(f"{server.url}/api/v1/token", verify=str(cert), timeout=5, json={
        "grantType": "client_credentials", "clientId": server.client_id,
        "clientSecret": server.client_secret}).json()["accessToken"]
    clusters = requests.get(f"{server.url}/api/v1/clusters", verify=str(cert), timeout=5,
                            headers={"Authorization": f"Bearer {token}"})
    assert clusters.status_code == 200
    try:
        requests.get(f"{server.url}/api/v1/clusters", timeout=5)
    except requests.exceptions.SSLError:
        pass
    else:  # pragma: no cover
        raise AssertionError("an untrusted certificate must be rejected by default")

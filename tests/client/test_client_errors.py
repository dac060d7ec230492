"""What a user sees when runai:url or the credentials are wrong: one clear error, quickly.

These talk to real sockets (a closed port, an unresolvable name, a small stdlib HTTP server
that is not Run:ai), so the default transport's classification is what is tested.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pulumi_runai._retry import RetryPolicy
from pulumi_runai.client import RunaiClient
from pulumi_runai.errors import ConfigError, NotRunaiControlPlane, TransportError, Unauthorized
from pulumi_runai.settings import Settings
from runai_emulator.testing import EmulatorProcess

SECRET = "s3cret-never-shown"

# status, content type, body: what a server that is not Run:ai answers to every request
Answer = tuple[int, str, bytes]


def _client(url: str) -> RunaiClient:
    return RunaiClient(Settings(url=url, client_id="ci-bot", client_secret=SECRET, timeout=5))


class _ForeignHandler(BaseHTTPRequestHandler):
    """Answers every request with the server's current ``answer``."""

    server: _ForeignServer

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status, content_type, body = self.server.answer
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args: object) -> None:
        pass


class _ForeignServer(ThreadingHTTPServer):
    answer: Answer = (200, "text/plain", b"")


@pytest.fixture(scope="module")
def _foreign() -> Iterator[_ForeignServer]:
    server = _ForeignServer(("127.0.0.1", 0), _ForeignHandler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def foreign_server(_foreign: _ForeignServer) -> Callable[[Answer], str]:
    """``foreign_server(answer)``: the URL of a local HTTP server answering ``answer`` to all."""

    def serve(answer: Answer) -> str:
        _foreign.answer = answer
        return f"http://127.0.0.1:{_foreign.server_address[1]}"

    return serve


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_dead_url_fails_in_seconds_naming_the_url_setting() -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    started = time.monotonic()
    with pytest.raises(TransportError) as info:
        _client(url).get("/api/v1/clusters")
    # A refused connection to a server never reached is not ridden out for ~11 s of retries.
    assert time.monotonic() - started < 3
    text = str(info.value)
    assert url in text and "refused" in text
    assert "runai:url" in text and "RUNAI_URL" in text
    assert SECRET not in text


def test_an_unknown_host_is_named_as_such() -> None:
    with pytest.raises(TransportError) as info:
        _client("http://control-plane.invalid").get("/api/v1/clusters")
    text = str(info.value)
    assert "control-plane.invalid" in text and "resolve" in text
    assert "runai:url" in text and "RUNAI_URL" in text


@pytest.fixture
def silent_port() -> Iterator[socket.socket]:
    """A listening socket nobody serves: connections are made, requests get no answer."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener


def test_a_server_that_never_answers_is_a_timeout_naming_the_setting(
    silent_port: socket.socket,
) -> None:
    url = f"http://127.0.0.1:{silent_port.getsockname()[1]}"
    settings = Settings(url=url, client_id="ci-bot", client_secret=SECRET, timeout=0.2)
    client = RunaiClient(settings, retry=RetryPolicy(max_attempts=1))
    with pytest.raises(TransportError) as info:
        client.get("/api/v1/clusters")
    assert "no answer within 0.2s (runai:timeout / RUNAI_TIMEOUT)" in str(info.value)
    assert info.value.sent is True  # it may have been carried out: only a lookup can tell


def test_a_server_that_hangs_up_is_a_lost_answer(silent_port: socket.socket) -> None:
    def hang_up() -> None:
        connection, _ = silent_port.accept()
        connection.recv(65536)
        connection.close()

    threading.Thread(target=hang_up, daemon=True).start()
    url = f"http://127.0.0.1:{silent_port.getsockname()[1]}"
    client = RunaiClient(Settings(url=url, client_id="ci-bot", client_secret=SECRET),
                         retry=RetryPolicy(max_attempts=1))
    with pytest.raises(TransportError, match="closed before the answer") as info:
        client.get("/api/v1/clusters")
    assert info.value.sent is True


HTML = b"<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>"


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param((200, "text/html", HTML), id="an HTML page"),
        pytest.param((200, "text/plain", b"OK"), id="non-JSON 200 on the token endpoint"),
        pytest.param((200, "application/json", b'{"status": "up"}'), id="JSON without a token"),
        pytest.param((404, "text/html", HTML), id="404 on the token path"),
        pytest.param((404, "application/json", b'{"detail": "Not Found"}'), id="JSON 404"),
        pytest.param((405, "text/html", HTML), id="POST not allowed"),
        pytest.param((501, "text/html", HTML), id="POST not implemented"),
        pytest.param((400, "text/html", b"<html><title>400 The plain HTTP request was sent to "
                      b"HTTPS port</title></html>"), id="http:// to an https port"),
    ],
)
def test_a_url_that_is_not_runai_says_so(
    foreign_server: Callable[[Answer], str], answer: Answer
) -> None:
    url = foreign_server(answer)
    started = time.monotonic()
    with pytest.raises(NotRunaiControlPlane) as info:
        _client(url).get("/api/v1/clusters")
    assert time.monotonic() - started < 3  # no retries: asking again will not change it
    assert isinstance(info.value, ConfigError)  # a setting to fix, not an outage to wait out
    text = str(info.value)
    assert url in text and "does not look like a Run:ai control plane" in text
    assert "runai:url" in text and "RUNAI_URL" in text
    assert "retry later" not in text
    assert SECRET not in text


def test_wrong_credentials_say_the_client_id_and_secret_were_refused(
    emulator: EmulatorProcess,
) -> None:
    client = RunaiClient(Settings(url=emulator.url, client_id=emulator.client_id,
                                  client_secret=SECRET, timeout=5))
    with pytest.raises(Unauthorized) as info:
        client.get("/api/v1/clusters")
    text = str(info.value)
    assert "refused client id 'pulumi-runai' and its secret" in text
    for setting in ("runai:clientId", "runai:clientSecret", "RUNAI_CLIENT_ID",
                    "RUNAI_CLIENT_SECRET"):
        assert setting in text
    assert SECRET not in text and SECRET not in repr(info.value)


def test_https_to_a_server_without_tls_says_to_check_the_scheme(
    foreign_server: Callable[[Answer], str],
) -> None:
    url = foreign_server((200, "text/plain", b"OK")).replace("http://", "https://")
    with pytest.raises(TransportError) as info:
        _client(url).get("/api/v1/clusters")
    text = str(info.value)
    assert "does not answer with TLS" in text and "http://" in text and "RUNAI_URL" in text
    assert "caBundle" not in text

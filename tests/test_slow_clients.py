"""Slow clients cannot hold connections: a head, a body or an unread answer past its
deadline closes the connection, and connections past --connection-limit get 503.

Raw sockets, because an HTTP client library would not trickle bytes or stop reading.
The bounds are generous (BOUND seconds for a 1 s timeout): these tests say that a
connection is closed, not how fast.
"""

from __future__ import annotations

import http.client
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests.server_process import RunningServer, serve

BOUND = 10.0
"""Seconds within which a connection with a 1 s deadline must have been closed."""
DUMP = "/dumps/intmk.ttl"


@pytest.fixture(scope="module")
def impatient(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    log = tmp_path_factory.mktemp("slow") / "serve.log"
    with serve(built, log, "--header-timeout", "1", "--body-timeout", "1") as running:
        yield running


def address(server: RunningServer) -> tuple[str, int]:
    parts = urlsplit(server.url)
    assert parts.hostname is not None and parts.port is not None
    return parts.hostname, parts.port


def trickle(server: RunningServer, start: bytes, rest: bytes) -> tuple[float, bytes]:
    """Send `start`, then `rest` a byte at a time (four a second) until the server
    closes the connection; the seconds that took (BOUND if it never did) and the answer."""
    began = time.monotonic()
    with socket.create_connection(address(server), timeout=BOUND) as sock:
        sock.settimeout(0.25)
        sock.sendall(start)
        answer = b""
        while time.monotonic() - began < BOUND:
            try:
                if rest:
                    sock.send(rest[:1])
                    rest = rest[1:]
                chunk = sock.recv(65536)
            except TimeoutError:
                continue
            except (BrokenPipeError, ConnectionResetError):
                return time.monotonic() - began, answer
            if not chunk:
                return time.monotonic() - began, answer
            answer += chunk
        return BOUND, answer


def no_tracebacks(server: RunningServer) -> None:
    log = server.output()
    assert "Traceback" not in log
    assert "Exception in ASGI application" not in log


def test_an_idle_connection_is_closed(impatient: RunningServer) -> None:
    seconds, answer = trickle(impatient, b"", b"")
    assert seconds < BOUND
    assert answer == b""


def test_a_head_sent_byte_by_byte_is_closed(impatient: RunningServer) -> None:
    head = b"GET /sparql HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + b"a" * 200 + b"\r\n\r\n"
    seconds, answer = trickle(impatient, b"", head)
    assert seconds < BOUND
    assert answer == b"", "the head never came complete, so there is no answer"
    no_tracebacks(impatient)


def test_a_body_sent_byte_by_byte_is_closed(impatient: RunningServer) -> None:
    body = b"SELECT * WHERE { ?s ?p ?o } LIMIT 1 " + b"#" * 200
    head = (
        b"POST /sparql HTTP/1.1\r\nHost: localhost\r\n"
        b"Content-Type: application/sparql-query\r\nContent-Length: %d\r\n\r\n" % len(body)
    )
    seconds, answer = trickle(impatient, head, body)
    assert seconds < BOUND
    assert answer == b""
    chunked = (
        b"POST /sparql HTTP/1.1\r\nHost: localhost\r\n"
        b"Content-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    seconds, answer = trickle(impatient, chunked, b"%x\r\n%s\r\n" % (len(body), body))
    assert seconds < BOUND
    no_tracebacks(impatient)


def test_a_second_request_on_a_connection_has_its_own_deadline(
    impatient: RunningServer,
) -> None:
    """After an answer the next head must come within the timeout too."""
    first = b"GET /openapi.json HTTP/1.1\r\nHost: localhost\r\n\r\n"
    second = b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + b"a" * 200 + b"\r\n\r\n"
    seconds, answer = trickle(impatient, first, second)
    assert seconds < BOUND
    assert answer.startswith(b"HTTP/1.1 200 OK")
    assert answer.count(b"HTTP/1.1 ") == 1


def test_an_answer_left_unread_is_dropped(impatient: RunningServer) -> None:
    """A client with a tiny receive buffer asks for the Turtle dump many times over
    (pipelined, more than the kernel's buffers hold) and reads nothing: once writing has
    been paused longer than --body-timeout the connection is aborted."""
    size = len(httpx.get(impatient.url + DUMP.lstrip("/"), timeout=30).content)
    requests = 24
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.settimeout(BOUND)
        sock.connect(address(impatient))
        sock.sendall(f"GET {DUMP} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode() * requests)
        time.sleep(4)  # reading nothing, four times the timeout
        received = 0
        began = time.monotonic()
        try:
            while chunk := sock.recv(1 << 20):
                received += len(chunk)
        except ConnectionResetError:
            pass
        assert time.monotonic() - began < BOUND, "the connection was closed"
    assert received < requests * size / 2, "most of the answers were dropped, not sent"
    no_tracebacks(impatient)
    assert httpx.get(impatient.url + DUMP.lstrip("/"), timeout=30).status_code == 200


LIMIT = 4


@pytest.fixture(scope="module")
def crowded(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    log = tmp_path_factory.mktemp("crowded") / "serve.log"
    with serve(built, log, "--connection-limit", str(LIMIT)) as running:
        yield running


def get(connection: http.client.HTTPConnection, path: str = "/openapi.json") -> int:
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return response.status


def test_connections_past_the_limit_get_503_and_the_others_are_answered(
    crowded: RunningServer,
) -> None:
    """uvicorn counts open connections: with LIMIT - 1 open, the next request is over."""
    held = [http.client.HTTPConnection(*address(crowded), timeout=30) for _ in range(LIMIT - 1)]
    extra = [http.client.HTTPConnection(*address(crowded), timeout=30) for _ in range(LIMIT)]
    try:
        for connection in held:
            connection.connect()
        assert [get(connection) for connection in held] == [200] * (LIMIT - 1)
        for connection in extra:
            connection.connect()
        assert [get(connection) for connection in extra] == [503] * LIMIT
        for connection in extra:
            connection.close()
        time.sleep(0.5)  # the server notices the extra connections are gone
        assert [get(connection) for connection in held] == [200] * (LIMIT - 1)
    finally:
        for connection in held + extra:
            connection.close()
    assert "Traceback" not in crowded.output()

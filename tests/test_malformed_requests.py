"""Malformed requests get a 4xx problem, never a 500, and leave no traceback in the log.

Found by an attacker against `intmk serve` with its defaults (issue 12): IRIs pyoxigraph
refuses, control characters in paths, query strings that are not UTF-8, bodies past the
limit, clients leaving mid-body, invalid Range headers, a 405 without POST in Allow, and a
dead worker's 503 that spoke of a timeout.
"""

from __future__ import annotations

import os
import signal
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests.server_process import RunningServer, serve
from tests.test_sparql_protocol import SLOW, workers

BODY_LIMIT = 4096
QUERY = "SELECT * WHERE { ?s ?p ?o } LIMIT 1"
PROBLEM_JSON = "application/problem+json"
SPARQL_QUERY = "application/sparql-query"


@pytest.fixture(scope="module")
def strict(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """A server with a small body limit and one worker (and its spare)."""
    log = tmp_path_factory.mktemp("malformed") / "serve.log"
    options = ("--body-limit", str(BODY_LIMIT), "--query-workers", "1")
    with serve(built, log, *options) as running:
        yield running


@pytest.fixture()
def http(strict: RunningServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=strict.url, timeout=30, follow_redirects=False) as client:
        yield client


def problem(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    body: dict[str, object] = response.json()
    assert body["status"] == status
    return body


def no_tracebacks(server: RunningServer) -> None:
    log = server.output()
    assert "Traceback" not in log
    assert "Exception in ASGI application" not in log
    assert "unexpected error" not in log


def exchange(server: RunningServer, request: bytes, timeout: float = 10) -> bytes:
    """Send raw bytes on a new connection; everything the server answers until it closes."""
    address = urlsplit(server.url)
    with socket.create_connection((address.hostname, address.port or 80), timeout) as sock:
        sock.sendall(request)
        answer = b""
        try:
            while chunk := sock.recv(65536):
                answer += chunk
        except ConnectionResetError:
            pass  # closed with our unread bytes in its buffer: the answer came first
        return answer


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


@pytest.mark.parametrize(
    "path",
    [
        "/doc/a%20b",
        "/doc/%3Cx%3E",
        "/doc/%FF",
        "/doc/%FF.ttl",
        "/id/a%20b",
        "/id/conference/18%7C",
        "/id/a%00b",
        "/doc/a%00b",
        "/dumps/%0A",
        "/doc/conference/18%0A",
        "/sparql%0A",
        "/openapi.json%0A",
    ],
)
def test_a_path_that_cannot_be_an_iri_is_404(
    http: httpx.Client, strict: RunningServer, path: str
) -> None:
    for accept in ("*/*", "text/html"):
        response = http.get(path, headers={"Accept": accept})
        assert response.status_code == 404
        if accept == "*/*":
            assert "Nothing is published at" in str(problem(response, 404)["detail"])
    assert http.head(path).status_code == 404
    no_tracebacks(strict)


def test_a_client_leaving_mid_body_ends_quietly(http: httpx.Client, strict: RunningServer) -> None:
    address = urlsplit(strict.url)
    for kind in ("application/sparql-query", "application/x-www-form-urlencoded"):
        with socket.create_connection((address.hostname, address.port or 80), 10) as sock:
            sock.sendall(
                b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: %s\r\n"
                b"Content-Length: 1000\r\n\r\nSELECT" % kind.encode()
            )
            time.sleep(0.3)
    time.sleep(0.5)
    assert http.post("/sparql", data={"query": QUERY}).status_code == 200
    no_tracebacks(strict)


def test_a_query_that_is_not_utf8_is_400_saying_so(http: httpx.Client) -> None:
    in_url = problem(http.get("/sparql?query=%FF"), 400)
    assert "not UTF-8" in str(in_url["detail"])
    assert "query string" in str(in_url["detail"])
    graph = problem(http.get(f"/sparql?query={QUERY}&default-graph-uri=%C3"), 400)
    assert "not UTF-8" in str(graph["detail"])
    form = http.post(
        "/sparql",
        content=b"query=SELECT%20%FF",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert "not UTF-8" in str(problem(form, 400)["detail"])
    assert "form body" in str(form.json()["detail"])
    page = http.get("/sparql?query=%FF", headers={"Accept": "text/html"})
    assert page.status_code == 400
    assert "UTF-8" in page.text
    encoded = http.get("/sparql", params={"query": 'SELECT ("Länder" AS ?x) {}'})
    assert encoded.json()["results"]["bindings"][0]["x"]["value"] == "Länder"


def test_405_lists_every_method_the_path_allows(http: httpx.Client) -> None:
    for method in ("PUT", "DELETE", "PATCH"):
        response = http.request(method, "/sparql")
        problem(response, 405)
        assert response.headers["allow"] == "GET, HEAD, OPTIONS, POST"
    assert http.options("/sparql").headers["allow"] == "GET, HEAD, OPTIONS, POST"
    document = http.put("/doc/conference/18")
    assert document.status_code == 405
    assert document.headers["allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize(
    "value",
    ["bytes=abc", "bytes=5-3", "bytes=", "bytes=0-1,x", "items=0-1", "0-1", "bytes=٣-5"],
)
def test_an_invalid_range_is_ignored(http: httpx.Client, value: str) -> None:
    whole = http.get("/dumps/intmk.nq.gz")
    assert whole.status_code == 200
    response = http.get("/dumps/intmk.nq.gz", headers={b"Range": value.encode()})
    assert response.status_code == 200
    assert response.content == whole.content


def test_a_valid_range_is_still_served(http: httpx.Client) -> None:
    whole = http.get("/dumps/intmk.nq.gz").content
    part = http.get("/dumps/intmk.nq.gz", headers={"Range": "bytes=0-3"})
    assert part.status_code == 206
    assert part.content == whole[:4]
    tail = http.get("/dumps/intmk.nq.gz", headers={"Range": "bytes=-2, 1-1"})
    assert tail.status_code == 206
    past = http.get("/dumps/intmk.nq.gz", headers={"Range": f"bytes={len(whole)}-"})
    assert past.status_code == 416


def test_a_body_past_the_limit_is_413_before_it_is_read(strict: RunningServer) -> None:
    head = (
        b"POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Origin: https://example.org\r\nContent-Length: 104857600\r\n\r\nSELECT"
    )
    for path in (b"/sparql", b"/no/such/path", b"/doc/conference/18"):
        answer = exchange(strict, head % path)
        assert status_of(answer) == 413, answer[:300]
        headers, _, body = answer.partition(b"\r\n\r\n")
        assert b"connection: close" in headers.lower()
        assert b"access-control-allow-origin: *" in headers.lower()
        assert b"application/problem+json" in headers
        assert f"limit of {BODY_LIMIT} bytes".encode() in body
        assert b"--body-limit" in body
    no_tracebacks(strict)


def test_a_chunked_body_is_refused_once_it_passes_the_limit(strict: RunningServer) -> None:
    chunk = b"#" * 1000
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(BODY_LIMIT // 1000 + 1))
    head = (
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    answer = exchange(strict, head + chunks)  # and never the last chunk
    assert status_of(answer) == 413, answer[:300]
    assert b"--body-limit" in answer
    no_tracebacks(strict)


def test_a_body_within_the_limit_is_answered(http: httpx.Client) -> None:
    query = QUERY + " #" + "x" * (BODY_LIMIT - 100)
    posted = http.post("/sparql", content=query, headers={"Content-Type": SPARQL_QUERY})
    assert posted.status_code == 200
    chunked = http.post(
        "/sparql", content=iter([query.encode()]), headers={"Content-Type": SPARQL_QUERY}
    )
    assert chunked.status_code == 200
    assert chunked.content == posted.content


def test_the_openapi_description_declares_413(http: httpx.Client) -> None:
    responses = http.get("/openapi.json").json()["paths"]["/sparql"]["post"]["responses"]
    assert PROBLEM_JSON in responses["413"]["content"]


def test_a_head_past_its_limit_is_431(strict: RunningServer) -> None:
    answer = exchange(strict, b"GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + b"a" * 200_000)
    assert status_of(answer) == 431
    long_header = b"X-Long: " + b"a" * 60_000 + b"\r\n"
    fine = exchange(
        strict, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + long_header + b"\r\n"
    )
    assert status_of(fine) == 200


def test_a_dead_worker_503_does_not_speak_of_a_timeout(
    http: httpx.Client, strict: RunningServer
) -> None:
    workers(strict, wait_for=2)
    with ThreadPoolExecutor(1) as pool:
        running = pool.submit(http.get, "/sparql", params={"query": SLOW + " # killed"})
        time.sleep(0.5)
        for pid in workers(strict):
            os.kill(pid, signal.SIGKILL)
        died = running.result()
    body = problem(died, 503)
    assert "ended unexpectedly" in str(body["detail"])
    assert "timeout_seconds" not in body
    assert "timeout" not in died.text.lower()
    workers(strict, wait_for=2)

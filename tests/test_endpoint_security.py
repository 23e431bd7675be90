"""A public endpoint nobody can turn against us: no outbound connection for any query, and
no response that carries a client's Host or X-Forwarded-* headers to other clients."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Namespace, URIRef

from cli.main import server_options
from server.config import Settings
from server.query_pool import QueryPool
from server.query_worker import Job
from tests.server_process import RunningServer

BASE = "http://localhost:8000/"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
SRJ = "application/sparql-results+json"
HOSTILE = "attacker.example"


@dataclass
class Listener:
    """A TCP listener on loopback that records every connection made to it."""

    port: int
    connections: list[bytes] = field(default_factory=list)


@pytest.fixture
def listener() -> Iterator[Listener]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.settimeout(0.2)
    found = Listener(sock.getsockname()[1])
    stopping = threading.Event()

    def accept() -> None:
        while not stopping.is_set():
            try:
                connection, _ = sock.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(1)
                try:
                    found.connections.append(connection.recv(4096))
                except OSError:
                    found.connections.append(b"")
                answer = b'{"head":{"vars":["s"]},"results":{"bindings":[]}}'
                connection.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                    + f"Content-Length: {len(answer)}\r\n\r\n".encode()
                    + answer
                )

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield found
    stopping.set()
    thread.join(5)
    sock.close()


def federated(port: int) -> list[str]:
    """SERVICE in every place a query can hold it."""
    target = f"<http://127.0.0.1:{port}/admin>"
    return [
        f"SELECT * WHERE {{ SERVICE {target} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT {target} {{ ?s ?p ?o }} }}",
        f"select * where {{ service {target} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?a ?b ?c OPTIONAL {{ SERVICE {target} {{ ?s ?p ?o }} }} }} LIMIT 1",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE {target} {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * WHERE {{ BIND({target} AS ?x) SERVICE ?x {{ ?s ?p ?o }} }}",
        f"ASK {{ FILTER EXISTS {{ SERVICE {target} {{ ?s ?p ?o }} }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE {target} {{ ?s ?p ?o }} }}",
        f"# a comment\nSELECT * WHERE {{ SERVICE\n{target}\n{{ ?s ?p ?o }} }}",
    ]


def test_federated_queries_are_refused_and_no_connection_arrives(
    client: httpx.Client, server: RunningServer, listener: Listener
) -> None:
    for query in federated(listener.port):
        for response in (
            client.get("/sparql", params={"query": query}, headers={"Accept": SRJ}),
            client.post("/sparql", data={"query": query}),
            client.post(
                "/sparql", content=query, headers={"Content-Type": "application/sparql-query"}
            ),
        ):
            assert response.status_code == 400, query
            problem = response.json()
            assert problem["title"] == "Federation disabled"
            assert "Federated queries (SERVICE) are disabled" in problem["detail"]
        page = client.get("/sparql", params={"query": query}, headers={"Accept": "text/html"})
        assert page.status_code == 400
        assert "Federated queries (SERVICE) are disabled" in page.text
    assert listener.connections == []


def test_words_that_only_look_like_service_are_not_refused(client: httpx.Client) -> None:
    queries = [
        'SELECT * WHERE { ?s ?p "SERVICE <http://127.0.0.1:1/> { }" } LIMIT 1',
        "SELECT ?service WHERE { ?service ?p ?o } LIMIT 1",
        "PREFIX service: <http://example.org/> SELECT * WHERE { ?s service:x ?o } LIMIT 1",
        "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o } # SERVICE <http://x/> {}",
    ]
    for query in queries:
        response = client.get("/sparql", params={"query": query}, headers={"Accept": SRJ})
        assert response.status_code == 200, (query, response.text)


def test_a_query_worker_cannot_open_a_socket_even_if_a_service_reached_it(
    built: Path, listener: Listener
) -> None:
    """Defence in depth: past the endpoint's check, the worker's seccomp filter refuses the
    engine's connection, and the client learns nothing but that the query failed."""
    settings = Settings(store=built, query_workers=1, query_timeout=30.0)

    async def main() -> None:
        pool = await QueryPool.start(built / "intmk.nq", settings, spares=0)
        try:
            for query in federated(listener.port)[:2]:
                job = Job(query, None, None, SRJ, SRJ, "text/turtle", BASE + "sparql")
                reply = await pool.run(job)
                if query.find("SILENT") > 0:
                    assert reply.status == 200  # SILENT: the failed call gives no rows
                    assert reply.body.endswith(b'"results": {"bindings": [{}]}}')
                else:
                    assert reply.status == 500
                    assert reply.detail == (
                        "The query failed inside the query engine; it is logged."
                    )
            assert (await pool.run(Job("ASK {}", None, None, SRJ, SRJ, None, BASE))).status == 200
        finally:
            await pool.close()

    asyncio.run(main())
    assert listener.connections == []


HOSTILE_HEADERS = [
    {"Host": HOSTILE},
    {"X-Forwarded-Host": HOSTILE},
    {"X-Forwarded-Proto": "gopher", "X-Forwarded-Host": HOSTILE, "X-Forwarded-For": "6.6.6.6"},
    {"Forwarded": f"host={HOSTILE};proto=https"},
]
PATHS = [
    ("/sparql?query=ASK%7B%7D", "text/html"),
    ("/sparql", "text/html"),
    ("/sparql", "text/turtle"),
    ("/sparql", "application/ld+json"),
    ("/", "text/html"),
    ("/doc/conference/18", "text/html"),
    ("/doc/conference/18", "text/turtle"),
    ("/id/conference/18", "text/turtle"),
    ("/dataset", "text/html"),
    ("/dumps/", "text/html"),
    ("/no/such/page", "text/html"),
    ("/no/such/page", "application/json"),
    ("/api", "text/html"),
]


def test_hostile_host_and_forwarded_headers_reach_no_other_client(
    client: httpx.Client, server: RunningServer
) -> None:
    for path, accept in PATHS:
        for hostile in HOSTILE_HEADERS:
            answer = client.get(path, headers={"Accept": accept, **hostile})
            assert HOSTILE not in answer.text, (path, hostile)
            assert "gopher" not in answer.text
            assert HOSTILE not in str(answer.headers), (path, hostile)
        plain = client.get(path, headers={"Accept": accept})
        assert HOSTILE not in plain.text and "gopher" not in plain.text, path
        assert HOSTILE not in str(plain.headers)
    form = client.get("/sparql", params={"query": "ASK{}"}, headers={"Accept": "text/html"})
    assert '<form method="get" action="/sparql">' in form.text
    assert f"<code>{BASE}sparql</code>" in form.text
    description = client.get("/sparql", headers={"Accept": "text/turtle", "Host": HOSTILE})
    graph = Graph().parse(data=description.text, format="turtle")
    assert set(graph.objects(None, SD.endpoint)) == {URIRef(BASE + "sparql")}


def test_forwarded_headers_are_trusted_only_from_configured_proxies() -> None:
    assert server_options(Settings())["proxy_headers"] is False
    assert server_options(Settings())["forwarded_allow_ips"] is None
    trusted = server_options(Settings(trusted_proxies="10.0.0.1, 10.0.0.2"))
    assert trusted["proxy_headers"] is True
    assert trusted["forwarded_allow_ips"] == ["10.0.0.1", "10.0.0.2"]

"""The /sparql endpoint against real `intmk serve` processes: protocol, formats, limits, workers."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pyoxigraph
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

from tests.server_process import RunningServer, client_at, serve

BASE = "http://localhost:8000/"
INTMK = "https://w3id.org/intmk/ontology#"
MINUTES_GRAPH = BASE + "id/conference/18/graph"
REFERENCE = BASE + "id/reference-data"
CONFERENCE = BASE + "id/conference/18"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
RESOLUTIONS = f"SELECT (COUNT(?r) AS ?n) WHERE {{ ?r a <{INTMK}Resolution> }}"
REQUESTS = f"SELECT (COUNT(?r) AS ?n) WHERE {{ ?r a <{INTMK}Request> }}"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
LABELS = f"SELECT ?label WHERE {{ <{CONFERENCE}> <{LABEL}> ?label }} ORDER BY ?label"
ALL_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SRJ = "application/sparql-results+json"
SRX = "application/sparql-results+xml"


def count(response: httpx.Response) -> int:
    assert response.status_code == 200, response.text
    binding = response.json()["results"]["bindings"][0]["n"]
    assert binding["datatype"] == str(XSD.integer)
    return int(binding["value"])


def problem(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert "Traceback" not in response.text
    assert isinstance(body, dict)
    return body


# Operations: GET, POST form, POST direct


def test_get_post_form_and_post_direct_give_the_same_counts(client: httpx.Client) -> None:
    assert count(client.get("/sparql", params={"query": RESOLUTIONS})) == 30
    assert count(client.post("/sparql", data={"query": REQUESTS})) == 37  # issue 15: TOP 7.1
    direct = client.post(
        "/sparql",
        content=RESOLUTIONS.encode(),
        headers={"Content-Type": "application/sparql-query; charset=UTF-8"},
    )
    assert count(direct) == 30


def test_a_utf8_query_body_matches_german_text(client: httpx.Client) -> None:
    query = (
        f'ASK {{ <{CONFERENCE}> <http://www.w3.org/2000/01/rdf-schema#label> "18. IntMK 2023"@de }}'
    )
    response = client.post(
        "/sparql", content=query.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert response.json() == {"head": {}, "boolean": True}
    umlaut = 'ASK { ?s ?p ?o FILTER(CONTAINS(STR(?o), "Länder und Kommunen")) }'
    response = client.post(
        "/sparql", content=umlaut.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert response.json()["boolean"] is True


# Dataset: union default graph, protocol dataset, FROM


def test_the_default_graph_is_the_union_of_the_named_graphs(client: httpx.Client) -> None:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ <{CONFERENCE}> a <{INTMK}Conference> }}"
    assert count(client.get("/sparql", params={"query": query})) == 1


def test_default_graph_uri_replaces_the_union(client: httpx.Client) -> None:
    only_reference = {"query": RESOLUTIONS, "default-graph-uri": REFERENCE}
    assert count(client.get("/sparql", params=only_reference)) == 0
    both: list[tuple[str, str | int | float | bool | None]] = [
        ("query", RESOLUTIONS),
        ("default-graph-uri", REFERENCE),
        ("default-graph-uri", MINUTES_GRAPH),
    ]
    assert count(client.get("/sparql", params=both)) == 30
    posted = client.post(f"/sparql?default-graph-uri={REFERENCE}", data={"query": RESOLUTIONS})
    assert count(posted) == 0


def test_named_graph_uri_limits_graph_patterns(client: httpx.Client) -> None:
    query = f"SELECT ?g WHERE {{ GRAPH ?g {{ ?s a <{INTMK}Resolution> }} }} GROUP BY ?g"
    everything = client.get("/sparql", params={"query": query}).json()
    assert [b["g"]["value"] for b in everything["results"]["bindings"]] == [MINUTES_GRAPH]
    limited = client.get("/sparql", params={"query": query, "named-graph-uri": REFERENCE}).json()
    assert limited["results"]["bindings"] == []


def test_a_from_clause_is_respected_without_protocol_dataset(client: httpx.Client) -> None:
    query = f"SELECT (COUNT(?r) AS ?n) FROM <{REFERENCE}> WHERE {{ ?r a <{INTMK}Resolution> }}"
    assert count(client.get("/sparql", params={"query": query})) == 0
    query = query.replace(REFERENCE, MINUTES_GRAPH)
    assert count(client.get("/sparql", params={"query": query})) == 30


def test_a_graph_iri_that_is_not_absolute_is_refused(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": RESOLUTIONS, "default-graph-uri": "x y"})
    assert "default-graph-uri 'x y' is not an absolute IRI" in str(problem(response, 400)["detail"])


# Protocol errors


def test_two_queries_are_refused(client: httpx.Client) -> None:
    response = client.get("/sparql", params=[("query", "ASK {}"), ("query", "ASK {}")])
    assert "carries 2 queries" in str(problem(response, 400)["detail"])


@pytest.mark.parametrize("content_type", ["text/plain", None])
def test_a_post_needs_a_protocol_content_type(client: httpx.Client, content_type: str) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post("/sparql", content=b"query=ASK%20%7B%7D", headers=headers)
    detail = str(problem(response, 400)["detail"])
    assert "application/x-www-form-urlencoded" in detail
    assert "application/sparql-query" in detail


def test_a_body_that_is_not_utf8_is_refused(client: httpx.Client) -> None:
    sparql = {"Content-Type": "application/sparql-query"}
    latin1 = client.post(
        "/sparql", content='ASK { ?s ?p "Länder" }'.encode("latin-1"), headers=sparql
    )
    assert "not valid UTF-8" in str(problem(latin1, 400)["detail"])
    utf16 = client.post(
        "/sparql",
        content="ASK {}".encode("utf-16"),
        headers={"Content-Type": "application/sparql-query; charset=UTF-16"},
    )
    assert "declared as utf-16" in str(problem(utf16, 400)["detail"])


def test_query_and_update_together_are_refused(client: httpx.Client) -> None:
    response = client.post("/sparql", data={"query": "ASK {}", "update": "CLEAR ALL"})
    assert "either a query or an update" in str(problem(response, 400)["detail"])


def test_a_malformed_query_gets_the_parser_message_with_its_position(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"})
    detail = str(problem(response, 400)["detail"])
    assert detail.startswith(
        "The query is not valid SPARQL 1.1: error at 1:25: expected one of LATERAL, SERVICE"
    )


def test_a_post_without_a_query_is_refused(client: httpx.Client) -> None:
    response = client.post("/sparql", data={"format": "json"})
    assert "carries no query" in str(problem(response, 400)["detail"])


# Result formats


def test_select_as_xml_csv_and_tsv(client: httpx.Client) -> None:
    xml = client.get("/sparql", params={"query": LABELS}, headers={"Accept": SRX})
    assert xml.headers["content-type"] == SRX
    namespace = {"r": "http://www.w3.org/2005/sparql-results#"}
    literals = ElementTree.fromstring(xml.content).findall(".//r:literal", namespace)
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert [(e.text, e.get(xml_lang)) for e in literals] == [
        ("18. IntMK 2023", "de"),
        ("18th IntMK 2023", "en"),
    ]
    table = client.get("/sparql", params={"query": LABELS}, headers={"Accept": "text/csv"})
    assert table.headers["content-type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(table.text))) == [
        ["label"],
        ["18. IntMK 2023"],
        ["18th IntMK 2023"],
    ]
    tsv = client.get("/sparql", params={"query": LABELS, "format": "tsv"})
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    assert tsv.text == '?label\n"18. IntMK 2023"@de\n"18th IntMK 2023"@en\n'


def test_json_terms_carry_types_languages_and_datatypes(client: httpx.Client) -> None:
    query = (
        f"SELECT ?year ?number ?type WHERE {{ <{CONFERENCE}> <{INTMK}year> ?year ; "
        f"<{INTMK}conferenceNumber> ?number . "
        f"GRAPH <{MINUTES_GRAPH}> {{ <{CONFERENCE}> a ?type }} }}"
    )
    response = client.get("/sparql", params={"query": query})
    assert response.headers["content-type"] == SRJ
    assert response.json() == {
        "head": {"vars": ["year", "number", "type"]},
        "results": {
            "bindings": [
                {
                    "year": {"type": "literal", "value": "2023", "datatype": str(XSD.gYear)},
                    "number": {"type": "literal", "value": "18", "datatype": str(XSD.integer)},
                    "type": {"type": "uri", "value": INTMK + "Conference"},
                }
            ]
        },
    }
    plain = client.get("/sparql", params={"query": 'SELECT ?x WHERE { BIND("a" AS ?x) }'})
    assert plain.json()["results"]["bindings"] == [{"x": {"type": "literal", "value": "a"}}]


def test_accept_q_values_and_the_format_parameter_choose(client: httpx.Client) -> None:
    accept = {"Accept": "text/csv;q=0.5, application/sparql-results+xml"}
    assert (
        client.get("/sparql", params={"query": LABELS}, headers=accept).headers["content-type"]
        == SRX
    )
    for name, media_type in [("json", SRJ), ("xml", SRX), ("text/csv", "text/csv")]:
        response = client.get(
            "/sparql", params={"query": LABELS, "format": name}, headers={"Accept": "text/csv"}
        )
        assert response.headers["content-type"].startswith(media_type)
        assert response.headers["vary"].startswith("Accept")
    unknown = client.get("/sparql", params={"query": LABELS, "format": "yaml"})
    assert "Unknown format 'yaml'" in str(problem(unknown, 400)["detail"])


def test_ask_answers_json_and_xml_and_refuses_csv(client: httpx.Client) -> None:
    json_answer = client.get("/sparql", params={"query": "ASK {}"})
    assert json_answer.json() == {"head": {}, "boolean": True}
    xml = client.get(
        "/sparql",
        params={"query": 'ASK { ?s ?p "a value the data does not hold" }'},
        headers={"Accept": SRX},
    )
    boolean = ElementTree.fromstring(xml.content).find(
        "{http://www.w3.org/2005/sparql-results#}boolean"
    )
    assert boolean is not None and boolean.text == "false"
    csv_only = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "text/csv"})
    assert problem(csv_only, 406)["available"] == [SRJ, SRX]


def test_nothing_acceptable_is_406_listing_the_types(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": LABELS}, headers={"Accept": "image/png"})
    available = problem(response, 406)["available"]
    assert isinstance(available, list)
    assert SRJ in available and "text/turtle" in available and "text/csv" in available


CONSTRUCT = f"CONSTRUCT {{ <{CONFERENCE}> ?p ?o }} WHERE {{ <{CONFERENCE}> ?p ?o }}"
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/n-quads": "nquads",
    "application/trig": "trig",
}


@pytest.fixture(scope="module")
def conference_triples(store: pyoxigraph.Store) -> int:
    return len(list(store.quads_for_pattern(pyoxigraph.NamedNode(CONFERENCE), None, None)))


@pytest.mark.parametrize("media_type", GRAPH_TYPES)
def test_construct_in_every_rdf_format(
    client: httpx.Client, media_type: str, conference_triples: int
) -> None:
    response = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": media_type})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media_type
    parsed = Graph() if GRAPH_TYPES[media_type] not in ("nquads", "trig") else None
    if parsed is None:
        from rdflib import Dataset

        dataset = Dataset()
        dataset.parse(data=response.content, format=GRAPH_TYPES[media_type])
        assert len(dataset) == conference_triples
        return
    parsed.parse(data=response.content, format=GRAPH_TYPES[media_type])
    assert len(parsed) == conference_triples == 115 + 70  # asserted + entailed
    year = parsed.value(URIRef(CONFERENCE), URIRef(INTMK + "year"))
    assert year == Literal("2023", datatype=XSD.gYear)


def test_construct_defaults_to_turtle_and_describe_works(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": CONSTRUCT})
    assert response.headers["content-type"].startswith("text/turtle")
    described = client.get("/sparql", params={"query": f"DESCRIBE <{CONFERENCE}>", "format": "nt"})
    graph = Graph().parse(data=described.text, format="nt")
    assert (URIRef(CONFERENCE), RDF.type, URIRef(INTMK + "Conference")) in graph


# Read-only


def test_every_update_is_refused_and_the_store_is_unchanged(
    client: httpx.Client, store: pyoxigraph.Store
) -> None:
    before = count(client.get("/sparql", params={"query": ALL_QUADS}))
    assert before == len(store)
    attempts = [
        client.post("/sparql", data={"update": "CLEAR ALL"}),
        client.post(
            "/sparql",
            content=b"DROP ALL",
            headers={"Content-Type": "application/sparql-update"},
        ),
        client.post("/sparql", data={"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}),
        client.get("/sparql", params={"query": "PREFIX x: <urn:x#>\nDELETE WHERE { ?s ?p ?o }"}),
        client.get("/sparql", params={"update": "CLEAR ALL"}),
        client.get("/sparql", params={"query": "LOAD <http://example.org/x.ttl>"}),
    ]
    for response in attempts:
        body = problem(response, 403)
        assert body["title"] == "Read-only endpoint"
    after = client.get("/sparql", params={"query": ALL_QUADS, "format": "json"}, headers={"X": "1"})
    assert count(after) == before


# Service description, HTML, HEAD, CORS


def test_service_description_describes_endpoint_formats_and_graphs(
    client: httpx.Client, server: RunningServer, store: pyoxigraph.Store
) -> None:
    response = client.get("/sparql")
    assert response.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    services = list(graph.subjects(RDF.type, SD.Service))
    assert len(services) == 1
    service = services[0]
    assert graph.value(service, SD.endpoint) == URIRef(BASE + "sparql")
    assert graph.value(service, SD.supportedLanguage) == SD.SPARQL11Query
    assert set(graph.objects(service, SD.feature)) == {SD.UnionDefaultGraph}
    formats = {
        str(f).removeprefix("http://www.w3.org/ns/formats/")
        for f in graph.objects(service, SD.resultFormat)
    }
    assert formats == {
        "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
        "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "N-Quads", "TriG",
    }  # fmt: skip
    dataset = graph.value(service, SD.defaultDataset)
    sizes = {}
    for named in graph.objects(dataset, SD.namedGraph):
        size = graph.value(graph.value(named, SD.graph), VOID.triples)
        sizes[str(graph.value(named, SD.name))] = int(str(size))
    expected: dict[str, int] = {}
    for quad in store:
        name = str(getattr(quad.graph_name, "value", ""))
        expected[name] = expected.get(name, 0) + 1
    assert sizes == expected
    others = {
        "https://w3id.org/intmk/ontology",
        BASE + "id/validation-report",
        BASE + "id/entailed",
        BASE + "dataset",
    }
    assert set(sizes) == {MINUTES_GRAPH, REFERENCE, *others}
    default = graph.value(dataset, SD.defaultGraph)
    assert int(str(graph.value(default, VOID.triples))) == len(store)


@pytest.mark.parametrize(
    ("accept", "syntax"),
    [
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
        ("application/n-triples", "nt"),
    ],
)
def test_service_description_in_other_syntaxes(
    client: httpx.Client, server: RunningServer, accept: str, syntax: str
) -> None:
    response = client.get("/sparql", headers={"Accept": accept})
    assert response.headers["content-type"].split(";")[0] == accept
    graph = Graph().parse(data=response.content, format=syntax)
    assert (None, SD.endpoint, URIRef(BASE + "sparql")) in graph


def test_browsers_get_a_query_form(client: httpx.Client, server: RunningServer) -> None:
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = client.get("/sparql", headers={"Accept": accept})
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert '<form method="get" action="/sparql">' in response.text
    assert '<textarea id="query" name="query"' in response.text


def test_head_has_the_headers_of_get_without_a_body(client: httpx.Client) -> None:
    get = client.get("/sparql", params={"query": LABELS})
    head = client.head("/sparql", params={"query": LABELS})
    assert head.status_code == 200
    assert head.content == b""
    for name in ("content-type", "etag", "last-modified", "vary"):
        assert head.headers[name] == get.headers[name]
    assert client.head("/sparql").headers["content-type"].startswith("text/turtle")


def test_cors_preflight_and_allow_origin_on_a_query(client: httpx.Client) -> None:
    preflight = client.options(
        "/sparql",
        headers={
            "Origin": "https://other.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    answer = client.get(
        "/sparql", params={"query": RESOLUTIONS}, headers={"Origin": "https://other.example"}
    )
    assert answer.headers["access-control-allow-origin"] == "*"
    assert "Intmk-Result-Truncated" in answer.headers["access-control-expose-headers"]


# HTTP caching


def test_query_results_have_validators_and_answer_304(client: httpx.Client) -> None:
    first = client.get("/sparql", params={"query": RESOLUTIONS})
    etag = first.headers["etag"]
    assert etag.startswith('W/"')
    assert first.headers["cache-control"] == "public, max-age=300"
    again = client.get("/sparql", params={"query": RESOLUTIONS}, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.headers["etag"] == etag
    since = client.get(
        "/sparql",
        params={"query": RESOLUTIONS},
        headers={"If-Modified-Since": first.headers["last-modified"]},
    )
    assert since.status_code == 304
    other = client.get("/sparql", params={"query": REQUESTS})
    assert other.headers["etag"] != etag
    as_xml = client.get("/sparql", params={"query": RESOLUTIONS}, headers={"Accept": SRX})
    assert as_xml.headers["etag"] != etag


def test_openapi_declares_the_endpoint(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]["/sparql"]
    assert {"get", "post", "head"} <= set(paths)
    names = {parameter["name"] for parameter in paths["get"]["parameters"]}
    assert names == {"query", "default-graph-uri", "named-graph-uri", "format", "page"}
    assert {"400", "403", "406", "413", "503"} <= set(paths["post"]["responses"])
    assert set(paths["post"]["requestBody"]["content"]) == {
        "application/x-www-form-urlencoded",
        "application/sparql-query",
    }
    assert SRJ in paths["get"]["responses"]["200"]["content"]


# A server with a short timeout, two workers and a result limit of 5


@pytest.fixture(scope="module")
def limited(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    log = tmp_path_factory.mktemp("limited") / "serve.log"
    options = ("--query-timeout", "2", "--query-workers", "2", "--result-limit", "5")
    with serve(built, log, *options) as running:
        yield running


@pytest.fixture()
def small(limited: RunningServer) -> Iterator[httpx.Client]:
    """A client of the limited server, once both of its workers and its spare are up."""
    workers(limited, wait_for=3)
    with httpx.Client(base_url=limited.url, timeout=30) as http:
        yield http


def workers(server: RunningServer, wait_for: int | None = None) -> set[int]:
    """Process ids of the server's query workers and spares (live spawned children)."""
    deadline = time.monotonic() + 60
    while True:
        found = set()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                status = (entry / "status").read_text()
                command = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            fields = dict(line.split(":\t", 1) for line in status.splitlines() if ":\t" in line)
            if (
                fields.get("PPid", "").strip() == str(server.process.pid)
                and b"spawn_main" in command
                and not fields.get("State", "").startswith("Z")
            ):
                found.add(int(entry.name))
        if wait_for is None or len(found) == wait_for or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def test_results_past_the_limit_are_cut_and_marked(small: httpx.Client) -> None:
    rows = small.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 100"})
    assert len(rows.json()["results"]["bindings"]) == 5
    assert rows.headers["intmk-result-truncated"] == "true"
    assert rows.headers["x-sparql-maxrows"] == "5"
    triples = small.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }", "format": "nt"})
    assert len(Graph().parse(data=triples.text, format="nt")) == 5
    assert triples.headers["intmk-result-truncated"] == "true"
    exact = small.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"})
    assert len(exact.json()["results"]["bindings"]) == 5
    assert "intmk-result-truncated" not in exact.headers


def test_a_query_past_the_timeout_is_killed_while_others_are_served(
    small: httpx.Client, limited: RunningServer
) -> None:
    before = workers(limited)
    with ThreadPoolExecutor(1) as pool, client_at(limited, "127.0.0.2") as other:
        slow = pool.submit(small.get, "/sparql", params={"query": SLOW})
        time.sleep(0.5)
        cheap = other.get("/sparql", params={"query": RESOLUTIONS})
        assert count(cheap) == 30
        assert not slow.done()
        body = problem(slow.result(), 503)
    assert body["detail"] == "The query ran longer than the limit of 2 seconds and was stopped."
    assert body["timeout_seconds"] == 2
    after = workers(limited, wait_for=3)
    assert len(before - after) == 1, "the worker of the slow query was killed"
    assert len(after - before) == 1, "and replaced (the spare took over, a new spare loaded)"
    for pid in before - after:
        assert not Path(f"/proc/{pid}").exists()


def test_busy_workers_answer_503_with_retry_after(
    small: httpx.Client, limited: RunningServer
) -> None:
    """Four slow queries of four clients at once on two workers and a spare: two run on the
    workers, the third client borrows the spare, and all three are stopped at the timeout;
    the fourth waited the timeout for a worker and gets 503 with Retry-After."""
    clients = [client_at(limited, f"127.0.1.{n}") for n in range(1, 5)]
    with ThreadPoolExecutor(4) as pool:
        futures = [
            pool.submit(http.get, "/sparql", params={"query": f"{SLOW} # {n}"})
            for n, http in enumerate(clients)
        ]
        answers = [future.result() for future in futures]
    for http in clients:
        http.close()
    details = [str(problem(answer, 503)["detail"]) for answer in answers]
    busy = [answer for answer in answers if "busy" in answer.text]
    assert busy, details
    for answer in busy:
        assert answer.json()["detail"] == (
            "All 2 query workers stayed busy for 2 seconds; try again later."
        )
        assert answer.headers["retry-after"] == "2"
    stopped = "The query ran longer than the limit of 2 seconds and was stopped."
    assert details.count(stopped) == len(answers) - len(busy) >= 2


def test_repeated_queries_come_from_the_cache_and_dead_workers_are_replaced(
    small: httpx.Client, limited: RunningServer
) -> None:
    query = f"SELECT ?n WHERE {{ <{CONFERENCE}> <{INTMK}conferenceNumber> ?n }}"
    first = small.get("/sparql", params={"query": query})
    assert first.status_code == 200
    with ThreadPoolExecutor(1) as pool:
        running = pool.submit(small.get, "/sparql", params={"query": SLOW + " # dies"})
        time.sleep(0.5)
        before = workers(limited)
        for pid in before:
            os.kill(pid, signal.SIGKILL)
        died = running.result()
    assert "ended unexpectedly" in str(problem(died, 503)["detail"])
    assert died.headers["retry-after"] == "5"
    cached = small.get("/sparql", params={"query": query})
    assert cached.status_code == 200
    assert cached.content == first.content
    workers(limited, wait_for=3)  # the dead idle worker and spare are noticed and replaced
    assert count(small.post("/sparql", data={"query": REQUESTS})) == 37
    after = workers(limited, wait_for=3)
    assert len(after) == 3
    assert not after & before


def test_json_results_are_valid_json_with_unicode(client: httpx.Client) -> None:
    query = 'SELECT ?x WHERE { BIND("Länder \\"quoted\\"\\n" AS ?x) }'
    text = client.get("/sparql", params={"query": query}).text
    assert json.loads(text)["results"]["bindings"][0]["x"]["value"] == 'Länder "quoted"\n'


# A server with one worker and a long timeout: single flight, clients that go away

SECOND = "SELECT (COUNT(*) AS ?n) WHERE { ?a a ?c . ?d ?e ?f }"
"""About a second on the seed: still running when an impatient client gives up."""


@pytest.fixture(scope="module")
def single(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    log = tmp_path_factory.mktemp("single") / "serve.log"
    with serve(built, log, "--query-timeout", "30", "--query-workers", "1") as running:
        workers(running, wait_for=2)
        yield running


def test_identical_concurrent_queries_share_one_worker(single: RunningServer) -> None:
    """Eight identical slow-ish queries at once on one worker all get the one answer."""
    query = SECOND + " # identical"
    with (
        httpx.Client(base_url=single.url, timeout=60) as http,
        ThreadPoolExecutor(8) as pool,
    ):
        futures = [pool.submit(http.get, "/sparql", params={"query": query}) for _ in range(8)]
        answers = [future.result() for future in futures]
    assert [answer.status_code for answer in answers] == [200] * 8
    assert len({answer.content for answer in answers}) == 1
    assert "ended" not in single.output()


def test_a_client_that_goes_away_does_not_kill_the_worker(single: RunningServer) -> None:
    before = workers(single, wait_for=2)
    with (
        httpx.Client(base_url=single.url, timeout=0.3) as impatient,
        pytest.raises(httpx.TimeoutException),
    ):
        impatient.get("/sparql", params={"query": SECOND + " # cancelled"})
    assert workers(single) == before
    with httpx.Client(base_url=single.url, timeout=60) as http:
        assert count(http.get("/sparql", params={"query": RESOLUTIONS})) == 30
        assert http.get("/sparql", params={"query": SECOND + " # cancelled"}).status_code == 200
    assert workers(single) == before
    assert "ended" not in single.output()

"""The W3C SPARQL 1.1 Protocol and Service Description tests, replayed against `intmk serve`.

Each manifest entry becomes one test. Requests are sent as described (method, headers,
body in its declared encoding); the manifest's `/sparql/` prefix is mapped to the
endpoint's path `/sparql` here in the runner (the server publishes one URL, no alias).
The endpoint is read-only, so for the update tests the update itself must get a 4xx —
and a query that follows it must show that nothing changed (its expected `true` becomes
`false`, because the graph the update would have written does not exist).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from tests.server_process import RunningServer, serve

W3C = Path(__file__).resolve().parent / "fixtures" / "w3c"
"""Vendored from the W3C test suites (see its README: source commit and licence)."""
PROTOCOL = W3C / "protocol" / "manifest.ttl"
SERVICE_DESCRIPTION = W3C / "service-description" / "manifest.ttl"
DATA_GRAPH = "http://kasei.us/2009/09/sparql/data/data{}.rdf"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")


@dataclass(frozen=True)
class Exchange:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: frozenset[str]
    """Expected status classes: "2", "3", "4"."""
    boolean: bool | None
    format: str | None


@dataclass(frozen=True)
class Case:
    name: str
    exchanges: tuple[Exchange, ...]


def value(graph: Graph, subject: Node, predicate: URIRef) -> Node | None:
    return graph.value(subject, predicate)


def exchange(graph: Graph, request: Node) -> Exchange:
    headers: dict[str, str] = {}
    header_list = value(graph, request, HT.headers)
    if header_list is not None:
        for header in Collection(graph, header_list):
            name, field = value(graph, header, HT.fieldName), value(graph, header, HT.fieldValue)
            headers[str(name)] = str(field)
    body = None
    content = value(graph, request, HT.body)
    if content is not None:
        encoding = str(value(graph, content, CNT.characterEncoding) or "UTF-8")
        body = str(value(graph, content, CNT.chars)).encode(encoding)
    response = value(graph, request, HT.resp)
    assert response is not None
    statuses = frozenset(
        str(code).removeprefix(str(HTS)).removeprefix("StatusCode")[0]
        for code in graph.objects(response, MF.expectedStatus)
    )
    expected_boolean = value(graph, response, MF.expectedBoolean)
    expected_format = value(graph, response, MF.expectedFormat)
    path = str(value(graph, request, HT.absolutePath))
    assert path.startswith("/sparql/")
    return Exchange(
        method=str(value(graph, request, HT.methodName)),
        path="/sparql" + path.removeprefix("/sparql/"),
        headers=headers,
        body=body,
        statuses=statuses,
        boolean=None if expected_boolean is None else bool(expected_boolean.toPython()),  # type: ignore[attr-defined]
        format=None if expected_format is None else str(expected_format),
    )


def protocol_cases() -> list[Case]:
    graph = Graph().parse(PROTOCOL, format="turtle")
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    cases = []
    entries = value(graph, manifest, MF.entries)
    assert entries is not None
    for entry in Collection(graph, entries):
        action = value(graph, entry, MF.action)
        assert action is not None
        request_list = value(graph, action, HT.requests)
        assert request_list is not None
        requests = Collection(graph, request_list)
        name = str(entry).rsplit("#", 1)[1]
        cases.append(Case(name, tuple(exchange(graph, request) for request in requests)))
    return cases


CASES = protocol_cases()


@pytest.fixture(scope="module")
def w3c_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """A server over data1..3.nt, each in its named graph, as the manifest describes."""
    folder = tmp_path_factory.mktemp("w3c")
    lines = []
    for number in (1, 2, 3):
        source = W3C / "protocol" / f"data{number}.nt"
        for line in source.read_text(encoding="utf-8").splitlines():
            if line.strip():
                triple = line.strip().removesuffix(".").rstrip()
                lines.append(f"{triple} <{DATA_GRAPH.format(number)}> .\n")
    (folder / "intmk.nq").write_text("".join(lines), encoding="utf-8")
    log = tmp_path_factory.mktemp("w3c-log") / "serve.log"
    with serve(folder, log, "--base", "http://www.example/", "--reload-interval", "0") as running:
        yield running


def check_body(response: httpx.Response, step: Exchange, boolean: bool | None) -> None:
    """The body parses as the expected kind of result, with the expected boolean."""
    media_type = response.headers["content-type"].split(";")[0]
    if step.format == "boolean":
        if media_type == "application/sparql-results+json":
            answer = response.json()["boolean"]
        else:
            assert media_type == "application/sparql-results+xml"
            element = ElementTree.fromstring(response.content).find(
                "{http://www.w3.org/2005/sparql-results#}boolean"
            )
            assert element is not None
            answer = element.text == "true"
        if boolean is not None:
            assert answer is boolean
    elif step.format == "tabular":
        assert media_type == "application/sparql-results+json"
        assert json.loads(response.content)["results"]["bindings"] == [
            {
                "value": {
                    "type": "literal",
                    "value": "1",
                    "datatype": "http://www.w3.org/2001/XMLSchema#integer",
                }
            }
        ]
    elif step.format == "RDF":
        assert media_type == "text/turtle"
        Graph().parse(data=response.text, format="turtle")


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_protocol(case: Case, w3c_server: RunningServer) -> None:
    refused_update = False
    with httpx.Client(base_url=w3c_server.url, timeout=30) as client:
        for step in case.exchanges:
            response = client.request(
                step.method, step.path, headers=step.headers, content=step.body
            )
            status = str(response.status_code)[0]
            boolean = step.boolean
            if case.name.startswith("update_") and step is case.exchanges[0]:
                assert status == "4", f"read-only: the update must be refused, got {status}"
                assert response.headers["content-type"] == "application/problem+json"
                refused_update = True
                continue
            if refused_update:
                boolean = False  # the update was refused, so its effect is absent
            assert status in step.statuses, response.text
            if status == "4":
                assert response.headers["content-type"] == "application/problem+json"
            check_body(response, step, boolean)


def manifest_entries(path: Path) -> list[str]:
    graph = Graph().parse(path, format="turtle")
    entries = value(graph, next(graph.subjects(RDF.type, MF.Manifest)), MF.entries)
    assert entries is not None
    return [str(entry).rsplit("#", 1)[1] for entry in Collection(graph, entries)]


SD_ENTRIES = manifest_entries(SERVICE_DESCRIPTION)


@pytest.mark.parametrize("entry", SD_ENTRIES)
def test_service_description(entry: str, w3c_server: RunningServer) -> None:
    endpoint = w3c_server.url + "sparql"
    response = httpx.get(endpoint, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    services = list(graph.subjects(RDF.type, SD.Service))
    if entry == "returns-rdf":
        assert response.headers["content-type"].startswith("text/turtle")
        assert len(graph) > 0
    elif entry == "has-endpoint-triple":
        # the endpoint's URL under the configured base (--base http://www.example/), not
        # the URL this request used: no Host header may reach an answer that is shared
        public = URIRef("http://www.example/sparql")
        assert [graph.value(service, SD.endpoint) for service in services] == [public]
    else:
        assert entry == "conforms-to-schema"
        assert len(services) == 1
        assert graph.value(services[0], SD.endpoint) is not None
        assert set(graph.objects(services[0], SD.supportedLanguage)) == {SD.SPARQL11Query}
        names = {str(graph.value(named, SD.name)) for named in graph.objects(None, SD.namedGraph)}
        assert names == {DATA_GRAPH.format(number) for number in (1, 2, 3)}

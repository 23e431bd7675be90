"""Real SPARQL clients against the endpoint: SPARQLWrapper, rdflib's SPARQLStore, roqet."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, XSD
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, XML, SPARQLWrapper

from tests.server_process import RunningServer

INTMK = "https://w3id.org/intmk/ontology#"
CONFERENCE = "http://localhost:8000/id/conference/18"
LABELS = f"SELECT ?label WHERE {{ <{CONFERENCE}> <{RDFS.label}> ?label }} ORDER BY ?label"
RESOLUTIONS = f"SELECT (COUNT(?r) AS ?n) WHERE {{ ?r a <{INTMK}Resolution> }}"


def wrapper(server: RunningServer, query: str, return_format: str) -> SPARQLWrapper:
    client = SPARQLWrapper(server.url + "sparql")
    client.setQuery(query)
    client.setReturnFormat(return_format)
    return client


def test_sparqlwrapper_json(server: RunningServer) -> None:
    result = wrapper(server, LABELS, JSON).queryAndConvert()
    assert isinstance(result, dict)
    assert [
        (b["label"]["value"], b["label"]["xml:lang"]) for b in result["results"]["bindings"]
    ] == [
        ("18. IntMK 2023", "de"),
        ("18th IntMK 2023", "en"),
    ]
    count = wrapper(server, RESOLUTIONS, JSON).queryAndConvert()
    assert isinstance(count, dict)
    assert count["results"]["bindings"][0]["n"]["value"] == "30"


def test_sparqlwrapper_xml(server: RunningServer) -> None:
    document = wrapper(server, LABELS, XML).queryAndConvert()
    literals = document.getElementsByTagName("literal")  # type: ignore[union-attr]
    text = [node.firstChild.nodeValue for node in literals]  # type: ignore[union-attr]
    assert list(zip(text, [node.getAttribute("xml:lang") for node in literals], strict=True)) == [
        ("18. IntMK 2023", "de"),
        ("18th IntMK 2023", "en"),
    ]


def test_sparqlwrapper_csv(server: RunningServer) -> None:
    body = wrapper(server, RESOLUTIONS, CSV).queryAndConvert()
    assert isinstance(body, bytes)
    assert list(csv.reader(io.StringIO(body.decode()))) == [["n"], ["30"]]


def test_rdflib_sparqlstore_select_and_construct(server: RunningServer) -> None:
    graph = Graph(store=SPARQLStore(server.url + "sparql"))
    rows = list(graph.query(LABELS))
    assert [row[0] for row in rows] == [  # type: ignore[index]
        Literal("18. IntMK 2023", lang="de"),
        Literal("18th IntMK 2023", lang="en"),
    ]
    constructed = graph.query(
        f"CONSTRUCT {{ <{CONFERENCE}> ?p ?o }} WHERE {{ <{CONFERENCE}> ?p ?o "
        f"FILTER(?p IN (<{INTMK}year>, <{INTMK}conferenceNumber>)) }}"
    )
    assert constructed.graph is not None
    assert set(constructed.graph) == {
        (URIRef(CONFERENCE), URIRef(INTMK + "year"), Literal("2023", datatype=XSD.gYear)),
        (URIRef(CONFERENCE), URIRef(INTMK + "conferenceNumber"), Literal(18)),
    }
    assert graph.value(URIRef(CONFERENCE), URIRef(INTMK + "chairLand")) == URIRef(
        "http://localhost:8000/id/land/DE-HE"
    )


def roqet(server: RunningServer, query: str) -> str:
    result = subprocess.run(
        ["roqet", "-p", server.url + "sparql", "-e", query, "-r", "csv"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout


def test_roqet_reads_csv_results(server: RunningServer) -> None:
    assert shutil.which("roqet"), "roqet (Debian rasqal-utils) must be installed: make test does"
    assert list(csv.reader(io.StringIO(roqet(server, LABELS)))) == [
        ["label"],
        ["18. IntMK 2023"],
        ["18th IntMK 2023"],
    ]
    assert list(csv.reader(io.StringIO(roqet(server, RESOLUTIONS)))) == [["n"], ["30"]]


@pytest.mark.parametrize("query", ["ASK { ?s ?p ?o }"])
def test_sparqlwrapper_ask(server: RunningServer, query: str) -> None:
    result = wrapper(server, query, JSON).queryAndConvert()
    assert result == {"head": {}, "boolean": True}

"""The dataset description: VoID counts equal to independent counts, DCAT-AP.de valid, served."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from bs4 import BeautifulSoup
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, VOID
from rdflib.term import Node

from mapping.vocabulary import SPDX
from tests.conftest import BASE, INTMK

EXTERNAL = Path(__file__).resolve().parent.parent / "shapes" / "external"
SHAPE_FILES = (
    "dcat-ap_2.1.1_shacl_shapes.ttl",
    "dcat-ap-spec-german-additions.ttl",
    "dcat-ap-spec-german-messages.ttl",
    "dcat-ap-de-deprecated.ttl",
)
DATASET = URIRef(BASE + "dataset#dataset")


@pytest.fixture(scope="module")
def description(built: Path) -> Graph:
    return Graph().parse(built / "dataset.ttl", format="turtle")


@pytest.fixture(scope="module")
def dcat_ap_shapes() -> Graph:
    shapes = Graph()
    for name in SHAPE_FILES:
        shapes.parse(EXTERNAL / name, format="turtle")
    return shapes


def violations(description: Graph, shapes: Graph) -> list[str]:
    """Violation messages of the description (with the vocabulary entries it uses)."""
    data = Graph()
    for triple in description:
        data.add(triple)
    data.parse(EXTERNAL / "controlled-vocabularies.ttl", format="turtle")
    _, report, _ = validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    assert isinstance(report, Graph)
    sh = "http://www.w3.org/ns/shacl#"
    results = report.subjects(URIRef(sh + "resultSeverity"), URIRef(sh + "Violation"))
    return sorted(str(report.value(r, URIRef(sh + "resultMessage"))) for r in results)


def number(graph: Graph, subject: Node | None, predicate: URIRef) -> int:
    value = graph.value(subject, predicate)
    assert isinstance(value, Literal)
    return int(Decimal(str(value)))


def partition_counts(graph: Graph, link: URIRef, key: URIRef, measure: URIRef) -> dict[str, int]:
    return {
        str(graph.value(node, key)): number(graph, node, measure)
        for node in graph.objects(DATASET, link)
    }


def test_the_description_validates_against_dcat_ap_de(
    description: Graph, dcat_ap_shapes: Graph
) -> None:
    assert violations(description, dcat_ap_shapes) == []


def test_the_validation_can_fail(description: Graph, dcat_ap_shapes: Graph) -> None:
    broken = Graph()
    for triple in description:
        if triple[:2] != (DATASET, DCTERMS.title):
            broken.add(triple)
    assert violations(broken, dcat_ap_shapes), "a dataset without dct:title must violate"
    unlisted = Graph()
    for s, p, o in description:
        unlisted.add((s, p, URIRef("http://example.org/theme") if p == DCAT.theme else o))
    assert violations(unlisted, dcat_ap_shapes), "a theme outside the EU data themes must violate"


def test_void_counts_equal_independent_counts(description: Graph, graph: Graph) -> None:
    # issue 15: addressees (registry names, terms), people, text structure
    # addressees (session 11): +88 (statedAs of the 37 participations, the Länder as
    # intmk:Organisation asserted and entailed, the new property and finding kind)
    assert number(description, DATASET, VOID.triples) == len(graph) == 13620
    classes = partition_counts(description, VOID.classPartition, VOID["class"], VOID.entities)
    assert classes[str(INTMK.Resolution)] == 30
    assert classes[str(INTMK.RequestToBund)] == 33
    expected = {
        str(c): len(set(graph.subjects(RDF.type, c))) for c in set(graph.objects(None, RDF.type))
    }
    assert classes == expected
    properties = partition_counts(description, VOID.propertyPartition, VOID.property, VOID.triples)
    assert properties == {
        str(p): len(list(graph.triples((None, p, None)))) for p in set(graph.predicates())
    }
    assert number(description, DATASET, VOID.classes) == len(expected)
    assert number(description, DATASET, VOID.properties) == len(properties)
    subjects = {s for s in graph.subjects() if str(s).startswith(BASE + "id/")}
    assert number(description, DATASET, VOID.entities) == len(subjects)
    assert number(description, DATASET, VOID.distinctSubjects) == len(set(graph.subjects()))
    assert number(description, DATASET, VOID.distinctObjects) == len(set(graph.objects()))


def test_the_description_names_dumps_endpoint_and_uri_space(
    description: Graph, built: Path
) -> None:
    assert description.value(DATASET, VOID.sparqlEndpoint) == URIRef(BASE + "sparql")
    assert str(description.value(DATASET, VOID.uriSpace)) == BASE + "id/"
    assert set(description.objects(DATASET, VOID.dataDump)) == {
        URIRef(BASE + "dumps/intmk.nq.gz"),
        URIRef(BASE + "dumps/intmk.ttl"),
    }
    assert URIRef(BASE + "id/conference/18/resolution/6.4") in set(
        description.objects(DATASET, VOID.exampleResource)
    )
    assert URIRef("https://w3id.org/intmk/ontology#") in set(
        description.objects(DATASET, VOID.vocabulary)
    )
    for distribution in description.objects(DATASET, DCAT.distribution):
        url = description.value(distribution, DCAT.downloadURL)
        if url is None:
            assert description.value(distribution, DCAT.accessService) is not None
            continue
        data = (built / "dumps" / str(url).removeprefix(BASE + "dumps/")).read_bytes()
        assert number(description, distribution, DCAT.byteSize) == len(data)
        checksum = description.value(distribution, SPDX.checksum)
        value = description.value(checksum, SPDX.checksumValue)
        assert str(value) == hashlib.sha256(data).hexdigest()


def test_the_dates_come_from_the_data(description: Graph) -> None:
    assert description.value(DATASET, DCTERMS.issued) is None  # a meeting's date is not it
    assert str(description.value(DATASET, DCTERMS.modified)) == "2023-04-27"
    period = description.value(DATASET, DCTERMS.temporal)
    assert str(description.value(period, DCAT.startDate)) == "2023-03-29"
    assert str(description.value(period, DCAT.endDate)) == "2023-04-27"


def test_the_description_is_not_in_the_dumps(built: Path) -> None:
    assert f"<{BASE}dataset>" not in (built / "intmk.nq").read_text(encoding="utf-8")
    assert f"<{BASE}dataset>" in (built / "dataset.nq").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("accept", "syntax"), [("text/turtle", "turtle"), ("application/ld+json", "json-ld")]
)
def test_dataset_is_served_with_the_checksums(
    client: httpx.Client, built: Path, accept: str, syntax: str
) -> None:
    response = client.get("/dataset", headers={"Accept": accept})
    assert response.status_code == 200
    text = response.text
    if syntax == "json-ld":  # the context named by URL, inlined: tests do not download
        document = json.loads(text)
        document["@context"] = client.get("/context.jsonld").json()["@context"]
        text = json.dumps(document)
    served = Graph().parse(data=text, format=syntax, publicID=BASE)
    checksums = {str(o) for o in served.objects(None, SPDX.checksumValue)}
    downloaded = client.get("/dumps/intmk.nq.gz", headers={"Accept-Encoding": "identity"}).content
    assert hashlib.sha256(downloaded).hexdigest() in checksums
    # issue 15: addressees (registry names, terms), people, text structure
    assert number(served, DATASET, VOID.triples) == 13620  # addressees (session 11): +88


def test_every_document_is_in_the_described_dataset(client: httpx.Client) -> None:
    response = client.get("/doc/conference/18", headers={"Accept": "text/turtle"})
    assert f"<{BASE}dataset#dataset>" in response.text


def test_the_dataset_page_shows_dumps_and_counts(client: httpx.Client, built: Path) -> None:
    response = client.get("/dataset?lang=en", headers={"Accept": "text/html"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.h1 is not None and "Integration Ministers' Conference" in soup.h1.text
    sizes = {int(str(row["data-bytes"])) for row in soup.select("#distributions tbody tr")}
    assert sizes == {(built / "dumps" / n).stat().st_size for n in ("intmk.nq.gz", "intmk.ttl")}
    # addressees (session 11): +88
    assert soup.select_one('td[data-key="triples"]').text == "13,620"  # type: ignore[union-attr]
    row = soup.select_one(f'#classes tr[data-iri="{INTMK.Resolution}"]')
    assert row is not None and row.select_one("td[data-count]")["data-count"] == "30"  # type: ignore[index]
    assert row.a is not None and row.a["href"] == "/ontology?lang=en#Resolution"
    german = BeautifulSoup(
        client.get("/dataset", headers={"Accept": "text/html"}).text, "html.parser"
    )
    assert german.h1 is not None and "Integrationsministerkonferenz" in german.h1.text

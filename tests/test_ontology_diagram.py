"""The ontology diagram: DOT text generated from ontology/intmk.ttl, laid out by Graphviz,
written by the build and served as SVG."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from mapping.build import ontology_graph
from mapping.ontology_diagram import MISSING_DOT, DiagramError, diagram_dot, render_svg
from mapping.uris import Uris
from tests.conftest import BASE, INTMK

ROOT = Path(__file__).resolve().parent.parent
SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    """The ontology file alone, parsed with the tests' base."""
    return Graph().parse(ROOT / "ontology" / "intmk.ttl", format="turtle", publicID=BASE)


def own(graph: Graph, kind: URIRef) -> list[URIRef]:
    found = (s for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef))
    return sorted(s for s in found if str(s).startswith(str(INTMK)))


def local(term: Node) -> str:
    return str(term).removeprefix(str(INTMK))


def german(graph: Graph, term: URIRef) -> str:
    labels = graph.objects(term, RDFS.label)
    return next(str(o) for o in labels if isinstance(o, Literal) and o.language == "de")


def drawn_edges(graph: Graph) -> set[tuple[str, str, str]]:
    """(domain, range, German label) of every object property with both among our classes."""
    classes = set(own(graph, OWL.Class))
    edges = set()
    for prop in own(graph, OWL.ObjectProperty):
        domains, ranges = (
            list(graph.objects(prop, RDFS.domain)),
            list(graph.objects(prop, RDFS.range)),
        )
        if len(domains) == 1 and len(ranges) == 1 and {domains[0], ranges[0]} <= classes:
            edges.add((local(domains[0]), local(ranges[0]), german(graph, prop)))
    return edges


def test_the_dot_text_has_one_node_per_class_and_one_edge_per_object_property(
    ontology: Graph,
) -> None:
    dot = diagram_dot(ontology_graph(Uris(BASE)), str(INTMK), "de")
    nodes = re.findall(r'^  "(\w+)" \[label=<', dot, flags=re.MULTILINE)
    assert nodes == [local(c) for c in own(ontology, OWL.Class)]
    assert len(nodes) == 36  # issue 15: UnresolvedAddressee, OrganisationName; Office
    labelled = re.findall(r'^  "(\w+)" -> "(\w+)" \[label="([^"]+)"', dot, flags=re.MULTILINE)
    assert set(labelled) == drawn_edges(ontology)
    # issue 15: + unresolvedAddressee, hasName; people: preliminaryChairPerson; text
    # structure: underItem (the CSVW links are not drawn); addressees (session 11):
    # nameOutsidePeriod (not drawn: its domain is eli-dl:Participation, for guests too);
    # heldOffice (Participation → Office)
    assert len(labelled) == len(drawn_edges(ontology)) == 59
    assert ("AgendaItem", "Resolution", "hat Beschluss") in labelled
    subclass = re.findall(r'^  "(\w+)" -> "(\w+)" \[arrowhead=empty', dot, flags=re.MULTILINE)
    assert sorted(subclass) == [
        ("FederalBody", "Organisation"),
        ("Land", "Organisation"),  # addressees (session 11): a Land can be addressed
        ("RequestToBund", "Request"),
        ("UnresolvedDecision", "Resolution"),
    ]


def test_the_dot_text_is_the_same_every_time_and_speaks_both_languages() -> None:
    graph = ontology_graph(Uris(BASE))
    assert diagram_dot(graph, str(INTMK), "de") == diagram_dot(graph, str(INTMK), "de")
    english = diagram_dot(graph, str(INTMK), "en")
    assert "<b>Resolution</b>" in english and "<b>Beschluss</b>" not in english
    assert '[label="has resolution"' in english


def test_without_dot_the_error_names_the_tool_and_the_package(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(DiagramError) as raised:
        render_svg("digraph { a -> b }")
    assert str(raised.value) == MISSING_DOT
    assert str(raised.value) == (
        "the ontology diagram needs Graphviz's dot: apt-get install graphviz"
    )


def test_a_dot_failure_is_reported_with_dots_own_words() -> None:
    with pytest.raises(DiagramError, match=r"Graphviz's dot failed \(exit 1\): .*syntax error"):
        render_svg("digraph { -> }")


def test_the_build_writes_a_diagram_per_language(built: Path, ontology: Graph) -> None:
    for lang in ("de", "en"):
        root = ElementTree.fromstring((built / f"ontology-{lang}.svg").read_bytes())
        assert root.tag == f"{SVG_NS}svg"
        links = {a.get(XLINK_HREF) for a in root.iter(f"{SVG_NS}a")}
        assert links == {str(c) for c in own(ontology, OWL.Class)}


def test_the_diagram_is_served_as_svg_with_every_class(
    client: httpx.Client, ontology: Graph
) -> None:
    response = client.get("/ontology/diagram-de.svg")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/svg+xml"
    root = ElementTree.fromstring(response.content)
    texts = {t.text for t in root.iter(f"{SVG_NS}text")}
    links = {a.get(XLINK_HREF) for a in root.iter(f"{SVG_NS}a")}
    for cls in own(ontology, OWL.Class):
        assert german(ontology, cls) in texts
        assert f"https://w3id.org/intmk/ontology#{local(cls)}" in links
    english = client.get("/ontology/diagram-en.svg")
    assert "Request to the federal level" in english.text


def test_the_diagram_answers_304_and_404(client: httpx.Client) -> None:
    first = client.get("/ontology/diagram-en.svg")
    again = client.get("/ontology/diagram-en.svg", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.headers["etag"] == first.headers["etag"]
    missing = client.get("/ontology/diagram-fr.svg")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")

"""Dereferencing over HTTP: /id/ → 303 → /doc/, content negotiation, validators, paging."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, RDFS, VOID
from rdflib.term import Node

from tests.conftest import BASE, ID, INTMK, SEED, asserted

ITEM = "conference/18/item/4.1"
MINUTES = "conference/18/minutes"
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
SOURCE = "000_7e277fc99396a581.txt"
AVAILABLE = [
    "text/turtle",
    "application/ld+json",
    "application/n-triples",
    "application/rdf+xml",
    "text/html",
]


def turtle(response: httpx.Response) -> Graph:
    assert response.status_code == 200, response.text
    return Graph().parse(data=response.text, format="turtle")


def varies(response: httpx.Response) -> set[str]:
    return {name.strip().lower() for name in response.headers.get("vary", "").split(",")}


def test_id_answers_303_to_doc(client: httpx.Client) -> None:
    response = client.get(f"/id/{ITEM}", headers={"Accept": "text/turtle"})
    assert response.status_code == 303
    assert response.headers["location"] == f"/doc/{ITEM}"
    assert "accept" in varies(response)


def test_unknown_id_is_404_problem(client: httpx.Client) -> None:
    response = client.get("/id/conference/18/item/99.9")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 404


@pytest.mark.parametrize(
    ("accept", "media_type", "extension"),
    [
        (None, "text/turtle", "ttl"),
        ("*/*", "text/turtle", "ttl"),
        ("application/ld+json;q=0.5, text/turtle;q=0.9", "text/turtle", "ttl"),
        ("application/ld+json, text/turtle;q=0.9", "application/ld+json", "jsonld"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/rdf+xml", "application/rdf+xml", "rdf"),
        ("text/html", "text/html", "html"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html", "html"),
    ],
)
def test_doc_negotiates(
    client: httpx.Client, accept: str | None, media_type: str, extension: str
) -> None:
    headers = {"Accept": accept} if accept else {}
    response = client.get(f"/doc/{ITEM}", headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert response.headers["content-location"] == f"/doc/{ITEM}.{extension}"
    assert "accept" in varies(response)


def test_nothing_acceptable_is_406_listing_the_types(client: httpx.Client) -> None:
    response = client.get(f"/doc/{ITEM}", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["available"] == AVAILABLE


def test_unknown_doc_is_404(client: httpx.Client) -> None:
    assert client.get("/doc/conference/18/item/99.9").status_code == 404
    assert client.get("/doc/conference/18/item/99.9.ttl").status_code == 404


def test_an_extension_fixes_the_format_but_a_top_number_is_no_extension(
    client: httpx.Client,
) -> None:
    group = turtle(client.get("/doc/conference/18/item/4", headers={"Accept": "text/turtle"}))
    top = turtle(client.get(f"/doc/{ITEM}", headers={"Accept": "text/turtle"}))
    assert (URIRef(ID + ITEM), INTMK.topNumber, Literal("4.1")) in top
    assert (URIRef(ID + "conference/18/item/4"), INTMK.topNumber, Literal("4")) in group
    fixed = client.get(f"/doc/{ITEM}.jsonld", headers={"Accept": "text/turtle"})
    assert fixed.headers["content-type"] == "application/ld+json"
    assert fixed.headers["content-location"] == f"/doc/{ITEM}.jsonld"
    assert "accept" not in varies(fixed)
    for extension, media_type in [("ttl", "text/turtle"), ("nt", "application/n-triples")]:
        response = client.get(f"/doc/{ITEM}.{extension}", headers={"Accept": "text/html"})
        assert response.headers["content-type"].split(";")[0] == media_type
    assert client.get(f"/doc/{ITEM}.xyz").status_code == 404


def test_head_has_the_headers_and_no_body(client: httpx.Client) -> None:
    get = client.get(f"/doc/{ITEM}.ttl")
    head = client.head(f"/doc/{ITEM}.ttl")
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["etag"] == get.headers["etag"]
    assert head.headers["content-type"] == get.headers["content-type"]
    assert client.head(f"/id/{ITEM}").status_code == 303


def test_conditional_requests_answer_304(client: httpx.Client) -> None:
    first = client.get(f"/doc/{ITEM}", headers={"Accept": "text/turtle"})
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = client.get(f"/doc/{ITEM}", headers={"Accept": "text/turtle", "If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    since = client.get(f"/doc/{ITEM}.ttl", headers={"If-Modified-Since": modified})
    assert since.status_code == 304
    other = client.get(f"/doc/{ITEM}", headers={"Accept": "text/html", "If-None-Match": etag})
    assert other.status_code == 200, "the HTML variant has its own tag"
    assert first.content == client.get(f"/doc/{ITEM}.ttl").content


def test_item_description_has_applicants_labels_and_document_facts(client: httpx.Client) -> None:
    graph = turtle(client.get(f"/doc/{ITEM}.ttl"))
    item, document = URIRef(ID + ITEM), URIRef(BASE + "doc/" + ITEM)
    applicants = {str(o).rsplit("/", 1)[1] for o in graph.objects(item, INTMK.hasApplicant)}
    assert applicants == {
        "DE-BB", "DE-BW", "DE-BY", "DE-HE", "DE-MV", "DE-NI", "DE-NW", "DE-RP", "DE-SL", "DE-SN"
    }  # fmt: skip
    hessen = URIRef(ID + f"{ITEM}/applicant/DE-HE")
    assert (hessen, RDF.type, INTMK.Applicant) in graph, "types of linked resources"
    conference = URIRef(ID + "conference/18")
    assert (conference, RDFS.label, Literal("18. IntMK 2023", lang="de")) in graph
    assert (INTMK.AgendaItem, RDFS.label, Literal("Tagesordnungspunkt", lang="de")) in graph
    assert (document, FOAF.primaryTopic, item) in graph
    licence = URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
    assert (document, DCTERMS.license, licence) in graph
    assert (document, VOID.inDataset, URIRef(BASE + "dataset#dataset")) in graph
    assert graph.value(document, DCTERMS.modified) is not None
    assert (item, FOAF.primaryTopic, None) not in graph, "the thing is not the document"


def test_land_has_backlinks_from_the_items_it_applied_for(
    client: httpx.Client, graph: Graph
) -> None:
    land = URIRef(ID + "land/DE-HE")
    expected = set(graph.subjects(INTMK.applicantLand, land))
    assert len(expected) > 10
    described = turtle(client.get("/doc/land/DE-HE.ttl"))
    assert set(described.subjects(INTMK.applicantLand, land)) == expected
    applicant = URIRef(ID + f"{ITEM}/applicant/DE-HE")
    assert applicant in expected
    assert described.value(applicant, RDFS.label) is not None, "backlinks come with labels"


def test_blank_nodes_are_described_inside_their_parent(client: httpx.Client) -> None:
    described = turtle(client.get(f"/doc/{MINUTES}.ttl"))
    checksum = described.value(URIRef(ID + MINUTES), URIRef("http://spdx.org/rdf/terms#checksum"))
    assert checksum is not None
    value = described.value(checksum, URIRef("http://spdx.org/rdf/terms#checksumValue"))
    assert isinstance(value, Literal) and len(str(value)) == 64


def named(pairs: set[tuple[Node, Node]]) -> set[tuple[Node, Node]]:
    return {(s, p) for s, p in pairs if not isinstance(s, BNode)}


def test_many_backlinks_are_paged(client: httpx.Client, dataset: Dataset, built: Path) -> None:
    minutes = URIRef(ID + MINUTES)
    graph = asserted(dataset)  # documents leave out the entailed graph
    description = Dataset()
    description.parse(built / "dataset.nq", format="nquads")
    from_description = [(s, p) for s, p, _, _ in description.quads((None, None, minutes, None))]
    served = [*graph.subject_predicates(minutes), *from_description]
    expected = {(s, p) for s, p in served if s != minutes}
    assert len(expected) > 500, "the minutes are the resource with the most backlinks"
    first = client.get(f"/doc/{MINUTES}.ttl")
    second = client.get(f"/doc/{MINUTES}.ttl?page=2")
    assert first.headers["link"] == (
        f'</doc/{MINUTES}>; rel="first", </doc/{MINUTES}?page=2>; rel="next", '
        f'</doc/{MINUTES}?page=2>; rel="last"'
    )
    assert second.headers["link"] == (
        f'</doc/{MINUTES}>; rel="first", </doc/{MINUTES}>; rel="prev", '
        f'</doc/{MINUTES}?page=2>; rel="last"'
    )
    assert second.headers["content-location"] == f"/doc/{MINUTES}.ttl?page=2"
    one, two = turtle(first), turtle(second)
    document = URIRef(BASE + "doc/" + MINUTES)
    assert (document, HYDRA.next, URIRef(f"{document}?page=2")) in one
    assert (URIRef(f"{document}?page=2"), HYDRA.previous, document) in two
    backlinks = [
        {
            (s, p)
            for s, p in g.subject_predicates(minutes)
            if p != FOAF.primaryTopic and s != minutes
        }
        for g in (one, two)
    ]
    assert len(backlinks[0]) == 500
    assert not backlinks[0] & backlinks[1]
    # blank nodes (the dataset description's graph subsets) get new labels in each answer
    assert len(backlinks[0]) + len(backlinks[1]) == len(expected)
    assert named(backlinks[0] | backlinks[1]) == named(expected)
    assert client.get(f"/doc/{MINUTES}.ttl?page=3").status_code == 404
    assert client.get(f"/doc/{MINUTES}.ttl?page=0").status_code == 400


def test_html_page_shows_labels_links_backlinks_and_variants(client: httpx.Client) -> None:
    page = client.get(f"/doc/{ITEM}", headers={"Accept": "text/html"}).text
    assert "<title>TOP 4.1: Angemessene Beteiligung des Bundes an den Aufwendungen" in page
    turtle_link = '<a href="/doc/conference/18/item/4.1.ttl" type="text/turtle">text/turtle</a>'
    assert turtle_link in page
    jsonld_link = '<a href="/doc/conference/18/item/4.1.jsonld" type="application/ld+json">'
    assert jsonld_link in page
    # a thing's IRI is linked at its page, so no redirect loses the page language
    assert '<a href="/doc/conference/18"' in page and ">18. IntMK 2023</a>" in page
    assert ">Tagesordnungspunkt</a>" in page, "the class by its label"
    land = client.get("/doc/land/DE-HE.html").text
    assert "<title>Hessen – IntMK Linked Data</title>" in land
    assert "Verweise auf diese Ressource" in land
    assert f'href="/doc/{ITEM}/applicant/DE-HE"' in land


def test_ontology_is_served_at_its_namespace_document(client: httpx.Client, graph: Graph) -> None:
    response = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert response.headers["content-location"] == "/ontology.ttl"
    ontology = turtle(response)
    assert (URIRef("https://w3id.org/intmk/ontology"), RDF.type, OWL.Ontology) in ontology
    assert (INTMK.Resolution, RDFS.label, Literal("Beschluss", lang="de")) in ontology
    for accept, media_type in [
        ("application/ld+json", "application/ld+json"),
        ("application/rdf+xml", "application/rdf+xml"),
        ("application/n-triples", "application/n-triples"),
        ("text/html", "text/html"),
    ]:
        negotiated = client.get("/ontology", headers={"Accept": accept})
        assert negotiated.headers["content-type"].split(";")[0] == media_type
    xml = Graph().parse(data=client.get("/ontology.rdf").text, format="xml")
    assert len(xml) == len(ontology)
    assert client.get("/ontology.xyz").status_code == 404


def test_shapes_are_served_with_the_base_filled_in(client: httpx.Client) -> None:
    shapes = turtle(client.get("/shapes", headers={"Accept": "text/turtle"}))
    sh = Namespace("http://www.w3.org/ns/shacl#")
    assert (
        URIRef("https://w3id.org/intmk/shapes#AgendaItemFindingShape"),
        RDF.type,
        sh.NodeShape,
    ) in shapes
    assert "{{BASE_PLAIN}}" not in client.get("/shapes.ttl").text
    as_json = client.get("/shapes.jsonld")
    assert as_json.headers["content-type"] == "application/ld+json"
    assert json.loads(as_json.text)["@context"] == BASE + "context.jsonld"
    rdfxml = Graph().parse(data=client.get("/shapes.rdf").text, format="xml")
    assert len(rdfxml) == len(shapes)


def test_sources_are_served_as_text(client: httpx.Client) -> None:
    response = client.get(f"/dumps/sources/{SOURCE}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.content == SEED.read_bytes()
    for wrong in ["../intmk.nq", "..%2Fintmk.nq", "%2E%2E%2Fsummary.json", "nothing.txt"]:
        assert client.get(f"/dumps/sources/{wrong}").status_code == 404, wrong
    assert client.get("/dumps/sources/../intmk.nq").status_code == 404


def test_openapi_declares_the_routes(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    doc = paths["/doc/{path}"]["get"]["responses"]
    assert set(doc["200"]["content"]) == set(AVAILABLE)
    assert {"404", "406"} <= set(doc)
    assert "303" in paths["/id/{path}"]["get"]["responses"]
    for path in ["/ontology", "/shapes", "/context.jsonld", "/dumps/sources/{file}"]:
        assert path in paths

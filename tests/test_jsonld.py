"""JSON-LD: one published context covering every term, readable compaction, and the same
graph as the Turtle of every resource."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from server import jsonld
from tests.conftest import BASE, CONCEPT, ID, asserted

CONTEXT_URL = BASE + "context.jsonld"
DOCUMENT_TERMS = [
    "http://xmlns.com/foaf/0.1/primaryTopic",
    "http://xmlns.com/foaf/0.1/Document",
    "http://purl.org/dc/terms/license",
    "http://purl.org/dc/terms/modified",
    "http://rdfs.org/ns/void#inDataset",
    "http://www.w3.org/ns/hydra/core#next",
    "http://www.w3.org/ns/hydra/core#previous",
    "http://www.w3.org/ns/hydra/core#first",
    "http://www.w3.org/ns/hydra/core#last",
]


def local(body: str) -> Any:
    """A JSON-LD answer with its context URL replaced by the context itself: no network."""
    data = json.loads(body)
    assert data["@context"] == CONTEXT_URL
    data["@context"] = jsonld.context(BASE)["@context"]
    return data


def parse(body: str) -> Graph:
    return Graph().parse(data=json.dumps(local(body)), format="json-ld")


def term_iris() -> dict[str, str]:
    """Full IRI → term, from the context file."""
    definitions = jsonld.context(BASE)["@context"]
    namespaces = jsonld.prefixes(BASE)
    found = {}
    for term, definition in definitions.items():
        target = str(definition["@id"] if isinstance(definition, dict) else definition)
        if term.startswith("@") or term in namespaces or target.startswith("@"):
            continue
        prefix, _, name = target.partition(":")
        found[namespaces[prefix] + name] = term
    return found


def test_the_context_is_published(client: httpx.Client) -> None:
    response = client.get("/context.jsonld")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/ld+json"
    context = response.json()["@context"]
    assert context["intmk"] == "https://w3id.org/intmk/ontology#"
    assert context["type"] == "@type" and context["id"] == "@id"
    assert context["requests"] == {
        "@id": "intmk:hasRequest",
        "@type": "@id",
        "@container": "@set",
    }


def test_every_property_and_class_has_a_term(dataset: Dataset) -> None:
    """Of what resource documents say: not of the entailed graph, which they leave out."""
    graph = asserted(dataset)
    terms = term_iris()
    used = {str(p) for p in set(graph.predicates()) if p != RDF.type}
    used |= {str(o) for o in set(graph.objects(None, RDF.type))}
    used |= set(DOCUMENT_TERMS)
    missing = sorted(iri for iri in used if iri not in terms)
    assert not missing, f"no term in ontology/context.jsonld for {missing}"


def test_the_loader_refuses_every_other_url() -> None:
    load = jsonld.loader(BASE)
    assert load(CONTEXT_URL)["document"]["@context"]["intmk"] == "https://w3id.org/intmk/ontology#"
    with pytest.raises(jsonld.RemoteContextRefused):
        load("https://schema.org/")


def test_a_resolution_reads_like_json(client: httpx.Client) -> None:
    body = client.get(
        "/doc/conference/18/resolution/6.4", headers={"Accept": "application/ld+json"}
    )
    assert body.headers["content-type"] == "application/ld+json"
    data = body.json()
    assert data["@context"] == CONTEXT_URL
    resolution = data["@graph"][0]
    assert resolution["id"] == ID + "conference/18/resolution/6.4"
    assert resolution["type"] == "Resolution"
    assert resolution["title"] == {
        "de": "Verlängerung Aufenthaltserlaubnis § 24 Aufenthaltsgesetz (AufenthG)"
    }
    assert resolution["requests"] == [
        ID + f"conference/18/resolution/6.4/request/{k}" for k in (1, 2, 3)
    ]
    assert resolution["outcome"] == CONCEPT + "outcome/angenommen"
    assert resolution["decisionMargin"] == CONCEPT + "decision-margin/mehrheitlich"
    assert resolution["voteStatement"] == {"de": "Die IntMK hat mehrheitlich beschlossen:"}
    assert resolution["source"] == BASE + "dumps/sources/000_7e277fc99396a581.txt#line=777,790"
    assert "firstLine" not in resolution and "lastLine" not in resolution
    assert resolution["label"] == {
        "de": "Beschluss zu TOP 6.4: Verlängerung Aufenthaltserlaubnis § 24 Aufenthaltsgesetz "
        "(AufenthG)",
        "en": "Resolution on item 6.4 of the 18th IntMK",
    }
    item = client.get("/doc/conference/18/item/4.1.jsonld").json()["@graph"][0]
    assert item["topNumber"] == "4.1"
    assert item["withdrawn"] is False
    assert len(item["applicant"]) == 10


def node_keys(node: Any) -> list[str]:
    """Keys of node objects (not of language maps), all the way down."""
    if isinstance(node, list):
        return [key for member in node for key in node_keys(member)]
    if not isinstance(node, dict) or "@value" in node:
        return []
    keys = list(node)
    for key, member in node.items():
        if key not in ("label", "prefLabel", "altLabel", "title", "description", "comment"):
            keys += node_keys(member)
    return keys


def resources(graph: Graph) -> list[str]:
    return sorted({str(s) for s in graph.subjects() if isinstance(s, URIRef) and s.startswith(ID)})


def test_json_ld_and_turtle_give_the_same_graph_for_every_resource(
    client: httpx.Client, graph: Graph
) -> None:
    checked = 0
    for iri in resources(graph):
        path = "/doc/" + iri[len(ID) :]
        turtle = Graph().parse(data=client.get(path + ".ttl").text, format="turtle")
        body = client.get(path + ".jsonld").text
        from_json = parse(body)
        assert len(turtle) > 0, iri
        assert isomorphic(turtle, from_json), f"JSON-LD and Turtle of {iri} differ"
        data = json.loads(body)
        full = [k for k in node_keys(data["@graph"]) if ":" in k or k.startswith("http")]
        assert not full, f"{iri}: keys without a term: {full}"
        types = [n.get("type") for n in data["@graph"]]
        assert not [t for t in types if isinstance(t, str) and ":" in t], f"{iri}: {types}"
        checked += 1
    assert checked == len(resources(graph)) > 600

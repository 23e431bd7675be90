"""The ontology defines every term the graph uses, in German and English."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from tests.conftest import INTMK, languages

DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


def intmk_terms_used(graph: Graph) -> set[URIRef]:
    used = {p for p in graph.predicates() if isinstance(p, URIRef) and p.startswith(INTMK)}
    used |= {
        o for o in graph.objects(None, RDF.type) if isinstance(o, URIRef) and o.startswith(INTMK)
    }
    return used


def declared(graph: Graph) -> set[URIRef]:
    return {
        s for kind in DECLARATIONS for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef)
    }


def test_every_term_the_graph_uses_is_declared(graph: Graph) -> None:
    assert intmk_terms_used(graph) - declared(graph) == set()


def test_every_class_and_property_has_labels_and_comments_in_german_and_english(
    graph: Graph,
) -> None:
    missing = []
    for term in declared(graph):
        if not str(term).startswith(str(INTMK)):
            continue
        for predicate in (RDFS.label, RDFS.comment):
            if not {"de", "en"} <= languages(graph, term, predicate):
                missing.append((str(term), str(predicate)))
    assert missing == []


def test_the_ontology_has_a_version_and_aligns_to_eli_dl(graph: Graph) -> None:
    ontology = URIRef(str(INTMK).rstrip("#"))
    assert (ontology, RDF.type, OWL.Ontology) in graph
    assert graph.value(ontology, OWL.versionInfo) is not None
    eli_dl = "http://data.europa.eu/eli/eli-draft-legislation-ontology#"
    assert (INTMK.Resolution, RDFS.subClassOf, URIRef(eli_dl + "Decision")) in graph
    assert (INTMK.RequestToBund, RDFS.subClassOf, INTMK.Request) in graph

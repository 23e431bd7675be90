"""The description of one resource: what /doc/… publishes about a URI under id/.

A description holds every triple with the resource as subject, the triples of the blank
nodes it reaches (a blank node has no page of its own, so it is described inside its
parent), the labels and types of every resource it links to or is linked from (so a
reader sees names, not bare URIs), the triples pointing to it (backlinks, paged when
there are very many), and the triples about the document itself: the /doc page is an
information resource distinct from the thing it describes (foaf:primaryTopic).

Built from the in-memory store with quad pattern lookups: much faster than SPARQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import BlankNode, Literal, NamedNode, Store, Triple

from mapping.uris import VOCABULARY, vocabulary_term
from server.dataset import PublishedDataset

PAGE_SIZE = 500
"""Backlinks on one page; a resource with more is split into ?page=2, ?page=3, …"""

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_PREF_LABEL = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
FOAF = "http://xmlns.com/foaf/0.1/"
DCTERMS = "http://purl.org/dc/terms/"
HYDRA = "http://www.w3.org/ns/hydra/core#"
XSD_DATE_TIME = NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")
XSD_INTEGER = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
LICENSE = NamedNode("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
"""Datenlizenz Deutschland – Namensnennung 2.0, by the one IRI the data, the ontology and the
shapes use (DCAT-AP.de's licence list); pages link people to the licence text."""

NAMING = (RDFS_LABEL, SKOS_PREF_LABEL, RDF_TYPE)
"""What a linked resource contributes: the graph names resources by rdfs:label (concepts
by skos:prefLabel); dcterms:title repeats the label's text and is left out."""

Subject = NamedNode | BlankNode
Term = NamedNode | BlankNode | Literal


@dataclass(frozen=True)
class Description:
    topic: NamedNode
    document: NamedNode
    """The IRI of this page of the document: {base}doc/{path}, with ?page=n after page 1."""
    triples: tuple[Triple, ...]
    page: int
    pages: int
    backlinks: int
    """All backlinks of the topic, on every page together."""


def resource_iri(base: str, path: str) -> NamedNode:
    """The thing /id/{path} names: a concept of the vocabulary under its persistent
    namespace, anything else under the data's base."""
    return NamedNode(f"{VOCABULARY if vocabulary_term(path) else base}id/{path}")


def document_iri(base: str, path: str, page: int = 1) -> NamedNode:
    return NamedNode(f"{base}doc/{path}" + (f"?page={page}" if page > 1 else ""))


def exists(store: Store, resource: NamedNode) -> bool:
    """A resource exists when it is the subject of at least one triple."""
    return next(iter(store.quads_for_pattern(resource, None, None)), None) is not None


def describe(dataset: PublishedDataset, path: str, page: int = 1) -> Description | None:
    """The description of {base}id/{path}, page `page`; None if the resource or page is absent."""
    store, topic = dataset.store, resource_iri(dataset.base, path)
    if page < 1 or not exists(store, topic):
        return None
    triples: dict[Triple, None] = {}
    entailed = entailed_graph(dataset.base)
    add_closure(store, topic, triples, entailed)
    incoming = backlinks(store, topic, entailed)
    pages = max(1, -(-len(incoming) // PAGE_SIZE))
    if page > pages:
        return None
    for triple in incoming[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]:
        triples[triple] = None
        if isinstance(triple.subject, BlankNode):
            add_closure(store, triple.subject, triples, entailed)
    add_naming(store, neighbours(topic, triples), triples, entailed)
    document = document_iri(dataset.base, path, page)
    for triple in document_triples(dataset, path, topic, document, page, pages):
        triples[triple] = None
    ordered = sorted(triples, key=lambda t: order(t, topic, document))
    return Description(topic, document, tuple(ordered), page, pages, len(incoming))


def entailed_graph(base: str) -> NamedNode:
    """The graph of entailed types and super-properties (mapping/entailment.py)."""
    return NamedNode(f"{base}id/entailed")


def add_closure(
    store: Store, subject: Subject, into: dict[Triple, None], entailed: NamedNode
) -> None:
    """The triples of `subject` and, recursively, of the blank nodes they reach; not the
    entailed ones, which repeat in other vocabularies what the document says (they are
    there for SPARQL clients without inference)."""
    pending, seen = [subject], {subject}
    while pending:
        for quad in store.quads_for_pattern(pending.pop(), None, None):
            if quad.graph_name == entailed:
                continue
            into[quad.triple] = None
            node = quad.object
            if isinstance(node, BlankNode) and node not in seen:
                seen.add(node)
                pending.append(node)


def backlinks(store: Store, topic: NamedNode, entailed: NamedNode) -> list[Triple]:
    """Triples from other subjects to `topic`, in a stable order so pages do not shift
    (entailed super-properties left out: they repeat an asserted link)."""
    found = {
        q.triple: None
        for q in store.quads_for_pattern(None, None, topic)
        if q.graph_name != entailed
    }
    incoming = [t for t in found if t.subject != topic]
    return sorted(incoming, key=lambda t: (str(t.subject), str(t.predicate)))


def neighbours(topic: NamedNode, triples: Iterable[Triple]) -> set[NamedNode]:
    """The named resources the description links to or is linked from."""
    found: set[NamedNode] = set()
    for triple in triples:
        for node in (triple.subject, triple.object):
            if isinstance(node, NamedNode):
                found.add(node)
    found.discard(topic)
    return found


def add_naming(
    store: Store, resources: Iterable[NamedNode], into: dict[Triple, None], entailed: NamedNode
) -> None:
    """Labels and asserted types of the linked resources."""
    for resource in resources:
        for predicate in NAMING:
            for quad in store.quads_for_pattern(resource, predicate, None):
                if quad.graph_name != entailed:
                    into[quad.triple] = None


def document_triples(
    dataset: PublishedDataset,
    path: str,
    topic: NamedNode,
    document: NamedNode,
    page: int,
    pages: int,
) -> list[Triple]:
    """What the document says about itself; pages link each other with hydra:next/previous."""
    triples = [
        Triple(document, RDF_TYPE, NamedNode(FOAF + "Document")),
        Triple(document, NamedNode(FOAF + "primaryTopic"), topic),
        Triple(document, NamedNode(DCTERMS + "license"), LICENSE),
        Triple(document, NamedNode("http://rdfs.org/ns/void#inDataset"), dataset_iri(dataset)),
        Triple(
            document,
            NamedNode(DCTERMS + "modified"),
            Literal(dataset.modified.isoformat().replace("+00:00", "Z"), datatype=XSD_DATE_TIME),
        ),
    ]
    if pages > 1:
        link = NamedNode
        triples += [
            Triple(document, link(HYDRA + "first"), document_iri(dataset.base, path, 1)),
            Triple(document, link(HYDRA + "last"), document_iri(dataset.base, path, pages)),
        ]
        if page > 1:
            previous = document_iri(dataset.base, path, page - 1)
            triples.append(Triple(document, link(HYDRA + "previous"), previous))
        if page < pages:
            following = document_iri(dataset.base, path, page + 1)
            triples.append(Triple(document, link(HYDRA + "next"), following))
    return triples


def dataset_iri(dataset: PublishedDataset) -> NamedNode:
    """The dataset every resource is in: the thing {base}dataset describes."""
    return NamedNode(f"{dataset.base}dataset#dataset")


def order(triple: Triple, topic: NamedNode, document: NamedNode) -> tuple[int, str, str, str]:
    """The topic first, then the document, then everything else: readable Turtle and HTML."""
    subject = triple.subject
    rank = 0 if subject == topic else 1 if subject == document else 2
    return (rank, str(subject), str(triple.predicate), str(triple.object))

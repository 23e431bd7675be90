"""Whole graphs published as one document each: the ontology and the SHACL shapes."""

from __future__ import annotations

import pyoxigraph
from pyoxigraph import NamedNode, RdfFormat, Triple

from mapping.shacl import SHAPES_FILE
from mapping.uris import VOCABULARY
from server.dataset import PublishedDataset


def ontology_iri(base: str) -> str:
    """The ontology's IRI (the graph's name): the persistent one, whatever the base."""
    return f"{VOCABULARY}ontology"


def shapes_iri(base: str) -> str:
    return f"{VOCABULARY}shapes"


def ontology(dataset: PublishedDataset) -> list[Triple]:
    """The ontology as the build published it: the named graph of its IRI."""
    graph = NamedNode(ontology_iri(dataset.base))
    quads = dataset.store.quads_for_pattern(None, None, None, graph)
    return sorted({q.triple: None for q in quads}, key=str)


def shapes(base: str) -> list[Triple]:
    """shapes/intmk-shapes.ttl with the base filled in, as mapping.shacl.load_shapes does."""
    text = SHAPES_FILE.read_text(encoding="utf-8").replace("{{BASE_PLAIN}}", base)
    parsed = pyoxigraph.parse(text.encode("utf-8"), format=RdfFormat.TURTLE, base_iri=base)
    triples = (q.triple if isinstance(q, pyoxigraph.Quad) else q for q in parsed)
    return sorted(dict.fromkeys(triples), key=str)


def dataset_iri(base: str) -> str:
    return f"{base}dataset"


def dataset_description(dataset: PublishedDataset) -> list[Triple]:
    """The dataset description (VoID, DCAT-AP.de) as the build wrote it: graph {base}dataset."""
    graph = NamedNode(dataset_iri(dataset.base))
    quads = dataset.store.quads_for_pattern(None, None, None, graph)
    return sorted({q.triple: None for q in quads}, key=str)

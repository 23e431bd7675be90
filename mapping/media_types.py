"""Media types as resources: dcterms:format names an IANA media type by its IRI, not by a
string, and the graph that uses one says what it is (DCMI: a dcterms:MediaType, member
of the vocabulary encoding scheme dcterms:IMT, the IANA media types)."""

from __future__ import annotations

import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAM, DCTERMS, RDF, RDFS

from mapping.dumps import IANA

MEDIA_TYPE = re.compile(r"[a-z]+/[a-z0-9.+-]+")


def media_type_iri(name: str) -> URIRef:
    """'text/plain' → <https://www.iana.org/assignments/media-types/text/plain>."""
    if MEDIA_TYPE.fullmatch(name) is None:
        raise ValueError(f"not a media type of the form type/subtype: {name!r}")
    return URIRef(IANA + name)


def media_type(graph: Graph, name: str) -> URIRef:
    """The IRI of the media type `name`, described in `graph`: its type, the scheme it
    belongs to, and its name as rdf:value and as a label (a name in no language)."""
    iri = media_type_iri(name)
    graph.add((iri, RDF.type, DCTERMS.MediaType))
    graph.add((iri, DCAM.memberOf, DCTERMS.IMT))
    graph.add((iri, RDF.value, Literal(name)))
    graph.add((iri, RDFS.label, Literal(name)))
    return iri

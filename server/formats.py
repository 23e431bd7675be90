"""The formats a document is published in, and serialising triples into each of them.

One table says, per format, its media type and its file extension (/doc/X.ttl); the
order of the table breaks ties in content negotiation, so `*/*` gets Turtle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph
from pyoxigraph import NamedNode, RdfFormat, Triple

from server import jsonld


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    extension: str
    rdf: RdfFormat | None
    """pyoxigraph's writer for the format; None for JSON-LD (pyld) and HTML (a template)."""


TURTLE = Format("turtle", "text/turtle", "ttl", RdfFormat.TURTLE)
JSON_LD = Format("jsonld", "application/ld+json", "jsonld", None)
N_TRIPLES = Format("ntriples", "application/n-triples", "nt", RdfFormat.N_TRIPLES)
RDF_XML = Format("rdfxml", "application/rdf+xml", "rdf", RdfFormat.RDF_XML)
HTML = Format("html", "text/html", "html", None)

FORMATS = (TURTLE, JSON_LD, N_TRIPLES, RDF_XML, HTML)
RDF_FORMATS = (TURTLE, JSON_LD, N_TRIPLES, RDF_XML)
BY_EXTENSION = {f.extension: f for f in FORMATS}
BY_MEDIA_TYPE = {f.media_type: f for f in FORMATS}


def split_extension(path: str) -> tuple[str, Format | None]:
    """'…/item/4.1.ttl' → ('…/item/4.1', Turtle); '…/item/4.1' stays whole: only a known
    extension is taken off, so a TOP number's dot is never mistaken for one."""
    stem, dot, extension = path.rpartition(".")
    found = BY_EXTENSION.get(extension) if dot and stem and "/" not in extension else None
    return (stem, found) if found else (path, None)


def serialize(triples: Sequence[Triple], form: Format, base: str, first: str | None) -> bytes:
    """Triples in an RDF format; `first` names the node JSON-LD puts first in its @graph."""
    if form is JSON_LD:
        return jsonld.serialize(triples, base, first)
    if form.rdf is None:
        raise ValueError(f"{form.name} is not an RDF format")
    prefixes = used_prefixes(triples, base) if form.rdf is not RdfFormat.N_TRIPLES else None
    body = pyoxigraph.serialize(triples, format=form.rdf, prefixes=prefixes)
    assert body is not None
    return body


def used_prefixes(triples: Sequence[Triple], base: str) -> dict[str, str]:
    """The context's prefixes that shorten some predicate or IRI of `triples`, no others."""
    iris = {t.predicate.value for t in triples}
    iris |= {t.object.value for t in triples if isinstance(t.object, NamedNode)}
    namespaces = jsonld.prefixes(base)
    return {
        name: namespace
        for name, namespace in namespaces.items()
        if any(iri.startswith(namespace) for iri in iris)
    }

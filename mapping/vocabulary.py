"""Namespaces and the graph factory shared by every emitter."""

from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from mapping.model import LineRange
from mapping.uris import Uris

SCHEMA = Namespace("https://schema.org/")
DQV = Namespace("http://www.w3.org/ns/dqv#")
OA = Namespace("http://www.w3.org/ns/oa#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ELI_DL = Namespace("http://data.europa.eu/eli/eli-draft-legislation-ontology#")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, Namespace] = {
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)),
    "owl": Namespace(str(OWL)),
    "skos": Namespace(str(SKOS)),
    "dcterms": Namespace(str(DCTERMS)),
    "prov": Namespace(str(PROV)),
    "foaf": Namespace(str(FOAF)),
    "org": Namespace(str(ORG)),
    "schema": SCHEMA,
    "dqv": DQV,
    "oa": OA,
    "spdx": SPDX,
    "eli": ELI,
    "eli-dl": ELI_DL,
    "wd": WIKIDATA,
}


def new_graph(uris: Uris) -> Graph:
    """An empty graph with the project's prefixes bound."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    graph.bind("intmk", Namespace(uris.ontology), override=True, replace=True)
    return graph


def de(text: str) -> Literal:
    return Literal(text, lang="de")


def en(text: str) -> Literal:
    return Literal(text, lang="en")


def integer(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def decimal(value: Decimal) -> Literal:
    """xsd:decimal in its canonical lexical form ("81500000.0"), stable across syntaxes."""
    text = format(value, "f")
    if "." not in text:
        text += ".0"
    whole, fraction = text.split(".")
    return Literal(f"{whole}.{fraction.rstrip('0') or '0'}", datatype=XSD.decimal)


def boolean(value: bool) -> Literal:
    return Literal(value, datatype=XSD.boolean)


def line_fragment(file_url: str, lines: LineRange) -> URIRef:
    """The RFC 5147 address of lines first..last (1-based, inclusive) of the text at
    `file_url`: `#line=a,b` counts line ends, so it names lines a+1 to b."""
    return URIRef(f"{file_url}#line={lines.first - 1},{lines.last}")


def add_lines(
    graph: Graph,
    subject: URIRef,
    lines: LineRange,
    document: URIRef,
    file_url: str,
    link: URIRef | None = PROV.wasDerivedFrom,
) -> None:
    """Provenance: the source document a fact came from, and the lines in it.

    The lines are stated once, as `dcterms:source` with an RFC 5147 fragment of the text
    the server publishes (…/dumps/sources/{file}#line=a,b): a link a consumer can follow
    to exactly these lines (docs/PROVENANCE.md says why there are no line-number
    properties). `link` relates the subject to the document resource. What was read from
    the minutes (an item, a resolution, a paragraph …) is `prov:wasDerivedFrom` them,
    which makes it a prov:Entity. An event is a prov:Activity (disjoint with prov:Entity):
    a meeting is `schema:recordedIn` the minutes (link=SCHEMA.recordedIn), the conference
    names them with `intmk:minutes` (link=None). ontology/intmk.ttl, "Provenance of
    events", says why.
    """
    if link is not None:
        graph.add((subject, link, document))
    graph.add((subject, DCTERMS.source, line_fragment(file_url, lines)))

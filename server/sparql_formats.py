"""Which result format a SPARQL request gets: Accept (q-values) or a `format` parameter.

The kind of answer (solutions, boolean, graph) is known only once the query has been
parsed in a worker, so the choice is made here for all three kinds at once and the worker
picks the one that fits. `format` wins over Accept; SPARQLWrapper's names are understood.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from server import negotiation, results
from server.problems import Problem

ALIASES = {
    "application/json": results.SPARQL_JSON,
    "application/xml": results.SPARQL_XML,
    "text/xml": results.SPARQL_XML,
}
"""Generic types some clients send; they get the SPARQL results format of that syntax."""
GRAPH_ALIASES = {
    "application/json": "application/ld+json",
    "application/xml": "application/rdf+xml",
    "text/xml": "application/rdf+xml",
    "application/x-turtle": "text/turtle",
    "application/turtle": "text/turtle",
}
FORMAT_NAMES = {
    "json": f"{results.SPARQL_JSON}, application/ld+json;q=0.9",
    "xml": f"{results.SPARQL_XML}, application/rdf+xml;q=0.9",
    "csv": results.CSV,
    "tsv": results.TSV,
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "n3": "text/turtle",
    "ntriples": "application/n-triples",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
    "rdf+xml": "application/rdf+xml",
    "rdf": "application/rdf+xml",
    "nquads": "application/n-quads",
    "trig": "application/trig",
}
"""`format` values and the Accept header each stands for (json/xml also fit graphs)."""
ALL_TYPES = (*results.SOLUTION_FORMATS, *results.GRAPH_FORMATS)


@dataclass(frozen=True)
class Choices:
    """The media type for each kind of answer; None where the client accepts none."""

    solutions: str | None
    boolean: str | None
    graph: str | None


def _pick(accept: str | None, offers: Sequence[str], aliases: dict[str, str]) -> str | None:
    chosen = negotiation.choose(accept, [*offers, *aliases])
    return aliases.get(chosen, chosen) if chosen else None


def accept_for(formats: Sequence[str], accept: str | None) -> str | None:
    """The Accept header the request stands for: its first known `format`, else Accept."""
    for name in formats:
        key = name.split(";")[0].strip().lower()
        if key in FORMAT_NAMES:
            return FORMAT_NAMES[key]
        if key in ALL_TYPES or key in ALIASES or key in GRAPH_ALIASES:
            return key
    if formats:
        known = ", ".join(FORMAT_NAMES)
        raise Problem(
            400,
            f"Unknown format {formats[0]!r}; use one of {known}, or a media type "
            f"({', '.join(ALL_TYPES)}).",
        )
    return accept


def choose_formats(accept: str | None, formats: Sequence[str] = ()) -> Choices:
    """The formats for every kind of answer; 406 problem when none is acceptable at all."""
    header = accept_for(formats, accept)
    choices = Choices(
        solutions=_pick(header, results.SOLUTION_FORMATS, ALIASES),
        boolean=_pick(header, results.BOOLEAN_FORMATS, ALIASES),
        graph=_pick(header, tuple(results.GRAPH_FORMATS), GRAPH_ALIASES),
    )
    if choices == Choices(None, None, None):
        raise Problem(
            406,
            f"None of the accepted types ({header}) is available; SELECT and ASK answers come "
            f"as {', '.join(results.SOLUTION_FORMATS)} (ASK: JSON and XML only), CONSTRUCT and "
            f"DESCRIBE answers as {', '.join(results.GRAPH_FORMATS)}.",
            available=list(ALL_TYPES),
        )
    return choices

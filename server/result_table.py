"""A query's answer as a table for people: the view model of the query page's results.

The worker answers the page in SPARQL JSON (SELECT, ASK) or N-Triples (CONSTRUCT,
DESCRIBE), like any other client; this module reads that answer back into rows of
cells. IRIs are written compactly with the JSON-LD context's prefixes (our own resources
relative to the base), named by their label where the data has one and linked to their
page; literals keep their exact text with a note of their language or datatype.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from server import jsonld, results
from server.html import Labels
from server.pages import Frame

SHOWN_ROWS = 1000
"""Rows the page shows at most; the downloads carry the whole answer."""
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
GRAPH_COLUMNS = ("subject", "predicate", "object")
Term = NamedNode | BlankNode | Literal | Triple


@dataclass(frozen=True)
class Cell:
    text: str
    """What the cell shows: a label, a compact IRI or the literal's text."""
    value: str
    """The exact value: the full IRI, the literal's lexical form, or `_:label`."""
    href: str | None = None
    iri: str = ""
    """The compact IRI, shown under a label."""
    note: str = ""
    """A literal's language or datatype."""


@dataclass(frozen=True)
class Table:
    kind: str
    """'solutions' (SELECT), 'boolean' (ASK) or 'graph' (CONSTRUCT, DESCRIBE)."""
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[Cell | None, ...], ...] = ()
    count: int = 0
    """Rows in the answer; more than `rows` holds when the page shows only the first."""
    truncated: bool = False
    """Whether the server's result limit cut the answer."""
    boolean: bool | None = None


class Cells:
    """Turns terms into cells for one page: prefixes, labels and links in its language."""

    def __init__(self, frame: Frame, store: pyoxigraph.Store) -> None:
        self.frame = frame
        self.labels = Labels((), store, frame)
        self.namespaces = sorted(
            jsonld.prefixes(frame.base).items(), key=lambda item: -len(item[1])
        )

    def compact(self, iri: str) -> str:
        """'intmk:Resolution', 'id/land/DE-HE' for our own resources, else the IRI."""
        for prefix, namespace in self.namespaces:
            local = iri.removeprefix(namespace)
            if local != iri and local.replace("-", "").replace("_", "").isalnum():
                return f"{prefix}:{local}"
        if iri.startswith(self.frame.base):
            return iri[len(self.frame.base) :]
        return iri

    def cell(self, term: Term | None) -> Cell | None:
        if term is None:
            return None
        if isinstance(term, NamedNode):
            compact = self.compact(term.value)
            label = self.labels.label(term.value)
            text, shown = (label, compact) if label else (compact, "")
            return Cell(text, term.value, href=self.frame.href(term.value), iri=shown)
        if isinstance(term, BlankNode):
            return Cell(f"_:{term.value}", f"_:{term.value}")
        if isinstance(term, Triple):
            return Cell(str(term), str(term))
        return Cell(term.value, term.value, note=self.note(term))

    def note(self, literal: Literal) -> str:
        if literal.language:
            return literal.language
        datatype = literal.datatype.value
        return "" if datatype in (XSD_STRING, RDF_LANG_STRING) else self.compact(datatype)

    def rows(self, rows: Iterable[Sequence[Term | None]]) -> tuple[tuple[Cell | None, ...], ...]:
        return tuple(tuple(self.cell(term) for term in row) for row in rows)


def read_table(body: bytes, media_type: str, truncated: bool, cells: Cells) -> Table:
    """The worker's answer (SPARQL JSON or N-Triples) as a table of at most SHOWN_ROWS."""
    if media_type == results.SPARQL_JSON:
        answer = pyoxigraph.parse_query_results(body, pyoxigraph.QueryResultsFormat.JSON)
        if isinstance(answer, pyoxigraph.QueryBoolean):
            return Table("boolean", boolean=bool(answer))
        columns = tuple(variable.value for variable in answer.variables)
        rows = [list(solution) for solution in answer]
        kind = "solutions"
    else:
        quads = pyoxigraph.parse(body, pyoxigraph.RdfFormat.N_TRIPLES)
        columns = GRAPH_COLUMNS
        rows = [[quad.subject, quad.predicate, quad.object] for quad in quads]
        kind = "graph"
    shown = cells.rows(rows[:SHOWN_ROWS])
    return Table(kind, columns, shown, count=len(rows), truncated=truncated)

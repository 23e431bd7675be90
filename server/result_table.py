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

from mapping.uris import VOCABULARY
from server import jsonld, results
from server.html import Labels
from server.pages import Frame

PAGE_ROWS = 200
"""Rows one page of the table shows; further pages and the downloads carry the rest."""
CELL_CHARS = 2000
"""Characters a cell shows of a value at most (a value may be megabytes long); the
downloads carry it whole."""
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
    """Rows in the answer; more than `rows` holds when it takes several pages."""
    page: int = 1
    """Which page of PAGE_ROWS rows `rows` is (1 is the first)."""
    truncated: bool = False
    """Whether the server's result limit cut the answer."""
    boolean: bool | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // PAGE_ROWS))

    @property
    def first_row(self) -> int:
        """Number of the first row shown (1-based)."""
        return (self.page - 1) * PAGE_ROWS + 1


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
        for own in (self.frame.base, VOCABULARY):
            if iri.startswith(own):
                return iri[len(own) :]
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
            return Cell(shortened(str(term)), shortened(str(term)))
        text = shortened(term.value)
        return Cell(text, text, note=self.note(term))

    def note(self, literal: Literal) -> str:
        if literal.language:
            return literal.language
        datatype = literal.datatype.value
        return "" if datatype in (XSD_STRING, RDF_LANG_STRING) else self.compact(datatype)

    def rows(self, rows: Iterable[Sequence[Term | None]]) -> tuple[tuple[Cell | None, ...], ...]:
        return tuple(tuple(self.cell(term) for term in row) for row in rows)


def shortened(text: str) -> str:
    return text if len(text) <= CELL_CHARS else text[:CELL_CHARS] + "…"


def read_table(body: bytes, media_type: str, truncated: bool, cells: Cells, page: int = 1) -> Table:
    """The worker's answer (SPARQL JSON or N-Triples) as one page of a table: PAGE_ROWS
    rows from page `page` on (the last page if there are fewer)."""
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
    page = max(1, min(page, -(-len(rows) // PAGE_ROWS)))
    shown = cells.rows(rows[(page - 1) * PAGE_ROWS : page * PAGE_ROWS])
    return Table(kind, columns, shown, count=len(rows), page=page, truncated=truncated)

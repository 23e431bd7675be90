"""The structure of a resolution's text on its page: its tables (CSVW) with their header
and rows, the amounts their cells state, and the footnotes of its paragraphs and list
items."""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import Store

from server.page_data import AMOUNT_DETAILS, Amount, Request, amount_of, requests, select

CSVW_PREFIX = "PREFIX csvw: <http://www.w3.org/ns/csvw#>\nPREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"


@dataclass
class Table:
    iri: str
    position: int
    after: str  # the paragraph it follows; "" before the first
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    amounts: dict[tuple[int, int], list[Amount]] = field(default_factory=dict)
    """(row number, column position) → the amounts that cell states, in order."""
    cells: dict[str, tuple[int, int]] = field(default_factory=dict)  # cell IRI → its place
    requests: dict[tuple[int, int], list[Request]] = field(default_factory=dict)
    """(row number, column position) → the requests written in that cell, in order."""

    @property
    def has_header(self) -> bool:
        return any(self.header)

    def cell_amounts(self, row: int, column: int) -> list[Amount]:
        """The amounts the cell in row `row`, column `column` (both 1-based) states."""
        return self.amounts.get((row, column), [])

    def cell_requests(self, row: int, column: int) -> list[Request]:
        """The requests written in the cell in row `row`, column `column` (1-based)."""
        return self.requests.get((row, column), [])

    @property
    def all_requests(self) -> list[Request]:
        """The requests of all its cells, by number."""
        return sorted(
            (r for found in self.requests.values() for r in found), key=lambda r: r.number
        )


@dataclass(frozen=True)
class Note:
    iri: str
    number: int
    text: str
    paragraph: str  # the paragraph it annotates, or holds the item it annotates


COLUMNS = (
    CSVW_PREFIX
    + """
SELECT ?table ?position ?after ?cpos ?title WHERE {
  {resolution} intmk:hasTable ?table .
  ?table intmk:position ?position ; csvw:tableSchema/csvw:column ?column .
  ?column intmk:position ?cpos .
  OPTIONAL { ?table intmk:afterParagraph ?after }
  OPTIONAL { ?column csvw:title ?title }
} ORDER BY ?position ?cpos
"""
)

CELLS = (
    CSVW_PREFIX
    + """
SELECT ?table ?rownum ?cpos ?value ?cell WHERE {
  {resolution} intmk:hasTable ?table .
  ?table csvw:row ?row . ?row csvw:rownum ?rownum .
  OPTIONAL { ?row intmk:hasCell ?cell . ?cell intmk:inColumn/intmk:position ?cpos ;
             rdf:value ?value }
} ORDER BY ?table ?rownum ?cpos
"""
)

CELL_AMOUNTS = (
    CSVW_PREFIX
    + """
SELECT ?table ?rownum ?cpos ?value ?currency ?stated ?approximate ?minimum ?maximum ?period
       ?unresolved WHERE {
  {resolution} intmk:hasTable ?table .
  ?table csvw:row ?row . ?row csvw:rownum ?rownum ; intmk:hasCell ?cell .
  ?cell intmk:inColumn/intmk:position ?cpos .
  { ?cell intmk:cellMentionsAmount ?amount . BIND(false AS ?unresolved) }
  UNION { ?cell intmk:cellMentionsUnresolvedAmount ?amount . BIND(true AS ?unresolved) }"""
    + AMOUNT_DETAILS
    + """} ORDER BY ?table ?rownum ?cpos ?amount
"""
)

NOTES = """
SELECT ?note ?number ?text ?paragraph WHERE {
  {resolution} intmk:hasParagraph ?paragraph .
  { ?note intmk:annotates ?paragraph } UNION
  { ?paragraph intmk:hasBullet ?item . ?note intmk:annotates ?item }
  ?note intmk:footnoteNumber ?number ; intmk:text ?text .
} ORDER BY ?number ?note
"""


def tables(store: Store, base: str, resolution: str) -> list[Table]:
    """The resolution's tables in order, each with its column titles and rows of cells."""
    found: dict[str, Table] = {}
    for row in select(store, base, COLUMNS, resolution=resolution):
        table = found.setdefault(
            row["table"], Table(row["table"], int(row["position"]), row.get("after", ""))
        )
        table.header.append(row.get("title", ""))
    for row in select(store, base, CELLS, resolution=resolution):
        table = found[row["table"]]
        number = int(row["rownum"])
        while len(table.rows) < number:
            table.rows.append([""] * len(table.header))
        if "cpos" in row:
            table.rows[number - 1][int(row["cpos"]) - 1] = row.get("value", "")
            table.cells[row["cell"]] = (number, int(row["cpos"]))
    for row in select(store, base, CELL_AMOUNTS, resolution=resolution):
        cell = (int(row["rownum"]), int(row["cpos"]))
        found[row["table"]].amounts.setdefault(cell, []).append(amount_of(row))
    scope = "{resolution} intmk:hasRequest ?request ."
    for place, request in requests(store, base, scope, resolution=resolution):
        for table in found.values():
            if place in table.cells:
                table.requests.setdefault(table.cells[place], []).append(request)
    return sorted(found.values(), key=lambda t: t.position)


def notes(store: Store, base: str, resolution: str) -> list[Note]:
    """The footnotes of the resolution's paragraphs and list items, by number."""
    return [
        Note(row["note"], int(row["number"]), row["text"], row["paragraph"])
        for row in select(store, base, NOTES, resolution=resolution)
    ]

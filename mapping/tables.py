"""Tables inside a resolution's text: rows of cells apart by tabs, not a Green List.

The document layer gives a table's cells apart by tabs: a PDF reader from the glyph
positions, mapping/document/text_tables.py from a text laid out with spaces. Tab rows that
are a Green List (TOP, title, "Antragsteller: …") are read by mapping/parse_resolutions.py;
any other run of tab rows (blank lines and page breaks between them allowed, a line of
text ends it) is a `Table` here: the k-th cell of each row is in the k-th column.

The first row is the header when it has no figure and a later row has one; a row equal to
the header further down is the header printed again after a page break, not a row. A row
with more cells than the header, or a single row, cannot be put in columns: a SourceError
naming the file and the line — or with `--lenient` the table's lines are text of the
resolution again (cells apart by a space, every line kept, in order) and an `UnreadTable`
names them for a data-quality finding. So does a run the document layer could not put in
columns (`Document.undecided_tables`, mapping/document/text_tables.py).

A cell states amounts of money as a paragraph does ("500.000 Euro", "jährlich 2 Mio. €"):
they are read by the same grammar (mapping/amounts.py), each kept with its cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from mapping.amounts import find_amounts
from mapping.document.model import UndecidedTable
from mapping.errors import SourceError
from mapping.model import (
    CellAmount,
    LineRange,
    MoneyMention,
    Resolution,
    Table,
    TableRow,
    UnreadTable,
    UnresolvedAmount,
)
from mapping.source import Line

MIN_ROWS = 2
FIGURE = re.compile(r"\d")


@dataclass(frozen=True)
class TableLines:
    """The rows of one table as found: each line with its cells."""

    rows: tuple[tuple[Line, tuple[str, ...]], ...]

    @property
    def lines(self) -> LineRange:
        return LineRange(self.rows[0][0].number, self.rows[-1][0].last)


def row_cells(line: Line) -> tuple[str, ...]:
    return tuple(" ".join(cell.split()) for cell in line.plain.split("\t"))


def find_tables(lines: list[Line]) -> list[TableLines]:
    """Every run of tab rows: two rows or more; one alone is a SourceError in read_table."""
    found: list[TableLines] = []
    run: list[tuple[Line, tuple[str, ...]]] = []
    for line in [*lines, None]:
        if line is not None and "\t" in line.text:
            run.append((line, row_cells(line)))
            continue
        if line is not None and not line.text.strip():
            continue
        if run:
            found.append(TableLines(tuple(run)))
        run = []
    return found


def without_tables(lines: list[Line], tables: list[TableLines]) -> list[Line]:
    """The section's lines with the tables' lines blanked: text stops before a table."""
    taken = {line.number for table in tables for line, _ in table.rows}
    return [
        Line(line.number, "", line.page_header) if line.number in taken else line for line in lines
    ]


def has_figure(cells: tuple[str, ...]) -> bool:
    return any(FIGURE.search(cell) for cell in cells)


def readable_tables(
    found: list[TableLines], path: Path, lenient: bool = False
) -> tuple[list[TableLines], list[UnreadTable]]:
    """The tables whose columns can be told apart, and (only with `lenient`: otherwise a
    SourceError) the others, to be read as text with a finding."""
    readable: list[TableLines] = []
    unread: list[UnreadTable] = []
    for table in found:
        try:
            table_header(table, path)
        except SourceError as error:
            if not lenient:
                raise
            line = error.line if error.line is not None else table.lines.first
            unread.append(UnreadTable(error.problem, error.expected, line, table.lines))
            continue
        readable.append(table)
    return readable, unread


def as_text(lines: list[Line], tables: list[UnreadTable]) -> list[Line]:
    """The section's lines with the rows of unread tables as text: cells apart by a space."""
    taken = {n for table in tables for n in range(table.lines.first, table.lines.last + 1)}
    return [
        Line(line.number, " ".join(row_cells(line)), line.page_header, line.through)
        if line.number in taken and "\t" in line.text
        else line
        for line in lines
    ]


def with_undecided(
    resolutions: tuple[Resolution, ...], undecided: tuple[UndecidedTable, ...]
) -> tuple[Resolution, ...]:
    """Each resolution with the undecided tables of the document layer inside its lines."""
    result = []
    for resolution in resolutions:
        own = tuple(
            UnreadTable(t.problem, t.expected, t.line, LineRange(t.first, t.last))
            for t in undecided
            if resolution.lines.first <= t.first <= resolution.lines.last
        )
        result.append(replace(resolution, unread_tables=(*resolution.unread_tables, *own)))
    return tuple(result)


def refuse_undecided(undecided: tuple[UndecidedTable, ...], path: Path) -> None:
    """Without `--lenient`, the first table the document layer could not read is an error."""
    if undecided:
        first = undecided[0]
        raise SourceError(path, first.line, first.problem, first.expected)


def table_header(found: TableLines, path: Path) -> tuple[str, ...]:
    """The header row of a table (() without one); a single row, or a row wider than the
    header, is a SourceError."""
    first_line, first = found.rows[0]
    if len(found.rows) < MIN_ROWS:
        raise SourceError(
            path,
            first_line.number,
            "a single row of cells apart by tabs in a resolution's text: no table",
            "a table of at least two rows, or text",
        )
    rest = found.rows[1:]
    header = first if not has_figure(first) and any(has_figure(c) for _, c in rest) else ()
    width = len(header) or max(len(cells) for _, cells in found.rows)
    for line, cells in found.rows:
        if len(cells) > width:
            raise SourceError(
                path,
                line.number,
                f"the columns of this table cannot be told apart: the row has {len(cells)} "
                f"cells, its header {width} columns",
                "every row of a table with one cell per column",
            )
    return header


def read_table(found: TableLines, position: int, after_paragraph: int, path: Path) -> Table:
    """The typed table: header, rows in order with one cell per column, its lines."""
    header = table_header(found, path)
    rest = found.rows[1:]
    width = len(header) or max(len(cells) for _, cells in found.rows)
    body = [(line, cells) for line, cells in (rest if header else found.rows) if cells != header]
    rows = tuple(
        TableRow(number, cells + ("",) * (width - len(cells)), LineRange(line.number, line.last))
        for number, (line, cells) in enumerate(body, start=1)
    )
    return Table(position, after_paragraph, header, rows, found.lines, width)


def read_tables(
    found: list[TableLines], paragraph_starts: list[int], path: Path
) -> tuple[Table, ...]:
    """The tables of a resolution, each after the paragraphs that start before it."""
    return tuple(
        read_table(table, k, sum(1 for s in paragraph_starts if s < table.lines.first), path)
        for k, table in enumerate(found, start=1)
    )


def with_amounts(table: Table) -> Table:
    """The table with the amounts of money each cell states (as in a paragraph)."""
    return replace(table, rows=tuple(replace(row, amounts=cell_amounts(row)) for row in table.rows))


def cell_amounts(row: TableRow) -> tuple[CellAmount, ...]:
    return tuple(
        CellAmount(column, position, in_row(mention, row))
        for column, text in enumerate(row.cells, start=1)
        for position, mention in enumerate(find_amounts(text), start=1)
    )


def in_row(mention: MoneyMention, row: TableRow) -> MoneyMention:
    """An unresolved amount with the lines of its row (its finding names them)."""
    if isinstance(mention, UnresolvedAmount):
        return replace(mention, lines=row.lines)
    return mention

"""Tables inside a resolution's text: rows of cells apart by tabs, not a Green List.

The document layer gives a table's cells apart by tabs: a PDF reader from the glyph
positions, mapping/document/text_tables.py from a text laid out with spaces. Tab rows that
are a Green List (TOP, title, "Antragsteller: …") are read by mapping/parse_resolutions.py;
any other run of tab rows (blank lines and page breaks between them allowed, a line of
text ends it) is a `Table` here: the k-th cell of each row is in the k-th column.

The first row is the header when it has no figure and a later row has one; a row equal to
the header further down is the header printed again after a page break, not a row. A row
with more cells than the header, or rows of different widths without a header, cannot
be put in columns: a SourceError naming the file and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mapping.errors import SourceError
from mapping.model import LineRange, Table, TableRow
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


def read_table(found: TableLines, position: int, after_paragraph: int, path: Path) -> Table:
    """The typed table: header, rows in order with one cell per column, its lines."""
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

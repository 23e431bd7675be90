"""Tables whose cells stand one after another, each a block of its own (plain `pdftotext`
of a PDF whose agenda is a drawn table): their rows put together again.

Plain `pdftotext` (without `-layout`) writes a drawn table cell by cell, in reading order,
a blank line between cells:

    TOP            ← the header row, one cell a block
                     (blank)
    Thema
                     (blank)
    1.3 (GL)       ← a row begins with a block that is one TOP number
                     (blank)
    Bericht der LAG „Menschen mit Migrationsgeschichte
    fördern“       ← the title cell, wrapped
                     (blank)
    Brandenburg, Berlin, Hamburg,
    Hessen, …      ← the applicant cell

Here each row becomes one line again, as a PDF reader gives it: the first line of every
further cell is marked to join the row with a tab before it (its text starts with a tab),
every further line of a cell to join it as a wrapped line (`wraps`); mapping/source.py
joins them and keeps the row's first and last line. A row has at most three cells after
its number (title, applicants, a remark). The table ends at a legend ("(GL = Grüne
Liste)"), at a block that begins with a TOP number and goes on (a resolution heading and
its title), or at a row's fourth cell; page furniture inside it is passed over.

A table inside a resolution's text is written so too, but has no known header words
(`join_text_cell_tables`). It is a run of cells — blocks of one short line that ends no
sentence — after a lead-in that ends with a colon ("… verteilen sich wie folgt:"), up to
the next block that is not such a cell, with a figure in at least one of them. Its number
of columns is the one width k that makes rows of the run: k divides the number of cells,
the first k cells (the header) have no figure, and at least two rows follow in which the
same columns hold a figure in every row (a column of Länder beside columns of amounts).
Where no width makes such rows, or more than one does, the rows cannot be put together:
a SourceError naming the file, the first cell's line and the count of cells. A run
without any figure is left to the grammar as text (short lines cannot be told from
short paragraphs there).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from mapping.document.model import DocumentLine, LineKind
from mapping.errors import SourceError

HEADER_CELLS = (
    re.compile(r"^(?:TOP|Nr\.?)$"),
    re.compile(r"^Thema$"),
    re.compile(r"^Antragsteller\S*$"),
    re.compile(r"^(?:Bemerkung|Anmerkung)(?:en)?$"),
)
TOP_CELL = re.compile(r"^(?:TOP\s*:?\s*)?(?:[A-Z]\d*|\d+(?:\.\d+)?[a-z]?)(?:\s*\([^()]{1,30}\))?$")
LEGEND = re.compile(r"^\([^()]+=[^()]+\)$")
CELLS_AFTER_NUMBER = 3
# a resolution heading on a line of its own ("TOP 2.1", "TOP A"): the resolutions begin
RESOLUTION_HEADING = re.compile(r"^\s*TOP\s*:?\s*(?:[A-Z]\d*|\d+(?:\.\d+)?[a-z]?)\s*$")
FIGURE = re.compile(r"\d")
SENTENCE_END = re.compile(r"[.!?:;]$")
CELL_LENGTH = 60  # a cell of a table written cell by cell is one short line
MIN_CELLS = 6  # a header of two columns and two rows
MIN_BODY_ROWS = 2  # rows after the header that show which columns hold figures


def join_cell_rows(lines: list[DocumentLine], path: Path) -> list[DocumentLine]:
    """The lines with each table written cell by cell marked to join into rows. Cells
    written column by column (every number, then every title) are an error."""
    result = list(lines)
    blocks = content_blocks(lines)
    index = 0
    while index < len(blocks):
        header = header_cells(lines, blocks, index)
        if not header:
            index += 1
            continue
        index = join_table(result, blocks, index, header, path)
    return result


def content_blocks(lines: list[DocumentLine]) -> list[list[int]]:
    """Runs of content lines (their indexes) between blank lines; furniture passed over."""
    blocks: list[list[int]] = []
    blank = True
    for index, line in enumerate(lines):
        if line.kind is LineKind.BLANK:
            blank = True
        elif line.kind is LineKind.CONTENT:
            if blank or not blocks:
                blocks.append([])
            blocks[-1].append(index)
            blank = False
    return blocks


def text_of(lines: list[DocumentLine], block: list[int]) -> str:
    return " ".join(lines[i].text.strip() for i in block)


def header_cells(lines: list[DocumentLine], blocks: list[list[int]], start: int) -> int:
    """How many blocks from `start` form a header row written cell by cell (0: none). Its
    first cell may end a block: plain pdftotext sets no blank line before a table."""
    count = 0
    for pattern in HEADER_CELLS:
        block = blocks[start + count] if start + count < len(blocks) else []
        if not block or (count and len(block) != 1) or "\t" in lines[block[-1]].text:
            break
        if not pattern.match(lines[block[-1]].text.strip()):
            break
        count += 1
    return count if count >= 2 else 0


def is_number_cell(lines: list[DocumentLine], block: list[int]) -> bool:
    return len(block) == 1 and bool(TOP_CELL.match(lines[block[0]].text.strip()))


def ends_table(lines: list[DocumentLine], block: list[int]) -> bool:
    """A legend, or a TOP number that goes on in its block (a heading and its title)."""
    first = lines[block[0]].text.strip()
    return bool(LEGEND.match(first)) or (len(block) > 1 and bool(TOP_CELL.match(first)))


def join_table(
    result: list[DocumentLine], blocks: list[list[int]], start: int, header: int, path: Path
) -> int:
    """Mark the header and the rows after it to join; the index of the block after them."""
    join_row(result, [blocks[start][-1:], *blocks[start + 1 : start + header]])
    index = start + header
    while index < len(blocks) and is_number_cell(result, blocks[index]):
        cells = [blocks[index]]
        index += 1
        while (
            index < len(blocks)
            and len(cells) <= CELLS_AFTER_NUMBER
            and not is_number_cell(result, blocks[index])
            and not ends_table(result, blocks[index])
        ):
            cells.append(blocks[index])
            index += 1
        if len(cells) == 1 and index < len(blocks) and is_number_cell(result, blocks[index]):
            raise column_order(path, result[cells[0][0]], result[blocks[index][0]])
        join_row(result, cells)
    return index


def column_order(path: Path, number: DocumentLine, following: DocumentLine) -> SourceError:
    return SourceError(
        path,
        number.number,
        f"the table's TOP number '{number.text.strip()}' is followed by the next number "
        f"'{following.text.strip()}' without a cell between: the converter wrote the table "
        "column by column, and its rows cannot be put together again",
        "a table written row by row (each TOP number followed by its title and applicants)",
    )


def join_row(result: list[DocumentLine], cells: list[list[int]]) -> None:
    """The first line of each cell after the first joins with a tab, the others wrap."""
    for position, cell in enumerate(cells):
        for offset, index in enumerate(cell):
            line = result[index]
            if offset == 0 and position > 0:
                result[index] = replace(line, text="\t" + line.text.lstrip(), wraps=True)
            elif offset > 0:
                result[index] = replace(line, wraps=True)


def join_text_cell_tables(lines: list[DocumentLine], path: Path) -> list[DocumentLine]:
    """The lines with each table written cell by cell inside a resolution's text (after a
    lead-in ending with a colon) marked to join into rows, from the first resolution
    heading on. A run of cells no number of columns puts in rows is an error."""
    result = list(lines)
    start = next((i for i, line in enumerate(lines) if RESOLUTION_HEADING.match(line.text)), 0)
    blocks = [block for block in content_blocks(lines) if block[0] >= start]
    index = 0
    while index < len(blocks):
        run = cell_run(result, blocks, index)
        if not run:
            index += 1
            continue
        cells = blocks[index + 1 : index + 1 + run]
        width = table_width(result, cells, path)
        for row in range(0, len(cells), width):
            join_row(result, cells[row : row + width])
        index += 1 + run
    return result


def cell_run(lines: list[DocumentLine], blocks: list[list[int]], lead_in: int) -> int:
    """How many cells follow the block at `lead_in` when it is a lead-in ending with a
    colon and the run holds a figure (0: no table written cell by cell there)."""
    if not lines[blocks[lead_in][-1]].text.rstrip().endswith(":"):
        return 0
    count = 0
    for block in blocks[lead_in + 1 :]:
        if not is_text_cell(lines, block):
            break
        count += 1
    run = blocks[lead_in + 1 : lead_in + 1 + count]
    figures = any(FIGURE.search(text_of(lines, block)) for block in run)
    return count if count >= MIN_CELLS and figures else 0


def is_text_cell(lines: list[DocumentLine], block: list[int]) -> bool:
    """One short line that ends no sentence and has no tab: a cell written on its own."""
    text = lines[block[0]].text.strip()
    return (
        len(block) == 1
        and 0 < len(text) <= CELL_LENGTH
        and "\t" not in text
        and not SENTENCE_END.search(text)
        and not RESOLUTION_HEADING.match(text)
    )


def table_width(lines: list[DocumentLine], cells: list[list[int]], path: Path) -> int:
    """The one number of columns that puts the cells in rows: a header without figures
    over at least two rows with figures in the same columns; otherwise an error."""
    figures = [bool(FIGURE.search(text_of(lines, cell))) for cell in cells]
    widths = [k for k in range(2, len(cells) // (MIN_BODY_ROWS + 1) + 1) if rows_fit(figures, k)]
    if len(widths) == 1:
        return widths[0]
    first = lines[cells[0][0]]
    why = (
        "no number of columns divides them into a header row without figures and rows "
        "with figures in the same columns"
        if not widths
        else f"{' or '.join(map(str, widths))} columns would each put them in rows"
    )
    raise SourceError(
        path,
        first.number,
        f"the {len(cells)} cells written one a line from '{first.text.strip()[:40]}' on "
        f"cannot be put together into rows: {why}",
        "a table written cell by cell with a header row and every row complete",
    )


def rows_fit(figures: list[bool], width: int) -> bool:
    """Whether rows of `width` cells make a table: the count divides, the header has no
    figure, every later row has figures in the same columns, at least one."""
    if len(figures) % width:
        return False
    rows = [tuple(figures[k : k + width]) for k in range(0, len(figures), width)]
    header, body = rows[0], rows[1:]
    return not any(header) and len(body) >= MIN_BODY_ROWS and len(set(body)) == 1 and any(body[0])

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

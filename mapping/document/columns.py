"""Tables laid out with runs of spaces (`pdftotext -layout`, fixed-width text): their cells
apart by tabs, each in its column.

A PDF reader knows a table's cells from glyph positions and drawn lines and writes them
apart by tabs. A text made by `pdftotext -layout` only has columns of characters: the
title column and the applicant column wrap side by side, a continuation line carries
text of either column or both ("          fördern“          Hessen, Mecklenburg-"),
and once the runs of spaces are collapsed nobody can tell them apart. So here, while the
columns are still visible, a table that begins with a header row ("TOP   Thema
Antragsteller") becomes tab-separated rows of cells by position: the cells left of the
title column are the TOP number, the cell that starts in the title column is title text,
cells right of it are applicants and remarks. A continuation line keeps an empty first
cell (it starts with a tab), so the grammar knows which column its text continues.

The table ends at the first line that fits no column: text at the left margin that is
not a TOP number with a title, text left of the title column, or after a blank line
(not a page break) anything but a new row. Page furniture inside the table (a page break)
is passed over. Nothing outside such a table is touched: justified paragraphs keep their
runs of spaces, which normalisation of the grammar's lines collapses.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from mapping.document.model import DocumentLine, LineKind, Normalisation
from mapping.document.normalise import normalise
from mapping.errors import SourceError

HEADER = re.compile(
    r"^(?P<indent> *)(?:TOP|Nr\.?) {2,}(?P<title>Thema)(?: {2,}Antragsteller\S*)?"
    r"(?: {2,}(?:Bemerkung|Anmerkung)(?:en)?)? *$"
)
TOP_CELL = re.compile(r"(?:TOP\s*:?\s*)?(?:[A-Z]\d*|\d+(?:\.\d+)?[a-z]?)(?:\s*\([^()]{1,30}\))?")
SEGMENT = re.compile(r"\S+(?: \S+)*")  # text between runs of two or more spaces
SLACK = 1  # a cell may start one character off its column
# a contents entry's page number, right-aligned after dot leaders or a run of spaces
PAGE_AT_END = re.compile(r"(?:\.{2,} *| {2,})(?P<page>\d{1,3}) *$")
ALIGNED_PAGES = 3  # page numbers ending at one column before they count as a column


@dataclass(frozen=True)
class Columns:
    """Where a table's columns start: the TOP number at the margin, the title."""

    margin: int
    title: int


@dataclass(frozen=True)
class Segment:
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def tab_columns(lines: list[DocumentLine], path: Path) -> list[DocumentLine]:
    """The lines with every space-laid table's cells apart by tabs, and a tab before each
    right-aligned page number of a table of contents. A line inside a table that starts
    between the number column and the title column is an error."""
    result = tab_page_numbers(list(lines))
    index = 0
    while index < len(result):
        columns = header_columns(result[index])
        if columns is None:
            index += 1
            continue
        index = convert_table(result, index, columns, path)
    return result


def tab_page_numbers(lines: list[DocumentLine]) -> list[DocumentLine]:
    """A run of spaces before a page number that ends at the column where the contents'
    page numbers end (right-aligned, after dot leaders or spaces) becomes a tab: the title
    of a long entry may leave no room for dots ("… fördern“   10")."""
    ends = Counter(
        len(positioned(line.raw))
        for line in lines
        if line.kind is LineKind.CONTENT and PAGE_AT_END.search(positioned(line.raw))
    )
    columns = {end for end, count in ends.items() if count >= ALIGNED_PAGES}
    result = list(lines)
    for index, line in enumerate(lines):
        raw = positioned(line.raw)
        match = PAGE_AT_END.search(raw)
        aligned = any(abs(len(raw) - end) <= SLACK for end in columns)
        if match is None or not aligned or "\t" in raw or "." in match.group():
            continue
        result[index] = tabbed(line, [raw[: match.start()].strip(), match.group("page")])
    return result


def header_columns(line: DocumentLine) -> Columns | None:
    if line.kind is not LineKind.CONTENT or "\t" in line.raw:
        return None
    match = HEADER.match(positioned(line.raw))
    if match is None:
        return None
    return Columns(len(match.group("indent")), match.start("title"))


def positioned(raw: str) -> str:
    """The raw line as columns of characters: a form feed that begins a page takes none."""
    return raw.lstrip("\f").rstrip()


def convert_table(lines: list[DocumentLine], header: int, columns: Columns, path: Path) -> int:
    """Put the header and the rows after it into cells; the index after the table."""
    lines[header] = tabbed(lines[header], row_cells(lines[header].raw, columns) or [])
    gap = page_break = False
    title_end = 0  # where the title text of the table line before ends
    index = header + 1
    while index < len(lines):
        line = lines[index]
        if page_break and line.kind is LineKind.CONTENT:
            columns = page_columns(line, columns)
            title_end = 0
        if line.kind is LineKind.BLANK:
            gap = True
        elif line.kind.is_furniture:
            page_break = True
        elif "\t" in line.raw:  # a row apart by tabs already
            gap = page_break = False
        else:
            cells = row_cells(line.raw, columns)
            if (
                cells is None
                and between_columns(line.raw, columns)
                and table_goes_on(lines, index, columns)
            ):
                raise SourceError(
                    path,
                    line.number,
                    f"agenda table line '{line.text[:60]}' starts in column "
                    f"{start(line.raw) + 1}, between the TOP column ({columns.margin + 1}) and "
                    f"the title column ({columns.title + 1})",
                    "each line of a table laid out with spaces starting in one of the columns "
                    "of its header row",
                )
            if cells is None or (gap and not page_break and not cells[0]):
                return index
            check_under_title(line, columns, title_end, path)
            title_end = title_text_end(line.raw, columns)
            lines[index] = tabbed(line, cells)
            gap = page_break = False
        index += 1
    return index


def check_under_title(line: DocumentLine, columns: Columns, title_end: int, path: Path) -> None:
    """A continuation line whose text starts under the title text of the line before —
    neither at the title column nor right of that title, in the next column — fits no
    column: an error naming where it starts and the table's columns."""
    first = start(line.raw)
    if not columns.title + SLACK < first < title_end - SLACK:
        return
    raise SourceError(
        path,
        line.number,
        f"agenda table line '{line.text[:60]}' starts in column {first + 1}, inside the "
        f"title column (from column {columns.title + 1}) under the title text of the line "
        f"before (to column {title_end}): neither title text nor the next column",
        "each line of a table laid out with spaces starting in one of the columns of its "
        "header row (TOP, Thema, Antragsteller)",
    )


def title_text_end(raw: str, columns: Columns) -> int:
    """Where the line's text in the title column ends (0: it has none)."""
    for match in SEGMENT.finditer(positioned(raw)):
        if abs(match.start() - columns.title) <= SLACK:
            return match.end()
        if match.start() > columns.title + SLACK:
            return 0
    return 0


def page_columns(line: DocumentLine, columns: Columns) -> Columns:
    """The columns on a new page: pdftotext -layout places each page on its own, so a row
    that begins the page (a TOP number, then its title) sets them again."""
    if "\t" in line.raw:
        return columns
    segments = [Segment(m.start(), m.group()) for m in SEGMENT.finditer(positioned(line.raw))]
    if len(segments) >= 2 and TOP_CELL.fullmatch(segments[0].text):
        return Columns(segments[0].start, segments[1].start)
    return columns


def start(raw: str) -> int:
    text = positioned(raw)
    return len(text) - len(text.lstrip(" "))


def between_columns(raw: str, columns: Columns) -> bool:
    return columns.margin + SLACK < start(raw) < columns.title - SLACK


def table_goes_on(lines: list[DocumentLine], index: int, columns: Columns) -> bool:
    """Whether the next content line after `index` is a line of the table."""
    following = next((line for line in lines[index + 1 :] if line.kind is LineKind.CONTENT), None)
    return following is not None and row_cells(following.raw, columns) is not None


def row_cells(raw: str, columns: Columns) -> list[str] | None:
    """The cells of a table line by column: [TOP, title, applicants/remarks …]; the TOP
    cell is empty on a continuation line. None: the line fits no column of the table."""
    segments = [Segment(m.start(), m.group()) for m in SEGMENT.finditer(positioned(raw))]
    if not segments:
        return None
    first = segments[0]
    if first.start < columns.margin - SLACK:
        return None
    if first.start <= columns.margin + SLACK:
        return numbered_row(segments, columns)
    if first.start < columns.title - SLACK:
        return None
    if first.start <= columns.title + SLACK:
        return ["", first.text, *(s.text for s in segments[1:])]
    return ["", "", *(s.text for s in segments)]


def numbered_row(segments: list[Segment], columns: Columns) -> list[str] | None:
    """A row that begins at the margin: its TOP number cell, then a title cell."""
    first, rest = segments[0], segments[1:]
    if first.end > columns.title - SLACK:  # one space only between number and title
        cut = first.text.rfind(" ", 0, columns.title - first.start)
        if cut < 0:
            return None
        number, title = first.text[:cut], Segment(first.start + cut + 1, first.text[cut + 1 :])
        rest = [title, *rest]
        first = Segment(first.start, number)
    if TOP_CELL.fullmatch(first.text) is None and first.text not in ("TOP", "Nr.", "Nr"):
        return None
    if not rest or abs(rest[0].start - columns.title) > SLACK:
        return None
    return [first.text, *(s.text for s in rest)]


def tabbed(line: DocumentLine, cells: list[str]) -> DocumentLine:
    """The line with its cells apart by tabs, normalised again; the change recorded."""
    if not cells:
        return line
    text, changes = normalise("\t".join(cells))
    gaps = Normalisation("column gap", len(cells) - 1)
    return replace(line, text=text.strip(" "), normalisations=(*changes, gaps))

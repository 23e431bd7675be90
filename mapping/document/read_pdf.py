"""Reading a minutes PDF into lines, in reading order, with the seed's inline conventions.

pdfplumber (on pdfminer.six) gives every glyph with its font, size and box, and every line
and rectangle drawn on the page (bench/README.md, "PDF readers", says why this library).
From those this module makes `ExtractedLine`s:

- glyphs on one baseline form a line; a gap wider than a space separates words;
- bold: the font's name says so (Bold, Black, Heavy, Semibold, Demi, ",Bold"); runs are
  written `**…**`;
- underline: a drawn line or a thin filled rectangle just below the baseline, under the
  glyphs (not an edge of a table); runs are written `<u>…</u>`;
- tables: cells from drawn rules (pdfplumber's table finder on lines and rectangle edges),
  or else columns from gaps that start at the same x on several lines (tab stops); one
  line per table row, a TAB between cells, a cell's wrapped lines joined with a space;
- `gap_before`: the space above a line is clearly larger than the document's line pitch
  (a paragraph break); on a page's first line, when the page before ended early;
- regions: lines in the top or bottom margin whose text repeats at the same height on
  several pages are running headers/footers; page numbers in any usual form in the
  margins; smaller text at the page bottom, below a short rule or starting with a
  marker, is a footnote. Footnote markers (smaller, raised glyphs) are dropped from the
  running text, so they never fuse with the word before them.

Errors are SourceErrors: no text layer (a scan), encrypted, damaged or not a PDF at all.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from mapping.document.model import ExtractedLine, LineKind
from mapping.errors import SourceError

Obj = dict[str, Any]  # a pdfplumber object: char, line or rect

BOLD_FONT = re.compile(r"bold|black|heavy|demi", re.IGNORECASE)
PAGE_NUMBER = re.compile(
    r"^(?:(?:Seite|S\.|Page|Blatt)\s*\d{1,4}(?:\s*(?:von|/|of)\s*\d{1,4})?"
    r"|[-–—]\s*\d{1,4}\s*[-–—]"
    r"|\d{1,4}(?:\s*/\s*\d{1,4})?)$",
    re.IGNORECASE,
)
FOOTNOTE_START = re.compile(r"^(?:\d{1,3}|[*†‡])\s*\S")
MARGIN = 0.15  # top and bottom share of the page height where furniture may stand
SMALL = 0.88  # a glyph this much smaller than its line's size may be a marker
TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
EXPECTED_TEXT = "a PDF with a text layer (as published by the IntMK), or its text as .txt"


@dataclass
class Glyph:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    bold: bool
    underline: bool = False
    superscript: bool = False

    @property
    def middle(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Unit:
    """One line of output before its region and gap are known: a text line or a table row."""

    page: int
    cells: list[list[list[Glyph]]]  # cells → physical lines → glyphs
    top: float
    bottom: float
    first_baseline: float
    last_baseline: float
    size: float
    table: int | None = None  # which table of the page the row belongs to
    region: LineKind | None = None
    gap_before: bool = False
    continues: bool = False  # the typesetter wrapped the paragraph before this line
    plain: str = ""  # the glyphs' text, without spaces
    words: str = ""  # a text line's words, with spaces (no markers)
    columns: list[float] = field(default_factory=list)  # x where each cell starts (tab stops)

    def glyphs(self) -> Iterable[Glyph]:
        for cell in self.cells:
            for line in cell:
                yield from line


# -- opening ---------------------------------------------------------------------------------


def read_pdf(path: Path) -> tuple[list[ExtractedLine], int]:
    """The lines of a PDF in reading order, and its page count."""
    check_file(path)
    try:
        units, heights = read_units(path)
    except SourceError:
        raise
    except Exception as error:  # pdfminer raises many types for one cause: a broken file
        raise damaged(path, error) from error
    if not any(True for unit in units for _ in unit.glyphs()):
        raise SourceError(
            path,
            None,
            "scanned PDF: no text layer",
            EXPECTED_TEXT,
            hint="run OCR on it (e.g. ocrmypdf) or convert it to text, and check the text",
        )
    classify(units, heights)
    mark_gaps(units)
    mark_continues(units)
    return [extracted(unit) for unit in units], len(heights)


def check_file(path: Path) -> None:
    """A readable file that starts like a PDF and ends like one."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(path, None, f"cannot read the file: {error.strerror}", "a PDF") from error
    if b"%PDF-" not in data[:1024]:
        raise SourceError(path, None, "not a PDF: no '%PDF-' header", EXPECTED_TEXT)
    if b"%%EOF" not in data[-2048:]:
        raise SourceError(
            path, None, "damaged PDF: truncated (no '%%EOF' at the end)", "a complete PDF file"
        )


def damaged(path: Path, error: Exception) -> SourceError:
    names = " ".join(type(cause).__name__ for cause in causes(error))
    if "Password" in names or "Encrypt" in names:
        return SourceError(
            path,
            None,
            "encrypted PDF: it cannot be read without a password",
            "an unencrypted PDF (as published by the IntMK)",
        )
    last = causes(error)[-1]
    problem = f"damaged PDF: {type(last).__name__}: {last}".strip().rstrip(":")
    return SourceError(path, None, problem[:300], "a readable PDF file")


def causes(error: BaseException) -> list[BaseException]:
    """The error and what it wraps (pdfplumber wraps pdfminer's errors)."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        wrapped = [arg for arg in current.args if isinstance(arg, BaseException)]
        current = current.__cause__ or current.__context__ or (wrapped[0] if wrapped else None)
    return chain


def read_units(path: Path) -> tuple[list[Unit], dict[int, float]]:
    """Every page's units, and each page's height."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        units: list[Unit] = []
        heights: dict[int, float] = {}
        for number, page in enumerate(pdf.pages, start=1):
            units.extend(read_page(page, number))
            heights[number] = float(page.height)
        return units, heights


# -- one page --------------------------------------------------------------------------------


def read_page(page: Any, number: int) -> list[Unit]:
    glyphs = [glyph(char, page.height) for char in page.chars if char["text"].strip()]
    lines = physical_lines(glyphs)
    segments = rules(page)
    underlines = find_underlines(lines, segments)
    tables = find_tables(page, underlines) if segments else []
    units: list[Unit] = []
    free = lines
    for index, cells in enumerate(tables):
        rows, free = table_rows(cells, free, number, index)
        units.extend(rows)
    units.extend(Unit(number, [[line]], *geometry([line])) for line in free)
    units.sort(key=lambda unit: (unit.top, unit.cells[0][0][0].x0))
    return units


def glyph(char: Obj, height: float) -> Glyph:
    matrix = char.get("matrix") or (1, 0, 0, 1, char["x0"], height - char["bottom"])
    return Glyph(
        text=char["text"],
        x0=float(char["x0"]),
        x1=float(char["x1"]),
        top=float(char["top"]),
        bottom=float(char["bottom"]),
        baseline=height - float(matrix[5]),
        size=float(char["size"]),
        bold=is_bold(str(char.get("fontname", ""))),
    )


def is_bold(fontname: str) -> bool:
    """Bold by the font's name: "Arial-BoldMT", "ABCDEE+Calibri,Bold", "Times-Bold", …"""
    return BOLD_FONT.search(fontname.split("+", 1)[-1]) is not None


def physical_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs on one line: boxes that overlap vertically by half the smaller height."""
    lines: list[list[Glyph]] = []
    box: tuple[float, float] | None = None
    for item in sorted(glyphs, key=lambda g: ((g.top + g.bottom) / 2, g.x0)):
        if box is not None and overlaps(box, (item.top, item.bottom)):
            lines[-1].append(item)
            box = (min(box[0], item.top), max(box[1], item.bottom))
        else:
            lines.append([item])
            box = (item.top, item.bottom)
    for line in lines:
        line.sort(key=lambda g: g.x0)
        mark_superscripts(line)
    return lines


def overlaps(box: tuple[float, float], other: tuple[float, float]) -> bool:
    shared = min(box[1], other[1]) - max(box[0], other[0])
    return shared >= 0.5 * min(box[1] - box[0], other[1] - other[0], 1e9)


def mark_superscripts(line: list[Glyph]) -> None:
    """Smaller glyphs standing clearly above the line's baseline: footnote markers."""
    size = line_size(line)
    base = statistics.median(g.bottom for g in line if g.size >= SMALL * size)
    for item in line:
        item.superscript = item.size < SMALL * size and item.bottom < base - 0.2 * size


def line_size(line: Sequence[Glyph]) -> float:
    counts = Counter(round(g.size, 1) for g in line)
    return max(counts.items(), key=lambda pair: (pair[1], pair[0]))[0]


def geometry(lines: list[list[Glyph]]) -> tuple[float, float, float, float, float]:
    """top, bottom, first and last baseline, size of some physical lines."""
    normal = [[g for g in line if not g.superscript] or line for line in lines]
    return (
        min(g.top for line in normal for g in line),
        max(g.bottom for line in normal for g in line),
        statistics.median(g.baseline for g in normal[0]),
        statistics.median(g.baseline for g in normal[-1]),
        line_size([g for line in normal for g in line]),
    )


# -- drawn rules: underlines and tables ------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    x0: float
    x1: float
    top: float
    bottom: float
    horizontal: bool
    source: int  # id() of the pdfplumber object

    @property
    def y(self) -> float:
        return (self.top + self.bottom) / 2


def rules(page: Any) -> list[Rule]:
    """Lines and thin rectangles: the horizontal and vertical strokes drawn on the page."""
    found: list[Rule] = []
    for obj in [*page.lines, *page.rects]:
        width, height = obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]
        if height <= 2.0 and width > 2.0:
            found.append(Rule(obj["x0"], obj["x1"], obj["top"], obj["bottom"], True, id(obj)))
        elif width <= 2.0 and height > 2.0:
            found.append(Rule(obj["x0"], obj["x1"], obj["top"], obj["bottom"], False, id(obj)))
    return found


def find_underlines(lines: list[list[Glyph]], segments: list[Rule]) -> set[int]:
    """Mark underlined glyphs; the ids of the rules that are underlines."""
    verticals = [rule for rule in segments if not rule.horizontal]
    used: set[int] = set()
    for rule in segments:
        if not rule.horizontal or is_edge(rule, verticals):
            continue
        for line in lines:
            if underlines(rule, line):
                for item in line:
                    if rule.x0 - 0.5 <= item.middle <= rule.x1 + 0.5:
                        item.underline = True
                used.add(rule.source)
                break
    return used


def is_edge(rule: Rule, verticals: list[Rule]) -> bool:
    """A horizontal rule that ends on a vertical one: part of a table's grid."""
    for vertical in verticals:
        spans = vertical.top - 1.5 <= rule.y <= vertical.bottom + 1.5
        if spans and min(abs(rule.x0 - vertical.x0), abs(rule.x1 - vertical.x1)) <= 1.5:
            return True
    return False


def underlines(rule: Rule, line: list[Glyph]) -> bool:
    """The rule lies just below the line's baseline and under its glyphs."""
    size = line_size(line)
    base = statistics.median(g.baseline for g in line if not g.superscript)
    if not -0.05 * size <= rule.y - base <= 0.4 * size:
        return False
    covered = sum(
        max(0.0, min(g.x1, rule.x1) - max(g.x0, rule.x0)) for g in line if not g.superscript
    )
    length = rule.x1 - rule.x0
    return covered >= 0.5 * length or (length < 3 * size and covered > 0)


def find_tables(page: Any, underlines: set[int]) -> list[list[list[tuple[float, ...] | None]]]:
    """Grids of drawn rules with at least two rows and two columns: rows of cell boxes."""
    plain = page.filter(lambda obj: id(obj) not in underlines)
    found = []
    for table in plain.find_tables(TABLE_SETTINGS):
        rows = [list(row.cells) for row in table.rows]
        if len(rows) >= 2 and max(len(row) for row in rows) >= 2:
            found.append(rows)
    return found


def table_rows(
    rows: list[list[tuple[float, ...] | None]],
    lines: list[list[Glyph]],
    page: int,
    table: int,
) -> tuple[list[Unit], list[list[Glyph]]]:
    """One unit per table row; the lines outside the table are returned as they are."""
    taken: set[int] = set()
    units: list[Unit] = []
    for row in rows:
        cells: list[list[list[Glyph]]] = []
        for box in row:
            inside = [g for line in lines for g in line if box is not None and within(g, box)]
            taken.update(id(g) for g in inside)
            cells.append(physical_lines(inside))
        while cells and not cells[-1]:
            cells.pop()
        content = [line for cell in cells for line in cell]
        if content:
            top, bottom, first, last, size = geometry(content)
            units.append(Unit(page, cells, top, bottom, first, last, size, table=table))
    rest = [[g for g in line if id(g) not in taken] for line in lines]
    return units, [line for line in rest if line]


def within(item: Glyph, box: tuple[float, ...]) -> bool:
    x0, top, x1, bottom = box
    middle = (item.top + item.bottom) / 2
    return x0 <= item.middle <= x1 and top <= middle <= bottom


# -- tab-stop columns ------------------------------------------------------------------------


def split_columns(units: list[Unit]) -> list[Unit]:
    """Lines whose column gaps start at x positions shared by several lines become table
    rows; the lines right below a row that start at its columns continue its cells."""
    pieces = {id(unit): column_pieces(unit) for unit in units}
    stops = column_stops([found for found in pieces.values() if found and len(found) > 1])
    if not stops:
        return units
    result: list[Unit] = []
    for unit in units:
        found = pieces[id(unit)]
        previous = result[-1] if result else None
        if found and previous is not None and continues(previous, unit, found):
            extend_row(previous, unit, found)
        elif found and len(found) > 1 and is_row(found, stops):
            result.append(tab_row(unit, found))
        else:
            result.append(unit)
    return result


def column_pieces(unit: Unit) -> list[list[Glyph]] | None:
    """A text line split at its column gaps: wider than 1.2 times the font size and than
    2.5 times the line's word gaps (justified text widens all its gaps alike)."""
    if unit.table is not None or len(unit.cells) != 1 or len(unit.cells[0]) != 1:
        return None
    line = [g for g in unit.cells[0][0] if not g.superscript] or unit.cells[0][0]
    gaps = [item.x0 - before.x1 for before, item in pairwise(line)]
    words = [gap for gap in gaps if 0.15 * unit.size < gap <= 1.2 * unit.size]
    wide = [gap for gap in gaps if gap > 1.2 * unit.size]
    if not words and len(wide) > 2:
        return None  # a few words spread over the whole line: justified, not columns
    least = 2.5 * statistics.median(words) if words else 0.0
    pieces = [[line[0]]]
    for gap, item in zip(gaps, line[1:], strict=True):
        if gap > 1.2 * unit.size and gap > least:
            pieces.append([])
        pieces[-1].append(item)
    return pieces


def column_stops(rows: list[list[list[Glyph]]]) -> list[float]:
    """x positions where a column gap ends on at least three lines of the document."""
    starts = Counter(round(piece[0].x0) for pieces in rows for piece in pieces[1:])
    stops: list[float] = []
    for x in sorted(starts):
        near = sum(count for other, count in starts.items() if abs(other - x) <= 2)
        if near >= 3 and not any(abs(x - stop) <= 2 for stop in stops):
            stops.append(float(x))
    return stops


def is_row(pieces: list[list[Glyph]], stops: list[float]) -> bool:
    """The first piece in the first column (no stop), every other one at a stop."""
    starts = [at_stop(piece[0].x0, stops) for piece in pieces]
    return not starts[0] and all(starts[1:])


def at_stop(x: float, stops: list[float]) -> bool:
    return any(abs(x - stop) <= 2.5 for stop in stops)


def tab_row(unit: Unit, pieces: list[list[Glyph]]) -> Unit:
    columns = [piece[0].x0 for piece in pieces]
    return replace(unit, cells=[[piece] for piece in pieces], table=-1, columns=columns)


def continues(row: Unit, unit: Unit, pieces: list[list[Glyph]]) -> bool:
    """Right below the row, every piece starting at one of its columns (not the first)."""
    if row.table != -1 or row.page != unit.page:
        return False
    pitch = unit.first_baseline - row.last_baseline
    if not 0 < pitch <= 1.6 * max(unit.size, row.size):
        return False
    return all(column(piece[0].x0, row) is not None for piece in pieces)


def column(x: float, row: Unit) -> int | None:
    for index, start in enumerate(row.columns):
        if index and abs(x - start) <= 2.5:
            return index
    return None


def extend_row(row: Unit, unit: Unit, pieces: list[list[Glyph]]) -> None:
    for piece in pieces:
        index = column(piece[0].x0, row)
        assert index is not None
        row.cells[index].append(piece)
    row.bottom = max(row.bottom, unit.bottom)
    row.last_baseline = unit.last_baseline


# -- regions ---------------------------------------------------------------------------------


def classify(units: list[Unit], heights: dict[int, float]) -> None:
    """Find running headers, footers, page numbers and footnotes; join table rows."""
    for unit in units:
        unit.plain = plain_text(unit)
    mark_furniture(units, len(heights), heights)
    mark_footnotes(units, heights)
    body = [unit for unit in units if unit.region is None]
    merged = split_columns(body)
    units[:] = sorted(
        [*merged, *(unit for unit in units if unit.region is not None)],
        key=lambda unit: (unit.page, unit.top),
    )
    join_split_rows(units)


def plain_text(unit: Unit) -> str:
    return " ".join(
        "".join(g.text for g in line).strip() for cell in unit.cells for line in cell
    ).strip()


def mark_furniture(units: list[Unit], page_count: int, heights: dict[int, float]) -> None:
    pages = group_pages(units)
    for page, items in pages.items():
        top = [u for u in items[:3] if u.bottom < MARGIN * heights[page]]
        bottom = [u for u in items[-3:] if u.top > (1 - MARGIN) * heights[page]]
        for unit in (*top, *bottom):
            at_top = unit in top
            if PAGE_NUMBER.match(unit.plain) and outermost(unit, items, at_top):
                unit.region = LineKind.PAGE_NUMBER
            elif repeats(unit, units, page_count):
                unit.region = LineKind.RUNNING_HEADER if at_top else LineKind.RUNNING_FOOTER


def group_pages(units: list[Unit]) -> dict[int, list[Unit]]:
    pages: dict[int, list[Unit]] = {}
    for unit in units:
        pages.setdefault(unit.page, []).append(unit)
    return pages


def outermost(unit: Unit, items: list[Unit], at_top: bool) -> bool:
    """Nothing but margin lines between the unit and the page's edge (at most two)."""
    position = items.index(unit)
    return position <= 1 if at_top else position >= len(items) - 2


def repeats(unit: Unit, units: list[Unit], page_count: int) -> bool:
    """The same text at the same height on other pages: on 2 pages of few, 30 % of many."""
    same = {
        other.page
        for other in units
        if other.plain == unit.plain and abs(other.top - unit.top) <= 3.0
    }
    return len(same) >= max(2, round(0.3 * page_count))


def mark_footnotes(units: list[Unit], heights: dict[int, float]) -> None:
    """Smaller text at the bottom of a page, above the footer: footnotes."""
    sizes = Counter(round(g.size, 1) for unit in units for g in unit.glyphs())
    body = sizes.most_common(1)[0][0]
    for page, items in group_pages(units).items():
        content = [unit for unit in items if unit.region is None]
        run: list[Unit] = []
        for unit in reversed(content):
            if unit.size >= SMALL * body or unit.top < 0.5 * heights[page]:
                break
            run.insert(0, unit)
        if run and starts_footnote(run[0]):
            for unit in run:
                unit.region = LineKind.FOOTNOTE


def starts_footnote(unit: Unit) -> bool:
    first = unit.cells[0][0][0]
    return first.superscript or FOOTNOTE_START.match(unit.plain) is not None


def join_split_rows(units: list[Unit]) -> None:
    """A table row cut by a page break: the part on the new page has an empty first cell."""
    previous: Unit | None = None
    for unit in list(units):
        if unit.region is not None:
            continue
        cut = previous is not None and previous.page + 1 == unit.page and not unit.cells[0]
        if cut and previous is not None and previous.table is not None and unit.table is not None:
            for index, cell in enumerate(unit.cells):
                while len(previous.cells) <= index:
                    previous.cells.append([])
                previous.cells[index].extend(cell)
            units.remove(unit)
            continue
        previous = unit


# -- paragraph gaps --------------------------------------------------------------------------


def mark_gaps(units: list[Unit]) -> None:
    content = [unit for unit in units if unit.region is None]
    ratio = typical_pitch(content)
    bottoms = [unit.bottom for unit in content]
    lowest = max(bottoms) if bottoms else 0.0
    for before, unit in pairwise(content):
        if unit.table is not None and before.table is not None:
            unit.gap_before = False  # rows of one table, also across a page break
        elif before.page != unit.page:
            unit.gap_before = before.bottom < lowest - 2 * ratio * before.size
        else:
            expected = ratio * max(before.size, unit.size)
            unit.gap_before = unit.first_baseline - before.last_baseline > expected + (
                0.3 * unit.size
            )


def typical_pitch(units: list[Unit]) -> float:
    """The document's line pitch as a multiple of the font size (its 20th percentile)."""
    ratios = sorted(
        (unit.first_baseline - before.last_baseline) / unit.size
        for before, unit in pairwise(units)
        if before.page == unit.page and abs(before.size - unit.size) < 0.1 * unit.size
    )
    ratios = [ratio for ratio in ratios if 0.8 <= ratio <= 3.0]
    return ratios[len(ratios) // 5] if ratios else 1.2


# -- wrapped lines ---------------------------------------------------------------------------


BULLET = re.compile(r"^(?:[-•▪◦·∙*]\s|[–—]\s?)(?=\S)")  # "- ", "• ", "–", "— "
LABEL = re.compile(r"^\(?(\d{1,3}|[a-z])[.)]\s")  # "1. ", "2) ", "(3) ", "a) "
ITEM_END = re.compile(r"[.:;!?]\W*$")  # a line after which a numbered item may start


@dataclass(frozen=True)
class Column:
    """The text column: its left edge on odd and even pages (mirrored margins), its
    width, and the width of a natural word space as a share of the font size."""

    lefts: dict[int, float]  # page parity (0, 1) → x of the left edge
    width: float
    space: float

    def left(self, page: int) -> float:
        return left_edge(self.lefts, page)

    def right(self, page: int) -> float:
        return self.left(page) + self.width


def mark_continues(units: list[Unit]) -> None:
    """Mark each content line that goes on from the content line before it: the
    typesetter wrapped the paragraph there, on one page or across a page break (the
    furniture between is skipped: it has a region). Table rows never continue."""
    content = [unit for unit in units if unit.region is None]
    column = text_column([unit for unit in content if unit.table is None])
    if column is None:
        return
    for unit in content:
        if unit.table is None:
            unit.words = "".join(text for text, _, _ in line_tokens(unit.cells[0][0], False))
    first = content[0]  # the first line of the paragraph being read
    for before, unit in pairwise(content):
        if wraps(before, unit, first, column):
            unit.continues = True
        else:
            first = unit


def text_column(lines: list[Unit]) -> Column | None:
    """The column from the lines themselves: no fixed margins, fonts or sizes."""
    if not lines:
        return None
    pages: dict[int, float] = {}
    for unit in lines:
        pages[unit.page] = min(pages.get(unit.page, start(unit)), start(unit))
    lefts: dict[int, float] = {}  # the most common left edge of the odd, of the even pages
    for parity in (0, 1):
        found = Counter(round(x, 1) for page, x in pages.items() if page % 2 == parity)
        if found:
            lefts[parity] = max(found.items(), key=lambda pair: (pair[1], -pair[0]))[0]
    ends = sorted(end(unit) - left_edge(lefts, unit.page) for unit in lines)
    em = statistics.median(unit.size for unit in lines)
    return Column(lefts, right_edge(ends, em), word_space(lines))


def left_edge(lefts: dict[int, float], page: int) -> float:
    return lefts.get(page % 2, lefts.get(1 - page % 2, 0.0))


def right_edge(ends: list[float], em: float) -> float:
    """The widest line end that at least two other lines come near (within an em): the
    right margin, for justified and ragged text alike; a single line that sticks out
    into the margin (a long address) does not move it."""
    for index in range(len(ends) - 1, 1, -1):
        if index - bisect_left(ends, ends[index] - em) >= 2:
            return ends[index]
    return ends[-1]


def word_space(lines: list[Unit]) -> float:
    """A natural word space as a share of the font size: justified lines widen their
    spaces, ragged lines and a paragraph's last line keep them, so a low percentile of
    the lines' median gaps is the font's space."""
    medians = sorted(
        statistics.median(gaps) / unit.size
        for unit in lines
        if (gaps := word_gaps(unit.cells[0][0], unit.size))
    )
    if not medians:
        return 0.25
    return min(0.35, max(0.15, medians[len(medians) // 20]))


def word_gaps(line: list[Glyph], size: float) -> list[float]:
    normal = [g for g in line if not g.superscript] or line
    return [
        after.x0 - item.x1 for item, after in pairwise(normal) if after.x0 - item.x1 > 0.15 * size
    ]


def start(unit: Unit) -> float:
    return unit.cells[0][0][0].x0


def end(unit: Unit) -> float:
    return max(g.x1 for g in unit.cells[0][0])


def first_word(unit: Unit) -> float:
    """The width of the line's first word (up to its first word gap)."""
    line = [g for g in unit.cells[0][0] if not g.superscript] or unit.cells[0][0]
    last = line[0]
    for item in line[1:]:
        if item.x0 - last.x1 > 0.15 * unit.size:
            break
        last = item
    return last.x1 - line[0].x0


def wraps(before: Unit, unit: Unit, first: Unit, column: Column) -> bool:
    """The line goes on from the one before: same paragraph (no gap, the same font size,
    the paragraph's left edge, not a new item or heading), and the line before was full
    (the first word of this one would not have fitted on it)."""
    if unit.gap_before or unit.table is not None or before.table is not None:
        return False
    if unit.page not in (before.page, before.page + 1):
        return False
    if abs(unit.size - before.size) > 0.1 * before.size:
        return False
    if not same_edge(before, unit, first, column):
        return False
    if new_item(before, unit, first, column) or heading(before, unit):
        return False
    space = column.space * before.size
    room = column.right(before.page) + 0.1 * before.size - end(before)
    return space + first_word(unit) > room


def same_edge(before: Unit, unit: Unit, first: Unit, column: Column) -> bool:
    """At the left edge of the line before; after a paragraph's first line also further
    left (a first-line indent) or at the text after its label (a hanging indent)."""
    x = start(unit) - column.left(unit.page) + column.left(before.page)
    tolerance = max(1.0, 0.12 * before.size)
    if abs(x - start(before)) <= tolerance:
        return True
    if before is not first:
        return False
    if start(before) - 4 * before.size <= x < start(before):
        return True
    label = BULLET.match(before.words) or LABEL.match(before.words)
    return label is not None and abs(x - text_start(before)) <= tolerance


def text_start(unit: Unit) -> float:
    """Where a labelled line's text starts: the glyph after its first word gap."""
    line = [g for g in unit.cells[0][0] if not g.superscript] or unit.cells[0][0]
    for item, after in pairwise(line):
        if after.x0 - item.x1 > 0.15 * unit.size:
            return after.x0
    return line[0].x0


def new_item(before: Unit, unit: Unit, first: Unit, column: Column) -> bool:
    """A bullet ("- ", "• ", "–") or a number ("1.", "2)") that starts a list item: the
    line before ends a sentence or a lead-in (":"), or (a bullet) the paragraph is an item
    with its bullet where this one stands, or (a number) the item before has the number
    before it. A dash inside a running sentence ("… Monitoring“" / "– und hier …") or a
    date ("… vom" / "2. November …") starts no item."""
    ended = ITEM_END.search(before.words) is not None
    if BULLET.match(unit.words):
        x = start(unit) - column.left(unit.page) + column.left(first.page)
        listed = BULLET.match(first.words) is not None and abs(x - start(first)) <= 1.0
        return ended or listed
    number = LABEL.match(unit.words)
    if number is None or not ended:
        return False
    previous = LABEL.match(first.words)
    if previous is None:
        return number.group(1) in ("1", "a")
    return successor(previous.group(1)) == number.group(1)


def successor(label: str) -> str:
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)


def heading(before: Unit, unit: Unit) -> bool:
    """A bold line after a line that does not end bold: a heading, not a bold run."""
    glyphs = [g for g in unit.cells[0][0] if not g.superscript]
    last = [g for g in before.cells[0][0] if not g.superscript]
    return bool(glyphs and last) and all(g.bold for g in glyphs) and not last[-1].bold


# -- text with markup ------------------------------------------------------------------------


def extracted(unit: Unit) -> ExtractedLine:
    keep_markers = unit.region is LineKind.FOOTNOTE
    cells = [cell_text(cell, keep_markers) for cell in unit.cells]
    while cells and not cells[-1]:
        cells.pop()
    markers = () if keep_markers else superscript_runs(unit)
    text = "\t".join(cells)
    return ExtractedLine(text, unit.page, unit.region, unit.gap_before, unit.continues, markers)


def superscript_runs(unit: Unit) -> tuple[str, ...]:
    """The texts of the runs of superscript glyphs (footnote markers) of a line, in order."""
    runs: list[str] = []
    previous = False
    for item in unit.glyphs():
        if item.superscript and item.text.strip():
            if previous:
                runs[-1] += item.text
            else:
                runs.append(item.text)
        previous = item.superscript and bool(runs)
    return tuple(runs)


def cell_text(lines: list[list[Glyph]], keep_markers: bool) -> str:
    tokens: list[tuple[str, bool, bool]] = []
    for line in lines:
        if tokens:
            tokens.append((" ", False, False))
        tokens.extend(line_tokens(line, keep_markers))
    return markup(tokens)


def line_tokens(line: list[Glyph], keep_markers: bool) -> list[tuple[str, bool, bool]]:
    """(text, bold, underline) per glyph, with a space token at each word gap."""
    tokens: list[tuple[str, bool, bool]] = []
    size = line_size(line)
    previous: Glyph | None = None
    for item in line:
        if item.superscript and not keep_markers:
            continue
        if (previous is not None and item.x0 - previous.x1 > 0.15 * size) or (
            previous is not None and previous.superscript and not item.superscript
        ):
            tokens.append((" ", False, False))
        tokens.append((item.text, item.bold, item.underline))
        previous = item
    return tokens


def markup(tokens: list[tuple[str, bool, bool]]) -> str:
    """`**…**` around bold runs, `<u>…</u>` around underlined runs; a space between two
    marked glyphs belongs to their run."""
    flags = spread(tokens)
    out: list[str] = []
    bold = under = False
    for (text, _, _), (want_bold, want_under) in zip(tokens, flags, strict=True):
        if under and (not want_under or want_bold != bold):
            out.append("</u>")
            under = False
        if bold != want_bold:
            out.append("**")
            bold = want_bold
        if want_under and not under:
            out.append("<u>")
            under = True
        out.append(text)
    out.append("</u>" if under else "")
    out.append("**" if bold else "")
    return " ".join("".join(out).split())


def spread(tokens: list[tuple[str, bool, bool]]) -> list[tuple[bool, bool]]:
    """The marks of each token; a space takes a mark only if both neighbours have it."""
    flags: list[tuple[bool, bool]] = []
    for index, (text, bold, under) in enumerate(tokens):
        if text.isspace():
            left = tokens[index - 1] if index else (" ", False, False)
            right = tokens[index + 1] if index + 1 < len(tokens) else (" ", False, False)
            flags.append((left[1] and right[1], left[2] and right[2]))
        else:
            flags.append((bold, under))
    return flags

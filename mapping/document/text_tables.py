"""Tables inside the text laid out in columns by runs of spaces: their cells apart by tabs.

A resolution may print a table (Länder with figures, measures with amounts). In a text laid
out in columns of characters its rows are lines whose cells stand apart by wide gaps; once
the grammar collapses the runs of spaces, nobody can tell the cells apart. So here, while
the columns are visible, every run of at least two such rows (blank lines and page
furniture between them allowed) becomes tab-separated cells by position. Only the
resolutions are read so, from the first heading "TOP …" on a line of its own: the contents
and the participant list before it keep their own layouts (mapping/document/columns.py).
A gap after a list marker ("-   text", "1.   Der Bericht") is the indent of the item.

A row is a content line with a gap of three spaces or more that is no line of justified
text: in a justified document (mapping/document/justified.py) a line that ends at the right
margin is text, however wide its spaces are stretched; a table's last column ending exactly
there is not told from it. Nor is a line whose four or more cells stand apart by gaps of
about one width (a justified line where the document's margin is not known) — unless it
stands in a run of at least three such lines whose cells all start in the same columns
(blank lines between them allowed): the words of justified text never line up so, a
table of text columns ("Maßnahme   Zuständig   Beginn   Stand") does. Two such lines
alone cannot be told from either: they stay text, and the document records them as an
undecided table (the grammar refuses it, or with `--lenient` publishes the lines as text
with a finding) — never a silent guess either way. The columns are those of the rows
with the most cells: each column spans from the leftmost start to the rightmost end of its
cells, so a left-aligned title over right-aligned figures is one column. A row with fewer
cells puts each cell in the one column it overlaps and leaves the others empty. Where two
columns run into each other, or a cell overlaps no column or two, the columns cannot be
told apart: the run is kept as text and recorded as an undecided table with the cause
(`read_text_tables`; `tab_text_tables` makes it a SourceError naming the file and the
line) — never cells guessed.

A cell too long for its column goes on in the next lines, indented under its column, with
the first column empty. Under the last column such a line joins the last cell of the row
above (`wraps`); under another column it cannot be told which cell it goes on, and the run
is an undecided table naming that line.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from pathlib import Path

from mapping.document.columns import positioned, tabbed
from mapping.document.justified import end, right_margin
from mapping.document.model import DocumentLine, LineKind, UndecidedTable
from mapping.errors import SourceError

CELL = re.compile(r"\S+(?: \S+)*")  # a run of words with single spaces between them
WIDE_GAP = re.compile(r"\S {3,}\S")
MIN_ROWS = 2  # one line with a wide gap is a line of text, not a table
# a resolution heading on a line of its own ("TOP 2.1", "TOP A"): the resolutions begin
RESOLUTION_HEADING = re.compile(r"^\s*TOP\s*:?\s*(?:[A-Z]\d*|\d+(?:\.\d+)?[a-z]?)\s*$")
# a list marker at the start of a line, with the gap a layout leaves after it ("-   text")
LIST_MARKER = re.compile(r"^\s*(?:[-–•]|\d{1,2}\.|[a-z]{1,2}\)|\(\d{1,2}\)|[ivx]{1,4}\.)(?= )")
STRETCHED_GAPS = 3
WORDS_SHARE = 0.75
FIGURE = re.compile(r"\d")  # gaps of a justified line: four words or more
ALIGNED_ROWS = 3  # evenly gapped lines with the same column starts that make a table
SLACK = 1  # a cell may start one character off its column
CELL_INDENT = 4  # the next line of a cell stands under a column right of the first

Span = tuple[int, int, str]  # start, end (exclusive), text of one cell


def spans(raw: str) -> tuple[Span, ...]:
    """The cells of a raw line: runs of words apart by two spaces or more."""
    return tuple((m.start(), m.end(), m.group()) for m in CELL.finditer(positioned(raw)))


def is_row(line: DocumentLine, margin: int | None = None) -> bool:
    """A content line with a wide gap, not a line of justified text (one that ends at the
    right margin of a justified document, mapping/document/justified.py)."""
    raw = positioned(line.raw)
    text = LIST_MARKER.sub("", raw, count=1).strip()
    return (
        line.kind is LineKind.CONTENT
        and "\t" not in raw
        and "\t" not in line.text
        and bool(WIDE_GAP.search(text))
        and (margin is None or end(line) != margin)
        and not evenly_stretched(text)
    )


def evenly_stretched(raw: str) -> bool:
    """A line of justified text even where no right margin is known: four cells or more,
    every gap between them widened about alike (by at most one space more or less), or
    nearly every cell one word without a figure (a justified line of proportional type)."""
    gaps = [len(gap) for gap in re.findall(r"(?<=\S) {2,}(?=\S)", raw)]
    if len(gaps) < STRETCHED_GAPS:
        return False
    words = [cell for _, _, cell in spans(raw) if " " not in cell and not FIGURE.search(cell)]
    return max(gaps) - min(gaps) <= 1 or len(words) >= WORDS_SHARE * (len(gaps) + 1)


def passed_over(line: DocumentLine) -> bool:
    """A blank line or page furniture between two rows of one table."""
    return line.kind is LineKind.BLANK or line.kind.is_furniture or not line.raw.strip()


def tab_text_tables(lines: list[DocumentLine], path: Path) -> list[DocumentLine]:
    """The lines with the cells of every table laid out with spaces apart by tabs, from the
    first resolution heading on; a table that cannot be read is a SourceError."""
    result, undecided = read_text_tables(lines, path)
    if undecided:
        raise undecided_error(path, undecided[0])
    return result


def undecided_error(path: Path, table: UndecidedTable) -> SourceError:
    return SourceError(path, table.line, table.problem, table.expected)


def read_text_tables(
    lines: list[DocumentLine], path: Path
) -> tuple[list[DocumentLine], list[UndecidedTable]]:
    """The lines with the cells of every table laid out with spaces apart by tabs, from the
    first resolution heading on, and the runs left as text because their columns cannot
    be told apart (or cannot be told from justified text)."""
    result = list(lines)
    start = next((i for i, line in enumerate(lines) if RESOLUTION_HEADING.match(line.text)), None)
    if start is None:
        return result, []
    part = result[start:]
    margin = right_margin(result)
    aligned_rows, undecided = text_column_rows(part, margin)
    for run in row_runs(part, margin, aligned_rows):
        members = [i for i in run if is_row(part[i], margin) or i in aligned_rows]
        rows = [part[i] for i in members]
        try:
            cells = aligned(rows, path)
            wrapped = continued_cells(part, run, members, rows, path)
        except SourceError as error:
            line = error.line if error.line is not None else rows[0].number
            first, last = part[run[0]].number, part[run[-1]].number
            undecided.append(UndecidedTable(first, last, line, error.problem, error.expected))
            continue
        for index, row in zip(members, cells, strict=True):
            result[start + index] = tabbed(result[start + index], row)
        for index in wrapped:
            result[start + index] = replace(result[start + index], wraps=True)
    return result, sorted(undecided, key=lambda table: table.first)


def continued_cells(
    part: list[DocumentLine],
    run: list[int],
    members: list[int],
    rows: list[DocumentLine],
    path: Path,
) -> list[int]:
    """The lines of a run that go on with the last cell of the row above them ("… die
    Mittel für die" / "Sprachkurse aufzustocken."): they start under the last column. A
    line that goes on with a cell of another column cannot be joined to its cell; the
    table is undecided (a SourceError here), never a cell cut short."""
    continued = [i for i in run if i not in members]
    if not continued:
        return []
    columns = column_spans(rows, [spans(row.raw) for row in rows], path)
    for index in continued:
        start = spans(part[index].raw)[0][0]
        if abs(start - columns[-1][0]) > SLACK:
            raise SourceError(
                path,
                part[index].number,
                "a cell of this table goes on in the next line, but not under the last "
                "column: the line cannot be joined to its cell",
                "the next line of a cell under the last column, or every cell on one line",
            )
    return continued


def text_column_rows(
    lines: list[DocumentLine], margin: int | None
) -> tuple[set[int], list[UndecidedTable]]:
    """The evenly gapped lines that are rows of a table of text columns: those of a run of
    at least ALIGNED_ROWS lines whose cells start in the same columns. A run of two is
    undecided: a table of two rows and two lines of justified text look alike."""
    rows: set[int] = set()
    undecided: list[UndecidedTable] = []
    for chain in aligned_chains(lines, margin):
        if len(chain) >= ALIGNED_ROWS:
            rows.update(chain)
        elif len(chain) == ALIGNED_ROWS - 1:
            first, last = lines[chain[0]], lines[chain[-1]]
            undecided.append(two_aligned_lines(first, last))
    return rows, undecided


def two_aligned_lines(first: DocumentLine, last: DocumentLine) -> UndecidedTable:
    return UndecidedTable(
        first.number,
        last.number,
        first.number,
        "it cannot be told whether these two lines, their words apart by even gaps and "
        "starting in the same columns, are the rows of a table of text columns or "
        "justified text",
        f"a table of text columns of at least {ALIGNED_ROWS} lines with the same column "
        "starts, or justified text whose words do not line up",
    )


def aligned_chains(lines: list[DocumentLine], margin: int | None) -> list[list[int]]:
    """Runs of evenly gapped lines (blank lines and furniture between them passed over)
    whose cells start in the same columns, line after line."""
    chains: list[list[int]] = []
    current: list[int] = []
    before: tuple[int, ...] = ()
    for index, line in enumerate(lines):
        if passed_over(line):
            continue
        starts = even_gap_starts(line, margin)
        if starts is not None and current and same_starts(before, starts):
            current.append(index)
        else:
            chains.append(current)
            current = [index] if starts is not None else []
        before = starts or ()
    chains.append(current)
    return [chain for chain in chains if chain]


def even_gap_starts(line: DocumentLine, margin: int | None) -> tuple[int, ...] | None:
    """Where the cells of a line start, if it has wide gaps but is taken for justified text
    by its even gaps alone (not by ending at the right margin); None otherwise."""
    raw = positioned(line.raw)
    text = LIST_MARKER.sub("", raw, count=1).strip()
    if line.kind is not LineKind.CONTENT or "\t" in raw or "\t" in line.text:
        return None
    if not WIDE_GAP.search(text) or (margin is not None and end(line) == margin):
        return None
    if not evenly_stretched(text):
        return None
    return tuple(start for start, _, _ in spans(line.raw))


def same_starts(before: tuple[int, ...], starts: tuple[int, ...]) -> bool:
    return len(before) == len(starts) and all(
        abs(a - b) <= SLACK for a, b in zip(before, starts, strict=True)
    )


def row_runs(
    lines: list[DocumentLine],
    margin: int | None,
    aligned_rows: frozenset[int] | set[int] = frozenset(),
) -> list[list[int]]:
    """The indexes of the rows of each run of at least MIN_ROWS rows; `aligned_rows` are
    rows of a table of text columns (evenly gapped, taken for justified text alone)."""
    runs: list[list[int]] = []
    run: list[int] = []
    rows = 0
    for index, line in enumerate([*lines, None]):
        if line is not None and (is_row(line, margin) or index in aligned_rows):
            run.append(index)
            rows += 1
        elif line is not None and run and run[-1] == index - 1 and continues_a_cell(line):
            run.append(index)  # right under a row: perhaps the next line of one of its cells
        elif line is not None and passed_over(line):
            continue
        else:
            if rows >= MIN_ROWS:
                runs.append(run)
            run, rows = [], 0
    return runs


def continues_a_cell(line: DocumentLine) -> bool:
    """An indented content line of one cell: the next line of a cell of the row above."""
    raw = positioned(line.raw)
    return (
        line.kind is LineKind.CONTENT
        and len(raw) - len(raw.lstrip(" ")) >= CELL_INDENT
        and len(spans(raw)) == 1
    )


def aligned(rows: list[DocumentLine], path: Path) -> list[list[str]]:
    """Each row's cells in the table's columns ("" where a row leaves a column empty)."""
    cells = [spans(row.raw) for row in rows]
    columns = column_spans(rows, cells, path)
    return [place(row, found, columns, path) for row, found in zip(rows, cells, strict=True)]


def column_spans(
    rows: list[DocumentLine], cells: list[tuple[Span, ...]], path: Path
) -> list[tuple[int, int]]:
    """The spans of the columns: those of the rows with the most cells."""
    count = max(len(found) for found in cells)
    full = [found for found in cells if len(found) == count]
    columns = [(min(f[j][0] for f in full), max(f[j][1] for f in full)) for j in range(count)]
    for (_, stop), (start, _) in itertools.pairwise(columns):
        if start <= stop:
            line = next(row for row, found in zip(rows, cells, strict=True) if len(found) == count)
            raise SourceError(
                path,
                line.number,
                "the columns of this table cannot be told apart: the cells of one column run "
                "into the next",
                "the columns of a table apart by two spaces or more in every row",
            )
    return columns


def place(
    row: DocumentLine, found: tuple[Span, ...], columns: list[tuple[int, int]], path: Path
) -> list[str]:
    """The row's cells in the columns they overlap."""
    placed = [""] * len(columns)
    for start, stop, text in found:
        hits = [j for j, (a, b) in enumerate(columns) if start < b and a < stop]
        if len(hits) != 1 or placed[hits[0]]:
            why = f"it overlaps {len(hits)} columns" if len(hits) != 1 else "its column is taken"
            raise SourceError(
                path,
                row.number,
                f"the columns of this table cannot be told apart: the cell '{text[:40]}' "
                f"cannot be put in one column ({why})",
                "every cell of a row under one column of the table",
            )
        placed[hits[0]] = text
    return placed

"""The agenda table: TOP number, title, applicants, Green List mark, remarks.

The table's columns are apart by tabs, or (a layout conversion) by runs of spaces; its
header row is "TOP Thema", "Nr. Thema" or "TOP Thema Antragsteller". A row begins with a
TOP number cell; the applicants stand at the end of the title or in their own cell, a
remark ("Rücknahme Berlin", "vertagt", "Zusammenlegung mit TOP 7.2", "(siehe …)") at the
end of the row or in a cell of its own. A row the PDF wrapped continues on the lines after
it that have no TOP number cell, also across a page break. A line that could be a new row
as well as a continuation is an error naming the line: nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mapping.applicants import APPLICANT_SUFFIX, parse_applicants, split_title_and_applicants
from mapping.errors import SourceError
from mapping.item_status import item_status
from mapping.laender import ALL_LAENDER, NAME_PATTERN, land_by_name
from mapping.model import AgendaItem, LineRange
from mapping.source import Line
from mapping.text import join_two

AGENDA_HEADING = re.compile(r"^Tagesordnung\b")
TABLE_HEADER = re.compile(
    r"^(?:TOP|Nr\.?)(?P<sep>\t|\s+)Thema(?:(?:\t|\s+)Antragsteller(?:\*?innen)?)?"
    r"(?:(?:\t|\s+)(?:Bemerkung|Anmerkung)(?:en)?)?$"
)
LEGEND = re.compile(r"^\(GL\s*=\s*Grüne Liste\)$")
TOP = r"(?:TOP\s*:?\s*)?(?P<top>[A-Z]\d*|\d+(?:\.\d+)?[a-z]?)\s*(?P<green>\(GL\))?"
NUMBER_FIELD = re.compile(rf"^{TOP}$")
# a line that begins with a TOP number and text, without a cell boundary between them
NUMBERED_TEXT = re.compile(rf"^{TOP}\s+(?P<rest>\S.*)$")
# a first cell that tries to be a TOP number ("4.x", "TOP 4,1")
NUMBERISH = re.compile(r"^(?:TOP\b|\d)")
SPACE_CELLS = re.compile(r"\t|\s{2,}")
LIST_START = re.compile(
    rf"^(?:<u>\s*)?(?:und\s+)?(?:<u>\s*)?(?:{NAME_PATTERN}|{ALL_LAENDER})(?![\w-])"
)
WITHDRAWN = re.compile(rf"(?:^|\s)Rücknahme\s+(?P<by>{NAME_PATTERN})\s*$")
MERGED = re.compile(r"(?:^|\s)Zusammenlegung mit TOP\s+(?P<into>[\w.]+)\s*$")
NOTE = re.compile(r"(?:^|\s)\((?P<note>siehe [^()]+)\)\s*$")
STATUS = re.compile(r"(?:^|\s)(?P<note>vertagt|zurückgezogen)\s*$")
FIRESIDE = re.compile(r"Kamin\w*gespräch|Kaminespräch", re.IGNORECASE)
MISCELLANEOUS = "Verschiedenes"
COLUMNS = (
    "an agenda table with the columns 'TOP' (a TOP number such as 'A', 'TOP 1', '4.1', "
    "'1.3 (GL)' or '2.9b'), 'Thema' (the title, the applicant Länder at its end) and, "
    "optionally, 'Antragsteller' and a remark ('Rücknahme <Land>', 'vertagt', …) in cells of "
    "their own, apart by tabs or runs of spaces; a wrapped row continues on lines without a "
    "TOP number"
)


@dataclass(frozen=True)
class Piece:
    """What one line adds to a row: title text, applicant cell, remark cell."""

    line: Line
    title: str | None
    applicants: str | None = None
    remark: str | None = None

    @property
    def last_text(self) -> str:
        return self.remark or self.applicants or self.title or ""


@dataclass(frozen=True)
class Row:
    top: str
    green_list: bool
    pieces: tuple[Piece, ...]

    @property
    def line(self) -> int:
        return self.pieces[0].line.number

    @property
    def last(self) -> int:
        return self.pieces[-1].line.last

    @property
    def text(self) -> str:
        return " ".join(piece.title or "" for piece in self.pieces)


@dataclass(frozen=True)
class Layout:
    """How the table separates its cells: by tabs only, or also by runs of spaces."""

    spaces: bool

    def cells(self, text: str) -> list[str]:
        parts = SPACE_CELLS.split(text) if self.spaces else text.split("\t")
        return [" ".join(part.split()) for part in parts if part.strip()]


def table_layout(lines: list[Line]) -> Layout:
    """Spaces when the header row separates its columns by spaces, else tabs."""
    for line in lines:
        if match := TABLE_HEADER.match(line.text.strip()):
            return Layout(spaces="\t" not in match.group("sep"))
        if "\t" in line.text:
            break
    return Layout(spaces=False)


def row_top(text: str, layout: Layout) -> str | None:
    """The TOP number a line of the table begins a row with, if it does."""
    cells = layout.cells(text)
    if len(cells) >= 2 and (match := NUMBER_FIELD.match(cells[0])):
        return match.group("top")
    if layout.spaces and (match := NUMBERED_TEXT.match(text.strip())):
        return match.group("top")
    return None


def agenda_rows(lines: list[Line], path: Path) -> list[Row]:
    """The table rows between the agenda's header row and its legend, wrapped rows joined."""
    layout = table_layout(lines)
    rows: list[Row] = []
    gap = page_break = False
    for line in lines:
        text = line.text.strip()
        if not text:
            gap, page_break = bool(rows), page_break or line.page_header
            continue
        if TABLE_HEADER.match(text) or LEGEND.match(text):
            continue
        row = new_row(line, layout, rows, path)
        if row is not None:
            rows.append(row)
        elif rows:
            check_continuation(line, rows[-1], gap and not page_break, path)
            rows[-1] = continued(rows[-1], line, layout, path)
        gap = page_break = False
    return rows


def new_row(line: Line, layout: Layout, rows: list[Row], path: Path) -> Row | None:
    """The row a line begins, or None for a continuation (or text before the first row)."""
    if line.text.startswith("\t"):  # an empty number cell: a continuation
        return None
    cells = layout.cells(line.text)
    if len(cells) >= 2 and (match := NUMBER_FIELD.match(cells[0])):
        return Row(match.group("top"), bool(match.group("green")), (piece(line, cells[1:], path),))
    if len(cells) >= 2 and NUMBERISH.match(cells[0]) and rows:
        raise SourceError(path, line.number, f"agenda table row number '{cells[0]}'", COLUMNS)
    match = NUMBERED_TEXT.match(line.text.strip()) if len(cells) == 1 else None
    if match is None or not (rows or layout.spaces):
        return None
    if rows and (not layout.spaces or unfinished(rows[-1])):
        raise SourceError(
            path,
            line.number,
            f"agenda table line '{line.text[:60]}' could begin TOP {match.group('top')} "
            f"or continue TOP {rows[-1].top}",
            COLUMNS,
        )
    return Row(match.group("top"), bool(match.group("green")), (Piece(line, match.group("rest")),))


def piece(line: Line, cells: list[str], path: Path) -> Piece:
    """The cells after the TOP number (or of a continuation): title, applicants, remark."""
    if len(cells) in (2, 3) and is_remark(cells[-1]):
        return Piece(line, cells[0], cells[1] if len(cells) == 3 else None, cells[-1])
    if len(cells) <= 2:
        return Piece(line, cells[0], cells[1] if len(cells) == 2 else None)
    raise SourceError(
        path, line.number, f"an agenda table row of {len(cells)} cells after the TOP", COLUMNS
    )


def placed_piece(line: Line, path: Path) -> Piece:
    """A continuation line whose cells keep their columns ("<tab>title<tab>applicants"):
    the second cell is title text, the cells after it applicants and a remark."""
    title, *rest = [" ".join(cell.split()) for cell in line.text.split("\t")[1:]]
    rest = [cell for cell in rest if cell]
    remark = rest.pop() if rest and is_remark(rest[-1]) else None
    if len(rest) > 1:
        raise SourceError(
            path, line.number, f"an agenda table line of {len(rest) + 2} cells", COLUMNS
        )
    return Piece(line, title or None, rest[0] if rest else None, remark)


def is_remark(text: str) -> bool:
    return any(pattern.fullmatch(" " + text) for pattern in (WITHDRAWN, MERGED, NOTE, STATUS))


def unfinished(row: Row) -> bool:
    """Whether a row's text breaks off: a list ending with a comma, a hyphenated word."""
    text = re.sub(r"</?u>", "", row.pieces[-1].last_text).rstrip()
    return text.endswith(",") or (text.endswith("-") and text[-2:-1].isalpha())


def check_continuation(line: Line, row: Row, after_blank: bool, path: Path) -> None:
    """After a blank line (not a page break) only an unfinished row continues."""
    if after_blank and not unfinished(row):
        raise SourceError(
            path,
            line.number,
            f"agenda table line '{line.text[:60]}' without a TOP number after a blank line "
            f"(TOP {row.top} before it is complete)",
            COLUMNS,
        )


def continued(row: Row, line: Line, layout: Layout, path: Path) -> Row:
    """The row with a continuation line added to the column it continues."""
    if line.text.startswith("\t"):  # the cells stand in their columns: no guess needed
        return Row(row.top, row.green_list, (*row.pieces, placed_piece(line, path)))
    cells = layout.cells(line.text)
    added = piece(line, cells, path)
    celled = any(p.applicants is not None for p in row.pieces)
    if len(cells) == 1 and celled and not is_remark(cells[0]):
        added = single_cell(row, line, cells[0], path)
    elif not celled:
        check_list_continues(row, line, path)
    return Row(row.top, row.green_list, (*row.pieces, added))


def check_list_continues(row: Row, line: Line, path: Path) -> None:
    """After an applicant list ending with a comma only the list continues: title text
    there is a title column wrapped beside the applicant column (their cells lost)."""
    before = row.pieces[-1].title or ""
    if not before.rstrip().endswith(",") or APPLICANT_SUFFIX.search(before) is None:
        return
    if LIST_START.match(line.text.strip()):
        return
    raise SourceError(
        path,
        line.number,
        f"agenda table line '{line.text[:60]}' after the applicant list of TOP {row.top} "
        "that ends with a comma: title and applicant columns cannot be told apart",
        COLUMNS,
    )


def single_cell(row: Row, line: Line, text: str, path: Path) -> Piece:
    """A one-cell continuation of a row with an applicant cell: title or applicants?"""
    listed = next((p.applicants for p in reversed(row.pieces) if p.applicants), "")
    if listed.rstrip().endswith(","):
        return Piece(line, None, text)
    if APPLICANT_SUFFIX.fullmatch(text) is None:
        return Piece(line, text)
    raise SourceError(
        path,
        line.number,
        f"agenda table line '{text[:60]}' could continue the title or the applicants of "
        f"TOP {row.top}",
        COLUMNS,
    )


def parse_agenda(lines: list[Line], path: Path) -> tuple[AgendaItem, ...]:
    """Read every agenda item, its group and its applicants."""
    rows = agenda_rows(lines, path)
    seen: dict[str, int] = {}
    for row in rows:
        if row.top in seen:
            raise SourceError(
                path,
                row.line,
                f"TOP {row.top} appears twice in the agenda (first on line {seen[row.top]})",
                "each TOP number once",
            )
        seen[row.top] = row.line
    groups = {row.top for row in rows if any(is_child(other.top, row.top) for other in rows)}
    fireside_groups = {row.top for row in rows if row.top in groups and FIRESIDE.search(row.text)}
    return tuple(
        read_item(row, position, groups, fireside_groups, path)
        for position, row in enumerate(rows, start=1)
    )


def is_child(top: str, group: str) -> bool:
    """'4.1' is a child of '4'."""
    return top.startswith(group + ".") and top != group


def group_of(top: str, groups: set[str]) -> str | None:
    parent = top.rsplit(".", 1)[0] if "." in top else None
    return parent if parent in groups else None


@dataclass(frozen=True)
class Remarks:
    withdrawn_by: str | None = None
    merged_into: str | None = None
    notes: tuple[str, ...] = ()

    def add(self, other: Remarks) -> Remarks:
        return Remarks(
            self.withdrawn_by or other.withdrawn_by,
            self.merged_into or other.merged_into,
            (*self.notes, *other.notes),
        )


def strip_remarks(text: str) -> tuple[str, Remarks]:
    """The text without the remarks at its end, and the remarks (in their order)."""
    found = Remarks()
    while True:
        if match := WITHDRAWN.search(text):
            land = land_by_name(match.group("by"))
            found = Remarks(land.code if land else None).add(found)
        elif match := MERGED.search(text):
            found = Remarks(merged_into=match.group("into").rstrip(".")).add(found)
        elif match := NOTE.search(text) or STATUS.search(text):
            found = Remarks(notes=(match.group("note"),)).add(found)
        else:
            return text, found
        text = text[: match.start()]


def joined(texts: list[str]) -> str:
    """Pieces of one cell over several lines, hyphenation repaired."""
    result = ""
    for text in texts:
        result = text if not result else join_two(result, text)
    return result


def title_and_applicants(row: Row) -> tuple[str, str | None, Remarks]:
    """The row's title, applicant text and remarks, from its cells over all its lines."""
    remarks = Remarks()
    for text in (p.remark for p in row.pieces if p.remark):
        remarks = remarks.add(strip_remarks(" " + text)[1])
    titles = [p.title for p in row.pieces if p.title]
    listed = [p.applicants for p in row.pieces if p.applicants]
    if not listed:
        text, found = strip_remarks(joined(titles))
        title, applicant_text = split_title_and_applicants(" ".join(text.split()))
        return title, applicant_text, found.add(remarks)
    title, in_title = strip_remarks(joined(titles))
    applicant_text, found = strip_remarks(joined(listed))
    return " ".join(title.split()), applicant_text, in_title.add(found).add(remarks)


def read_item(
    row: Row, position: int, groups: set[str], fireside: set[str], path: Path
) -> AgendaItem:
    """One agenda row: title, applicants and remarks."""
    title, applicant_text, remarks = title_and_applicants(row)
    check_title_end(title, row, path)
    lines = LineRange(row.line, row.last)
    try:
        applicants = (
            parse_applicants(applicant_text, lines, path, row.line)
            if applicant_text is not None
            else None
        )
    except SourceError as error:
        raise in_its_column(error, row, path) from None
    group = group_of(row.top, groups)
    plain_title = re.sub(r"</?u>", "", title).strip()
    status, notes = item_status(remarks.notes, remarks.withdrawn_by)
    return AgendaItem(
        top=row.top,
        title=plain_title,
        position=position,
        group=group,
        is_group=row.top in groups,
        green_list=row.green_list,
        withdrawn_by=remarks.withdrawn_by,
        merged_into=remarks.merged_into,
        discussion_only=row.top in fireside or group in fireside or plain_title == MISCELLANEOUS,
        note="; ".join(notes) or None,
        applicants=applicants,
        lines=lines,
        status=status,
    )


UNKNOWN_NAME = re.compile(r"unknown Land name '(?P<name>[^']+)'")


def in_its_column(error: SourceError, row: Row, path: Path) -> SourceError:
    """An unknown name that a continuation line placed in the applicant column by its
    position (a table laid out with spaces): the error names that line and the column,
    since title text set off its column reads as an applicant there."""
    match = UNKNOWN_NAME.search(error.problem)
    placed = [
        piece
        for piece in row.pieces[1:]
        if piece.line.text.startswith("\t")
        and piece.applicants
        and match
        and match.group("name") in re.sub(r"</?u>", "", piece.applicants)
    ]
    if match is None or not placed:
        return error
    return SourceError(
        path,
        placed[0].line.number,
        f"'{match.group('name')}' stands in the applicant column of the agenda table "
        f"(TOP {row.top}) and is no Land name: title text set off its column?",
        "a continuation line's title text under the title column ('Thema'), Länder under "
        "the applicant column ('Antragsteller')",
    )


def check_title_end(title: str, row: Row, path: Path) -> None:
    """A title never ends with a comma: there, a name the parser does not know broke the list."""
    plain = re.sub(r"</?u>", "", title).rstrip()
    if plain.endswith(","):
        unknown = plain.rstrip(",").rsplit(",", 1)[-1].strip()
        raise SourceError(
            path,
            row.line,
            f"unknown Land name '{unknown}' in the applicant list of TOP {row.top}",
            "one of the 16 Länder (e.g. 'Baden-Württemberg', 'BW', 'Freistaat Bayern') "
            "or 'Alle Länder'",
        )

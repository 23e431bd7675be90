"""A whole minutes document: title, participants, agenda, resolutions, findings."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from pathlib import Path

from mapping.amounts import find_amounts
from mapping.claims import minutes_claims
from mapping.dates import find_date_range
from mapping.document.line_map import line_map
from mapping.document.model import LineKind
from mapping.errors import SourceError
from mapping.findings import compare
from mapping.meetings import KIND, meeting_kind_of
from mapping.model import (
    AgendaItem,
    Amount,
    LineRange,
    Meeting,
    Minutes,
    MoneyMention,
    Paragraph,
    Resolution,
    SourceInfo,
    UnreadItem,
    UnreadLine,
)
from mapping.notes import minutes_footnotes
from mapping.parse_agenda import AGENDA_HEADING, LEGEND, parse_agenda, row_top, table_layout
from mapping.parse_body import measure
from mapping.parse_contents import HEADING as CONTENTS_HEADING
from mapping.parse_contents import agenda_from_contents, find_contents
from mapping.parse_participants import LIST_HEADING, parse_participants
from mapping.parse_resolutions import is_heading, parse_resolution, split_sections
from mapping.references import find_conferences, find_laws
from mapping.running_headers import running_texts
from mapping.source import (
    UNDERLINE_TAG,
    Block,
    Line,
    SourceText,
    clean_residue,
    group_blocks,
    read_source,
)
from mapping.structure import structure
from mapping.tables import refuse_undecided, with_amounts, with_undecided
from mapping.text import join_two
from mapping.title_meetings import TitleMeetings, TitleText, title_meetings

TITLE = re.compile(
    r"^(?P<doc>Externe Niederschrift|Beschlussniederschrift|Ergebnisprotokoll|Niederschrift)\b"
    rf".*?(?P<kind>{KIND.pattern})?"
    r"\s*der\s+(?P<number>\d{1,2})\.\s*(?:IntMK|Integrationsminister\S*konferenz)\s+(?P<year>\d{4})"
    r"(?P<rest>.*)$"
)
# a meeting held without a place: the title names no place, and none is guessed
VIDEO = re.compile(r"\bVideo(?:-|schalt)?konferenz|\bper Video\b|\bTelefonkonferenz")
WRITTEN = re.compile(r"\bUmlaufverfahren|\bschriftlichen? Verfahren|\bschriftlichem Wege\b")
NOT_A_PLACE = re.compile(r"konferenz|verfahren|Video|Form\b|Präsenz", re.IGNORECASE)
PRELIMINARY = re.compile(r"\bVorkonferenz\b")
# "Datum: 15. April 2021", "Ort: Hannover", "Vorsitz: Nordrhein-Westfalen"
HEADER_FIELD = re.compile(r"^(?P<name>[A-ZÄÖÜ][\w-]*(?:\s+[\w-]+){0,2})\s*:\s*(?P<value>\S.*)$")
DATE_FIELD = re.compile(r"Datum|Sitzungsdatum|Tag|Termin")
PLACE_FIELD = re.compile(r"Ort|Tagungsort|Sitzungsort")
MAX_TITLE_LINES = 8


def parse_file(path: Path, lenient: bool = False) -> Minutes:
    """Parse one minutes file into the typed model."""
    return parse_text(read_source(path), lenient)


def parse_text(source: SourceText, lenient: bool = False, account: bool = True) -> Minutes:
    """The typed model of a document; with `account`, every line must be accounted for."""
    minutes = read_minutes(source, lenient)
    return account_for_lines(source, minutes, lenient) if account else minutes


def account_for_lines(source: SourceText, minutes: Minutes, lenient: bool) -> Minutes:
    """A content line no fact claims, or two facts claim, is an error naming it; with
    `lenient` each becomes an UnreadLine (a data-quality finding) instead."""
    if source.document is None:
        return minutes
    _, problems = line_map(source.document, minutes_claims(minutes))
    if problems and not lenient:
        first = problems[0]
        raise SourceError(
            source.path,
            first.line.number,
            f"{first.problem}: {first.line.text[:80]!r}",
            "every line part of a fact, page furniture or blank; `intmk explain "
            f"{source.path.name}` shows what became of each line",
        )
    unread = tuple(
        UnreadLine(shown(p.line.text), p.problem, LineRange(p.line.number, p.line.number))
        for p in problems
    )
    return replace(minutes, unread_lines=unread)


def reader_text(source: SourceText) -> str | None:
    """The text a PDF reader made (for publishing beside the PDF), None for a text file."""
    if source.document is None or source.document.reader != "pdf":
        return None
    return "".join(f"{line.raw}\n" for line in source.document.lines)


def shown(text: str) -> str:
    """A line's text as a literal: without markup, cells apart by spaces."""
    return " ".join(UNDERLINE_TAG.sub("", clean_residue(text)).split())


def read_minutes(source: SourceText, lenient: bool) -> Minutes:
    path = source.path
    heading, meeting, named = parse_title(source, lenient)
    number = heading.number
    contents = find_contents(source)
    skipped = contents.line_numbers if contents else frozenset()
    lines = [
        Line(line.number, "", through=line.through) if line.number in skipped else line
        for line in source.lines
    ]
    first_top = next((line.number for line in lines if is_heading(line.text)), None)
    if first_top is None:
        raise SourceError(
            path,
            None,
            "no TOP heading ('TOP 1', 'TOP A', …) in the file",
            "IntMK minutes with one part per agenda item",
        )
    agenda_lines = agenda_range(lines)
    if agenda_lines:
        agenda = parse_agenda(agenda_lines, path)
    elif contents is not None:
        agenda = agenda_from_contents(contents)
    else:
        raise SourceError(
            path,
            None,
            "no agenda ('Tagesordnung …' followed by a table) and no table of contents",
            "an agenda table with TOP numbers and titles, or a table of contents with page numbers",
        )
    list_end = min([first_top, *(line.number for line in agenda_lines[:1])])
    delegations = parse_participants(participant_blocks(lines, list_end), path, lenient)
    agenda_numbers = {line.number for line in agenda_lines}
    section_lines = [
        line for line in lines if line.number >= first_top and line.number not in agenda_numbers
    ]
    sections = unique_sections(section_lines, path)
    undecided = source.document.undecided_tables if source.document else ()
    if not lenient:
        refuse_undecided(undecided, path)
    resolutions, unread = read_sections(sections, number, path, lenient)
    resolutions = with_undecided(resolutions, undecided)
    check_settled_by(resolutions, agenda, path)
    minutes = Minutes(
        source=replace(source_info(source), printed_title=heading.printed),
        title=heading.title,
        number=number,
        year=heading.year,
        meeting=meeting,
        other_meetings=named.others or preliminary_meetings(section_lines),
        delegations=delegations,
        agenda=agenda,
        resolutions=resolutions,
        title_lines=LineRange(meeting.lines.first, meeting.lines.last),
        unread=unread,
        structure=structure(lines, contents, agenda_lines, list_end),
        unresolved_meetings=named.unresolved,
    )
    footnotes = minutes_footnotes(source.document, minutes) if source.document else ()
    return replace(minutes, findings=compare(agenda, resolutions), footnotes=footnotes)


def source_info(source: SourceText) -> SourceInfo:
    """The file, its text, and the running headers and footers learned from it."""
    return SourceInfo(
        source.path.name,
        source.sha256,
        source.line_count,
        reader_text(source),
        running_texts(source.document, LineKind.RUNNING_HEADER),
        running_texts(source.document, LineKind.RUNNING_FOOTER),
    )


@dataclass(frozen=True)
class Heading:
    """The title of the minutes (up to the year), the whole title block as printed (with
    the meetings named after the year), the conference's number and year."""

    title: str
    printed: str
    number: int
    year: int


def parse_title(
    source: SourceText, lenient: bool = False
) -> tuple[Heading, Meeting, TitleMeetings]:
    """Document title, conference number and year, the meeting it records and the other
    meetings it names (mapping/title_meetings.py).

    The title block runs from the first line to the participant list, the contents, the
    agenda, the first TOP or the first header field ("Datum: …", "Ort: …"), blank lines
    included; the header fields after it give the meeting's date and place, never title text.
    """
    blocks = source.blocks()
    if not blocks:
        raise SourceError(source.path, None, "the file has no text", "IntMK minutes")
    first = blocks[0]
    title_lines, fields = title_block(source, first)
    title_text = TitleText.of(title_lines)
    text = title_text.text
    match = TITLE.match(text)
    if match is None:
        shown = " ".join(" ".join(first.texts).split())
        raise SourceError(
            source.path,
            first.first,
            f"the file begins with '{shown[:80]}'",
            "IntMK minutes beginning with a title such as 'Externe Niederschrift über die "
            "Beschlüsse der Hauptkonferenz der 18. IntMK 2023'",
        )
    stated = meeting_kind_of(match.group("kind")) if match.group("kind") else None
    named = title_meetings(title_text, match.start("rest"), stated, source.path, lenient)
    place_field = field_value(fields, PLACE_FIELD)
    kind = field_kind(named.main_kind, place_field)
    main = named.main
    in_title = (main.start, main.end) if main and main.start and main.end else None
    dates = meeting_dates(in_title, field_value(fields, DATE_FIELD), source.path)
    meeting = Meeting(
        kind=kind,
        start=dates[0] if dates else None,
        end=dates[1] if dates else None,
        place=meeting_place_of(main.place if main else None, place_field, kind, source.path),
        lines=LineRange(title_lines[0].number, (fields or title_lines)[-1].last),
    )
    heading = Heading(
        text[: match.end("year")], text, int(match.group("number")), int(match.group("year"))
    )
    return heading, meeting, named


def title_block(source: SourceText, first: Block) -> tuple[list[Line], list[Line]]:
    """The lines of the title (up to where the document's parts begin) and the header
    fields after it. Where no part begins within a few lines, the first block alone."""
    content = [line for line in source.lines if line.text]
    title_lines: list[Line] = []
    index = 0
    while index < len(content) and not (title_lines and ends_title(content[index].plain)):
        if len(title_lines) == MAX_TITLE_LINES:
            return list(first.lines), []
        title_lines.append(content[index])
        index += 1
    fields: list[Line] = []
    while index < len(content) and HEADER_FIELD.match(content[index].plain):
        fields.append(content[index])
        index += 1
    return title_lines, fields


def ends_title(text: str) -> bool:
    """Whether a line begins a part of the document after the title, or is a header field."""
    return bool(
        LIST_HEADING.match(text)
        or CONTENTS_HEADING.match(text)
        or AGENDA_HEADING.match(text)
        or is_heading(text)
        or HEADER_FIELD.match(text)
    )


def field_value(fields: list[Line], name: re.Pattern[str]) -> tuple[Line, str] | None:
    """The line and value of the header field of that name, if there is one."""
    for line in fields:
        match = HEADER_FIELD.match(line.plain)
        if match and name.fullmatch(match.group("name")):
            return line, match.group("value").strip()
    return None


def meeting_dates(
    in_title: tuple[datetime.date, datetime.date] | None,
    field: tuple[Line, str] | None,
    path: Path,
) -> tuple[datetime.date, datetime.date] | None:
    """The dates the title gives, or the date field; the two must agree."""
    if field is None:
        return in_title
    stated = find_date_range(field[1])
    if stated is None:
        raise SourceError(
            path, field[0].number, f"the date field says '{field[1]}'", "a date ('15. April 2021')"
        )
    if in_title is not None and in_title != stated:
        raise SourceError(
            path,
            field[0].number,
            f"the date field says '{field[1]}', the title {in_title[0]:%d.%m.%Y}",
            "one date of the meeting in title and header fields",
        )
    return stated


def meeting_place_of(
    in_title: str | None, field: tuple[Line, str] | None, kind: str, path: Path
) -> str | None:
    """The place the title or the place field names; none for a video or written meeting."""
    if field is None or kind in ("videokonferenz", "umlaufverfahren"):
        return in_title
    stated = field[1] if not NOT_A_PLACE.search(field[1]) else None
    if in_title is not None and stated is not None and stated != in_title:
        raise SourceError(
            path,
            field[0].number,
            f"the place field says '{field[1]}', the title '{in_title}'",
            "one place of the meeting in title and header fields",
        )
    return in_title or stated


def field_kind(kind: str, place_field: tuple[Line, str] | None) -> str:
    """The kind the title names, or a video conference or written procedure the place
    field names ("Ort: Videokonferenz") where the title names a Hauptkonferenz or none."""
    if kind != "hauptkonferenz" or place_field is None:
        return kind
    if WRITTEN.search(place_field[1]):
        return "umlaufverfahren"
    if VIDEO.search(place_field[1]):
        return "videokonferenz"
    return kind


def participant_blocks(lines: list[Line], end: int) -> list[Block]:
    """The blocks from the participant-list heading up to the agenda or the first TOP."""
    start = next((line.number for line in lines if LIST_HEADING.match(line.text)), None)
    if start is None or start > end:
        return []
    return group_blocks(line for line in lines if start <= line.number < end)


def agenda_range(lines: list[Line]) -> list[Line]:
    """The agenda table: from its heading to the legend (or the next TOP heading).

    In a table apart by spaces a row "TOP 8 Themen …" reads like a TOP heading with its
    title; there the table ends at a bare heading or at a TOP the table already had."""
    start = next((i for i, line in enumerate(lines) if AGENDA_HEADING.match(line.text)), None)
    if start is None:
        return []
    layout = table_layout(lines[start:])
    seen: set[str] = set()
    for index in range(start + 1, len(lines)):
        text = lines[index].text
        if LEGEND.match(text):
            return lines[start : index + 1]
        top = row_top(text, layout)
        if is_heading(text) and (not layout.spaces or top is None or top in seen):
            return lines[start:index]
        if top is not None:
            seen.add(top)
    return lines[start:]


def unique_sections(lines: list[Line], path: Path) -> list[tuple[str, Line, list[Line]]]:
    sections = split_sections(lines)
    seen: dict[str, int] = {}
    for top, heading, _ in sections:
        if top in seen:
            raise SourceError(
                path,
                heading.number,
                f"TOP {top} appears twice in the resolutions (first on line {seen[top]})",
                "each TOP once",
            )
        seen[top] = heading.number
    return sections


def read_sections(
    sections: list[tuple[str, Line, list[Line]]], own_number: int, path: Path, lenient: bool
) -> tuple[tuple[Resolution, ...], tuple[UnreadItem, ...]]:
    """Each TOP's resolution. A section that cannot be read is an error, or with `lenient`
    an UnreadItem: the rest is kept, nothing of that section is guessed."""
    resolutions: list[Resolution] = []
    unread: list[UnreadItem] = []
    # one converter wrapped every page at one width: a short resolution is measured with all
    measured = measure([line.plain.strip() for _, _, body in sections for line in body])
    for top, heading, body in sections:
        try:
            resolution = parse_resolution(top, heading, body, path, measured, lenient)
            resolutions.append(enrich(resolution, own_number))
        except SourceError as error:
            if not lenient:
                raise
            last = max([heading.last, *(line.last for line in body if line.text)])
            lines = LineRange(heading.number, last)
            unread.append(UnreadItem(top, error.problem, error.expected, error.line, lines))
    return tuple(resolutions), tuple(unread)


def check_settled_by(
    resolutions: tuple[Resolution, ...], agenda: tuple[AgendaItem, ...], path: Path
) -> None:
    """The item that settled another ("durch TOP 7.2 erledigt") is an item of these minutes."""
    known = {item.top for item in agenda} | {r.top for r in resolutions}
    for resolution in resolutions:
        settled_by = resolution.vote.settled_by
        if settled_by is not None and settled_by not in known:
            lines = resolution.vote.lines or resolution.lines
            raise SourceError(
                path,
                lines.first,
                f"TOP {resolution.top} is settled by TOP {settled_by}, no item of these minutes",
                "the number of an item of the agenda or of the resolution section",
            )


def enrich(resolution: Resolution, own_number: int) -> Resolution:
    """Add amounts and references found in each paragraph, and amounts in table cells."""
    paragraphs = tuple(enrich_paragraph(p, own_number) for p in resolution.paragraphs)
    tables = tuple(with_amounts(table) for table in resolution.tables)
    return replace(resolution, paragraphs=paragraphs, tables=tables)


def enrich_paragraph(paragraph: Paragraph, own_number: int) -> Paragraph:
    text = paragraph.display()
    return replace(
        paragraph,
        amounts=tuple(placed(mention, paragraph) for mention in find_amounts(text)),
        laws=find_laws(text),
        conferences=find_conferences(text, own_number),
    )


def placed(mention: MoneyMention, paragraph: Paragraph) -> MoneyMention:
    """An unresolved amount with the lines of the bullet that states it, or else of the
    paragraph's own text (its finding names them)."""
    if isinstance(mention, Amount):
        return mention
    bullet = next((b for b in paragraph.bullets if mention.stated_as in b.text), None)
    if bullet is not None:
        return replace(mention, lines=bullet.lines)
    first = paragraph.lines.first
    last = paragraph.bullets[0].lines.first - 1 if paragraph.bullets else paragraph.lines.last
    return replace(mention, lines=LineRange(first, max(last, first)))


def preliminary_meetings(lines: list[Line]) -> tuple[Meeting, ...]:
    """A Vorkonferenz the resolutions mention (its date is not in these minutes).

    The word may be hyphenated across two lines ("Vorkon-" / "ferenz"); the line it
    starts on is the one recorded."""
    for block in group_blocks(lines):
        for index, line in enumerate(block.lines):
            following = block.lines[index + 1].text if index + 1 < len(block.lines) else ""
            joined = join_two(line.text, following) if following else line.text
            match = PRELIMINARY.search(joined)
            if match and match.start() < len(line.text):
                lines_range = LineRange(line.number, line.last)
                return (Meeting("vorkonferenz", None, None, None, lines_range),)
    return ()

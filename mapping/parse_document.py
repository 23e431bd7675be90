"""A whole minutes document: title, participants, agenda, resolutions, findings."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from mapping.amounts import find_amounts
from mapping.dates import find_date_range
from mapping.errors import SourceError
from mapping.findings import compare
from mapping.model import (
    LineRange,
    Meeting,
    Minutes,
    Paragraph,
    Resolution,
    SourceInfo,
    UnreadItem,
)
from mapping.parse_agenda import AGENDA_HEADING, LEGEND, parse_agenda
from mapping.parse_contents import agenda_from_contents, find_contents
from mapping.parse_participants import LIST_HEADING, parse_participants
from mapping.parse_resolutions import is_heading, parse_resolution, split_sections
from mapping.references import find_conferences, find_laws
from mapping.source import Block, Line, SourceText, group_blocks, read_source
from mapping.text import join_two

TITLE = re.compile(
    r"^(?P<doc>Externe Niederschrift|Beschlussniederschrift|Ergebnisprotokoll|Niederschrift)\b"
    r".*?(?P<kind>Hauptkonferenz|Vorkonferenz|Videokonferenz|Sonderkonferenz)?"
    r"\s*der\s+(?P<number>\d{1,2})\.\s*(?:IntMK|Integrationsminister\S*konferenz)\s+(?P<year>\d{4})"
    r"(?P<rest>.*)$"
)
PLACE = re.compile(r"\bin\s+(?P<place>[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)*)\s*$")
MEETING_KINDS = {
    "Hauptkonferenz": "hauptkonferenz",
    "Vorkonferenz": "vorkonferenz",
    "Videokonferenz": "videokonferenz",
    "Sonderkonferenz": "hauptkonferenz",
}
# a meeting held without a place: the title names no place, and none is guessed
VIDEO = re.compile(r"\bVideo(?:-|schalt)?konferenz|\bper Video\b|\bTelefonkonferenz")
WRITTEN = re.compile(r"\bUmlaufverfahren|\bschriftlichen? Verfahren|\bschriftlichem Wege\b")
NOT_A_PLACE = re.compile(r"konferenz|verfahren|Video|Form\b|Präsenz", re.IGNORECASE)
PRELIMINARY = re.compile(r"\bVorkonferenz\b")


def parse_file(path: Path, lenient: bool = False) -> Minutes:
    """Parse one minutes file into the typed model."""
    return parse_text(read_source(path), lenient)


def parse_text(source: SourceText, lenient: bool = False) -> Minutes:
    path = source.path
    title, number, year, meeting = parse_title(source)
    contents = find_contents(source)
    skipped = contents.line_numbers if contents else frozenset()
    lines = [Line(line.number, "") if line.number in skipped else line for line in source.lines]
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
    delegations = parse_participants(participant_blocks(lines, list_end), path)
    agenda_numbers = {line.number for line in agenda_lines}
    section_lines = [
        line for line in lines if line.number >= first_top and line.number not in agenda_numbers
    ]
    sections = unique_sections(section_lines, path)
    resolutions, unread = read_sections(sections, number, path, lenient)
    minutes = Minutes(
        source=SourceInfo(path.name, source.sha256, source.line_count),
        title=title,
        number=number,
        year=year,
        meeting=meeting,
        other_meetings=preliminary_meetings(section_lines),
        delegations=delegations,
        agenda=agenda,
        resolutions=resolutions,
        title_lines=LineRange(meeting.lines.first, meeting.lines.last),
        unread=unread,
    )
    return replace(minutes, findings=compare(agenda, resolutions))


def parse_title(source: SourceText) -> tuple[str, int, int, Meeting]:
    """Document title, conference number and year, and the meeting it records."""
    blocks = source.blocks()
    if not blocks:
        raise SourceError(source.path, None, "the file has no text", "IntMK minutes")
    first = blocks[0]
    text = " ".join(" ".join(first.texts).split())
    match = TITLE.match(text)
    if match is None:
        raise SourceError(
            source.path,
            first.first,
            f"the file begins with '{text[:80]}'",
            "IntMK minutes beginning with a title such as 'Externe Niederschrift über die "
            "Beschlüsse der Hauptkonferenz der 18. IntMK 2023'",
        )
    kind = meeting_kind(text, match.group("kind"))
    rest = match.group("rest")
    dates = find_date_range(rest)
    title = text[: match.end("year")]
    meeting = Meeting(
        kind=kind,
        start=dates[0] if dates else None,
        end=dates[1] if dates else None,
        place=meeting_place(rest),
        lines=LineRange(first.first, first.last),
    )
    return title, int(match.group("number")), int(match.group("year")), meeting


def meeting_kind(title: str, stated: str | None) -> str:
    """Written procedure, video conference, or the kind the title names."""
    if WRITTEN.search(title):
        return "umlaufverfahren"
    if VIDEO.search(title):
        return "videokonferenz"
    return MEETING_KINDS.get(stated or "Hauptkonferenz", "hauptkonferenz")


def meeting_place(rest: str) -> str | None:
    """The place the title names ('… in Wiesbaden'); never one it does not name."""
    place = PLACE.search(rest)
    if place is None or NOT_A_PLACE.search(place.group("place")):
        return None
    return place.group("place")


def participant_blocks(lines: list[Line], end: int) -> list[Block]:
    """The blocks from the participant-list heading up to the agenda or the first TOP."""
    start = next((line.number for line in lines if LIST_HEADING.match(line.text)), None)
    if start is None or start > end:
        return []
    return group_blocks(line for line in lines if start <= line.number < end)


def agenda_range(lines: list[Line]) -> list[Line]:
    """The agenda table: from its heading to the legend (or the next TOP heading)."""
    start = next((i for i, line in enumerate(lines) if AGENDA_HEADING.match(line.text)), None)
    if start is None:
        return []
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if LEGEND.match(lines[i].text) or is_heading(lines[i].text)
        ),
        len(lines) - 1,
    )
    if is_heading(lines[end].text):
        end -= 1
    return lines[start : end + 1]


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
    for top, heading, body in sections:
        try:
            resolutions.append(enrich(parse_resolution(top, heading, body, path), own_number))
        except SourceError as error:
            if not lenient:
                raise
            last = max([heading.number, *(line.number for line in body if line.text)])
            lines = LineRange(heading.number, last)
            unread.append(UnreadItem(top, error.problem, error.expected, error.line, lines))
    return tuple(resolutions), tuple(unread)


def enrich(resolution: Resolution, own_number: int) -> Resolution:
    """Add amounts and references found in each paragraph."""
    paragraphs = tuple(enrich_paragraph(p, own_number) for p in resolution.paragraphs)
    return replace(resolution, paragraphs=paragraphs)


def enrich_paragraph(paragraph: Paragraph, own_number: int) -> Paragraph:
    text = paragraph.display()
    return replace(
        paragraph,
        amounts=find_amounts(text),
        laws=find_laws(text),
        conferences=find_conferences(text, own_number),
    )


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
                lines_range = LineRange(line.number, line.number)
                return (Meeting("vorkonferenz", None, None, None, lines_range),)
    return ()

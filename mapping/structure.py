"""The lines that only structure a document: headings, the agenda table's header row and
legend, the table of contents. No fact is read from them; the line map (mapping/claims.py)
must know them to tell a line the grammar read from one it dropped."""

from __future__ import annotations

import re

from mapping.item_fields import is_decision
from mapping.model import LineRange, Structure
from mapping.parse_agenda import AGENDA_HEADING, LEGEND, TABLE_HEADER
from mapping.parse_contents import HEADING as CONTENTS_HEADING
from mapping.parse_contents import Contents
from mapping.parse_participants import GUESTS_HEADING, LIST_HEADING
from mapping.source import Line

LIST_ITEM = re.compile(r"^[-–•]\s+\S")


def structure(
    lines: list[Line], contents: Contents | None, agenda: list[Line], participants_end: int
) -> tuple[Structure, ...]:
    """Each structuring line, labelled by what it is."""
    found = [*contents_structure(lines, contents), *agenda_structure(agenda)]
    agenda_numbers = {line.number for line in agenda}
    found += [
        one("table header", line)
        for line in lines
        if TABLE_HEADER.match(line.text) and line.number not in agenda_numbers
    ]
    found += [
        one("'Beschluss:' (the resolution text follows)", line)
        for line in lines
        if is_decision(line) and line.plain.rstrip().endswith(":")
    ]
    for line in lines:
        if line.number >= participants_end:
            break
        if LIST_HEADING.match(line.text):
            found.append(one("participant list heading", line))
        elif line.text == GUESTS_HEADING:
            found.append(one("guests heading", line))
    return tuple(sorted(found, key=lambda item: item.lines.first))


def one(label: str, line: Line) -> Structure:
    return Structure(label, LineRange(line.number, line.last))


def contents_structure(lines: list[Line], contents: Contents | None) -> list[Structure]:
    """A table of contents with page numbers (its entries give the agenda when there is no
    agenda table), or a contents list without them ("Inhalt:" / "- Tagesordnung" / …)."""
    if contents is not None:
        numbers = sorted(contents.line_numbers)
        return [Structure("table of contents", LineRange(n, n)) for n in numbers]
    heading = next((i for i, line in enumerate(lines) if CONTENTS_HEADING.match(line.text)), None)
    if heading is None:
        return []
    found = [one("contents heading", lines[heading])]
    for line in lines[heading + 1 :]:
        if not line.text and len(found) == 1:
            continue
        if not LIST_ITEM.match(line.text):
            break
        found.append(one("contents entry (no page number)", line))
    return found


def agenda_structure(agenda: list[Line]) -> list[Structure]:
    """The agenda's heading, its table header rows (one after each page break) and legend."""
    found: list[Structure] = []
    in_heading = False  # a heading the converter wrapped goes on until a blank line
    for line in agenda:
        if AGENDA_HEADING.match(line.text) and not found:
            found.append(one("agenda heading", line))
            in_heading = True
        elif in_heading and line.text and not TABLE_HEADER.match(line.text):
            found.append(one("agenda heading", line))
        elif TABLE_HEADER.match(line.text):
            found.append(one("agenda table header", line))
        elif LEGEND.match(line.text):
            found.append(one("agenda legend", line))
        in_heading = in_heading and bool(line.text) and not TABLE_HEADER.match(line.text)
    return found

"""The agenda table: TOP number, title, applicants, Green List mark, remarks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mapping.applicants import parse_applicants, split_title_and_applicants
from mapping.errors import SourceError
from mapping.laender import NAME_PATTERN, land_by_name
from mapping.model import AgendaItem, LineRange
from mapping.source import Line

AGENDA_HEADING = re.compile(r"^Tagesordnung\b")
TABLE_HEADER = re.compile(r"^TOP\tThema$")
LEGEND = re.compile(r"^\(GL\s*=\s*Grüne Liste\)$")
NUMBER_FIELD = re.compile(
    r"^(?:TOP\s*:?\s*)?(?P<top>[A-Z]\d*|\d+(?:\.\d+)?[a-z]?)\s*(?P<green>\(GL\))?$"
)
WITHDRAWN = re.compile(rf"\s*Rücknahme\s+(?P<by>{NAME_PATTERN})\s*$")
MERGED = re.compile(r"\s*Zusammenlegung mit TOP\s+(?P<into>[\w.]+)\s*$")
NOTE = re.compile(r"\s*\((?P<note>siehe [^()]+)\)\s*$")
FIRESIDE = re.compile(r"Kamin\w*gespräch|Kaminespräch", re.IGNORECASE)
MISCELLANEOUS = "Verschiedenes"


@dataclass(frozen=True)
class Row:
    top: str
    green_list: bool
    text: str
    line: int


def agenda_rows(lines: list[Line], path: Path) -> list[Row]:
    """The table rows between the agenda's header row and its legend."""
    rows: list[Row] = []
    for line in lines:
        if TABLE_HEADER.match(line.text) or LEGEND.match(line.text):
            continue
        if "\t" not in line.text:
            continue
        number, text = line.text.split("\t", 1)
        match = NUMBER_FIELD.match(number.strip())
        if match is None:
            raise SourceError(
                path,
                line.number,
                f"agenda row number '{number}'",
                "a TOP number such as 'A', 'TOP 1', '4.1', '1.3 (GL)' or '2.9b'",
            )
        rows.append(Row(match.group("top"), match.group("green") is not None, text, line.number))
    return rows


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


def read_item(
    row: Row, position: int, groups: set[str], fireside: set[str], path: Path
) -> AgendaItem:
    """One agenda row: title, applicants and remarks."""
    text = row.text
    withdrawn_by = merged_into = note = None
    if match := WITHDRAWN.search(text):
        land = land_by_name(match.group("by"))
        withdrawn_by = land.code if land else None
        text = text[: match.start()]
    if match := MERGED.search(text):
        merged_into = match.group("into").rstrip(".")
        text = text[: match.start()]
    if match := NOTE.search(text):
        note = match.group("note")
        text = text[: match.start()]
    title, applicant_text = split_title_and_applicants(" ".join(text.split()))
    check_title_end(title, row, path)
    lines = LineRange(row.line, row.line)
    applicants = (
        parse_applicants(applicant_text, lines, path) if applicant_text is not None else None
    )
    group = group_of(row.top, groups)
    plain_title = re.sub(r"</?u>", "", title).strip()
    return AgendaItem(
        top=row.top,
        title=plain_title,
        position=position,
        group=group,
        is_group=row.top in groups,
        green_list=row.green_list,
        withdrawn_by=withdrawn_by,
        merged_into=merged_into,
        discussion_only=row.top in fireside or group in fireside or plain_title == MISCELLANEOUS,
        note=note,
        applicants=applicants,
        lines=lines,
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

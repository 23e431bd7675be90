"""The resolution section: one part per TOP with title, applicants, vote and text."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from mapping.applicants import parse_applicants
from mapping.dates import parse_german_date
from mapping.errors import SourceError
from mapping.model import (
    ApplicantList,
    GreenListEntry,
    LineRange,
    Outcome,
    Paragraph,
    Resolution,
    Vote,
)
from mapping.parse_body import parse_body
from mapping.requests import extract_requests
from mapping.source import Block, Line, group_blocks
from mapping.text import join_lines

TOP_HEADING = re.compile(r"^TOP\s*:?\s*(?P<top>[A-Z]\d*|\d+(?:\.\d+)?[a-z]?)$")
APPLICANTS_FIELD = re.compile(r"^(?:Antragsteller(?:in|innen)?|Antrag)\s*:\s*(?P<list>.*)$")
VOTE = re.compile(
    r"^Die IntMK hat\s+(?:mit Umlaufbeschluss\s+(?P<number>\d+/\d{4})\s+vom\s+"
    r"(?P<date>\d{1,2}\.\s*\w+\s+\d{4})\s+)?(?P<outcome>einstimmig|mehrheitlich)\s+beschlossen:$"
)
NOTED_VOTE = re.compile(r"^Die IntMK nahm\b.*\bzur Kenntnis\.$")
NOTED_TEXT = re.compile(r"\bnehmen\b.*\bzur Kenntnis\b", re.DOTALL)
OUTCOMES = {"einstimmig": Outcome.UNANIMOUS, "mehrheitlich": Outcome.MAJORITY}


def split_sections(lines: list[Line]) -> list[tuple[str, Line, list[Line]]]:
    """(TOP, heading line, the lines up to the next heading) for each TOP heading."""
    sections: list[tuple[str, Line, list[Line]]] = []
    for line in lines:
        match = TOP_HEADING.match(line.text)
        if match:
            sections.append((match.group("top"), line, []))
        elif sections:
            sections[-1][2].append(line)
    return sections


def parse_resolution(top: str, heading: Line, lines: list[Line], path: Path) -> Resolution:
    """Title, applicants, vote and text of one TOP."""
    blocks = [block for block in group_blocks(lines) if not is_table(block)]
    table_lines = [line for line in lines if "\t" in line.text]
    if not blocks:
        raise SourceError(
            path,
            heading.number,
            f"TOP {top} has no title and no text",
            "a title, the applicants, a vote sentence and the resolution text",
        )
    title_blocks, rest = take_title(blocks)
    title = join_lines([text for block in title_blocks for text in block.texts])
    applicants, rest = take_applicants(rest, path)
    vote, body_blocks = take_vote(rest, top, heading, path)
    paragraphs = parse_body(body_blocks)
    if vote.statement and not paragraphs and NOTED_VOTE.match(vote.statement):
        paragraphs = (
            Paragraph(
                1,
                None,
                vote.statement,
                False,
                (),
                vote.lines or LineRange(heading.number, heading.number),
            ),
        )
    last = max([heading.number, *(line.number for line in lines if line.text)])
    return Resolution(
        top=top,
        title=title,
        applicants=applicants,
        vote=vote,
        paragraphs=paragraphs,
        requests=extract_requests(paragraphs),
        green_list=green_list_entries(table_lines, path),
        title_lines=LineRange(title_blocks[0].first, title_blocks[-1].last),
        lines=LineRange(heading.number, last),
    )


def is_table(block: Block) -> bool:
    return all("\t" in line.text for line in block.lines)


def take_title(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """The title is the first block, and the next one when the first ends with a colon."""
    count = 2 if blocks[0].texts[-1].endswith(":") and len(blocks) > 1 else 1
    return blocks[:count], blocks[count:]


def take_applicants(blocks: list[Block], path: Path) -> tuple[ApplicantList | None, list[Block]]:
    if not blocks:
        return None, blocks
    first = blocks[0]
    match = APPLICANTS_FIELD.match(join_lines(first.texts))
    if match is None:
        return None, blocks
    applicants = parse_applicants(match.group("list"), LineRange(first.first, first.last), path)
    return applicants, blocks[1:]


def take_vote(blocks: list[Block], top: str, heading: Line, path: Path) -> tuple[Vote, list[Block]]:
    """The sentence stating the vote, or a text that itself notes reports."""
    if blocks:
        first_line = blocks[0].lines[0]
        statement = first_line.plain
        lines = LineRange(first_line.number, first_line.number)
        match = VOTE.match(statement)
        if match:
            circular_date = parse_date(match.group("date"), first_line.number, path)
            vote = Vote(
                OUTCOMES[match.group("outcome")],
                statement,
                match.group("number"),
                circular_date,
                lines,
            )
            return vote, rest_after_first_line(blocks)
        if NOTED_VOTE.match(statement):
            return Vote(Outcome.NOTED, statement, None, None, lines), rest_after_first_line(blocks)
        body = " ".join(text for block in blocks for text in block.texts)
        if NOTED_TEXT.search(body):
            return Vote(Outcome.NOTED, None, None, None, None), blocks
    raise SourceError(
        path,
        blocks[0].first if blocks else heading.number,
        f"TOP {top} has no vote sentence",
        "'Die IntMK hat einstimmig|mehrheitlich beschlossen:', 'Die IntMK nahm … zur Kenntnis.' "
        "or a text that notes a report ('… nehmen … zur Kenntnis')",
    )


def rest_after_first_line(blocks: list[Block]) -> list[Block]:
    first = blocks[0]
    remaining = [Block(first.lines[1:])] if len(first.lines) > 1 else []
    return remaining + blocks[1:]


def parse_date(text: str | None, line: int, path: Path) -> datetime.date | None:
    if text is None:
        return None
    date = parse_german_date(text)
    if date is None:
        raise SourceError(path, line, f"date '{text}'", "a date such as '29. März 2023'")
    return date


def green_list_entries(lines: list[Line], path: Path) -> tuple[GreenListEntry, ...]:
    """The rows of a Green List table: TOP, title and "Antragsteller: …"."""
    entries: list[GreenListEntry] = []
    for line in lines:
        number, _, text = line.text.partition("\t")
        if number.strip() == "TOP":
            continue
        title, marker, applicant_text = text.partition("Antragsteller:")
        if not marker:
            raise SourceError(
                path,
                line.number,
                f"Green List row '{line.text}'",
                "'TOP<tab>title Antragsteller: Länder'",
            )
        applicants = parse_applicants(applicant_text, LineRange(line.number, line.number), path)
        entries.append(GreenListEntry(number.strip(), title.strip(), applicants))
    return tuple(entries)

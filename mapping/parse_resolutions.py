"""The resolution section: one part per TOP with title, applicants, vote and text."""

from __future__ import annotations

import datetime
import itertools
import re
from pathlib import Path

from mapping.applicants import parse_applicants
from mapping.dates import parse_german_date
from mapping.declarations import START as DECLARATION
from mapping.declarations import split_declarations
from mapping.errors import SourceError
from mapping.item_fields import field_end, is_decision, is_field_line, take_fields
from mapping.model import (
    GreenListEntry,
    LineRange,
    Outcome,
    Paragraph,
    Resolution,
    Vote,
)
from mapping.parse_body import Measure, dense_groups, parse_body
from mapping.requests import extract_requests
from mapping.source import Block, Line, group_blocks
from mapping.tables import as_text, find_tables, read_tables, readable_tables, without_tables
from mapping.text import join_lines
from mapping.votes import is_outcome_sentence, outcome_sentence, parse_vote_phrase, vote_of

TOP_NUMBER = r"TOP\s*:?\s*(?P<top>[A-Z]\d*|\d+(?:\.\d+)?[a-z]?)"
# a mark in brackets after the number: "TOP 2.4 (GL)" (Green List), "TOP 5 (neu)"
MARK = r"(?:\s*\((?P<mark>[^()\t]{1,30})\))?"
TOP_HEADING = re.compile(rf"^{TOP_NUMBER}{MARK}$")
GREEN_LIST_MARKS = frozenset({"GL", "Grüne Liste"})
VOTE = re.compile(
    r"^Die IntMK hat\s+(?:mit Umlaufbeschluss\s+(?P<number>\d+/\d{4})\s+vom\s+"
    r"(?P<date>\d{1,2}\.\s*\w+\s+\d{4})\s+)?(?P<phrase>.+?)\s+beschlossen:$"
)
NOTED_VOTE = re.compile(r"^Die IntMK nahm\b.*\bzur Kenntnis\.$")
FULL_STOP = re.compile(r"[.!?]\W*$")  # a sentence ends (a colon ends a title's first part)
NOTED_TEXT = re.compile(r"\bnehmen\b.*\bzur Kenntnis\b", re.DOTALL)


# "TOP 11.1 Verbesserung …" or "TOP 11.1: Verbesserung …": the title on the heading's line
INLINE_HEADING = re.compile(rf"^{TOP_NUMBER}{MARK}(?: *: *| +)(?P<title>[A-ZÄÖÜ„\"].*)$")


def is_heading(text: str) -> bool:
    """Whether a line starts the part of one TOP."""
    return "\t" not in text and bool(TOP_HEADING.match(text) or INLINE_HEADING.match(text))


def heading_mark(text: str) -> str | None:
    """The mark in brackets after a heading's TOP number ('GL', 'neu'), or None."""
    match = TOP_HEADING.match(text) or INLINE_HEADING.match(text)
    return match.group("mark") if match else None


def marks_green_list(text: str) -> bool:
    """Whether a heading marks its item as one of the Green List ('TOP 2.4 (GL)')."""
    return heading_mark(text) in GREEN_LIST_MARKS


def split_sections(lines: list[Line]) -> list[tuple[str, Line, list[Line]]]:
    """(TOP, heading line, the lines up to the next heading) for each TOP heading.

    A title on the heading's line becomes the first line of the section."""
    sections: list[tuple[str, Line, list[Line]]] = []
    for line in lines:
        match = TOP_HEADING.match(line.text) or INLINE_HEADING.match(line.text)
        if match and "\t" not in line.text:
            inline = match.groupdict().get("title")
            sections.append(
                (
                    match.group("top"),
                    line,
                    [Line(line.number, inline, through=line.through)] if inline else [],
                )
            )
        elif sections:
            sections[-1][2].append(line)
    return sections


def parse_resolution(
    top: str,
    heading: Line,
    lines: list[Line],
    path: Path,
    measured: Measure | None = None,
    lenient: bool = False,
) -> Resolution:
    """Title, applicants, release, vote, text and declarations of one TOP; `measured`: the
    measure of all resolutions' text (mapping/parse_body.py); `lenient`: a vote phrase the
    grammar does not know is an unresolved outcome, not an error."""
    lines = joined_vote_sentences(lines)
    table_lines = [line for line in lines if "\t" in line.text]
    found = [] if is_green_list(table_lines) else find_tables(lines)
    text_tables, unread_tables = readable_tables(found, path, lenient)
    if found:
        lines, table_lines = as_text(without_tables(lines, text_tables), unread_tables), []
    blocks = [block for block in section_blocks(lines, path) if not is_table(block)]
    if not blocks:
        raise SourceError(
            path,
            heading.number,
            f"TOP {top} has no title and no text",
            "a title, the applicants, a vote sentence and the resolution text",
        )
    leading_vote, blocks = take_leading_vote(blocks, path, lenient)
    if not blocks:
        raise SourceError(path, heading.number, f"TOP {top} has no title", "a title")
    title_blocks, rest = take_title(blocks)
    title = join_lines([text for block in title_blocks for text in block.texts])
    fields = take_fields(rest, path, lenient)
    vote, body_blocks = leading_vote or fields.vote, fields.rest
    if vote is None:
        vote, body_blocks = take_vote(body_blocks, top, heading, path, lenient)
    body_blocks, declarations = split_declarations(body_blocks, path)
    released = fields.release is None or fields.release.released
    paragraphs = (
        noted_paragraphs(parse_body(body_blocks, path, measured), vote, heading) if released else ()
    )
    refuse_vote_in_text(paragraphs, top, path)
    starts = [paragraph.lines.first for paragraph in paragraphs]
    tables = read_tables(text_tables, starts, path) if released else ()
    decided = vote.outcome.is_decision_of_the_conference
    requests = extract_requests(paragraphs, fields.applicants, tables) if decided else ()
    refuse_noted_by_a_request(vote, paragraphs, requests, top, path, heading)
    last = max([heading.last, *(line.last for line in lines if line.text)])
    return Resolution(
        top=top,
        title=title,
        applicants=fields.applicants,
        vote=vote,
        paragraphs=paragraphs,
        requests=requests,
        green_list=green_list_entries(table_lines, path),
        title_lines=LineRange(title_blocks[0].first, title_blocks[-1].last),
        lines=LineRange(heading.number, last),
        release=fields.release,
        declarations=declarations,
        heading_mark=heading_mark(heading.text),
        tables=tables,
        unread_tables=tuple(unread_tables) if released else (),
    )


def section_blocks(lines: list[Line], path: Path) -> list[Block]:
    """The blocks of a section; a section without blank lines is split by its content."""
    if not is_dense(lines):
        return group_blocks(lines)
    content = [line for line in lines if line.text]
    width = max((len(line.plain) for line in content if "\t" not in line.text), default=0)
    groups: list[list[Line]] = []
    index = head_groups(content, width, groups, path)
    for run in table_runs(content[index:]):
        groups.extend([run] if "\t" in run[0].text else dense_text(run, width, path))
    return [Block(tuple(group)) for group in groups]


VOTE_LINES = 3  # a vote sentence wrapped over at most this many lines


def joined_vote_sentences(lines: list[Line]) -> list[Line]:
    """A vote sentence the converter wrapped ("Die IntMK hat mit Umlaufbeschluss 01/2023
    vom 29. März 2023 einstimmig" / "beschlossen:") as one line, as the grammar reads it."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        span = vote_span(lines, index) if line.plain.startswith("Die IntMK ") else 1
        if span > 1:
            parts = lines[index : index + span]
            text = join_lines([part.text for part in parts])
            line = Line(line.number, text, line.page_header, parts[-1].last)
        result.append(line)
        index += span
    return result


def vote_span(lines: list[Line], start: int) -> int:
    """How many lines from `start`, one after another, make one vote sentence (1: one or
    none)."""
    for span in range(1, VOTE_LINES + 1):
        parts = lines[start : start + span]
        if len(parts) < span or not all(part.text for part in parts):
            return 1
        text = join_lines([part.plain for part in parts])
        if states_vote(text):
            return span
    return 1


def states_vote(text: str) -> bool:
    """Whether a line is a sentence stating the vote or the outcome."""
    return bool(VOTE.match(text) or NOTED_VOTE.match(text) or is_outcome_sentence(text))


def is_dense(lines: list[Line]) -> bool:
    """Whether a section has no blank line between two lines of its text (a page break with
    the blank lines around its furniture is none; blank lines beside a table row are the
    table's own, as plain pdftotext sets them between cells)."""
    filled = [index for index, line in enumerate(lines) if line.text]
    if len(filled) < 2:
        return False
    for before, after in itertools.pairwise(filled):
        table = "\t" in lines[before].text or "\t" in lines[after].text
        page_break = any(line.page_header for line in lines[before + 1 : after])
        if after > before + 1 and not table and not page_break:
            return False
    return True


def head_groups(content: list[Line], width: int, groups: list[list[Line]], path: Path) -> int:
    """Vote sentence, title and fields at the start of a dense section, as groups; the index
    where the text starts."""
    index, title_seen = 0, False
    while index < len(content):
        line = content[index]
        if states_vote(line.plain):
            groups.append([line])
            index += 1
            if title_seen:
                break
        elif is_field_line(line) and not is_decision(line):
            end = field_end(content, index)
            groups.append(content[index:end])
            index = end
        elif title_seen or is_decision(line) or "\t" in line.text:
            break
        else:
            end = title_end(content, index, width, path)
            groups.append(content[index:end])
            index, title_seen = end, True
    return index


def title_end(content: list[Line], start: int, width: int, path: Path) -> int:
    """The index after the title: up to the next field or vote sentence when no sentence
    ends before it, else where the text says a new paragraph starts."""
    marker = next((i for i in range(start, len(content)) if is_marker(content[i])), None)
    if marker is None or any(FULL_STOP.search(line.plain) for line in content[start : marker - 1]):
        return start + len(dense_groups(content[start:], width, path)[0])
    return marker


def is_marker(line: Line) -> bool:
    """A line that ends a title: a field, a vote sentence, a table row, a declaration."""
    text = line.plain
    return (
        is_field_line(line)
        or states_vote(text)
        or bool(DECLARATION.match(text))
        or "\t" in line.text
    )


def table_runs(lines: list[Line]) -> list[list[Line]]:
    """Consecutive lines split where table rows (with tabs) begin or end."""
    runs: list[list[Line]] = []
    for line in lines:
        if runs and ("\t" in runs[-1][-1].text) == ("\t" in line.text):
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def dense_text(lines: list[Line], width: int, path: Path) -> list[list[Line]]:
    """The text of a dense section as groups; each Protokollerklärung starts a group."""
    parts: list[list[Line]] = []
    for line in lines:
        if not parts or DECLARATION.match(line.plain):
            parts.append([])
        parts[-1].append(line)
    return [group for part in parts for group in dense_groups(part, width, path)]


def refuse_vote_in_text(paragraphs: tuple[Paragraph, ...], top: str, path: Path) -> None:
    """A vote sentence inside the text means the parts before it were misread (e.g. an
    applicant list broken by a page): an error, never a resolution with a guessed vote."""
    for paragraph in paragraphs:
        if VOTE.match(paragraph.text) or is_outcome_sentence(paragraph.text):
            raise SourceError(
                path,
                paragraph.lines.first,
                f"a vote sentence inside the text of TOP {top}: '{paragraph.text}'",
                "the vote sentence right after the title and the applicants",
            )


def noted_paragraphs(
    paragraphs: tuple[Paragraph, ...], vote: Vote, heading: Line
) -> tuple[Paragraph, ...]:
    """A vote sentence that notes a report is the text when there is no other."""
    if vote.statement and not paragraphs and NOTED_VOTE.match(vote.statement):
        lines = vote.lines or LineRange(heading.number, heading.last)
        return (Paragraph(1, None, vote.statement, False, (), lines),)
    return paragraphs


def is_green_list(lines: list[Line]) -> bool:
    """Whether tab rows in a section are a Green List (TOP, title, "Antragsteller: …")
    rather than a table of the resolution's text (mapping/tables.py)."""
    return any("Antragsteller" in line.text for line in lines)


def is_table(block: Block) -> bool:
    return all("\t" in line.text for line in block.lines)


def take_title(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """The title is the first block, and the next one when the first ends with a colon."""
    count = 2 if blocks[0].texts[-1].endswith(":") and len(blocks) > 1 else 1
    return blocks[:count], blocks[count:]


def take_leading_vote(
    blocks: list[Block], path: Path, lenient: bool
) -> tuple[Vote | None, list[Block]]:
    """A vote sentence standing before the title (a layout of some years)."""
    vote = vote_sentence(blocks[0].lines[0], path, lenient)
    if vote is None:
        return None, blocks
    return vote, rest_after_first_line(blocks)


def vote_sentence(line: Line, path: Path, lenient: bool = False) -> Vote | None:
    """'Die IntMK hat [mit Umlaufbeschluss …] <vote> beschlossen:' or a sentence stating
    another outcome ('Der Beschlussvorschlag fand nicht die erforderliche Mehrheit.') as a
    Vote, else None."""
    statement = line.plain
    lines = LineRange(line.number, line.last)
    match = VOTE.match(statement)
    if match is None:
        other = outcome_sentence(statement, path, line.number)
        return None if other is None else vote_of(other, statement, lines)
    phrase = match.group("phrase")
    reading = parse_vote_phrase(phrase, path, line.number, lenient)
    circular_date = parse_date(match.group("date"), line.number, path)
    return vote_of(reading, statement, lines, match.group("number"), circular_date, phrase)


def take_vote(
    blocks: list[Block], top: str, heading: Line, path: Path, lenient: bool = False
) -> tuple[Vote, list[Block]]:
    """The sentence stating the vote, a sentence stating another outcome after the text
    (the proposal), or a text that itself notes reports."""
    if blocks:
        first_line = blocks[0].lines[0]
        statement = first_line.plain
        lines = LineRange(first_line.number, first_line.last)
        vote = vote_sentence(first_line, path, lenient)
        if vote is not None:
            return vote, rest_after_first_line(blocks)
        if NOTED_VOTE.match(statement):
            return Vote(Outcome.NOTED, statement, None, None, lines), rest_after_first_line(blocks)
        closing = closing_outcome(blocks, path)
        if closing is not None:
            return closing
        refuse_late_head(blocks, top, path)
        body = " ".join(text for block in blocks for text in block.texts)
        if NOTED_TEXT.search(body):
            return Vote(Outcome.NOTED, None, None, None, None), blocks
    raise SourceError(
        path,
        blocks[0].first if blocks else heading.number,
        f"TOP {top} has no vote sentence",
        "'Die IntMK hat einstimmig|mehrheitlich beschlossen:', 'Die IntMK nahm … zur Kenntnis.', "
        "'Abstimmungsergebnis: …' or a text that notes a report ('… nehmen … zur Kenntnis')",
    )


def refuse_late_head(blocks: list[Block], top: str, path: Path) -> None:
    """The applicants after lines that are not the title: the title fell apart (words of
    a justified title set apart by pdftotext) or the head is out of order. The lines
    before cannot be placed: an error, never a text beginning with title words. (A vote
    sentence after stray lines is refused by `refuse_vote_in_text`.)"""
    lines = [line for block in blocks for line in block.lines]
    for index, line in enumerate(lines[1:], start=1):
        if line.plain.startswith("Antragsteller:"):
            raise SourceError(
                path,
                lines[0].number,
                f"TOP {top}: it cannot be told whether '{lines[0].plain[:40]}' (lines "
                f"{lines[0].number}–{lines[index - 1].last}) belongs to the title or to the "
                f"text: '{line.plain[:40]}' follows at line {line.number}",
                "the title, then 'Antragsteller: …', then the vote sentence, then the text",
            )


def closing_outcome(blocks: list[Block], path: Path) -> tuple[Vote, list[Block]] | None:
    """A sentence stating an outcome other than adoption as the last line of the text
    ("… Der Beschlussvorschlag fand nicht die erforderliche Mehrheit."): the vote, and
    the text before it is the proposal."""
    last = blocks[-1].lines[-1]
    vote = vote_sentence(last, path) if is_outcome_sentence(last.plain) else None
    if vote is None:
        return None
    rest = blocks[:-1] + ([Block(blocks[-1].lines[:-1])] if len(blocks[-1].lines) > 1 else [])
    return vote, rest


def refuse_noted_by_a_request(
    vote: Vote,
    paragraphs: tuple[Paragraph, ...],
    requests: tuple[object, ...],
    top: str,
    path: Path,
    heading: Line,
) -> None:
    """A text without a vote sentence notes a report only when that is all it does: it
    ends with "… zur Kenntnis." and asks nothing. A "nehmen … zur Kenntnis" inside a text
    that goes on, or that makes a request, is text: its vote is not stated."""
    if vote.outcome is not Outcome.NOTED or vote.statement is not None or not paragraphs:
        return
    if requests or not paragraphs[-1].display().rstrip().endswith("zur Kenntnis."):
        raise SourceError(
            path,
            paragraphs[0].lines.first if paragraphs else heading.number,
            f"TOP {top} has no vote sentence, and its text does more than take note "
            "('… nehmen … zur Kenntnis' inside a text that goes on or makes a request)",
            "a vote sentence ('Die IntMK hat einstimmig beschlossen:', 'Der Beschlussvorschlag "
            "fand nicht die erforderliche Mehrheit.') or a text that only notes a report",
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
    """The rows of a Green List table: TOP, title and "Antragsteller: …"; a row wrapped
    onto lines with an empty first cell ("<tab>fördern“") continues there."""
    return tuple(green_list_entry(row, path) for row in green_list_rows(lines))


def green_list_rows(lines: list[Line]) -> list[list[Line]]:
    rows: list[list[Line]] = []
    for line in lines:
        number = line.text.partition("\t")[0].strip()
        if number == "TOP":
            continue
        if number or not rows:
            rows.append([line])
        else:
            rows[-1].append(line)
    return rows


def green_list_entry(row: list[Line], path: Path) -> GreenListEntry:
    number = row[0].text.partition("\t")[0].strip()
    cells = [line.text.split("\t")[1:] for line in row]
    title = join_lines([" ".join(cell[0].split()) for cell in cells if cell])
    rest = join_lines([" ".join(" ".join(cell[1:]).split()) for cell in cells])
    text = f"{title} {rest}".strip()
    title, marker, applicant_text = text.partition("Antragsteller:")
    if not number or not marker:
        raise SourceError(
            path,
            row[0].number,
            f"Green List row '{row[0].text}'",
            "'TOP<tab>title Antragsteller: Länder', wrapped rows continuing in the title column",
        )
    lines = LineRange(row[0].number, row[-1].last)
    applicants = parse_applicants(applicant_text, lines, path)
    return GreenListEntry(number, title.strip(), applicants)

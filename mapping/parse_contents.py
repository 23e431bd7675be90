"""A table of contents with page numbers ("Inhaltsverzeichnis"), before or instead of the agenda.

An entry ends with its page number; a title the PDF wrapped continues on the next
line, and the TOP number may stand on that second line ("… ausländischer" /
"TOP 11.1 Berufsabschlüsse 5"). Entries with a TOP number give the agenda when the
document has no agenda table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mapping.errors import SourceError
from mapping.model import AgendaItem, LineRange
from mapping.parse_agenda import MISCELLANEOUS, group_of, is_child
from mapping.source import Block, Line, SourceText, group_blocks

HEADING = re.compile(r"^(?:Inhaltsverzeichnis|Inhalt)\s*:?$")
PAGE = re.compile(r"(?:\s*\t\s*|\s*\.{2,}\s*|\s+)(?P<page>\d{1,3})$")
# contents with dot leaders: there, a page number follows dots (or a tab), and a number at
# the end of a wrapped line without them belongs to the title ("nach § 24")
LEADER_PAGE = re.compile(r"(?:\s*\t\s*|\s*\.{2,}\s*)(?P<page>\d{1,3})$")
LEADER = re.compile(r"\.{2,}\s*\d{1,3}$")
NUMBER = r"(?P<top>[A-Z]\d*|\d+(?:\.\d+)?[a-z]?)(?:\s*\(GL\))?(?:\t|\s+)(?P<rest>.*)$"
FIRST_LINE_TOP = re.compile(rf"^(?:TOP\s*:?\s*)?{NUMBER}")
LATER_LINE_TOP = re.compile(rf"^TOP\s*:?\s*{NUMBER}")


@dataclass(frozen=True)
class ContentsEntry:
    top: str | None  # None for "Teilnehmerliste", "Tagesordnung", …
    title: str
    page: int
    lines: LineRange


@dataclass(frozen=True)
class Contents:
    entries: tuple[ContentsEntry, ...]
    line_numbers: frozenset[int]  # the heading and every entry line


def find_contents(source: SourceText) -> Contents | None:
    """The table of contents, if the document has one with page numbers."""
    heading = next((line for line in source.lines if HEADING.match(line.text)), None)
    if heading is None:
        return None
    after = [line for line in source.lines if line.number > heading.number]
    blocks = group_blocks(contents_lines(after))
    if not blocks:
        return None
    leaders = any(LEADER.search(line.text) for block in blocks for line in block.lines)
    page = LEADER_PAGE if leaders else PAGE
    entries = [entry for block in blocks for entry in read_entries(block, page, source.path)]
    numbers = {
        heading.number,
        *(n for block in blocks for line in block.lines for n in range(line.number, line.last + 1)),
    }
    return Contents(tuple(entries), frozenset(numbers))


ENTRY_LINES = 4  # an entry's title wraps onto at most three lines before its page number


def contents_lines(lines: list[Line]) -> list[Line]:
    """The lines after the heading that are entries, each ending with a page number (a
    title wrapped before it): up to a blank line or a run of lines without one (the text
    after the contents, where no blank line parts them)."""
    taken: list[Line] = []
    pending: list[Line] = []
    for line in lines:
        if not line.text:
            if pending and not line.page_header:
                break
            continue
        pending.append(line)
        if PAGE.search(line.text):
            taken, pending = taken + pending, []
        elif len(pending) >= ENTRY_LINES:
            break
    return taken


def read_entries(block: Block, page: re.Pattern[str], path: Path) -> list[ContentsEntry]:
    """Group lines into entries, each ending with a page number."""
    entries: list[ContentsEntry] = []
    pending: list[Line] = []
    for line in block.lines:
        pending.append(line)
        if page.search(line.text):
            entries.append(read_entry(pending, page, path))
            pending = []
    if pending:
        raise SourceError(
            path,
            pending[0].number,
            f"a table of contents entry '{pending[0].plain[:60]}' without a page number",
            "a table of contents with the columns TOP number, title and page number (after "
            "dot leaders, a tab or spaces), an entry wrapped onto further lines",
        )
    return entries


def read_entry(lines: list[Line], pattern: re.Pattern[str], path: Path) -> ContentsEntry:
    """TOP number (on any line of the entry), title and page number."""
    page = pattern.search(lines[-1].text)
    assert page is not None
    texts = [line.plain for line in lines]
    texts[-1] = texts[-1][: page.start()]
    top = None
    for index, text in enumerate(texts):
        pattern = FIRST_LINE_TOP if index == 0 else LATER_LINE_TOP
        match = pattern.match(text)
        if match is None:
            continue
        if top is not None:
            raise SourceError(
                path,
                lines[index].number,
                f"a second TOP number '{match.group('top')}' in the contents entry of TOP {top}",
                "one TOP number per entry of the table of contents",
            )
        top, texts[index] = match.group("top"), match.group("rest")
    title = " ".join(" ".join(texts).replace("\t", " ").split()).rstrip(" .")
    return ContentsEntry(
        top, title, int(page.group("page")), LineRange(lines[0].number, lines[-1].last)
    )


def agenda_from_contents(contents: Contents) -> tuple[AgendaItem, ...]:
    """Agenda items from the entries with a TOP number (no applicants: the contents name none)."""
    rows = [entry for entry in contents.entries if entry.top is not None]
    tops = [entry.top for entry in rows if entry.top]
    groups = {top for top in tops if any(is_child(other, top) for other in tops)}
    return tuple(
        AgendaItem(
            top=entry.top or "",
            title=entry.title,
            position=position,
            group=group_of(entry.top or "", groups),
            is_group=entry.top in groups,
            green_list=False,
            withdrawn_by=None,
            merged_into=None,
            discussion_only=entry.title == MISCELLANEOUS,
            note=None,
            applicants=None,
            lines=entry.lines,
        )
        for position, entry in enumerate(rows, start=1)
    )

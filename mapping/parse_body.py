"""The text of a resolution: paragraphs (numbered or not), sub-headings and bullet points.

The PDF conversion wrapped some lines and broke paragraphs at page breaks (a blank
line in the middle of a sentence, sometimes inside a hyphenated word). Both are
repaired here, so that a paragraph is whole again.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from pathlib import Path

from mapping.errors import SourceError
from mapping.list_items import DASH, ListState, looks_like_item, marker
from mapping.model import Bullet, LineRange, Paragraph
from mapping.source import NEVER_LAST, Block, Line
from mapping.text import ends_sentence, join_two

BULLET = re.compile(r"^[-–•]\s+(?:(?P<label>\d{1,2}\.)\s+)?(?P<text>.*)$")
NUMBERED = re.compile(r"^(?P<number>\d{1,2})\.\s+(?P<text>\S.*)$")
# a paragraph continued across a page break is long; a sub-heading is short
HEADING_MAX = 80
# wrapped text: many lines fill most of the width (FULL of it); a word clearly fits when
# the line would stay within CLEAR_FIT of a typical full line (the median of the long
# lines). Proportional fonts make character counts inexact: full lines of one column differ
# by a fifth in characters (wide and narrow letters, a justified line's widened spaces that
# a text extraction collapses), so "it would just have fit" tells nothing, and the widest
# line is no measure (one line of narrow letters or a joined table row sticks out).
FULL = 0.75
FULL_SHARE = 0.4
CLEAR_FIT = 0.8
PRINTED_LINE = 160  # no printed line is longer: longer lines are paragraphs, unwrapped
FULL_LINES = 5  # fewer full lines are no evidence of wrapping


@dataclass(frozen=True)
class Measure:
    """How wide a text's lines run, and whether a converter wrapped them at that width."""

    width: int
    wrapped: bool
    typical: float = 0.0
    """The median length of the long lines: a full line's length in characters."""

    def clearly_fits(self, line: str, text: str) -> bool:
        """Whether the first word of `text` would clearly have fit at the end of `line`."""
        word = text.split(" ", 1)[0]
        return len(line) + 1 + len(word) <= CLEAR_FIT * (self.typical or self.width)


def measure(texts: list[str], width: int | None = None) -> Measure:
    """The measure of some lines: wrapped when many of them fill most of the width."""
    lengths = [len(text) for text in texts if text and "\t" not in text]
    widest = width if width is not None else max(lengths, default=0)
    long = [n for n in lengths if n >= HEADING_MAX]
    full = [n for n in long if n >= FULL * widest]
    enough = len(full) >= FULL_LINES and len(full) >= FULL_SHARE * len(long)
    wrapped = widest <= PRINTED_LINE and enough
    return Measure(widest, wrapped, statistics.median(long) if long else 0.0)


@dataclass
class Unit:
    """A paragraph or bullet being assembled from lines."""

    text: str
    first: int
    last: int
    number: int | None = None
    bullet: bool = False
    label: str | None = None
    level: int = 1
    kind: str = DASH

    def extend(self, text: str, line: int) -> None:
        self.text = join_two(self.text, text)
        self.last = line


@dataclass
class Running:
    """The unit the lines so far belong to, while a text without blank lines is split."""

    text: str
    bullet: bool
    line: str  # its last line


def dense_groups(lines: list[Line], width: int, path: Path) -> list[list[Line]]:
    """Split text without blank lines into the blocks a text with blank lines would have.

    Where a unit continues and where a new paragraph starts is told from the lines alone:
    a sentence end before a line that starts a unit, a line starting in lower case after
    one that does not end a sentence, a long paragraph (never a heading) running on, and a
    line break where the next word would still have fit on the line (a heading, the end
    of a bullet). Where none of these tells, a SourceError names the line."""
    groups: list[list[Line]] = []
    running: Running | None = None
    measured = measure([line.plain.strip() for line in lines], width)
    for index, line in enumerate(lines):
        text = line.plain.strip()
        following = lines[index + 1].plain.strip() if index + 1 < len(lines) else ""
        if running is None or breaks_before(running, text, following, line, measured, path):
            groups.append([line])
            running = Running(text, starts_item(text), text)
            continue
        groups[-1].append(line)
        running = next_running(running, text)
    return groups


def starts_item(text: str) -> bool:
    """Whether a line starts a bullet or a lettered, bracketed or roman list item."""
    return bool(BULLET.match(text)) or looks_like_item(text)


def is_heading_line(text: str, following: str, measured: Measure) -> bool:
    """A short line without a sentence end, the line after it not going on with it."""
    short = len(text) < min(HEADING_MAX, FULL * measured.width)
    return short and not ends_sentence(text) and not following[:1].islower()


def goes_on_after(line: str) -> bool:
    """Whether a line breaks off: a comma, a hyphen or a word that never ends a text."""
    words = line.split()
    return bool(words) and (line.endswith((",", "-")) or words[-1] in NEVER_LAST)


def next_running(running: Running, text: str) -> Running:
    """The unit after a line joined to the block: a new bullet, number or sentence, or more."""
    if starts_item(text) or NUMBERED.match(text) or ends_sentence(running.text):
        return Running(text, starts_item(text), text)
    return Running(join_two(running.text, text), running.bullet, text)


def breaks_before(
    running: Running, text: str, following: str, source: Line, measured: Measure, path: Path
) -> bool:
    """Whether a blank line would stand before this line (a new block starts here)."""
    width, line = measured.width, source.number
    if starts_item(text) or NUMBERED.match(text):
        return False  # a unit of its own within a block as well
    if not running.text:
        return False
    if ends_sentence(running.text):
        if text[:1].islower():
            return False
        if not measured.wrapped or measured.clearly_fits(running.line, text):
            return True
        if is_heading_line(text, following, measured):
            return True  # a paragraph never ends without a sentence end: a sub-heading
        raise SourceError(
            path,
            line,
            f"without blank lines it cannot be told whether '{text[:40]}' goes on with the "
            f"paragraph before or starts a new one: the line before ends a sentence near the "
            f"end of a full line ('…{running.line[-40:]}')",
            "a blank line between paragraphs",
        )
    if not running.bullet and (text[:1].islower() or len(running.text) >= HEADING_MAX):
        return False
    if goes_on_after(running.line):
        return False  # "… Senatorinnen und" / "Senatoren …": the line breaks off
    if len(running.line) + 1 + len(text.split(" ", 1)[0]) <= width:
        return True  # the next word would have fit: the line was ended on purpose
    if width >= HEADING_MAX:
        return False  # a full line: wrapped
    raise SourceError(
        path,
        line,
        f"without blank lines it cannot be told whether '{text[:40]}' continues the line "
        f"before ('…{running.line[-40:]}') or starts a new paragraph",
        "a blank line between paragraphs, or a sentence end before a new paragraph",
    )


def parse_body(
    blocks: list[Block], path: Path | None = None, measured: Measure | None = None
) -> tuple[Paragraph, ...]:
    """Paragraphs with their bullets, in source order. `measured` is the measure of the
    whole document's text (a converter wraps every page at one width); without it, the
    measure of these blocks."""
    return assemble(collect_units(blocks, path, measured))


def collect_units(
    blocks: list[Block], path: Path | None = None, measured: Measure | None = None
) -> list[Unit]:
    """Split the lines into units, joining wrapped lines and page-broken paragraphs.

    In text a converter wrapped at a width, a sentence that ends a full line before a
    capitalised line is an error: the paragraph may go on there or a new one start."""
    units: list[Unit] = []
    last_number = 0
    lists = ListState()
    if measured is None:
        measured = measure([line.plain.strip() for block in blocks for line in block.lines])
    before = ""
    for block_index, block in enumerate(blocks):
        for line_index, line in enumerate(block.lines):
            text = line.plain.strip()
            new_block = line_index == 0 and block_index > 0
            previous = units[-1] if units else None
            unit = start_unit(text, line, last_number, lists)
            full = measured.wrapped and not measured.clearly_fits(before, text)
            if full and previous and unit is None and (block.after_page_break or not new_block):
                check_full_line(previous, text, line, before, path)
            before = text
            if unit is None and previous is not None and continues(previous, text, new_block):
                previous.extend(text, line.last)
                continue
            if unit is None:
                unit = Unit(text, line.number, line.last)
            if not unit.bullet:
                lists.close()
            if unit.number is not None:
                last_number = unit.number
            units.append(unit)
    return units


def check_full_line(previous: Unit, text: str, line: Line, before: str, path: Path | None) -> None:
    """In text wrapped at a width, a full line that ends a sentence before a capitalised
    line (on the next line or past a page break): the paragraph may go on or a new one
    start, and nothing on the page tells."""
    if ends_sentence(previous.text) and text[:1].isupper() and not previous.bullet:
        raise SourceError(
            path or "",
            line.number,
            f"it cannot be told whether '{text[:40]}' goes on with the paragraph before or "
            f"starts a new one: the line before ends a sentence at the end of a full line "
            f"('…{before[-40:]}')",
            "a paragraph that ends short of the margin, or a blank line between paragraphs",
        )


def start_unit(text: str, line: Line, last_number: int, lists: ListState) -> Unit | None:
    """A new bullet, list item or numbered paragraph starting on this line, or None.

    A plain number ("1.") inside an open list is an item under it when it continues the
    numbers of that list (or starts them); otherwise it numbers a paragraph."""
    first, last = line.number, line.last
    if match := BULLET.match(text):
        level = lists.enter(DASH, lists.last.get(DASH, 0) + 1)
        return Unit(
            match.group("text"), first, last, bullet=True, label=match.group("label"), level=level
        )
    found = marker(text)
    if found is not None and lists.accepts(found):
        level = lists.enter(found.kind, found.ordinal)
        return Unit(
            found.text, first, last, bullet=True, label=found.label, level=level, kind=found.kind
        )
    match = NUMBERED.match(text)
    if match and int(match.group("number")) == last_number + 1:
        return Unit(match.group("text"), first, last, number=int(match.group("number")))
    return None


def continues(previous: Unit, text: str, new_block: bool) -> bool:
    """Whether a line continues the unit before it (wrapped line or page break)."""
    if ends_sentence(previous.text):
        return False
    if not new_block:
        return True
    if previous.bullet:
        return False
    return text[:1].islower() or len(previous.text) >= HEADING_MAX


def assemble(units: list[Unit]) -> tuple[Paragraph, ...]:
    """Attach bullets to the paragraph before them and number paragraphs by position."""
    paragraphs: list[tuple[Unit, list[Unit]]] = []
    for unit in units:
        if unit.bullet and paragraphs:
            paragraphs[-1][1].append(unit)
        else:
            paragraphs.append((unit, []))
    result: list[Paragraph] = []
    for position, (unit, bullet_units) in enumerate(paragraphs, start=1):
        bullets = tuple(
            Bullet(index, b.label, b.text, LineRange(b.first, b.last), b.level, b.kind)
            for index, b in enumerate(bullet_units, start=1)
        )
        is_heading = (
            unit.number is None
            and not bullets
            and not unit.bullet
            and not ends_sentence(unit.text)
            and len(unit.text) < HEADING_MAX
            and unit.text[:1].isupper()
        )
        last = bullet_units[-1].last if bullet_units else unit.last
        text = (
            unit.text if not unit.bullet else f"{unit.label + ' ' if unit.label else ''}{unit.text}"
        )
        result.append(
            Paragraph(position, unit.number, text, is_heading, bullets, LineRange(unit.first, last))
        )
    return tuple(result)

"""The text of a resolution: paragraphs (numbered or not), sub-headings and bullet points.

The PDF conversion wrapped some lines and broke paragraphs at page breaks (a blank
line in the middle of a sentence, sometimes inside a hyphenated word). Both are
repaired here, so that a paragraph is whole again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mapping.errors import SourceError
from mapping.model import Bullet, LineRange, Paragraph
from mapping.source import Block, Line
from mapping.text import ends_sentence, join_two

BULLET = re.compile(r"^[-–•]\s+(?:(?P<label>\d{1,2}\.)\s+)?(?P<text>.*)$")
NUMBERED = re.compile(r"^(?P<number>\d{1,2})\.\s+(?P<text>\S.*)$")
# a paragraph continued across a page break is long; a sub-heading is short
HEADING_MAX = 80


@dataclass
class Unit:
    """A paragraph or bullet being assembled from lines."""

    text: str
    first: int
    last: int
    number: int | None = None
    bullet: bool = False
    label: str | None = None

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
    for line in lines:
        text = line.plain.strip()
        if running is None or breaks_before(running, text, line.number, width, path):
            groups.append([line])
            running = Running(text, bool(BULLET.match(text)), text)
            continue
        groups[-1].append(line)
        running = next_running(running, text)
    return groups


def next_running(running: Running, text: str) -> Running:
    """The unit after a line joined to the block: a new bullet, number or sentence, or more."""
    if BULLET.match(text) or NUMBERED.match(text) or ends_sentence(running.text):
        return Running(text, bool(BULLET.match(text)), text)
    return Running(join_two(running.text, text), running.bullet, text)


def breaks_before(running: Running, text: str, line: int, width: int, path: Path) -> bool:
    """Whether a blank line would stand before this line (a new block starts here)."""
    if BULLET.match(text) or NUMBERED.match(text):
        return False  # a unit of its own within a block as well
    if ends_sentence(running.text) or not running.text:
        return bool(running.text) and not text[:1].islower()
    if not running.bullet and (text[:1].islower() or len(running.text) >= HEADING_MAX):
        return False
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


def parse_body(blocks: list[Block]) -> tuple[Paragraph, ...]:
    """Paragraphs with their bullets, in source order."""
    return assemble(collect_units(blocks))


def collect_units(blocks: list[Block]) -> list[Unit]:
    """Split the lines into units, joining wrapped lines and page-broken paragraphs."""
    units: list[Unit] = []
    last_number = 0
    for block_index, block in enumerate(blocks):
        for line_index, line in enumerate(block.lines):
            text = line.plain.strip()
            new_block = line_index == 0 and block_index > 0
            previous = units[-1] if units else None
            unit = start_unit(text, line, last_number)
            if unit is None and previous is not None and continues(previous, text, new_block):
                previous.extend(text, line.last)
                continue
            if unit is None:
                unit = Unit(text, line.number, line.last)
            if unit.number is not None:
                last_number = unit.number
            units.append(unit)
    return units


def start_unit(text: str, line: Line, last_number: int) -> Unit | None:
    """A new bullet or numbered paragraph starting on this line, or None."""
    first, last = line.number, line.last
    if match := BULLET.match(text):
        return Unit(match.group("text"), first, last, bullet=True, label=match.group("label"))
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
            Bullet(index, b.label, b.text, LineRange(b.first, b.last))
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

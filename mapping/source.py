"""The grammar's view of a minutes file: numbered lines, conversion residue removed, page
furniture blanked, grouped into blocks.

The document layer (mapping/document/) reads the file — PDF or text — normalises its
characters and marks its page furniture; here the lines the grammar reads are made from
it. What the conversion left behind never reaches the graph: bold markers (`**`) and
paragraph tags (`<p>`) are removed, page furniture becomes an empty line that marks a page
break. Underline tags (`<u>`) carry meaning in the agenda (highlighted Länder) and are kept
until the agenda parser has read them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mapping.document.blocks import UNDERLINE_TAG, TextBlock, clean_residue, document_blocks

__all__ = ["UNDERLINE_TAG", "clean_residue"]  # read by the grammar and the tests from here
from mapping.document.furniture import find_furniture
from mapping.document.model import Document, LineKind
from mapping.document.read import read_document
from mapping.errors import SourceError
from mapping.text import SOFT_HYPHEN

# how complete minutes end: a sentence, a table row, or a field ("Abstimmungsergebnis: …")
SENTENCE_END = re.compile(r"[.!?)\]»«“”\"'’]$")
# words after which a text always goes on
NEVER_LAST_WORDS = (
    "der die das den dem des ein eine einer eines einem einen und oder sowie bzw. für mit "
    "von vom zu zur zum im in an am auf aus bei beim nach über unter vor durch gegen ohne "
    "um als wie dass alle allen aller ihre ihrer ihren seine seiner sich nicht auch"
)
NEVER_LAST = frozenset(NEVER_LAST_WORDS.split())
FIELD = re.compile(r"^[A-ZÄÖÜ][\w-]*(?:\s+[\w-]+){0,2}\s*:\s*\S")


@dataclass(frozen=True)
class Line:
    """One line of the source: its 1-based number and its text with residue removed."""

    number: int
    text: str
    page_header: bool = False
    """A repeated page header, removed (its text is empty): the place of a page break."""
    through: int | None = None
    """The last source line of a line the typesetter wrapped (joined here into one)."""

    @property
    def last(self) -> int:
        """The number of the last source line this line takes."""
        return self.through or self.number

    @property
    def plain(self) -> str:
        """The text without underline tags."""
        return UNDERLINE_TAG.sub("", self.text)


@dataclass(frozen=True)
class Block:
    """Consecutive non-blank lines; blank lines (and removed page headers) separate blocks."""

    lines: tuple[Line, ...]
    after_page_break: bool = False
    """Only a page break (no blank line of the text) stands before it."""

    @property
    def first(self) -> int:
        return self.lines[0].number

    @property
    def last(self) -> int:
        return self.lines[-1].last

    @property
    def texts(self) -> list[str]:
        return [line.plain for line in self.lines]


@dataclass(frozen=True)
class SourceText:
    """A decoded minutes file with its lines cleaned of conversion residue."""

    path: Path
    sha256: str
    line_count: int
    lines: tuple[Line, ...]
    document: Document | None = None
    text_blocks: tuple[TextBlock, ...] = ()
    """The document layer's blocks (mapping/document/blocks.py) the lines are made from."""

    def blocks(self, start: int = 1, end: int | None = None) -> list[Block]:
        """The blocks between line numbers start and end (inclusive)."""
        stop = self.line_count if end is None else end
        return group_blocks(line for line in self.lines if start <= line.number <= stop)


def read_source(path: Path) -> SourceText:
    """Read a minutes file (PDF or text) through the document layer: its blocks, as lines."""
    document = read_document(path)
    blocks = document_blocks(document)
    lines = grammar_lines(document, blocks)
    return SourceText(path, document.sha256, len(document.lines), lines, document, blocks)


def grammar_lines(document: Document, blocks: tuple[TextBlock, ...]) -> tuple[Line, ...]:
    """The blocks as the grammar reads them: one line a block, at its first source line,
    keeping its last (`Line.through`); furniture and footnotes an empty line that marks a
    page break; a blank line empty. The lines wrapped into a block are no line of their own."""
    starts = {block.first: block for block in blocks if block.furniture is None}
    result: list[Line] = []
    for source_line in document.lines:
        number = source_line.number
        if source_line.kind.is_furniture:
            result.append(Line(number, "", page_header=True))
        elif block := starts.get(number):
            result.append(Line(number, block.marked, through=number_or_none(block, number)))
        elif source_line.kind is LineKind.BLANK or not clean_residue(source_line.text):
            result.append(Line(number, ""))
    return tuple(result)


def number_or_none(block: TextBlock, number: int) -> int | None:
    return block.last if block.last != number else None


def check_complete(path: Path, lines: tuple[Line, ...]) -> None:
    """Minutes end with a complete sentence, a table row or a field; anything else was cut off.

    Only for a file already known to be minutes: any text fails it when cut at random."""
    last = next((line for line in reversed(lines) if line.text), None)
    if last is None:
        return
    text = last.plain
    if "\t" in text or SENTENCE_END.search(text) or FIELD.match(text):
        return
    raise SourceError(
        path,
        last.number,
        f"the text ends in the middle of a sentence: '…{text[-60:]}'",
        "minutes that end with a complete sentence; the file looks truncated",
    )


def page_header_lines(lines: list[str]) -> set[int]:
    """Line numbers (1-based) of the page furniture among cleaned lines."""
    return {index + 1 for index in find_furniture(lines)}


def group_blocks(lines: Iterable[Line]) -> list[Block]:
    """Group lines into blocks separated by blank lines. A page break does not end a block
    whose text is unfinished (a list that ends with a comma, bold text not yet closed):
    the PDF's page header fell into the middle of it."""
    blocks: list[Block] = []
    current: list[Line] = []
    gap, page_break, paged = False, False, False
    for line in lines:
        if not line.text:
            gap = gap or bool(current)
            page_break = page_break or line.page_header
            continue
        if gap and not (page_break and unfinished(current)):
            blocks.append(Block(tuple(current), paged))
            current, paged = [], page_break
        gap, page_break = False, False
        current.append(line)
    if current:
        blocks.append(Block(tuple(current), paged))
    return blocks


def unfinished(lines: list[Line]) -> bool:
    """Whether a block's text breaks off mid-sentence: a trailing comma or hyphen, or a
    word that never ends a sentence or a title (an article, a preposition, a conjunction:
    "… Integrationskurse für alle" / page break / "Geflüchteten …")."""
    text = "\n".join(line.plain for line in lines).rstrip()
    if text.endswith((",", "-", SOFT_HYPHEN)) or text.count("**") % 2 == 1:
        return True
    last = text.rsplit(None, 1)[-1] if text else ""
    return last in NEVER_LAST

"""The document as a typed sequence of blocks: the unit the grammar reads.

A block is what the document layer knows belongs together: a heading, a paragraph, a list
item, a table row with its cells, a footnote, or page furniture. Lines the layer knows to
be wrapped (a PDF's paragraph, justified text, a table row's cells written one a line) are
one block; blank lines are no block, the block after them has `gap_before`. Every block
carries its styles (runs of bold and underlined text) and where it stands (file, page,
first and last source line).

Both readers give the same kind of document (mapping/document/read.py), so both give
blocks. In text a converter wrapped without layout (plain pdftotext), where a paragraph
ends cannot be told line by line: each line is a block of its own there, and the grammar
joins a resolution's lines into paragraphs (mapping/parse_body.py), where the text around
them tells. The grammar reads blocks through `mapping/source.py`: furniture only as the
place of a page break, never its text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from mapping.document.model import Document, DocumentLine, LineKind
from mapping.errors import SourceError
from mapping.text import ends_sentence, join_two

BOLD = "**"
PARAGRAPH_TAG = re.compile(r"</?p>")
UNDERLINE_TAG = re.compile(r"</?u>")
STYLE_MARK = re.compile(r"\*\*|</?u>")
TOP_HEADING = re.compile(r"^TOP\s*:?\s*[A-Z]?\d+(?:\.\d+)?[a-z]?\b")
LABEL = re.compile(r"^(?P<label>[-–•]|\d{1,2}\.|[a-z]\)|\(\d{1,2}\))\s+\S")
SPACES = re.compile(r"[ \u00a0]{2,}")
HEADING_LENGTH = 120  # a heading is a line, not a paragraph


class BlockKind(Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list item"
    TABLE_ROW = "table row"
    FOOTNOTE = "footnote"
    FURNITURE = "furniture"


@dataclass(frozen=True)
class Run:
    """A piece of a block's text in one style."""

    text: str
    bold: bool = False
    underlined: bool = False


@dataclass(frozen=True)
class TextBlock:
    """One block of the document and where it stands."""

    kind: BlockKind
    marked: str
    """The text as the grammar reads it: conversion residue (`**`, `<p>`) removed, white
    space normalised, cells apart by tabs, underline tags kept (the agenda reads highlighted
    Länder from them); furniture and footnotes: their text."""
    runs: tuple[Run, ...]
    path: Path
    page: int | None
    first: int  # first source line (1-based)
    last: int  # last source line
    gap_before: bool = False
    furniture: LineKind | None = None  # which furniture (page number, running header, …)
    label: str | None = None  # a list item's bullet or number

    @property
    def text(self) -> str:
        """The plain text: no markup, cells apart by tabs."""
        return UNDERLINE_TAG.sub("", self.marked)

    @property
    def cells(self) -> tuple[str, ...]:
        """A table row's cells (the first may be empty: a row's continuation); else ()."""
        return tuple(self.text.split("\t")) if self.kind is BlockKind.TABLE_ROW else ()

    @property
    def bold(self) -> bool:
        """Whether all its text is bold."""
        styled = [run for run in self.runs if run.text.strip()]
        return bool(styled) and all(run.bold for run in styled)

    @property
    def underlined(self) -> tuple[str, ...]:
        """The underlined pieces of its text."""
        return tuple(run.text.strip() for run in self.runs if run.underlined and run.text.strip())


def clean_residue(line: str) -> str:
    """Remove bold markers and paragraph tags; normalise white space (tabs are kept, also
    before an empty first cell)."""
    line = line.replace(BOLD, "")
    line = PARAGRAPH_TAG.sub("", line)
    parts = [" ".join(part.split()) for part in line.split("\t")]
    while parts and not parts[-1]:
        parts.pop()
    if not any(parts):
        return ""
    return "\t".join(parts)  # an empty first cell stays: a table row's continuation


def styled_runs(text: str) -> tuple[Run, ...]:
    """The runs of a line written in the seed's inline conventions (`**`, `<u>`)."""
    if "**" not in text and "<" not in text:
        return (Run(clean_run(text)),) if text.strip() else ()
    runs: list[Run] = []
    bold = underlined = False
    position = 0
    for mark in STYLE_MARK.finditer(text):
        runs.append(Run(clean_run(text[position : mark.start()]), bold, underlined))
        if mark.group() == BOLD:
            bold = not bold
        else:
            underlined = mark.group() == "<u>"
        position = mark.end()
    runs.append(Run(clean_run(text[position:]), bold, underlined))
    return tuple(run for run in runs if run.text)


def clean_run(text: str) -> str:
    """A run's text without paragraph tags, runs of spaces as one."""
    return SPACES.sub(" ", PARAGRAPH_TAG.sub("", text))


def document_blocks(document: Document) -> tuple[TextBlock, ...]:
    """The blocks of a document in source order; a page break inside a wrapped paragraph
    stands after the paragraph's block. A line whose wrapping the layer found undecidable
    (`wraps` None) is a SourceError naming it."""
    blocks: list[TextBlock] = []
    head: int | None = None  # where in `blocks` the last content block stands
    gap = False
    for line in document.lines:
        if line.kind is LineKind.BLANK:
            gap = True
            continue
        if line.kind.is_furniture:
            blocks.append(furniture_block(document.path, line))
            continue
        marked = clean_residue(line.text)
        if not marked:
            gap = True
            continue
        if line.wraps is None and head is not None:
            raise undecidable_wrap(document.path, blocks[head], line)
        if line.wraps and head is not None:
            blocks[head] = joined(blocks[head], line, marked)
            continue
        blocks.append(content_block(document.path, line, marked, gap))
        head, gap = len(blocks) - 1, False
    return tuple(typed(blocks))


def furniture_block(path: Path, line: DocumentLine) -> TextBlock:
    """Page furniture or a footnote's line: a block of its own, never joined to text."""
    kind = BlockKind.FOOTNOTE if line.kind is LineKind.FOOTNOTE else BlockKind.FURNITURE
    marked, runs = clean_residue(line.text), styled_runs(line.text)
    return TextBlock(
        kind, marked, runs, path, line.page, line.number, line.number, furniture=line.kind
    )


def content_block(path: Path, line: DocumentLine, marked: str, gap: bool) -> TextBlock:
    kind = BlockKind.TABLE_ROW if "\t" in marked else BlockKind.PARAGRAPH
    runs = styled_runs(line.text)
    return TextBlock(kind, marked, runs, path, line.page, line.number, line.number, gap)


def joined(block: TextBlock, line: DocumentLine, marked: str) -> TextBlock:
    """A block with a wrapped line joined on: the next cell of a table row (the line starts
    with a tab) or the paragraph's next line."""
    cell = marked.startswith("\t")
    text = block.marked + marked if cell else join_two(block.marked, marked)
    kind = BlockKind.TABLE_ROW if "\t" in text else block.kind
    runs = (*block.runs, Run("\t" if cell else " "), *styled_runs(line.text))
    return replace(block, kind=kind, marked=text, runs=runs, last=line.number)


def typed(blocks: list[TextBlock]) -> Iterator[TextBlock]:
    """Content blocks told apart by their text: a list item starts with a bullet or a
    number; a heading is a TOP heading, a line all in bold, or a short line of its own
    (blank lines around it) that ends no sentence."""
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.PARAGRAPH:
            yield block
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        alone = block.gap_before and (following is None or following.gap_before)
        text = block.text
        if label := LABEL.match(text):
            yield replace(block, kind=BlockKind.LIST_ITEM, label=label.group("label"))
        elif TOP_HEADING.match(text) or (
            len(text) <= HEADING_LENGTH
            and not ends_sentence(text)
            and (block.bold or (alone and text[:1].isupper()))
        ):
            yield replace(block, kind=BlockKind.HEADING)
        else:
            yield block


def undecidable_wrap(path: Path, before: TextBlock, line: DocumentLine) -> SourceError:
    text = clean_residue(line.text)
    return SourceError(
        path,
        line.number,
        f"it cannot be told whether '{text[:40]}' goes on with the paragraph before "
        f"or starts a new one: the line before ends a sentence at the right margin "
        f"('…{before.marked[-40:]}')",
        "a blank line between paragraphs, or a paragraph's lines stretched to the margin",
    )


def render_blocks(blocks: tuple[TextBlock, ...]) -> str:
    """The blocks as `intmk explain --blocks` prints them: lines, page, kind, styles, text."""
    rows = []
    for block in blocks:
        lines = f"{block.first}" if block.last == block.first else f"{block.first}-{block.last}"
        page = f"p.{block.page}" if block.page is not None else ""
        kind = (
            block.furniture.value
            if block.kind is BlockKind.FURNITURE and block.furniture
            else block.kind.value
        )
        styles = "".join(
            mark for mark, on in (("B", block.bold), ("U", bool(block.underlined))) if on
        )
        text = " | ".join(block.cells) if block.cells else block.text
        gap = "¶" if block.gap_before else ""
        rows.append(f"{lines:>9} {page:>5}  {gap}{kind:<16} {styles:<2} {text[:100]}")
    return "\n".join(rows) + "\n"

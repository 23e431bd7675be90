"""Justified text laid out in columns of characters (`pdftotext -layout`): which lines a
typesetter wrapped, told from their geometry.

A justified paragraph stretches every line but its last to the right margin: the spaces
between its words widen ("beauftragen  die  LAG, für die 20. IntMK 2025 … vorzulegen.").
Collapsed to single spaces, such a line that happens to end with a sentence cannot be told
from the end of a paragraph; here, while the spaces are still there, it can. When many
lines are *stretched* (a run of two or more spaces between words) and end at one column,
that column is the right margin, and the line after each line that reaches it (stretched,
or full without needing to be) goes on with the same paragraph: it is marked `wraps`, also
across a page break. Without that evidence nothing is marked, and the grammar decides
from the text alone, as before.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from mapping.document.model import DocumentLine, LineKind
from mapping.text import ends_sentence

STRETCH = re.compile(r"\S {2,}\S")
PAGE_REFERENCE = re.compile(r" {2,}\d{1,3}$")  # a contents entry's right-aligned page number
# a line that starts a unit of its own: a numbered or lettered item, a bullet, a TOP
NEW_UNIT = re.compile(r"^(?:\d{1,2}\.|[a-z]\)|[-•–]|TOP\b)\s")
MIN_STRETCHED = 10  # lines that end at one column before it counts as the right margin
SHARE = 0.5  # of the stretched lines, at least this share ends at the margin


def mark_wrapped(lines: list[DocumentLine]) -> list[DocumentLine]:
    """The lines, each content line the typesetter wrapped marked as a continuation of the
    one before (`wraps`), or as undecidable (`wraps` None).

    Undecidable is a line after a full line (not stretched) that ends a sentence: the
    paragraph may go on or a new one start, and a converter that drops the space between
    paragraphs leaves nothing to tell them apart."""
    margin = right_margin(lines)
    if margin is None:
        return lines
    result = list(lines)
    for previous, first, index, page_break in neighbours(lines, result):
        before, line = lines[previous], lines[index]
        result[index] = replace(line, wraps=goes_on(before, line, lines[first], margin, page_break))
    return result


def neighbours(
    lines: list[DocumentLine], marked: list[DocumentLine]
) -> Iterator[tuple[int, int, int, bool]]:
    """(line before, first line of its paragraph, line, page break between) for each pair
    of content lines with no blank line between them (a page break passes over its blank
    lines); `marked` is read as it is marked, to know where paragraphs start."""
    previous: int | None = None
    first = 0
    blank = page_break = False
    for index, line in enumerate(lines):
        if line.kind is LineKind.BLANK:
            blank = True
        elif line.kind.is_furniture:
            page_break = True
        else:
            if previous is not None and (page_break or not blank):
                yield previous, first, index, page_break
            first = first if marked[index].wraps is not False else index
            previous, blank, page_break = index, False, False


def goes_on(
    before: DocumentLine, line: DocumentLine, first: DocumentLine, margin: int, page_break: bool
) -> bool | None:
    """Whether a line continues the paragraph of the line before it.

    After a stretched line: yes (a paragraph's last line is never stretched). After a
    line that is full without stretching: yes if its text goes on mid-sentence or the line
    stands indented further than its paragraph's first line (the hanging indent of a
    numbered item); if a sentence ends there and the next line could start a paragraph as
    well as go on, nobody can tell (None) — unless a page break stands between them, where
    a sentence end ends the paragraph as it does without layout. A line that starts a list
    item or a TOP never continues."""
    if not text_line(before) or not text_line(line) or NEW_UNIT.match(line.text):
        return False
    if end(before) != margin:
        return False
    if stretched(before) or not ends_sentence(before.text):
        return True
    if page_break:
        return False
    if indent(line) > indent(first):  # at the hanging indent of a numbered item
        return True
    return None if line.text[:1].isupper() else True


def indent(line: DocumentLine) -> int:
    raw = line.raw.lstrip("\f")
    return len(raw) - len(raw.lstrip(" "))


def right_margin(lines: list[DocumentLine]) -> int | None:
    """The column at which the stretched lines end, if the document is justified text."""
    ends = Counter(end(line) for line in lines if stretched(line))
    if not ends:
        return None
    column, count = ends.most_common(1)[0]
    if count < MIN_STRETCHED or count < SHARE * sum(ends.values()):
        return None
    return column


def stretched(line: DocumentLine) -> bool:
    """A text line with widened spaces between its words."""
    return text_line(line) and bool(STRETCH.search(line.raw.strip("\f")))


def text_line(line: DocumentLine) -> bool:
    """A content line that is not a table row or a contents entry."""
    raw = line.raw.strip("\f").rstrip()
    table_row = "\t" in line.text or PAGE_REFERENCE.search(raw) is not None
    return line.kind is LineKind.CONTENT and not table_row


def full(line: DocumentLine, margin: int) -> bool:
    """A text line that reaches the right margin: stretched, or full without stretching."""
    return text_line(line) and end(line) == margin


def end(line: DocumentLine) -> int:
    """The column after the line's last character."""
    return len(line.raw.lstrip("\f").rstrip())

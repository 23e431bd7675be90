"""Footnotes in text: a note at the bottom of a page ("1 Vgl. Beschluss der 17. IntMK …",
under a rule or not) and its marker, a digit fused to a word on the same page
("Integration1"). A note is taken only with its marker: the marker is removed from the
word (a recorded normalisation), the note's lines become FOOTNOTE lines. Never part of a
sentence, never "Integration1".
"""

from __future__ import annotations

import re
from dataclasses import replace

from mapping.document.model import DocumentLine, ExtractedLine, Footnote, LineKind, Normalisation

NOTE_START = re.compile(r"^(?P<n>\d{1,2})\s(?P<text>\S.*)$")
# a note a PDF reader found by its place: its marker may stand close to its text ("1Vgl.")
REGION_NOTE_START = re.compile(r"^(?P<n>\d{1,3})\s*(?P<text>\D.*)$")
MARKUP = re.compile(r"\*\*|</?u>")
RULE = re.compile(r"^[_\-–—]{5,}$")
# how many lines the notes of one page may take at most
NOTE_LINES = 8
NOTE_BLOCK_LINES = 3


def marker(number: int) -> re.Pattern[str]:
    """The digit(s) right after a letter or a closing mark, not part of a longer number."""
    return re.compile(rf"(?<=[^\W\d_]|[)\]“”\"'’]){number}(?![\w])")


def find_footnotes(lines: list[DocumentLine]) -> tuple[list[DocumentLine], list[Footnote]]:
    """Lines with footnote notes marked and their markers removed, and the notes."""
    result = list(lines)
    notes: list[Footnote] = []
    for start, end in pages(result):
        found = page_notes(result, start, end)
        found += inline_notes(result, start, end, {i for note in found for i in note.lines})
        for note in found:
            line = result[note.marker_line]
            text = marker(note.number).sub("", line.text, count=1)
            change = Normalisation("footnote marker", 1)
            result[note.marker_line] = replace(
                line, text=text, normalisations=(*line.normalisations, change)
            )
            for index in note.lines:
                result[index] = replace(result[index], kind=LineKind.FOOTNOTE)
        notes.extend(found)
    return result, notes


def region_notes(extracted: list[ExtractedLine], lines: list[DocumentLine]) -> list[Footnote]:
    """The notes a PDF reader marked by their place (FOOTNOTE lines), each paired with the
    last line before it on its page whose dropped markers include its number; a note
    without such a marker is not taken (its lines stay footnote lines)."""
    notes: list[Footnote] = []
    for index, line in enumerate(lines):
        if extracted[index].region is not LineKind.FOOTNOTE:
            continue
        text = MARKUP.sub("", line.text).strip()
        match = REGION_NOTE_START.match(text)
        if match is not None:
            place = marker_place(extracted, lines, index, match.group("n"))
            if place is not None:
                notes.append(Footnote(int(match.group("n")), match.group("text"), place, (index,)))
        elif notes and notes[-1].lines[-1] == index - 1:  # the note goes on
            last = notes[-1]
            notes[-1] = replace(last, text=f"{last.text} {text}", lines=(*last.lines, index))
    return notes


def marker_place(
    extracted: list[ExtractedLine], lines: list[DocumentLine], note: int, number: str
) -> int | None:
    """The last content line before the note, on its page, that carried the marker."""
    page = lines[note].page
    for index in range(note - 1, -1, -1):
        if lines[index].page != page:
            return None
        if lines[index].kind is LineKind.CONTENT and number in extracted[index].markers:
            return index
    return None


def pages(lines: list[DocumentLine]) -> list[tuple[int, int]]:
    """Spans of lines between page furniture (or the file's edges)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for index, line in enumerate(lines):
        if line.kind.is_furniture:
            if index > start:
                spans.append((start, index))
            start = index + 1
    if start < len(lines):
        spans.append((start, len(lines)))
    return spans


def page_notes(lines: list[DocumentLine], start: int, end: int) -> list[Footnote]:
    """The notes at the bottom of one page, each with its marker above them."""
    filled = [i for i in range(start, end) if lines[i].kind is LineKind.CONTENT]
    tail = filled[-NOTE_LINES:]
    first = next((i for i in tail if NOTE_START.match(lines[i].text)), None)
    if first is None:
        return []
    starts = [i for i in filled if i >= first and NOTE_START.match(lines[i].text)]
    notes: list[Footnote] = []
    for position, index in enumerate(starts):
        match = NOTE_START.match(lines[index].text)
        assert match is not None
        stop = starts[position + 1] if position + 1 < len(starts) else end
        parts = [i for i in filled if index <= i < stop]
        notes.append(
            Footnote(
                number=int(match.group("n")),
                text=" ".join(lines[i].text for i in parts)[len(match.group("n")) + 1 :],
                marker_line=-1,
                lines=tuple(parts),
            )
        )
    return paired(lines, notes, start, first)


def inline_notes(
    lines: list[DocumentLine], start: int, end: int, taken: set[int]
) -> list[Footnote]:
    """A note on its own between blank lines inside a page: where a page break fell without
    any furniture, the note stands between the two halves of the text."""
    notes: list[Footnote] = []
    for block in blocks(lines, start, end):
        match = NOTE_START.match(lines[block[0]].text)
        if match is None or taken & set(block) or len(block) > NOTE_BLOCK_LINES:
            continue
        text = " ".join(lines[i].text for i in block)[len(match.group("n")) + 1 :]
        note = Footnote(int(match.group("n")), text, -1, tuple(block))
        notes += paired(lines, [note], start, block[0])
    return notes


def blocks(lines: list[DocumentLine], start: int, end: int) -> list[list[int]]:
    """Runs of content lines between blank lines."""
    runs: list[list[int]] = [[]]
    for index in range(start, end):
        if lines[index].kind is LineKind.CONTENT:
            runs[-1].append(index)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def paired(
    lines: list[DocumentLine], notes: list[Footnote], start: int, first: int
) -> list[Footnote]:
    """The notes whose marker stands in the page's text above them; numbers run on, and a
    note without its marker makes none of that page's lines a note."""
    numbers = [note.number for note in notes]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return []
    result: list[Footnote] = []
    for note in notes:
        place = next(
            (
                i
                for i in range(start, first)
                if lines[i].kind is LineKind.CONTENT and marker(note.number).search(lines[i].text)
            ),
            None,
        )
        if place is None:
            return []
        result.append(replace(note, marker_line=place))
    rule = previous_content(lines, first, start)
    if rule is not None and RULE.match(lines[rule].text):
        result[0] = replace(result[0], lines=(rule, *result[0].lines))
    return result


def previous_content(lines: list[DocumentLine], index: int, start: int) -> int | None:
    return next(
        (i for i in range(index - 1, start - 1, -1) if lines[i].kind is LineKind.CONTENT), None
    )

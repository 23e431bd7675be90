"""The footnotes of the minutes in the typed model: each note with what it annotates.

The document layer (mapping/document/footnotes.py, read_pdf.py) finds a note and the line
whose word carried its marker. Here the note gets its owner: the smallest published part of
the minutes whose line range holds the marker line — a bullet, a paragraph, a protocol
declaration, a resolution (its title, vote or applicant line), an agenda item, a
participation. Where no published part holds it (the title block, a delegation heading, the
contents), the note annotates the minutes document itself.
"""

from __future__ import annotations

from collections.abc import Iterator

from mapping.document.footnotes import RULE
from mapping.document.model import Document
from mapping.document.model import Footnote as Note
from mapping.model import Annotated, Footnote, LineRange, Minutes

MINUTES = Annotated("minutes")


def minutes_footnotes(document: Document, minutes: Minutes) -> tuple[Footnote, ...]:
    """The document's notes in the order of their markers, each with its owner."""
    owners = list(candidates(minutes))
    seen: dict[int, int] = {}
    found: list[Footnote] = []
    for note in sorted(document.footnotes, key=lambda n: (n.marker_line, n.number)):
        seen[note.number] = seen.get(note.number, 0) + 1
        marker = document.lines[note.marker_line].number
        found.append(
            Footnote(
                number=note.number,
                text=note.text,
                lines=note_lines(document, note),
                marker_line=marker,
                annotates=owner(owners, marker),
                occurrence=seen[note.number],
            )
        )
    return tuple(found)


def note_lines(document: Document, note: Note) -> LineRange:
    """The lines that carry the note's text (a rule of underscores above it left out)."""
    numbers = [
        document.lines[index].number
        for index in note.lines
        if not RULE.match(document.lines[index].text)
    ]
    return LineRange(min(numbers), max(numbers))


def owner(owners: list[tuple[LineRange, Annotated]], line: int) -> Annotated:
    """The smallest part whose range holds the line; the minutes when none does."""
    holding = [(r.last - r.first, place) for r, place in owners if r.first <= line <= r.last]
    return min(holding, key=lambda pair: pair[0])[1] if holding else MINUTES


def candidates(minutes: Minutes) -> Iterator[tuple[LineRange, Annotated]]:
    """Every published part with the lines it was read from; smaller parts come first, so
    that of two equal ranges the finer part wins."""
    for resolution in minutes.resolutions:
        top = resolution.top
        for paragraph in resolution.paragraphs:
            for bullet in paragraph.bullets:
                yield bullet.lines, Annotated("bullet", top, paragraph.position, bullet.position)
            yield paragraph.lines, Annotated("paragraph", top, paragraph.position)
        for declaration in resolution.declarations:
            yield declaration.lines, Annotated("declaration", top, declaration.position)
        yield resolution.lines, Annotated("resolution", top)
    for item in minutes.agenda:
        yield item.lines, Annotated("item", item.top)
    for delegation in minutes.delegations:
        for person in delegation.persons:
            yield person.lines, Annotated("participation", person=person.name)

"""Every line accounted for: what became of each line of a document.

A line is blank, page furniture (which kind), a footnote, or claimed by the facts the
grammar read from it: the typed model (mapping/model.py) locates every fact by a range of
lines, and the grammar adds the lines that only structure the document (headings, a
table's header row, a legend). A content line nothing claims was dropped; two facts whose
ranges overlap without one containing the other claim a line twice. Both are errors that
name the line and its text.
"""

from __future__ import annotations

from dataclasses import dataclass

from mapping.document.model import Document, DocumentLine, LineKind


@dataclass(frozen=True)
class Claim:
    """Lines first to last (1-based, inclusive) and what claims them ("AgendaItem top=4.1")."""

    label: str
    first: int
    last: int

    @property
    def size(self) -> int:
        return self.last - self.first + 1

    def contains(self, other: Claim) -> bool:
        return self.first <= other.first and other.last <= self.last


@dataclass(frozen=True)
class Entry:
    """One line and what became of it."""

    line: DocumentLine
    what: str  # "blank", "page number", …, or the label of the claim that took it


@dataclass(frozen=True)
class Problem:
    line: DocumentLine
    problem: str


def line_map(document: Document, claims: list[Claim]) -> tuple[list[Entry], list[Problem]]:
    """What became of each line, and the lines nothing claims or two facts claim."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    by_line = claims_by_line(claims, len(document.lines))
    for line in document.lines:
        if line.kind is not LineKind.CONTENT:
            entries.append(Entry(line, line.kind.value))
            continue
        covering = by_line.get(line.number, [])
        if not covering:
            entries.append(Entry(line, "UNCLAIMED"))
            problems.append(Problem(line, "no fact of the minutes was read from this line"))
            continue
        clash = overlapping(covering)
        if clash is not None:
            problems.append(
                Problem(line, f"claimed twice: by {clash[0].label} and by {clash[1].label}")
            )
        entries.append(Entry(line, min(covering, key=lambda claim: claim.size).label))
    return entries, problems


def claims_by_line(claims: list[Claim], line_count: int) -> dict[int, list[Claim]]:
    """The claims covering each line, in the order of `claims`."""
    by_line: dict[int, list[Claim]] = {}
    for claim in claims:
        for number in range(max(claim.first, 1), min(claim.last, line_count) + 1):
            by_line.setdefault(number, []).append(claim)
    return by_line


def overlapping(claims: list[Claim]) -> tuple[Claim, Claim] | None:
    """Two claims on one line of which neither contains the other."""
    for index, first in enumerate(claims):
        for second in claims[index + 1 :]:
            if not first.contains(second) and not second.contains(first):
                return first, second
    return None


def normalisations(line: DocumentLine) -> str:
    return ", ".join(f"{change.kind} ×{change.count}" for change in line.normalisations)


def render(document: Document, entries: list[Entry]) -> str:
    """The map as `intmk explain` prints it: line, page, what became of it, the text."""
    rows = []
    for entry in entries:
        line = entry.line
        page = f"p.{line.page}" if line.page is not None else ""
        changed = f"  [{normalisations(line)}]" if line.normalisations else ""
        rows.append(f"{line.number:>5} {page:>5}  {entry.what[:48]:<48}  {line.text[:90]}{changed}")
    return "\n".join(rows) + "\n"

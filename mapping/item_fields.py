"""The header fields of an item: "Antragsteller:", "Veröffentlichung:", "Abstimmungsergebnis:",
"Beschluss:".

Some years print these fields instead of the sentence "Die IntMK hat … beschlossen:".
A field the parser does not know, or a value it cannot read, is a SourceError.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from mapping.applicants import parse_applicants
from mapping.errors import SourceError
from mapping.laender import ALL_LAENDER, LIST_SEPARATOR, land_by_name
from mapping.model import ApplicantList, LineRange, Release, Vote
from mapping.source import Block, Line
from mapping.text import join_lines
from mapping.votes import parse_vote_phrase, vote_of

APPLICANTS = "Antragsteller"
RELEASE = "Veröffentlichung"
VOTE = "Abstimmungsergebnis"
DECISION = "Beschluss"
FIELD = re.compile(
    r"^(?P<name>Antragsteller(?:in|innen)?|Antrag|Veröffentlichung|Abstimmungsergebnis|Beschluss)"
    r"\s*:\s*(?P<value>.*)$"
)
# a single word and a colon at the start of a line: a header field
ANY_FIELD = re.compile(r"^(?P<name>[A-ZÄÖÜ][\w-]*)\s*:(?:\s|$)")
RELEASED = re.compile(r"^(?:Freigabe(?: Beschluss)?|freigegeben|zur Veröffentlichung freigegeben)$")
NOT_RELEASED = re.compile(
    r"^(?:keine Freigabe|nicht freigegeben|keine Veröffentlichung|nicht zur Veröffentlichung)$"
)


WRAP_END = re.compile(r"(?:[,;–-]|\b(?:und|sowie|oder|mit|an|der|des|die|den|dem|zur|zum))$")


def is_field_line(line: Line) -> bool:
    """Whether a line starts a known header field ('Antragsteller: …', 'Beschluss:')."""
    return FIELD.match(line.plain) is not None


def is_decision(line: Line) -> bool:
    """Whether a line is the 'Beschluss:' field, after which the resolution text follows."""
    match = FIELD.match(line.plain)
    return match is not None and match.group("name") == DECISION


def field_end(lines: list[Line], start: int) -> int:
    """Without blank lines: the index after the fields starting at `start` and the lines
    that continue them (a wrapped list of Länder, a line after a comma or in lower case).
    'Beschluss:' is not taken: the text starts with it."""
    index, name = start, ""
    while index < len(lines) and not is_decision(lines[index]):
        match = FIELD.match(lines[index].plain)
        if match is not None:
            name = canonical(match.group("name"))
        elif not continues_field(name, lines[index - 1].plain, lines[index].plain):
            break
        index += 1
    return index


def continues_field(name: str, previous: str, text: str) -> bool:
    """Whether a line without a field name continues the value of the field before it."""
    if WRAP_END.search(previous.rstrip()) or text[:1].islower():
        return True
    return name == APPLICANTS and is_land_list(text)


def is_land_list(text: str) -> bool:
    """Whether a line is a list of Land names ('Schleswig-Holstein, Thüringen')."""
    parts = [part for part in LIST_SEPARATOR.split(text.strip().rstrip(".")) if part]
    known = (
        land_by_name(part.removesuffix("(koordinierend)").strip()) or part == ALL_LAENDER
        for part in parts
    )
    return bool(parts) and all(known)


@dataclass
class Field:
    name: str
    lines: list[Line] = field(default_factory=list)

    @property
    def value(self) -> str:
        first = FIELD.match(self.lines[0].plain)
        assert first is not None
        return join_lines([first.group("value"), *(line.plain for line in self.lines[1:])])

    @property
    def range(self) -> LineRange:
        return LineRange(self.lines[0].number, self.lines[-1].last)


@dataclass(frozen=True)
class ItemFields:
    """What the header fields say, and the blocks after them (the resolution text)."""

    applicants: ApplicantList | None
    release: Release | None
    vote: Vote | None
    rest: list[Block]


def take_fields(blocks: list[Block], path: Path, lenient: bool = False) -> ItemFields:
    """Read the fields at the start of `blocks`; the text after "Beschluss:" is the rest."""
    fields, rest = collect_fields(blocks, path)
    found = {canonical(f.name): f for f in fields}
    applicants = found.get(APPLICANTS)
    release = found.get(RELEASE)
    vote = found.get(VOTE)
    return ItemFields(
        applicants=(
            parse_applicants(applicants.value, applicants.range, path) if applicants else None
        ),
        release=read_release(release, path) if release else None,
        vote=read_vote(vote, path, lenient) if vote else None,
        rest=rest,
    )


def collect_fields(blocks: list[Block], path: Path) -> tuple[list[Field], list[Block]]:
    """Fields start a line; a field's value may wrap onto the following lines of its block."""
    fields: list[Field] = []
    for index, block in enumerate(blocks):
        for offset, line in enumerate(block.lines):
            match = FIELD.match(line.plain)
            if match is None and offset == 0:
                check_unknown(line, path)
                return fields, blocks[index:]
            if match is None:
                check_unknown(line, path)
                fields[-1].lines.append(line)
                continue
            if match.group("name") == DECISION:
                return fields, decision_text(
                    match.group("value"), line, block, offset, blocks[index + 1 :]
                )
            fields.append(Field(match.group("name"), [line]))
    return fields, []


def decision_text(
    value: str, line: Line, block: Block, offset: int, following: list[Block]
) -> list[Block]:
    """The blocks of the text after "Beschluss:" (which may begin on the same line)."""
    head = [Line(line.number, value, through=line.through)] if value.strip() else []
    lines = (*head, *block.lines[offset + 1 :])
    return ([Block(tuple(lines))] if lines else []) + following


def check_unknown(line: Line, path: Path) -> None:
    match = ANY_FIELD.match(line.plain)
    if match and not FIELD.match(line.plain):
        raise SourceError(
            path,
            line.number,
            f"unknown item field '{match.group('name')}:'",
            "'Antragsteller:', 'Antrag:', 'Veröffentlichung:', 'Abstimmungsergebnis:' "
            "or 'Beschluss:'",
        )


def canonical(name: str) -> str:
    return APPLICANTS if name.startswith("Antrag") else name


def read_release(release: Field, path: Path) -> Release:
    value = " ".join(release.value.split()).rstrip(".")
    if RELEASED.match(value):
        return Release(True, value, release.range)
    if NOT_RELEASED.match(value):
        return Release(False, value, release.range)
    raise SourceError(
        path,
        release.range.first,
        f"release status '{value}'",
        "'Freigabe Beschluss', 'Freigabe', 'keine Freigabe' or 'nicht freigegeben'",
    )


def read_vote(vote: Field, path: Path, lenient: bool = False) -> Vote:
    """The "Abstimmungsergebnis:" field: a vote phrase or an outcome ("vertagt")."""
    phrase = " ".join(vote.value.split())
    reading = parse_vote_phrase(vote.value, path, vote.range.first, lenient)
    return vote_of(reading, f"{VOTE}: {phrase}", vote.range, phrase=phrase)

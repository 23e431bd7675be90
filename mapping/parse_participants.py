"""The list of participants: one delegation per Land (ministry and persons), then the guests."""

from __future__ import annotations

import re
from pathlib import Path

from mapping.errors import SourceError
from mapping.laender import land_by_name
from mapping.model import Delegation, LineRange, Person
from mapping.source import Block

LIST_HEADING = re.compile(r"^(?:Liste der Teilnehmenden|Teilnehmende|Teilnehmerliste|Teilnehmer)$")
GUESTS_HEADING = "Gäste"
ROLES = (
    "Parlamentarische Staatssekretärin",
    "Parlamentarischer Staatssekretär",
    "Staatssekretärin",
    "Staatssekretär",
    "Staatsministerin",
    "Staatsminister",
    "Ministerin",
    "Minister",
    "Senatorin",
    "Senator",
    "Staatsrätin",
    "Staatsrat",
    "Vizepräsidentin",
    "Vizepräsident",
    "Präsidentin",
    "Präsident",
    "Bürgermeisterin",
    "Bürgermeister",
    "Ministerialdirektorin",
    "Ministerialdirektor",
    "Abteilungsleiterin",
    "Abteilungsleiter",
)
PERSON = re.compile(
    r"^(?:(?P<address>Frau|Herr)\s+)?"
    rf"(?:(?P<role>{'|'.join(ROLES)})\s+)?"
    r"(?P<honorific>(?:Prof\.\s*)?(?:Dr\.\s*)?(?:h\.\s*c\.\s*)?)"
    r"(?P<name>[^()]+?)"
    r"(?P<chair>\s*\(Vorsitz\))?$"
)
ORGANISATION_WORDS = re.compile(
    r"Geschäftsstelle|Ministerium|Bundes|Beauftragt|Amt\b|amt\b|Agentur|Behörde|Senat|Kanzlei"
)
WRAP_WORDS = ("in", "für", "und", "der", "des", "die", "von", "gegen", "sowie")


def parse_participants(blocks: list[Block], path: Path) -> tuple[Delegation, ...]:
    """Read the delegations from the blocks between the list heading and the first TOP."""
    delegations: list[Delegation] = []
    index = 0
    guests = False
    while index < len(blocks):
        block = blocks[index]
        text = block.texts[0]
        if LIST_HEADING.match(text):
            index += 1
        elif text == GUESTS_HEADING and len(block.lines) == 1:
            guests = True
            index += 1
        elif guests:
            delegation, index = read_guest_group(blocks, index, path)
            delegations.append(delegation)
        else:
            delegation, index = read_land_delegation(blocks, index, path)
            delegations.append(delegation)
    return tuple(delegations)


def read_land_delegation(blocks: list[Block], index: int, path: Path) -> tuple[Delegation, int]:
    """Land name, ministry, persons."""
    name_block = blocks[index]
    land = land_by_name(" ".join(name_block.texts))
    if land is None:
        raise SourceError(
            path,
            name_block.first,
            f"'{name_block.texts[0]}' in the participant list",
            "the name of a Land, 'Gäste', or a TOP heading",
        )
    if index + 2 >= len(blocks):
        raise SourceError(
            path,
            name_block.first,
            f"the delegation of {land.name_de} ends early",
            "a ministry line and a list of persons",
        )
    ministry = blocks[index + 1]
    persons_block = blocks[index + 2]
    persons, extra = read_persons(persons_block, path)
    delegation = Delegation(
        land=land.code,
        organisations=(" ".join(ministry.texts),),
        parent_note=None,
        persons=persons,
        extra_organisations=extra,
        lines=LineRange(name_block.first, persons_block.last),
    )
    return delegation, index + 3


def read_guest_group(blocks: list[Block], index: int, path: Path) -> tuple[Delegation, int]:
    """One or more organisation lines (with a parent in brackets), then persons."""
    org_block = blocks[index]
    names, parent = organisation_names(org_block.texts)
    persons: tuple[Person, ...] = ()
    last = org_block.last
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if following is not None and is_person_line(following.texts[0]):
        persons, _ = read_persons(following, path)
        last = following.last
        index += 1
    delegation = Delegation(None, names, parent, persons, (), LineRange(org_block.first, last))
    return delegation, index + 1


def organisation_names(lines: list[str]) -> tuple[tuple[str, ...], str | None]:
    """Join wrapped organisation names; a line in brackets names the parent organisation."""
    names: list[str] = []
    parent = None
    for line in lines:
        if line.startswith("(") and line.endswith(")"):
            parent = line[1:-1]
        elif names and (line[:1].islower() or names[-1].rsplit(" ", 1)[-1] in WRAP_WORDS):
            names[-1] = f"{names[-1]} {line}"
        else:
            names.append(line)
    return tuple(names), parent


def is_person_line(line: str) -> bool:
    """Whether a line names a person (form of address or role first)."""
    return bool(re.match(rf"^(?:Frau|Herr|{'|'.join(ROLES)})\s", line))


def read_persons(block: Block, path: Path) -> tuple[tuple[Person, ...], tuple[str, ...]]:
    """The persons of a block; lines naming an organisation are returned apart."""
    persons: list[Person] = []
    organisations: list[str] = []
    for line in block.lines:
        text = line.plain
        if ORGANISATION_WORDS.search(text) and not is_person_line(text):
            organisations.append(text)
            continue
        match = PERSON.match(text)
        if match is None:  # the name accepts any text without brackets
            raise SourceError(
                path,
                line.number,
                f"a person line with a remark in brackets: {text!r}",
                "a name, optionally followed by '(Vorsitz)'",
            )
        persons.append(
            Person(
                name=match.group("name").strip(),
                form_of_address=match.group("address"),
                honorific=match.group("honorific").strip() or None,
                role_title=match.group("role"),
                is_chair=match.group("chair") is not None,
                position=len(persons) + 1,
                lines=LineRange(line.number, line.number),
            )
        )
    return tuple(persons), tuple(organisations)

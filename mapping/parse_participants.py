"""The list of participants: one delegation per Land (ministry and persons), then the guests.

The list is read line by line, each line by its content: a Land name starts a delegation,
a line with a form of address or a role first ("Frau …", "Herr …", "Ministerin …") names a
person, "Gäste" starts the guests, any other line names an organisation. Blank lines are
hints only (some PDF text extractors emit none), and a page break inside a delegation does
not end it: the persons after it stay in that delegation, their positions continuing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from mapping.errors import SourceError
from mapping.laender import BY_CODE, land_by_name
from mapping.model import Delegation, LineRange, Person
from mapping.roles import read_head, starts_with_role
from mapping.source import Block, Line
from mapping.text import join_lines

LIST_HEADING = re.compile(r"^(?:Liste der Teilnehmenden|Teilnehmende|Teilnehmerliste|Teilnehmer)$")
GUESTS_HEADING = "Gäste"
# a form of address, then a word ("Senatorin für Soziales" is a ministry, no person)
ADDRESSED = re.compile(r"^(?:Frau|Herr)\s+\S")
# the remark naming the chair of the conference, and the chair of its Vorkonferenz
CHAIR = re.compile(r"^Vorsitz(?:ende[rn]?)?(?:\s+(?:der\s+)?(?:IntMK|Hauptkonferenz))?$")
PRELIMINARY_CHAIR = re.compile(r"^Vorsitz(?:ende[rn]?)?\s+(?:der\s+|in\s+der\s+)?Vorkonferenz$")
# a label heading the chair persons: "Vorsitz:" on a line of its own (the run of persons
# after it, up to a blank line), or "Vorsitz der Vorkonferenz: Frau …" on the person's line
CHAIR_LABEL = re.compile(r"^(?P<label>Vorsitz[\w ]{0,40}?)\s*:\s*(?P<rest>.*)$")
# a name holds a word of letters that is not an abbreviation ("Dr." alone is no name)
NAME = re.compile(r"[^\W\d_]{2,}(?![.\w])")
# a name without form of address: capitalised words, name particles, at least two words
NAME_WORD = r"(?:[A-ZÄÖÜ][\w'’-]*\.?|von|van|vom|de|der|den|zu|zum|zur|du|da|di|le|la|ter|ten)"
BARE_NAME = re.compile(rf"^{NAME_WORD}(?:\s+{NAME_WORD})+$")
ORGANISATION_WORDS = re.compile(
    r"Geschäftsstelle|Ministerium|Bundes|Beauftragt|Amt\b|amt\b|Agentur|Behörde|Senat|Kanzlei"
)
# words that make a line without form of address an organisation, never a bare name
NOT_A_NAME = re.compile(
    r"[Tt]ag$|[Rr]at\b|\bDeutsche[rs]?\b|[Vv]erband|[Bb]und\b|Stiftung|Institut|Zentrum"
    r"|Kommission|[Kk]onferenz|[Ss]telle\b|[Kk]ammer|[Gg]ruppe|IntMK|\d"
)
PARENT = re.compile(r"^\((?P<parent>[^()]+)\)$")
WRAP_WORDS = ("in", "für", "und", "der", "des", "die", "von", "gegen", "sowie")
EXPECTED_ROLE = (
    "a role title by its form ('Staatssekretärin', 'Leitender Ministerialrat', "
    "'Referatsleiterin', 'MinDirig', 'StS'), then academic titles ('Dr.', 'Prof. Dr.'), "
    "then the name"
)
LABELLED = (
    "a 'Vorsitz:' label followed by the chair person on its line ('Vorsitz: Herr Minister "
    "Kai Klose') or by person lines after it"
)
EXPECTED_PERSON = (
    "a person: 'Frau' or 'Herr', a role or a title, the name, then remarks in brackets "
    "('(Vorsitz)', '(ab TOP 5)'); an organisation of the delegation; the next Land; or 'Gäste'"
)


@dataclass(frozen=True)
class ListLine:
    """A line of the list, and whether a blank line or a page break stands before it."""

    line: Line
    after_gap: bool

    @property
    def text(self) -> str:
        return self.line.plain


@dataclass
class ChairLabel:
    """A "Vorsitz:" label line: which chair it names, its line, how many persons it marked."""

    preliminary: bool
    line: int
    marked: int = 0


@dataclass
class Group:
    """A delegation being read: its Land (None for guests), organisation lines, persons."""

    land: str | None
    first: int
    organisation_lines: list[str] = field(default_factory=list)
    parent: str | None = None
    persons: list[Person] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    last: int = 0
    label: ChairLabel | None = None  # a "Vorsitz:" line heading the persons after it

    def add_person(self, line: Line, path: Path, text: str | None = None) -> None:
        self.persons.append(read_person(line, len(self.persons) + 1, path, text))
        self.last = line.last

    def mark_last_person(self, label: ChairLabel) -> None:
        """The person just read is a chair (of the conference or of its Vorkonferenz)."""
        person = self.persons[-1]
        if label.preliminary:
            self.persons[-1] = replace(person, preliminary_chair=True)
        else:
            self.persons[-1] = replace(person, is_chair=True)
        label.marked += 1

    def delegation(self) -> Delegation:
        if self.land is None:
            names, _ = organisation_names(self.organisation_lines)
        else:
            names = (join_lines(self.organisation_lines),)
        persons, extra = tuple(self.persons), tuple(self.extra)
        return Delegation(
            self.land, names, self.parent, persons, extra, LineRange(self.first, self.last)
        )


def parse_participants(
    blocks: list[Block], path: Path, lenient: bool = False
) -> tuple[Delegation, ...]:
    """Read the delegations from the blocks between the list heading and the first TOP.

    A role the grammar cannot read is a SourceError naming its line; with `lenient` the
    person is kept with the wording of the role (a data-quality finding), never with it in
    the name."""
    groups: list[Group] = []
    guests = False
    for item in list_lines(blocks):
        text = item.text
        if LIST_HEADING.match(text):
            continue
        if text == GUESTS_HEADING:
            guests = True
            continue
        land = None if guests else land_by_name(text)
        if land is not None:
            groups.append(Group(land.code, item.line.number, last=item.line.last))
        elif not groups or (guests and groups[-1].land is not None):
            groups.append(first_group(item, guests, path))
        elif starts_guest_group(groups[-1], item):
            groups.append(Group(None, item.line.number))
            read_line(groups[-1], item, path)
        else:
            read_line(groups[-1], item, path)
    for group in groups:
        check_complete(group, path)
    delegations = tuple(group.delegation() for group in groups)
    if not lenient:
        check_roles(delegations, path)
    check_chairs(delegations, path)
    return delegations


def check_roles(delegations: tuple[Delegation, ...], path: Path) -> None:
    """Without `lenient`, a role the grammar cannot read stops the build at its line."""
    for person in (p for d in delegations for p in d.persons if p.unread_role):
        raise SourceError(
            path,
            person.lines.first,
            f"a role title the grammar cannot read: {person.unread_role!r} before the name "
            f"{person.name!r}",
            f"{EXPECTED_ROLE}; `intmk build --lenient` publishes it with its wording",
        )


def check_chairs(delegations: tuple[Delegation, ...], path: Path) -> None:
    """Several persons may chair (a minister and an official), all of one Land: chairs of
    two Länder are an error naming the line of the first chair of the second Land."""
    lands: list[str] = []
    for delegation in delegations:
        chairs = [p for p in delegation.persons if p.is_chair]
        if not chairs or delegation.land is None or delegation.land in lands:
            continue
        lands.append(delegation.land)
        if len(lands) > 1:
            raise SourceError(
                path,
                chairs[0].lines.first,
                f"a chair of a second Land ({' and '.join(lands)}) in the participant list",
                "the chair persons of one Land ('(Vorsitz)'); the chair of the Vorkonferenz "
                "as '(Vorsitz Vorkonferenz)'",
            )


def list_lines(blocks: list[Block]) -> list[ListLine]:
    """The lines of the blocks, each marked whether a gap stands before it."""
    return [
        ListLine(line, index == 0 and number > 0)
        for number, block in enumerate(blocks)
        for index, line in enumerate(block.lines)
    ]


def first_group(item: ListLine, guests: bool, path: Path) -> Group:
    """The first group of the Länder (a Land name must start it) or of the guests."""
    if not guests:
        raise SourceError(
            path,
            item.line.number,
            f"'{item.text}' in the participant list",
            "the name of a Land, 'Gäste', or a TOP heading",
        )
    group = Group(None, item.line.number)
    read_line(group, item, path)
    return group


def starts_guest_group(group: Group, item: ListLine) -> bool:
    """Among the guests, a new block after an organisation without persons, or a line after
    persons that names no person, starts the next group."""
    text = item.text
    if group.land is not None or is_person_line(text) or PARENT.match(text):
        return False
    if group.persons:
        return not is_bare_name(text)
    return item.after_gap and bool(group.organisation_lines)


def read_line(group: Group, item: ListLine, path: Path) -> None:
    """One line of a delegation: an organisation line before the persons, else a person."""
    line, text = item.line, item.text
    label = chair_label(text, line.number)
    if label is not None:
        read_label(group, item, label, path)
        return
    if group.label is not None and not continues_label(group, item, path):
        return
    if group.land is not None and not group.organisation_lines:
        read_organisation_line(group, line, path)  # a Land's first line names its ministry
    elif not group.persons and not is_person_line(text) and not starts_persons(group, item):
        read_organisation_line(group, line, path)
    elif is_person_line(text) or is_bare_name(text):
        group.add_person(line, path)
    elif group.land is not None and ORGANISATION_WORDS.search(text):
        group.extra.append(text)
        group.last = line.last
    else:
        raise SourceError(path, line.number, f"'{text}' in the participant list", EXPECTED_PERSON)


def chair_label(text: str, number: int) -> ChairLabel | None:
    """A "Vorsitz:" label at the start of a line, or None."""
    match = CHAIR_LABEL.match(text)
    if match is None:
        return None
    label = match.group("label")
    if CHAIR.match(label):
        return ChairLabel(False, number)
    if PRELIMINARY_CHAIR.match(label):
        return ChairLabel(True, number)
    return None


def read_label(group: Group, item: ListLine, label: ChairLabel, path: Path) -> None:
    """A label alone heads the persons after it; a label before a person marks that one."""
    check_label_done(group, path)
    rest = CHAIR_LABEL.match(item.text)
    person = rest.group("rest") if rest else ""
    if not person:
        group.label = label
        group.last = item.line.last
        return
    if not names_a_person(person):
        raise SourceError(
            path, item.line.number, f"'{item.text}' in the participant list", LABELLED
        )
    group.add_person(item.line, path, person)
    group.mark_last_person(label)


def continues_label(group: Group, item: ListLine, path: Path) -> bool:
    """Under a label, a person line of the run after it is marked (and read here: False);
    a blank line after marked persons or any other line ends the label (True: read on)."""
    label = group.label
    assert label is not None
    person = names_a_person(item.text)
    if person and not (label.marked and item.after_gap):
        group.add_person(item.line, path)
        group.mark_last_person(label)
        return False
    check_label_done(group, path)
    return True


def names_a_person(text: str) -> bool:
    """Whether the text after a label names a person: a person line, or a bare name that
    is no Land ("Vorsitz: Freistaat Bayern" names the chair's Land, not a person)."""
    return is_person_line(text) or (is_bare_name(text) and land_by_name(text) is None)


def check_label_done(group: Group, path: Path) -> None:
    """A label that marked no person is an error naming its line; else it is closed."""
    label, group.label = group.label, None
    if label is not None and not label.marked:
        raise SourceError(path, label.line, "'Vorsitz:' in the participant list", LABELLED)


def starts_persons(group: Group, item: ListLine) -> bool:
    """In a Land delegation, the block after the ministry holds the persons."""
    return group.land is not None and bool(group.organisation_lines) and item.after_gap


def read_organisation_line(group: Group, line: Line, path: Path) -> None:
    text = line.plain
    parent = PARENT.match(text)
    if parent and group.land is None and group.organisation_lines:
        group.parent = parent.group("parent")
    elif text.count("(") != text.count(")"):
        raise SourceError(
            path, line.number, f"unbalanced bracket in '{text}'", "an organisation name"
        )
    else:
        group.organisation_lines.append(text)
    group.last = line.last


def check_complete(group: Group, path: Path) -> None:
    """A Land delegation names its ministry and at least one person."""
    check_label_done(group, path)
    if group.land is None or (group.organisation_lines and group.persons):
        return
    raise SourceError(
        path,
        group.first,
        f"the delegation of {BY_CODE[group.land].name_de} ends early",
        "a ministry line and a list of persons",
    )


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
    return bool(ADDRESSED.match(line)) or starts_with_role(line)


def is_bare_name(line: str) -> bool:
    """Whether a line is a name alone ('Wiebke Freya Ludwig'), remarks in brackets aside."""
    head, _ = split_remarks(line)
    if head is None or ORGANISATION_WORDS.search(head) or NOT_A_NAME.search(head):
        return False
    return bool(BARE_NAME.match(head))


def read_person(line: Line, position: int, path: Path, text: str | None = None) -> Person:
    """A person line (or its `text` after a label): form of address, role, academic title,
    name, then remarks in brackets."""
    text = line.plain if text is None else text
    head, remarks = split_remarks(text)
    if head is None or "(" in head or ")" in head:
        raise SourceError(
            path,
            line.number,
            f"a person line with brackets that are not remarks at its end: {text!r}",
            EXPECTED_PERSON,
        )
    fields = read_head(head)
    if not NAME.search(fields.name):
        raise SourceError(
            path, line.number, f"a person line without a name: {text!r}", EXPECTED_PERSON
        )
    chair = [remark for remark in remarks if CHAIR.match(remark)]
    preliminary = [remark for remark in remarks if PRELIMINARY_CHAIR.match(remark)]
    notes = [remark for remark in remarks if remark not in chair and remark not in preliminary]
    return Person(
        name=fields.name,
        form_of_address=fields.form_of_address,
        honorific=fields.academic_title,
        role_title=fields.role_title,
        is_chair=bool(chair),
        position=position,
        lines=LineRange(line.number, line.last),
        remark="; ".join(notes) or None,
        preliminary_chair=bool(preliminary),
        unread_role=fields.unread_role,
    )


def split_remarks(text: str) -> tuple[str | None, list[str]]:
    """The text before the remarks in brackets at its end, and the remarks in order.

    'Herr Kai Klose (Vorsitz) (ab TOP 5)' gives ('Herr Kai Klose', ['Vorsitz', 'ab TOP 5']);
    a remark may hold brackets itself ('(ab TOP 5 (nachmittags))'). Unbalanced brackets
    give None."""
    remarks: list[str] = []
    rest = text.rstrip()
    while rest.endswith(")"):
        start = opening_bracket(rest)
        if start is None:
            return None, []
        remarks.insert(0, " ".join(rest[start + 1 : -1].split()))
        rest = rest[:start].rstrip()
    if rest.count("(") != rest.count(")"):
        return None, []
    return rest, remarks


def opening_bracket(text: str) -> int | None:
    """The index of the bracket that opens the one closing the text, or None."""
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[index], 0)
        if depth == 0:
            return index
    return None

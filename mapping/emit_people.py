"""What the participant list says of a person's role this year beyond the role title as
printed: the office it names (`intmk:heldOffice`, a concept of the scheme `id/office`,
mapping/offices.py) or, when the scheme does not know the title, a data-quality finding
`unresolved-office`; the chair of the Vorkonferenz (`intmk:preliminaryChairPerson`,
`intmk:isPreliminaryChair`); and a role the grammar cannot read (`--lenient`): its wording
as `intmk:unreadRoleTitle` on the participation and a finding `unresolved-role` that names
its line. The wording is never part of the name, and no office is guessed from it.
A guest organisation printed under a name it did not bear on the meeting day gives its
guests' participations `intmk:nameOutsidePeriod` and a finding `name-outside-period`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from mapping.emit_addressees import describe_name_of_the_day
from mapping.emit_amounts import line_words
from mapping.model import Delegation, Person
from mapping.name_periods import NameOutsidePeriod, meeting_day, name_outside_period, period
from mapping.offices import office_of
from mapping.organisations import organisation_by_name

if TYPE_CHECKING:
    from mapping.emit import MinutesEmitter


def emit_person_roles(
    emitter: MinutesEmitter, person: Person, person_uri: URIRef, part: URIRef
) -> None:
    """The roles of one participation that the list states beyond title and chair."""
    i = emitter.intmk
    if person.role_title:
        emit_office(emitter, person, part, person.role_title)
    if person.preliminary_chair:
        emitter.add(emitter.conference, i.preliminaryChairPerson, person_uri)
        emitter.add(part, i.isPreliminaryChair, Literal(True))
    if person.unread_role:
        emit_unread_role(emitter, person, part, person.unread_role)


def emit_office(emitter: MinutesEmitter, person: Person, part: URIRef, title: str) -> None:
    """The office the role title names, else a finding that the scheme does not know it."""
    key = office_of(title)
    if key is not None:
        emitter.add(part, emitter.intmk.heldOffice, emitter.concept("office", key))
        return
    line = line_words(person.lines)
    emit_role_finding(
        emitter,
        person,
        part,
        ("unresolved-office", "office-not-known"),
        (
            f"Teilnehmendenliste, {line[0]}: die Amtsbezeichnung „{title}“ von {person.name} "
            "steht nicht im Schema der Ämter; sie ist nur wie gedruckt veröffentlicht.",
            f"List of participants, {line[1]}: the role title “{title}” of {person.name} is "
            "not in the scheme of offices; it is published as printed only.",
        ),
        (f"Amt nicht bekannt ({line[0]})", f"Office not known ({line[1]})"),
    )


def emit_unread_role(emitter: MinutesEmitter, person: Person, part: URIRef, wording: str) -> None:
    emitter.add(part, emitter.intmk.unreadRoleTitle, Literal(wording))
    line = line_words(person.lines)
    emit_role_finding(
        emitter,
        person,
        part,
        ("unresolved-role", "not-read"),
        (
            f"Teilnehmendenliste, {line[0]}: „{wording}“ vor dem Namen {person.name} lässt "
            "sich nicht als Amtsbezeichnung lesen; es ist nur mit seinem Wortlaut "
            "veröffentlicht.",
            f"List of participants, {line[1]}: “{wording}” before the name {person.name} "
            "cannot be read as a role title; it is published with its wording only.",
        ),
        (f"Amtsbezeichnung nicht gelesen ({line[0]})", f"Role title not read ({line[1]})"),
    )


def emit_role_finding(
    emitter: MinutesEmitter,
    person: Person,
    part: URIRef,
    kind: tuple[str, str],
    message: tuple[str, str],
    label: tuple[str, str],
) -> None:
    """A data-quality finding on the participation, naming the person's line; `kind`: the
    finding kind and the end of the finding's IRI (…/finding/role-{line}-{slug})."""
    finding_kind, slug = kind
    finding = emitter.uris.finding(emitter.n, f"role-{person.lines.first}-{slug}")
    emitter.annotate(finding, finding_kind, part)
    emitter.message(finding, *message)
    emitter.label(finding, *label)
    emitter.lines(finding, person.lines)


def emit_guest_names(emitter: MinutesEmitter, delegation: Delegation, names: list[str]) -> None:
    """Each organisation of a guest delegation (`names`: as printed, without abbreviation)
    named by a name of another period: that name on every guest's participation and one
    finding naming the heading's lines."""
    day = meeting_day(emitter.m)
    if day is None:
        return
    for name in names:
        known = organisation_by_name(name)
        outside = name_outside_period(known.key, name, day) if known else None
        if outside is not None:
            emit_guest_name_outside_period(emitter, delegation, outside)


def emit_guest_name_outside_period(
    emitter: MinutesEmitter, delegation: Delegation, outside: NameOutsidePeriod
) -> None:
    i = emitter.intmk
    parts = [emitter.uris.participation(emitter.n, p.name) for p in delegation.persons]
    finding = emitter.uris.finding(
        emitter.n, f"guests-{delegation.lines.first}-name-outside-period-{outside.key}"
    )
    for part in parts:
        for position, _ in outside.names:
            emitter.add(
                part, i.nameOutsidePeriod, emitter.uris.organisation_name(outside.key, position)
            )
        emitter.annotate(finding, "name-outside-period", part)
    line = line_words(delegation.lines)
    periods = ", ".join(period(name) for _, name in outside.names)
    day = outside.day.isoformat()
    then_de, then_en = describe_name_of_the_day(outside)
    emitter.message(
        finding,
        f"Teilnehmendenliste, {line[0]}: die Gäste kamen für „{outside.wording}“, einen Namen "
        f"aus dem Zeitraum {periods}; am Tag der Sitzung ({day}) {then_de} Die Organisation "
        "ist trotzdem aufgelöst; die Seiten zeigen den Namen des Sitzungstags.",
        f"List of participants, {line[1]}: the guests came for “{outside.wording}”, a name of "
        f"the period {periods}; on the day of the meeting ({day}) {then_en} The organisation "
        "is resolved all the same; the pages show the name of the day of the meeting.",
    )
    emitter.label(
        finding,
        f"Gäste: Name außerhalb seines Zeitraums ({line[0]})",
        f"Guests: name used outside its period ({line[1]})",
    )
    emitter.lines(finding, delegation.lines)

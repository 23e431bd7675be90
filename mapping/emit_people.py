"""What the participant list says of a person's role this year beyond the role title: the
chair of the Vorkonferenz (`intmk:preliminaryChairPerson`, `intmk:isPreliminaryChair`),
and a role the grammar cannot read (`--lenient`): its wording as `intmk:unreadRoleTitle`
on the participation and a data-quality finding `unresolved-role` that names its line.
The wording is never part of the name, and no role is guessed from it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from mapping.emit_amounts import line_words
from mapping.model import Person
from mapping.vocabulary import DQV, OA

if TYPE_CHECKING:
    from mapping.emit import MinutesEmitter


def emit_person_roles(
    emitter: MinutesEmitter, person: Person, person_uri: URIRef, part: URIRef
) -> None:
    """The roles of one participation that the list states beyond title and chair."""
    i = emitter.intmk
    if person.preliminary_chair:
        emitter.add(emitter.conference, i.preliminaryChairPerson, person_uri)
        emitter.add(part, i.isPreliminaryChair, Literal(True))
    if person.unread_role:
        emit_unread_role(emitter, person, part, person.unread_role)


def emit_unread_role(emitter: MinutesEmitter, person: Person, part: URIRef, wording: str) -> None:
    i = emitter.intmk
    emitter.add(part, i.unreadRoleTitle, Literal(wording))
    finding = emitter.uris.finding(emitter.n, f"role-{person.lines.first}-not-read")
    emitter.add(finding, RDF.type, i.DataQualityFinding)
    emitter.add(finding, RDF.type, DQV.QualityAnnotation)
    emitter.add(finding, i.findingKind, emitter.concept("finding-kind", "unresolved-role"))
    emitter.add(finding, OA.hasTarget, part)
    line = line_words(person.lines)
    emitter.message(
        finding,
        f"Teilnehmendenliste, {line[0]}: „{wording}“ vor dem Namen {person.name} lässt sich "
        "nicht als Amtsbezeichnung lesen; es ist nur mit seinem Wortlaut veröffentlicht.",
        f"List of participants, {line[1]}: “{wording}” before the name {person.name} cannot "
        "be read as a role title; it is published with its wording only.",
    )
    emitter.label(
        finding,
        f"Amtsbezeichnung nicht gelesen ({line[0]})",
        f"Role title not read ({line[1]})",
    )
    emitter.add(finding, OA.motivatedBy, DQV.qualityAssessment)
    emitter.lines(finding, person.lines)

"""What a request says of its addressees: each addressee (an organisation of the registry
or a Land) with its participation in the addressee role and the words that name it
(`intmk:statedAs`); a name the organisation did not bear on the meeting day with a
data-quality finding `name-outside-period` (`intmk:nameOutsidePeriod`); an object of the
verb the registry does not know (`intmk:UnresolvedAddressee` with its wording and a
finding `unresolved-addressee`); and the list item a request comes from
(`intmk:listItemLabel`, `intmk:listLevel`)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from mapping.emit_amounts import line_words
from mapping.laender import BY_CODE
from mapping.land_objects import is_land_code, names_no_land
from mapping.model import Request
from mapping.name_periods import (
    NameOutsidePeriod,
    meeting_day,
    name_on,
    name_outside_period,
    period,
)
from mapping.organisations import BY_KEY
from mapping.vocabulary import integer

if TYPE_CHECKING:
    from mapping.emit import MinutesEmitter

REQUEST_LABELS = {
    "pruefbitte": ("Prüfbitte", "Request to examine"),
    "aufforderung": ("Aufforderung", "Call"),
    "appell": ("Appell", "Appeal"),
    "bitte": ("Bitte", "Request"),
    "ersuchen": ("Ersuchen", "Petition"),
    "forderung": ("Forderung", "Demand"),
    "empfehlung": ("Empfehlung", "Recommendation"),
    "anregung": ("Anregung", "Suggestion"),
    "erwartung": ("Erwartung", "Expectation"),
}


def emit_request_details(emitter: MinutesEmitter, top: str, uri: URIRef, request: Request) -> None:
    """The addressees of a request, the unresolved ones, then its list item."""
    stated = dict(request.stated)
    for key in request.addressees:
        emit_addressee(emitter, top, uri, request, key, stated.get(key))
    for position, wording in enumerate(request.unresolved, start=1):
        emit_unresolved_addressee(emitter, top, uri, request, position, wording)
    if request.list_label is not None:
        emitter.add(uri, emitter.intmk.listItemLabel, Literal(request.list_label))
    if request.list_level is not None:
        emitter.add(uri, emitter.intmk.listLevel, integer(request.list_level))


def emit_unresolved_addressee(
    emitter: MinutesEmitter,
    top: str,
    request_uri: URIRef,
    request: Request,
    position: int,
    wording: str,
) -> None:
    """The object as printed, and a finding `unresolved-addressee` naming its line."""
    i = emitter.intmk
    uri = emitter.uris.unresolved_addressee(emitter.n, top, request.number, position)
    emitter.add(uri, RDF.type, i.UnresolvedAddressee)
    emitter.add(request_uri, i.unresolvedAddressee, uri)
    emitter.add(uri, i.statedAs, Literal(wording))
    emitter.label(uri, f"Adressat nicht aufgelöst: „{wording}“", "Addressee not resolved")
    emitter.lines(uri, request.lines)
    key = f"{top}-request-{request.number}-unresolved-addressee-{position}"
    finding = emitter.uris.finding(emitter.n, key)
    emitter.annotate(finding, "unresolved-addressee", uri)
    line = line_words(request.lines)
    why = (
        ("die Niederschrift sagt nicht, welche Länder gemeint sind", "the minutes do not say which")
        if names_no_land(wording)
        else (
            "das Organisationsverzeichnis kennt diesen Adressaten nicht",
            "which the organisation registry does not know",
        )
    )
    emitter.message(
        finding,
        f"TOP {top}, {line[0]}: Bitte {request.number} richtet sich an „{wording}“; "
        f"{why[0]}. Er ist nur mit seinem Wortlaut veröffentlicht.",
        f"Item {top}, {line[1]}: request {request.number} is addressed to “{wording}”, "
        f"{why[1]}; the addressee is published with its wording only.",
    )
    emitter.label(
        finding,
        f"TOP {top}: Adressat nicht aufgelöst ({line[0]})",
        f"Item {top}: addressee not resolved ({line[1]})",
    )
    emitter.lines(finding, request.lines)


def addressee_uri(emitter: MinutesEmitter, key: str) -> URIRef:
    """A Land at id/land/{code}, an organisation of the registry at id/organisation/{key}."""
    return emitter.uris.land(key) if is_land_code(key) else emitter.uris.organisation(key)


def names_of(key: str, day: datetime.date | None) -> tuple[str, str]:
    """The German and English name of an addressee: a Land's, or the organisation's name of
    the meeting day (today's where the registry has none for that day)."""
    if is_land_code(key):
        return BY_CODE[key].name_de, BY_CODE[key].name_en
    org = BY_KEY[key]
    then = name_on(org, day) if day is not None else None
    return (then.name_de, then.name_en) if then is not None else (org.name_de, org.name_en)


def emit_addressee(
    emitter: MinutesEmitter,
    top: str,
    request_uri: URIRef,
    request: Request,
    key: str,
    wording: str | None,
) -> None:
    """intmk:addressee, and the participation in the addressee role (ELI-DL's pattern, of
    which intmk:addressee is the shortcut) with the words naming it."""
    i = emitter.intmk
    target = addressee_uri(emitter, key)
    emitter.add(request_uri, i.addressee, target)
    uri = emitter.uris.addressee(emitter.n, top, request.number, key)
    emitter.add(uri, RDF.type, i.AddresseeParticipation)
    emitter.add(request_uri, i.hasAddresseeParticipation, uri)
    emitter.add(uri, i.addressedOrganisation, target)
    emitter.add(uri, i.participationRole, emitter.concept("participation-role", "adressat"))
    day = meeting_day(emitter.m)
    (name_de, name_en), (german, english) = names_of(key, day), REQUEST_LABELS[request.kind.value]
    emitter.label(
        uri,
        f"{name_de}: Adressat von {german} {request.number} zu TOP {top}",
        f"{name_en}: addressee of {english.lower()} {request.number} on item {top}",
    )
    if wording is None:
        return  # taken from the sentence before (a passive): no words of its own
    emitter.add(uri, i.statedAs, Literal(wording))
    outside = name_outside_period(key, wording, day) if day is not None else None
    if outside is not None:
        emit_name_outside_period(emitter, top, uri, request, outside)


def emit_name_outside_period(
    emitter: MinutesEmitter,
    top: str,
    participation: URIRef,
    request: Request,
    outside: NameOutsidePeriod,
) -> None:
    """The names used (intmk:nameOutsidePeriod) and a finding naming the wording, the
    meeting day and the period of the name."""
    i = emitter.intmk
    for position, _ in outside.names:
        node = emitter.uris.organisation_name(outside.key, position)
        emitter.add(participation, i.nameOutsidePeriod, node)
    key = f"{top}-request-{request.number}-name-outside-period-{outside.key}"
    finding = emitter.uris.finding(emitter.n, key)
    emitter.annotate(finding, "name-outside-period", participation)
    line = line_words(request.lines)
    periods = ", ".join(period(name) for _, name in outside.names)
    day = outside.day.isoformat()
    then_de, then_en = describe_name_of_the_day(outside)
    emitter.message(
        finding,
        f"TOP {top}, {line[0]}: Bitte {request.number} nennt ihren Adressaten „{outside.wording}“,"
        f" einen Namen aus dem Zeitraum {periods}; am Tag der Sitzung ({day}) {then_de} "
        "Der Adressat ist trotzdem aufgelöst; die Seiten zeigen den Namen des Sitzungstags.",
        f"Item {top}, {line[1]}: request {request.number} names its addressee "
        f"“{outside.wording}”, a name of the period {periods}; on the day of the meeting "
        f"({day}) {then_en} The addressee is resolved all the same; the pages show the name "
        "of the day of the meeting.",
    )
    emitter.label(
        finding,
        f"TOP {top}: Name außerhalb seines Zeitraums ({line[0]})",
        f"Item {top}: name used outside its period ({line[1]})",
    )
    emitter.lines(finding, request.lines)


def describe_name_of_the_day(outside: NameOutsidePeriod) -> tuple[str, str]:
    """ "hieß die Organisation „…“." / "its name was “…”." (or that the registry has none)."""
    then = outside.name_of_the_day
    if then is None:
        return (
            "hatte die Organisation keinen Namen im Verzeichnis.",
            "the registry has no name of the organisation.",
        )
    return f"hieß sie „{then.name_de}“.", f"its name was “{then.name_en}”."

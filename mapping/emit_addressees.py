"""What a request says of its addressees beyond the registry's organisations: an object of
the verb the registry does not know (`intmk:UnresolvedAddressee` with its wording and a
data-quality finding), and the list item a request comes from (`intmk:listItemLabel`,
`intmk:listLevel`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from mapping.emit_amounts import line_words
from mapping.model import Request
from mapping.vocabulary import integer

if TYPE_CHECKING:
    from mapping.emit import MinutesEmitter


def emit_request_details(emitter: MinutesEmitter, top: str, uri: URIRef, request: Request) -> None:
    """The unresolved addressees of a request, then its list item."""
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
    emitter.message(
        finding,
        f"TOP {top}, {line[0]}: Bitte {request.number} richtet sich an „{wording}“; das "
        "Organisationsverzeichnis kennt diesen Adressaten nicht. Er ist nur mit seinem "
        "Wortlaut veröffentlicht.",
        f"Item {top}, {line[1]}: request {request.number} is addressed to “{wording}”, "
        "which the organisation registry does not know; the addressee is published with "
        "its wording only.",
    )
    emitter.label(
        finding,
        f"TOP {top}: Adressat nicht aufgelöst ({line[0]})",
        f"Item {top}: addressee not resolved ({line[1]})",
    )
    emitter.lines(finding, request.lines)

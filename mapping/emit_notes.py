"""The footnotes of one minutes document in its graph: `intmk:Footnote` (⊑ doco:Footnote),
part of the minutes document, annotating the part of the minutes its marker stands in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from mapping.model import Annotated, Footnote
from mapping.vocabulary import de, en, integer

if TYPE_CHECKING:
    from mapping.emit import MinutesEmitter


def emit_footnote(emitter: MinutesEmitter, note: Footnote) -> None:
    """Number, text, what it annotates, the marker's line, and the note's own lines."""
    from mapping.emit import ordinal  # emit.py imports this module

    i, n = emitter.intmk, emitter.n
    uri = emitter.uris.footnote(n, note.key)
    emitter.add(uri, RDF.type, i.Footnote)
    emitter.add(uri, DCTERMS.isPartOf, emitter.document)
    emitter.add(uri, i.footnoteNumber, integer(note.number))
    emitter.add(uri, i.text, de(note.text))
    emitter.add(uri, i.annotates, annotated(emitter, note.annotates))
    emitter.add(uri, i.markerLine, integer(note.marker_line))
    emitter.label(
        uri,
        f"Fußnote {note.number} der Niederschrift der {n}. IntMK {emitter.m.year}",
        f"Footnote {note.number} of the minutes of the {ordinal(n)} IntMK {emitter.m.year}",
    )
    if note.annotates.kind == "minutes":
        line = note.marker_line
        emitter.add(
            uri,
            RDFS.comment,
            de(
                f"Zeile {line} mit dem Fußnotenzeichen gehört zu keiner veröffentlichten Angabe; "
                "die Fußnote ist der Niederschrift zugeordnet."
            ),
        )
        emitter.add(
            uri,
            RDFS.comment,
            en(
                f"Line {line}, where the footnote marker stands, belongs to no published part "
                "of the minutes; the footnote is attached to the minutes document."
            ),
        )
    emitter.lines(uri, note.lines)


def annotated(emitter: MinutesEmitter, place: Annotated) -> URIRef:
    """The IRI of the part a footnote annotates."""
    uris, n, top = emitter.uris, emitter.n, place.top or ""
    if place.kind == "bullet" and place.position is not None and place.bullet is not None:
        return uris.bullet(n, top, place.position, place.bullet)
    if place.kind == "paragraph" and place.position is not None:
        return uris.paragraph(n, top, place.position)
    if place.kind == "declaration" and place.position is not None:
        return uris.declaration(n, top, place.position)
    if place.kind == "resolution":
        return uris.resolution(n, top)
    if place.kind == "item":
        return uris.item(n, top)
    if place.kind == "participation" and place.person is not None:
        return uris.participation(n, place.person)
    return emitter.document

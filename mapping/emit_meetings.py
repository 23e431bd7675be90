"""The meeting phrases of a title the grammar cannot read: `intmk:UnresolvedMeeting` with
the wording (`intmk:statedAs`), linked from the conference by
`intmk:mentionsUnresolvedMeeting`, and a data-quality finding `unresolved-meeting` that
names its line. No kind, date or place of it is guessed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal
from rdflib.namespace import RDF

from mapping.emit_amounts import line_words
from mapping.model import UnresolvedMeeting

if TYPE_CHECKING:
    from mapping.emit import MinutesEmitter


def emit_unresolved_meetings(emitter: MinutesEmitter) -> None:
    """Each unread meeting phrase, numbered in the order of the title (1, 2, …)."""
    for position, meeting in enumerate(emitter.m.unresolved_meetings, start=1):
        emit_unresolved_meeting(emitter, position, meeting)


def emit_unresolved_meeting(
    emitter: MinutesEmitter, position: int, meeting: UnresolvedMeeting
) -> None:
    i = emitter.intmk
    uri = emitter.uris.meeting(emitter.n, f"unresolved-{position}")
    emitter.add(uri, RDF.type, i.UnresolvedMeeting)
    emitter.add(emitter.conference, i.mentionsUnresolvedMeeting, uri)
    emitter.add(uri, i.statedAs, Literal(meeting.stated_as))
    emitter.label(uri, f"Sitzung nicht gelesen: „{meeting.stated_as}“", "Meeting phrase not read")
    emitter.lines(uri, meeting.lines)
    finding = emitter.uris.finding(emitter.n, f"meeting-{position}-not-read")
    emitter.annotate(finding, "unresolved-meeting", uri)
    line = line_words(meeting.lines)
    emitter.message(
        finding,
        f"Titel, {line[0]}: die Sitzungsangabe „{meeting.stated_as}“ lässt sich nicht als "
        "Art, Datum und Ort lesen; sie ist nur mit ihrem Wortlaut veröffentlicht.",
        f"Title, {line[1]}: the meeting phrase “{meeting.stated_as}” cannot be read as a "
        "kind, date and place; it is published with its wording only.",
    )
    emitter.label(
        finding,
        f"Sitzungsangabe nicht gelesen ({line[0]})",
        f"Meeting phrase not read ({line[1]})",
    )
    emitter.lines(finding, meeting.lines)

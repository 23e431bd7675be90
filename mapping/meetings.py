"""The meetings a title page names, each with its own kind, dates and place.

After "… der 17. IntMK 2022" a title names one meeting or several, one after the other:

    26./ 27. April 2023 in Wiesbaden
    Vorkonferenz am 20. April 2022 in Ludwigsburg  Hauptkonferenz am 21./22. April 2022 …
    im Umlaufverfahren vom 29. März bis 12. April 2022
    Sonderkonferenz am 5. Oktober 2015 in Frankfurt am Main
    per Telefon-/Videokonferenz am 3. April 2020

A phrase is a kind word (or none: the kind the title names before "der N. IntMK"), a
date or a range of dates, and "in" a place — of several words or with a qualifier ("Halle
(Saale)", "Mülheim an der Ruhr", "Landau in der Pfalz"). A phrase with more or other words
is not read: it is returned with its wording, never guessed.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from mapping.dates import leading_dates

# the kind words, most specific first; "Telefon-/Videokonferenz" is one kind: by video link
KINDS: tuple[tuple[str, str], ...] = (
    (r"Telefon-\s*(?:/|und|oder)\s*Videokonferenz", "videokonferenz"),
    (r"Video-?\s*(?:/|und|oder)\s*Telefonkonferenz", "videokonferenz"),
    (r"Video(?:-|schalt)?[Kk]onferenz|Videoschaltung", "videokonferenz"),
    (r"Telefon(?:schalt)?konferenz", "telefonkonferenz"),
    (r"Hauptkonferenz", "hauptkonferenz"),
    (r"Vorkonferenz", "vorkonferenz"),
    (r"Sonderkonferenz|Sondersitzung", "sonderkonferenz"),
    (
        r"Umlaufverfahren|schriftlichen?\s+(?:Umlauf)?[Vv]erfahren|schriftlichem\s+Wege",
        "umlaufverfahren",
    ),
)
KIND = re.compile("|".join(f"(?P<k{n}>{pattern})" for n, (pattern, _) in enumerate(KINDS)))
# words that lead to a kind word and belong to its phrase: "im Umlaufverfahren", "per Video…"
LEAD = re.compile(
    r"(?:\s|^)(?:(?:und|sowie)\s+)?(?:(?:im|in\s+der|in\s+einer|in\s+Form\s+einer|per|als|"
    r"auf|der|die|eine[rs]?)\s+)*$"
)
# a dot only inside a name ("St. Ingbert"), never the full stop after it
WORD = r"[A-ZÄÖÜ][\w'’-]*(?:\.(?=\s*\w))?"
QUALIFIER = (
    rf"\s*\([^()]+\)|\s*/\s*{WORD}"
    rf"|\s+(?:am|an\s+der|im|in\s+der|ob\s+der|vor\s+der|auf\s+der|bei)\s+{WORD}(?:\s+{WORD})*"
)
PLACE = re.compile(rf"(?P<place>{WORD}(?:\s+{WORD})*(?:{QUALIFIER})?)")
# "in Präsenz", "in Form einer …" are no places
NOT_A_PLACE = re.compile(r"konferenz|verfahren|Video|Form\b|Präsenz|hybrid", re.IGNORECASE)
DATE_LEAD = re.compile(r"^(?:[,:–-]\s*)?(?:(?:am|vom|von|den)\s+)?")
PLACE_LEAD = re.compile(r"^,?\s*in\s+")
TRAIL = re.compile(r"^[\s,;.*]*(?:\)\s*)?$")


@dataclass(frozen=True)
class MeetingPhrase:
    """One meeting a title names; `read` is False when its words are not all understood."""

    kind: str | None  # key in the meeting-kind scheme; None: the title's own kind
    start: datetime.date | None
    end: datetime.date | None
    place: str | None
    stated_as: str
    offsets: tuple[int, int]  # in the text the phrases were read from
    read: bool = True


def meeting_kind_of(word: str) -> str:
    """The meeting-kind key of a kind word ("Sonderkonferenz" → "sonderkonferenz")."""
    match = KIND.fullmatch(word)
    if match is None or match.lastgroup is None:
        raise ValueError(word)
    return KINDS[int(match.lastgroup[1:])][1]


def read_phrases(text: str) -> list[MeetingPhrase]:
    """The meeting phrases of the rest of a title, in their order; empty for no words."""
    kinds = list(KIND.finditer(text))
    starts = [lead_start(text, m.start()) for m in kinds]
    bounds = [0, *starts, len(text)]
    phrases: list[MeetingPhrase] = []
    for index in range(len(bounds) - 1):
        begin, end = bounds[index], bounds[index + 1]
        kind_match = kinds[index - 1] if index > 0 else None
        body_start = kind_match.end() if kind_match else begin
        if kind_match is None and not text[begin:end].strip(" ,;.*"):
            continue  # nothing before the first kind word
        kind = meeting_kind_of(kind_match.group(0)) if kind_match else None
        phrases.append(read_phrase(text, begin, body_start, end, kind))
    return phrases


def lead_start(text: str, kind_start: int) -> int:
    """Where the phrase of a kind word begins: with its leading words ("im", "per")."""
    lead = LEAD.search(text[:kind_start])
    return lead.start() if lead else kind_start


def read_phrase(text: str, begin: int, body: int, end: int, kind: str | None) -> MeetingPhrase:
    """One phrase: dates after the kind word, then "in" and a place, then nothing."""
    stated_as = " ".join(text[begin:end].split()).strip(" ,;*")
    offsets = (begin + len(text[begin:end]) - len(text[begin:end].lstrip()), end)
    rest = text[body:end].strip()
    rest = rest[DATE_LEAD.match(rest).end() :]  # type: ignore[union-attr]
    dates = leading_dates(rest)
    if dates is not None:
        rest = rest[dates[2] :].strip()
    place = None
    lead = PLACE_LEAD.match(rest)
    if lead is not None:
        match = PLACE.match(rest, lead.end())
        if match is not None and not NOT_A_PLACE.search(match.group("place")):
            place = " ".join(match.group("place").split())
            rest = rest[match.end() :]
    start, last = (dates[0], dates[1]) if dates else (None, None)
    read = bool(TRAIL.match(rest)) and (dates is not None or place is not None or not rest)
    if not read:
        return MeetingPhrase(kind, None, None, None, stated_as, offsets, read=False)
    return MeetingPhrase(kind, start, last, place, stated_as, offsets)

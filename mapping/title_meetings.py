"""The meetings of a title block as the model's Meetings: the one the minutes record (the
Hauptkonferenz, Sonderkonferenz, video conference or written procedure) and the others
the title names with their own dates and place (a Vorkonferenz).

A phrase the grammar cannot read is a SourceError naming its line, or with `lenient` an
UnresolvedMeeting with its wording (a data-quality finding); nothing of it is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mapping.errors import SourceError
from mapping.meetings import MeetingPhrase, read_phrases
from mapping.model import LineRange, Meeting, UnresolvedMeeting
from mapping.source import Line

PRELIMINARY = "vorkonferenz"


@dataclass(frozen=True)
class TitleText:
    """The title's lines as one text of single spaces, with where each line begins."""

    text: str
    lines: tuple[Line, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, lines: list[Line]) -> TitleText:
        parts: list[str] = []
        starts: list[int] = []
        offset = 0
        for line in lines:
            words = " ".join(line.plain.split())
            starts.append(offset)
            if words:
                parts.append(words)
                offset += len(words) + 1
        return cls(" ".join(parts), tuple(lines), tuple(starts))

    def line_range(self, begin: int, end: int) -> LineRange:
        """The lines that hold the characters begin … end - 1 of the text."""
        first = self.line_at(begin)
        last = self.line_at(max(begin, end - 1))
        return LineRange(first.number, last.last)

    def line_at(self, offset: int) -> Line:
        index = max(i for i, start in enumerate(self.starts) if start <= offset)
        return self.lines[index]


@dataclass(frozen=True)
class TitleMeetings:
    main: MeetingPhrase | None  # None: the title names no date, place or kind after the year
    main_kind: str
    others: tuple[Meeting, ...]
    unresolved: tuple[UnresolvedMeeting, ...]


def title_meetings(
    title: TitleText, rest_start: int, title_kind: str | None, path: Path, lenient: bool
) -> TitleMeetings:
    """The meeting the minutes record and the others of the title, from the text after the
    year (which begins at `rest_start`)."""
    phrases = [shifted(phrase, rest_start) for phrase in read_phrases(title.text[rest_start:])]
    unresolved = tuple(unread(title, p, path, lenient) for p in phrases if not p.read)
    kinds = [p.kind or title_kind for p in phrases]
    main_index = next((i for i, kind in enumerate(kinds) if kind != PRELIMINARY), None)
    if main_index is None and not phrases:
        return TitleMeetings(None, title_kind or "hauptkonferenz", (), unresolved)
    others = tuple(
        Meeting(kind or PRELIMINARY, p.start, p.end, p.place, title.line_range(*p.offsets))
        for index, (p, kind) in enumerate(zip(phrases, kinds, strict=True))
        if index != main_index and p.read
    )
    main = phrases[main_index] if main_index is not None else None
    main_kind = (kinds[main_index] if main_index is not None else None) or "hauptkonferenz"
    check_kinds_once(main_kind, others, path)
    return TitleMeetings(main, main_kind, others, unresolved)


def shifted(phrase: MeetingPhrase, by: int) -> MeetingPhrase:
    begin, end = phrase.offsets
    return MeetingPhrase(
        phrase.kind,
        phrase.start,
        phrase.end,
        phrase.place,
        phrase.stated_as,
        (begin + by, end + by),
        phrase.read,
    )


def unread(title: TitleText, phrase: MeetingPhrase, path: Path, lenient: bool) -> UnresolvedMeeting:
    lines = title.line_range(*phrase.offsets)
    if not lenient:
        raise SourceError(
            path,
            lines.first,
            f"the title names a meeting as '{phrase.stated_as}'",
            "a meeting's kind, its date or dates ('am 21./22. April 2022', 'vom 29. März bis "
            "12. April 2022') and 'in' its place ('in Mülheim an der Ruhr', 'in Halle (Saale)')",
        )
    return UnresolvedMeeting(phrase.stated_as, lines)


def check_kinds_once(main_kind: str, others: tuple[Meeting, ...], path: Path) -> None:
    """Each kind of meeting once: a meeting's URI is its kind within its conference."""
    seen = {main_kind}
    for meeting in others:
        if meeting.kind in seen:
            raise SourceError(
                path,
                meeting.lines.first,
                f"the title names a second meeting of the kind '{meeting.kind}'",
                "each kind of meeting once in the title",
            )
        seen.add(meeting.kind)

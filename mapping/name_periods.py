"""Whether the minutes call an organisation by a name it bore on the meeting day.

The registry (mapping/organisations.py) gives every name its period. The words that name an
addressee ("das Bundesministerium des Innern, für Bau und Heimat", "die Bundesministerin
…", "das BMFSFJ") are matched, in their normal form, against each name and short form of
that organisation; a form that several names share (the BMI was "BMI" under all three)
holds in each of their periods. When the meeting day lies in none of them, the name was
used outside its period: the organisation is still clear (the addressee stays resolved),
and the build publishes a finding `name-outside-period` (mapping/emit_addressees.py).
A form with no period of its own (the registry's `also`, e.g. "Bundesminister des
Auswärtigen"), an organisation with one name and no dates, and a Land are never outside.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from mapping.model import Minutes
from mapping.organisations import BY_KEY, Organisation, OrganisationName, normal_words


@dataclass(frozen=True)
class NameOutsidePeriod:
    """The words used, the names of the registry they are (1-based position in the order
    of time, as in id/organisation/{key}/name/{k}), the meeting day, and the name of that
    day (None when the organisation had no name in the registry that day)."""

    key: str
    wording: str
    day: datetime.date
    names: tuple[tuple[int, OrganisationName], ...]
    name_of_the_day: OrganisationName | None


def name_outside_period(key: str, wording: str, day: datetime.date) -> NameOutsidePeriod | None:
    """The names `wording` is of, if the organisation bore none of them on `day`."""
    org = BY_KEY.get(key)
    if org is None:
        return None  # a Land or an unknown key: no names with periods
    words = normal_words(wording)
    if any(normal_words(form) == words for form in org.also):
        return None
    names = tuple(
        (position, name)
        for position, name in enumerate(org.history, start=1)
        if words in forms_of(name)
    )
    if not names or any(holds(name, day) for _, name in names):
        return None
    return NameOutsidePeriod(key, wording, day, names, name_on(org, day))


def forms_of(name: OrganisationName) -> tuple[tuple[str, ...], ...]:
    """The normal forms of one name: the name and its short form."""
    return tuple(normal_words(form) for form in (name.name_de, name.abbreviation or "") if form)


def holds(name: OrganisationName, day: datetime.date) -> bool:
    """Whether a name was the organisation's on `day` (an open end: before 2006, today)."""
    text = day.isoformat()
    return (name.valid_from or "") <= text and (name.valid_to is None or text <= name.valid_to)


def name_on(org: Organisation, day: datetime.date) -> OrganisationName | None:
    """The organisation's name on `day`, if the registry has one."""
    return next((name for name in org.history if holds(name, day)), None)


def period(name: OrganisationName) -> str:
    """'2018-03-14 – 2021-12-07', '– 2018-03-13', '2021-12-08 –', '–' (always)."""
    return f"{name.valid_from or ''} – {name.valid_to or ''}".strip()


def meeting_day(minutes: Minutes) -> datetime.date | None:
    """The day whose names count: the first day of the main conference (as on the pages and
    in the example queries), else of the meeting the minutes record."""
    meetings = (minutes.meeting, *minutes.other_meetings)
    main = next((m.start for m in meetings if m.kind == "hauptkonferenz" and m.start), None)
    return main or minutes.meeting.start

"""German dates as the minutes write them: "29. März 2023", "26./ 27. April 2023"."""

from __future__ import annotations

import datetime
import re

MONTHS = {
    "Januar": 1,
    "Jänner": 1,
    "Februar": 2,
    "März": 3,
    "April": 4,
    "Mai": 5,
    "Juni": 6,
    "Juli": 7,
    "August": 8,
    "September": 9,
    "Oktober": 10,
    "November": 11,
    "Dezember": 12,
}
DATE = re.compile(r"^(?P<day>\d{1,2})\.\s*(?P<month>[A-Za-zäÄ]+)\s+(?P<year>\d{4})$")
DATE_RANGE = re.compile(
    r"(?P<first>\d{1,2})\.\s*(?:(?P<first_month>[A-Za-zäÄ]+)\s*)?(?:/|-|–|bis|und)\s*"
    r"(?P<second>\d{1,2})\.\s*(?P<month>[A-Za-zäÄ]+)\s+(?P<year>\d{4})"
)
SINGLE_DATE = re.compile(r"(?P<day>\d{1,2})\.\s*(?P<month>[A-Za-zäÄ]+)\s+(?P<year>\d{4})")
# "28. Dezember 2022 bis 3. Januar 2023": a range over the turn of a year
YEARS_RANGE = re.compile(
    r"(?P<day>\d{1,2})\.\s*(?P<month>[A-Za-zäÄ]+)\s+(?P<year>\d{4})\s*(?:-|–|bis)\s*"
    r"(?P<day2>\d{1,2})\.\s*(?P<month2>[A-Za-zäÄ]+)\s+(?P<year2>\d{4})"
)
# "20.04.2022", "20.4.2022"
NUMERIC_DATE = re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b")


def parse_german_date(text: str) -> datetime.date | None:
    """'29. März 2023' → 2023-03-29; None when it is not such a date."""
    match = DATE.match(" ".join(text.split()))
    if match is None or match.group("month") not in MONTHS:
        return None
    return make_date(match.group("year"), match.group("month"), match.group("day"))


def find_date_range(text: str) -> tuple[datetime.date, datetime.date] | None:
    """The first date or range of dates in a text ('26./ 27. April 2023')."""
    match = DATE_RANGE.search(text)
    if match and match.group("month") in MONTHS:
        end = make_date(match.group("year"), match.group("month"), match.group("second"))
        first_month = match.group("first_month") or match.group("month")
        if first_month not in MONTHS or end is None:
            return None
        start = make_date(match.group("year"), first_month, match.group("first"))
        return (start, end) if start is not None else None
    single = SINGLE_DATE.search(text)
    if single and single.group("month") in MONTHS:
        date = make_date(single.group("year"), single.group("month"), single.group("day"))
        return (date, date) if date is not None else None
    return None


def make_date(year: str, month: str, day: str) -> datetime.date | None:
    try:
        return datetime.date(int(year), MONTHS[month], int(day))
    except ValueError:
        return None


def leading_dates(text: str) -> tuple[datetime.date, datetime.date, int] | None:
    """The date or range of dates a text begins with, and where it ends; None when the
    text does not begin with one ("21./22. April 2022 in …", "vom 29. März bis …" after
    its "vom", "20.04.2022")."""
    over_years = YEARS_RANGE.match(text)
    if over_years is not None:
        first = month_date(
            over_years.group("year"), over_years.group("month"), over_years.group("day")
        )
        last = month_date(
            over_years.group("year2"), over_years.group("month2"), over_years.group("day2")
        )
        return (first, last, over_years.end()) if first and last and first <= last else None
    for pattern in (DATE_RANGE, SINGLE_DATE):
        match = pattern.match(text)
        if match is not None:
            found = find_date_range(match.group(0))
            return (found[0], found[1], match.end()) if found and found[0] <= found[1] else None
    numeric = NUMERIC_DATE.match(text)
    if numeric is not None:
        try:
            day = datetime.date(
                int(numeric.group("year")), int(numeric.group("month")), int(numeric.group("day"))
            )
        except ValueError:
            return None
        return day, day, numeric.end()
    return None


def month_date(year: str, month: str, day: str) -> datetime.date | None:
    return make_date(year, month, day) if month in MONTHS else None

"""A name used outside its period (issue 15, point 2, what was left): the registry gives
every name of an organisation its period; minutes that call an organisation by a name it
did not bear on the meeting day still resolve it (who is meant is clear) and publish a
finding `name-outside-period`. Before the period, after it, and on the day (no finding),
each with several wordings: the name, the office form, the abbreviation."""

from __future__ import annotations

import datetime

import pytest

from mapping.name_periods import NameOutsidePeriod, name_outside_period
from mapping.requests import find_request

D = datetime.date

OUTSIDE: list[tuple[str, str, datetime.date, tuple[int, ...]]] = [
    # before the period: minutes of 2017 using the BMI's name of 2018–2021
    ("bmi", "das Bundesministerium des Innern, für Bau und Heimat", D(2017, 4, 26), (2,)),
    ("bmi", "die Bundesministerin des Innern, für Bau und Heimat", D(2016, 5, 10), (2,)),
    ("bmi", "dem Bundesministerium des Innern und für Heimat", D(2021, 4, 15), (3,)),
    # one day before a name held
    ("bmi", "das Bundesministerium des Innern, für Bau und Heimat", D(2018, 3, 13), (2,)),
    # after the period: minutes of 2026 using the BMFSFJ's name before the rename of 2025
    (
        "bmfsfj",
        "das Bundesministerium für Familie, Senioren, Frauen und Jugend",
        D(2026, 4, 22),
        (1,),
    ),
    ("bmfsfj", "das BMFSFJ", D(2026, 4, 22), (1,)),
    ("bmi", "das Bundesministerium des Innern", D(2019, 4, 11), (1,)),
    # a name held twice (2006–2013 and 2021–2025), used between the two
    ("bmj", "das Bundesministerium der Justiz", D(2016, 4, 7), (1, 3)),
]


@pytest.mark.parametrize(("key", "wording", "day", "positions"), OUTSIDE)
def test_a_name_the_organisation_did_not_bear_that_day_is_found(
    key: str, wording: str, day: datetime.date, positions: tuple[int, ...]
) -> None:
    found = name_outside_period(key, wording, day)
    assert isinstance(found, NameOutsidePeriod)
    assert (found.key, found.wording, found.day) == (key, wording, day)
    assert tuple(position for position, _ in found.names) == positions


ON_THE_DAY: list[tuple[str, str, datetime.date]] = [
    ("bmas", "das Bundesministerium für Arbeit und Soziales", D(2023, 4, 26)),
    ("bmi", "das Bundesministerium des Innern", D(2017, 4, 26)),
    ("bmi", "das Bundesministerium des Innern, für Bau und Heimat", D(2018, 3, 14)),
    ("bmi", "das Bundesministerium des Innern, für Bau und Heimat", D(2021, 12, 7)),
    ("bmfsfj", "die Bundesministerin für Familie, Senioren, Frauen und Jugend", D(2024, 4, 18)),
    ("bmj", "das Bundesministerium der Justiz", D(2022, 6, 1)),
    ("bmj", "das Bundesministerium der Justiz", D(2010, 6, 1)),
    # an abbreviation all the names share, a form with no period, the Bund, a Land
    ("bmi", "das BMI", D(2017, 4, 26)),
    ("aa", "den Bundesminister des Auswärtigen", D(2017, 4, 26)),
    ("bund", "den Bund", D(2017, 4, 26)),
    ("DE-BE", "das Land Berlin", D(2017, 4, 26)),
]


@pytest.mark.parametrize(("key", "wording", "day"), ON_THE_DAY)
def test_a_name_valid_on_the_day_gives_no_finding(
    key: str, wording: str, day: datetime.date
) -> None:
    assert name_outside_period(key, wording, day) is None


def test_the_finding_names_the_period_of_the_name_used() -> None:
    found = name_outside_period(
        "bmi", "das Bundesministerium des Innern, für Bau und Heimat", D(2017, 4, 26)
    )
    assert found is not None
    ((_, name),) = found.names
    assert (name.valid_from, name.valid_to) == ("2018-03-14", "2021-12-07")
    assert found.name_of_the_day is not None
    assert found.name_of_the_day.name_de == "Bundesministerium des Innern"


def test_the_request_keeps_the_wording_of_each_addressee() -> None:
    result = find_request(
        "Die IntMK bittet das Bundesministerium des Innern, für Bau und Heimat, und das "
        "Land Berlin, die Kurse auszuweiten.",
        (),
    )
    assert result is not None
    assert result.addressees == ("bmi", "DE-BE")
    assert result.stated == (
        ("bmi", "das Bundesministerium des Innern, für Bau und Heimat"),
        ("DE-BE", "das Land Berlin"),
    )


def test_regression_an_earlier_name_in_later_minutes_is_no_longer_silent() -> None:
    """The BMI "des Innern, für Bau und Heimat" in minutes of 2017 was read without a
    finding (docs/PLAN.md, issue 15, left 2)."""
    assert (
        name_outside_period(
            "bmi", "dem Bundesministerium des Innern, für Bau und Heimat", D(2017, 4, 26)
        )
        is not None
    )

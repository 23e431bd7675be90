"""The name each organisation had on the meeting day, for the pages: one query for the
guests of a conference and the addressees of its requests — the example query
server/queries/22-organisation-names-on-the-meeting-day.rq itself, so that the page and
the example cannot disagree (the BMI is the "Bundesministerium des Innern" on the page of
the 12th IntMK 2017, whatever the minutes call it and whatever it is called today)."""

from __future__ import annotations

from functools import cache

from pyoxigraph import Store

from server import page_data
from server.examples import examples

SLUG = "22-organisation-names-on-the-meeting-day"

Names = dict[str, dict[str, str]]  # organisation IRI → {"de": …, "en": …}


@cache
def day_names_query() -> str:
    """Example 22 as a subquery, narrowed to one conference ({conference})."""
    (example,) = [e for e in examples() if e.slug == SLUG]
    lines = example.template.splitlines()
    prefixes = [line for line in lines if line.startswith("PREFIX ")]
    body = "\n".join(line for line in lines if not line.startswith("PREFIX "))
    return "\n".join(
        [
            *prefixes,
            "SELECT DISTINCT ?organisation ?nameDe ?nameEn WHERE {",
            "{ " + body + " }",
            "FILTER (?conference = {conference}) }",
        ]
    )


def names_on_the_day(store: Store, base: str, conference: str) -> Names:
    """Each organisation a conference names (guest or addressee) → its names of the day;
    one the registry has no name for that day is left out (the page shows its label)."""
    names: Names = {}
    for row in page_data.select(store, base, day_names_query(), conference=conference):
        if "nameDe" in row and "nameEn" in row:
            names[row["organisation"]] = {"de": row["nameDe"], "en": row["nameEn"]}
    return names

"""Organisations the minutes name, from the checked registry data/reference/organisations.tsv.

Each organisation has a stable key (its URI is `id/organisation/{key}`) and one row per
name it has had, with the period of that name (`valid_from`, `valid_to`, ISO dates; empty
where the name held before 2006 or holds today): the BMI was the "Bundesministerium des
Innern" to 2018-03-13, "des Innern, für Bau und Heimat" to 2021-12-07, "des Innern und
für Heimat" since. The last row of a key is its name today. `also` holds other forms
(";"-separated): forms of office that do not follow from the name, short forms.

A phrase of the text is resolved by its normal form (`normal_words`): the article
dropped, each word lower-cased and without its case ending, the office of a federal
minister ("die Bundesministerin / den Bundesminister für …") read as her ministry. So
"dem Bundesministerium des Innern", "die Bundesministerin des Innern" and "das BMI"
all resolve to `bmi`, "der Europäischen Kommission" to `europaeische-kommission`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mapping.errors import SourceError
from mapping.reference_table import REFERENCE, reference_rows

ORGANISATIONS_TABLE = REFERENCE / "organisations.tsv"
COLUMNS = (
    "key",
    "name_de",
    "name_en",
    "level",
    "abbreviation",
    "parent",
    "valid_from",
    "valid_to",
    "also",
)
LEVELS = ("bund", "laender", "eu", "other")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})
ENDINGS = ("es", "en", "em", "er", "e", "s", "n")
# a federal minister named by her or his office stands for the ministry
OFFICES = {"bundesministerin": "bundesministerium", "bundesminister": "bundesministerium"}
OFFICES["bundesministers"] = "bundesministerium"
WORD = re.compile(r"\w[\w-]*|,")


@dataclass(frozen=True)
class OrganisationName:
    """One name an organisation had, with its period (None: open)."""

    name_de: str
    name_en: str
    abbreviation: str | None
    valid_from: str | None
    valid_to: str | None


@dataclass(frozen=True)
class Organisation:
    """A known organisation."""

    key: str
    name_de: str
    name_en: str
    federal: bool
    abbreviation: str | None = None
    parent: str | None = None
    level: str = "other"
    history: tuple[OrganisationName, ...] = ()
    also: tuple[str, ...] = ()


def load_organisations(path: Path = ORGANISATIONS_TABLE) -> tuple[Organisation, ...]:
    """Every organisation of the registry, in the order of its first row."""
    rows: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for number, values in reference_rows(path, COLUMNS):
        check_row(path, number, values)
        rows.setdefault(values["key"], []).append((number, values))
    organisations = tuple(organisation(key, found) for key, found in rows.items())
    keys = {org.key for org in organisations}
    for number, values in (row for found in rows.values() for row in found):
        if values["parent"] and values["parent"] not in keys:
            raise SourceError(path, number, f"parent '{values['parent']}'", "a key of the table")
    return organisations


def check_row(path: Path, number: int, values: dict[str, str]) -> None:
    """A row names key, both names and a known level; dates are ISO dates in order."""
    empty = [column for column in ("key", "name_de", "name_en", "level") if not values[column]]
    if empty:
        raise SourceError(path, number, f"empty {', '.join(empty)}", "key, names and level")
    if values["level"] not in LEVELS:
        raise SourceError(path, number, f"level '{values['level']}'", " or ".join(LEVELS))
    for column in ("valid_from", "valid_to"):
        if values[column] and not DATE.fullmatch(values[column]):
            raise SourceError(path, number, f"'{values[column]}' in {column}", "YYYY-MM-DD")
    if values["valid_from"] and values["valid_to"] and values["valid_from"] > values["valid_to"]:
        raise SourceError(path, number, "valid_from after valid_to", "a period in order")


def organisation(key: str, found: list[tuple[int, dict[str, str]]]) -> Organisation:
    """One organisation from its rows: the last row gives today's name."""
    history = tuple(
        OrganisationName(
            v["name_de"],
            v["name_en"],
            v["abbreviation"] or None,
            v["valid_from"] or None,
            v["valid_to"] or None,
        )
        for _, v in found
    )
    last = found[-1][1]
    also = tuple(form.strip() for _, v in found for form in v["also"].split(";") if form.strip())
    return Organisation(
        key,
        last["name_de"],
        last["name_en"],
        last["level"] == "bund",
        last["abbreviation"] or None,
        last["parent"] or None,
        last["level"],
        history,
        also,
    )


def normal_word(word: str) -> str:
    """A word lower-cased, an office read as its ministry, without its case ending."""
    lower = word.lower()
    if lower in OFFICES:
        return OFFICES[lower]
    for _ in range(2):
        ending = next((e for e in ENDINGS if lower.endswith(e) and len(lower) > 4), None)
        if ending is None:
            break
        lower = lower[: -len(ending)]
    return lower


def normal_words(text: str) -> tuple[str, ...]:
    """The normal form of a phrase: its words (and commas), the leading article dropped."""
    words = WORD.findall(text)
    if words and words[0].lower() in ARTICLES:
        words = words[1:]
    return tuple(normal_word(word) for word in words)


def forms(org: Organisation) -> tuple[str, ...]:
    """Every written form of an organisation: each name, abbreviation and other form."""
    names = [n.name_de for n in org.history] + [n.abbreviation or "" for n in org.history]
    return tuple(dict.fromkeys(form for form in (*names, *org.also) if form))


ORGANISATIONS: tuple[Organisation, ...] = load_organisations()
BY_KEY: dict[str, Organisation] = {org.key: org for org in ORGANISATIONS}


@cache
def registry_index() -> dict[tuple[str, ...], str]:
    """Normal form of every written form → key."""
    return {normal_words(form): org.key for org in ORGANISATIONS for form in forms(org)}


@cache
def longest_form() -> int:
    return max(len(words) for words in registry_index())


def organisation_by_name(name: str) -> Organisation | None:
    """The organisation a full name (as in the guest list, any case) stands for, or None."""
    key = registry_index().get(normal_words(name))
    return BY_KEY[key] if key is not None else None


def is_federal(key: str) -> bool:
    """Whether the organisation with this key belongs to the federal level."""
    org = BY_KEY.get(key)
    return org is not None and org.federal

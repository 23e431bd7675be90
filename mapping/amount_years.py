"""The years an amount of money is for ("5 Mio. € für die Jahre 2024 und 2025") and the
year that only stands before "Euro" ("im Jahr 2025 Euro 500.000", "2025 Euro-Mittel")."""

from __future__ import annotations

import re

YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
YEAR = r"(?:19|20)\d\d(?!\d)"
YEARS = rf"{YEAR}(?:\s*(?:,|und|bis|–|-)\s*{YEAR})*"
YEAR_NOUN = r"(?:(?:das|die|den)\s+)?(?:Haushaltsjahre?n?|Jahre?n?|Jahres)?"
YEARS_PHRASE = rf"(?:für|im|in)\s+{YEAR_NOUN}\s*(?P<years>{YEARS})"
YEARS_BEFORE = re.compile(rf"{YEARS_PHRASE}\s+(?P<each>jeweils\s+)?$")
YEARS_AFTER = re.compile(rf"^\s*(?P<each>jeweils\s+)?{YEARS_PHRASE}")
YEAR_CUE = re.compile(
    r"(?:Jahre?n?|Jahres|Haushaltsjahre?n?|im|ab|seit|bis|für|in|vom|zum|Ende|Anfang|Mitte"
    r"|und|,)\s*$"
)
LOOK = 80  # characters before an amount where its years may stand


def years_around(text: str, start: int, end: int) -> tuple[tuple[int, ...], bool]:
    """The years named right before or after an amount, and whether "jeweils" makes it
    an amount for each of them ("für die Jahre 2024 und 2025 jeweils 5 Mio. €")."""
    before = YEARS_BEFORE.search(text[max(0, start - LOOK) : start])
    after = YEARS_AFTER.match(text[end:])
    found = before or after
    if found is None:
        return (), False
    return read_years(found.group("years")), found.group("each") is not None


def read_years(words: str) -> tuple[int, ...]:
    """ "2024, 2025 und 2026" and "2024 bis 2026" → (2024, 2025, 2026)."""
    years = [int(y) for y in re.findall(YEAR, words)]
    spans = re.findall(rf"({YEAR})\s*(?:bis|–|-)\s*({YEAR})", words)
    for first, last in spans:
        years.extend(range(int(first), int(last) + 1))
    return tuple(sorted(set(years)))


def is_year_before_currency(text: str, match: re.Match[str]) -> bool:
    """ "im Jahr 2025 Euro …", "bis 2025 Euro …", "2025 Euro-Mittel": the figure is a
    year, not 2025 €; a bare "2025 Euro" stays open (the caller publishes it unresolved)."""
    if text[match.end("after") : match.end("after") + 1] == "-":
        return True
    start = match.start("number")
    return YEAR_CUE.search(text[max(0, start - LOOK) : start]) is not None

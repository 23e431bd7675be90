"""The 16 Länder: ISO 3166-2 codes, labels, and the ways the minutes write their names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mapping.errors import SourceError


@dataclass(frozen=True)
class Land:
    """One Land with its official code and labels."""

    code: str
    name_de: str
    name_en: str
    variants: tuple[str, ...] = ()


LAENDER: tuple[Land, ...] = (
    Land("DE-BW", "Baden-Württemberg", "Baden-Württemberg", ("BW", "Land Baden-Württemberg")),
    Land("DE-BY", "Bayern", "Bavaria", ("BY", "Freistaat Bayern")),
    Land("DE-BE", "Berlin", "Berlin", ("BE", "Land Berlin")),
    Land("DE-BB", "Brandenburg", "Brandenburg", ("BB", "Land Brandenburg")),
    Land("DE-HB", "Bremen", "Bremen", ("HB", "Freie Hansestadt Bremen")),
    Land("DE-HH", "Hamburg", "Hamburg", ("HH", "Freie und Hansestadt Hamburg")),
    Land("DE-HE", "Hessen", "Hesse", ("HE", "Land Hessen")),
    Land(
        "DE-MV",
        "Mecklenburg-Vorpommern",
        "Mecklenburg-Western Pomerania",
        ("MV", "Mecklenburg-Vorp.", "Meckl.-Vorp.", "Land Mecklenburg-Vorpommern"),
    ),
    Land("DE-NI", "Niedersachsen", "Lower Saxony", ("NI", "Land Niedersachsen")),
    Land(
        "DE-NW",
        "Nordrhein-Westfalen",
        "North Rhine-Westphalia",
        ("NW", "NRW", "Land Nordrhein-Westfalen"),
    ),
    Land("DE-RP", "Rheinland-Pfalz", "Rhineland-Palatinate", ("RP", "RLP", "Land Rheinland-Pfalz")),
    Land("DE-SL", "Saarland", "Saarland", ("SL",)),
    Land("DE-SN", "Sachsen", "Saxony", ("SN", "Freistaat Sachsen")),
    Land("DE-ST", "Sachsen-Anhalt", "Saxony-Anhalt", ("ST", "LSA", "Land Sachsen-Anhalt")),
    Land("DE-SH", "Schleswig-Holstein", "Schleswig-Holstein", ("SH", "Land Schleswig-Holstein")),
    Land("DE-TH", "Thüringen", "Thuringia", ("TH", "Freistaat Thüringen")),
)

ALL_LAENDER = "Alle Länder"


def lost_hyphen(name: str) -> tuple[str, ...]:
    """A compound Land name as plain pdftotext gives it when the name was broken at its
    hyphen at a line end: the hyphen dropped ("MecklenburgVorpommern"). Unambiguous: no
    other word is spelled so."""
    return (name.replace("-", ""),) if "-" in name else ()


BY_CODE: dict[str, Land] = {land.code: land for land in LAENDER}
BY_NAME: dict[str, Land] = {
    name: land
    for land in LAENDER
    for name in (land.name_de, *land.variants, *lost_hyphen(land.name_de))
}
# Longest names first, so that "Sachsen-Anhalt" wins over "Sachsen".
NAME_PATTERN = "|".join(re.escape(name) for name in sorted(BY_NAME, key=len, reverse=True))
LAND_NAME = re.compile(rf"(?<![\w-])(?:{NAME_PATTERN})(?![\w-])")


def land_by_name(name: str) -> Land | None:
    """The Land a name or variant stands for, or None."""
    return BY_NAME.get(" ".join(name.split()))


LIST_SEPARATOR = re.compile(r"\s*(?:,|;|\bund\b|\bsowie\b)\s*")


def land_codes(text: str, path: Path | str, line: int) -> tuple[str, ...]:
    """The codes of a list of Länder ("BY, SN und Freistaat Thüringen"); unknown names fail."""
    codes: list[str] = []
    for name in LIST_SEPARATOR.split(text.strip()):
        land = land_by_name(name)
        if land is None:
            raise SourceError(
                path,
                line,
                f"unknown Land name '{name}' in '{text}'",
                "names of the 16 Länder (e.g. 'Bayern', 'BY', 'Freistaat Bayern') "
                "separated by commas or 'und'",
            )
        codes.append(land.code)
    return tuple(codes)

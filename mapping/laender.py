"""The 16 Länder: ISO 3166-2 codes, labels, and the ways the minutes write their names."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Land:
    """One Land with its official code and labels."""

    code: str
    name_de: str
    name_en: str
    variants: tuple[str, ...] = ()


LAENDER: tuple[Land, ...] = (
    Land("DE-BW", "Baden-Württemberg", "Baden-Württemberg", ("BW",)),
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
        ("MV", "Mecklenburg-Vorp."),
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
    Land("DE-ST", "Sachsen-Anhalt", "Saxony-Anhalt", ("ST", "Land Sachsen-Anhalt")),
    Land("DE-SH", "Schleswig-Holstein", "Schleswig-Holstein", ("SH", "Land Schleswig-Holstein")),
    Land("DE-TH", "Thüringen", "Thuringia", ("TH", "Freistaat Thüringen")),
)

ALL_LAENDER = "Alle Länder"
BY_CODE: dict[str, Land] = {land.code: land for land in LAENDER}
BY_NAME: dict[str, Land] = {
    name: land for land in LAENDER for name in (land.name_de, *land.variants)
}
# Longest names first, so that "Sachsen-Anhalt" wins over "Sachsen".
NAME_PATTERN = "|".join(re.escape(name) for name in sorted(BY_NAME, key=len, reverse=True))
LAND_NAME = re.compile(rf"(?<![\w-])(?:{NAME_PATTERN})(?![\w-])")


def land_by_name(name: str) -> Land | None:
    """The Land a name or variant stands for, or None."""
    return BY_NAME.get(" ".join(name.split()))

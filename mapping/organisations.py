"""Organisations the minutes name: federal bodies, conferences of ministers, addressees.

Each entry has a stable key (its URI is `id/organisation/{key}`) and the phrases by
which a resolution addresses it ("den Bund", "die Bundesregierung", "das BMI", …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Organisation:
    """A known organisation."""

    key: str
    name_de: str
    name_en: str
    federal: bool
    abbreviation: str | None = None
    parent: str | None = None
    # phrases as they stand in the text, in the case the text uses (articles included)
    phrases: tuple[str, ...] = ()
    # other spellings of the full name (genitive in lists, names in the guest list)
    names: tuple[str, ...] = ()


ORGANISATIONS: tuple[Organisation, ...] = (
    Organisation("bund", "Bund", "Federal level (Bund)", True, phrases=("den Bund",)),
    Organisation(
        "bundesregierung",
        "Bundesregierung",
        "Federal Government",
        True,
        phrases=("die Bundesregierung",),
    ),
    Organisation(
        "bundeskanzleramt",
        "Bundeskanzleramt",
        "Federal Chancellery",
        True,
        "BKAmt",
        parent="bundesregierung",
    ),
    Organisation(
        "bmi",
        "Bundesministerium des Innern und für Heimat",
        "Federal Ministry of the Interior and Community",
        True,
        "BMI",
        "bundesregierung",
        (
            "das BMI",
            "das Bundesministerium des Innern und für Heimat",
            # earlier names (to 2018-03-13; 2018-03-14 to 2021-12-07)
            "das Bundesministerium des Innern",
            "das Bundesministerium des Innern, für Bau und Heimat",
            # the office named for the ministry (addressees: area B)
            "die Bundesministerin des Innern und für Heimat",
            "den Bundesminister des Innern und für Heimat",
            "die Bundesministerin des Innern",
            "den Bundesminister des Innern",
        ),
        ("des Bundesministeriums des Innern und für Heimat",),
    ),
    Organisation(
        "bmas",
        "Bundesministerium für Arbeit und Soziales",
        "Federal Ministry of Labour and Social Affairs",
        True,
        "BMAS",
        "bundesregierung",
        (
            "das BMAS",
            "das Bundesministerium für Arbeit und Soziales",
            "die Bundesministerin für Arbeit und Soziales",
            "den Bundesminister für Arbeit und Soziales",
        ),
        ("des Bundesministeriums für Arbeit und Soziales",),
    ),
    Organisation(
        "bmz",
        "Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung",
        "Federal Ministry for Economic Cooperation and Development",
        True,
        "BMZ",
        "bundesregierung",
        ("das BMZ", "das Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung"),
    ),
    Organisation(
        "bamf",
        "Bundesamt für Migration und Flüchtlinge",
        "Federal Office for Migration and Refugees",
        True,
        "BAMF",
        "bmi",
        ("das BAMF", "das Bundesamt für Migration und Flüchtlinge"),
        ("des Bundesamtes für Migration und Flüchtlinge",),
    ),
    Organisation(
        "ba",
        "Bundesagentur für Arbeit",
        "Federal Employment Agency",
        True,
        "BA",
        phrases=("die Bundesagentur für Arbeit", "die BA"),
    ),
    Organisation(
        "integrationsbeauftragte",
        "Die Beauftragte der Bundesregierung für Migration, Flüchtlinge und Integration",
        "Federal Government Commissioner for Migration, Refugees and Integration",
        True,
        parent="bundeskanzleramt",
        phrases=(
            "die Beauftragte der Bundesregierung für Migration, Flüchtlinge und Integration",
            "den Beauftragten der Bundesregierung für Migration, Flüchtlinge und Integration",
            "die Integrationsbeauftragte",
            "den Integrationsbeauftragten",
        ),
        names=("der Beauftragten der Bundesregierung für Migration, Flüchtlinge und Integration",),
    ),
    Organisation(
        "antirassismusbeauftragte",
        "Die Beauftragte der Bundesregierung für Antirassismus",
        "Federal Government Commissioner for Anti-Racism",
        True,
        parent="bundeskanzleramt",
    ),
    Organisation(
        "antiziganismusbeauftragter",
        "Beauftragter der Bundesregierung gegen Antiziganismus und für das Leben der Sinti und "
        "Roma in Deutschland",
        "Federal Government Commissioner against Antigypsyism and for the Life of Sinti and "
        "Roma in Germany",
        True,
        parent="bundesregierung",
        names=("des Antiziganismusbeauftragten der Bundesregierung",),
    ),
    Organisation(
        "ads",
        "Unabhängige Bundesbeauftragte für Antidiskriminierung",
        "Independent Federal Commissioner for Anti-Discrimination",
        True,
        "ADS",
        names=("der Unabhängigen Bundesbeauftragten für Antidiskriminierung",),
    ),
    Organisation("laender", "Länder", "the Länder", False, phrases=("Länder", "die Länder")),
    Organisation(
        "kmk",
        "Kultusministerkonferenz",
        "Standing Conference of the Ministers of Education",
        False,
        "KMK",
        phrases=("die KMK", "die Kultusministerkonferenz"),
    ),
    # the body whose conferences the minutes record (intmk:conferenceOf); no phrase: the
    # IntMK addresses others, a sentence naming "die IntMK" is its own decision
    Organisation(
        "intmk",
        "Integrationsministerkonferenz",
        "Conference of the Integration Ministers of the Länder",
        False,
        "IntMK",
    ),
    Organisation(
        "intmk-geschaeftsstelle",
        "IntMK-Geschäftsstelle",
        "IntMK office",
        False,
        parent="intmk",
        phrases=("Die Geschäftsstelle der IntMK", "die Geschäftsstelle der IntMK"),
    ),
    Organisation(
        "alle-verantwortlichen",
        "alle Verantwortlichen",
        "all those responsible",
        False,
        phrases=("alle Verantwortlichen",),
    ),
)

BY_KEY: dict[str, Organisation] = {org.key: org for org in ORGANISATIONS}
BY_NAME: dict[str, Organisation] = {
    name: org for org in ORGANISATIONS for name in (org.name_de, *org.names)
}

# "Bund und Länder" is a pair of addressees; single phrases follow, longest first.
PAIR_PHRASES: dict[str, tuple[str, ...]] = {
    "Bund und Länder": ("bund", "laender"),
    "Bund und die Länder": ("bund", "laender"),
    "den Bund und die Länder": ("bund", "laender"),
}
SINGLE_PHRASES: dict[str, tuple[str, ...]] = {
    phrase: (org.key,) for org in ORGANISATIONS for phrase in org.phrases
}
ADDRESSEE_PHRASES: dict[str, tuple[str, ...]] = {**PAIR_PHRASES, **SINGLE_PHRASES}
ADDRESSEE = re.compile(
    "|".join(
        rf"(?<!\w){re.escape(phrase)}(?!\w)"
        for phrase in sorted(ADDRESSEE_PHRASES, key=len, reverse=True)
    )
)


def organisation_by_name(name: str) -> Organisation | None:
    """The organisation a full name (as in the guest list) stands for, or None."""
    return BY_NAME.get(" ".join(name.split()))


def is_federal(key: str) -> bool:
    """Whether the organisation with this key belongs to the federal level."""
    org = BY_KEY.get(key)
    return org is not None and org.federal

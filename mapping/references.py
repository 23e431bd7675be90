"""References in resolution texts: statutes, EU law and other IntMK conferences.

Statutes link to their official identifiers: German federal law to
gesetze-im-internet.de, EU law to its ELI (with the CELEX number as label source).
"""

from __future__ import annotations

import re

from mapping.model import ConferenceReference, LawReference

# abbreviation → (slug on gesetze-im-internet.de, spelled-out names)
STATUTES: dict[str, tuple[str, tuple[str, ...]]] = {
    "AufenthG": ("aufenthg_2004", ("Aufenthaltsgesetz", "Aufenthaltsgesetzes")),
    "AsylG": ("asylvfg_1992", ("Asylgesetz", "Asylgesetzes")),
    "AsylbLG": ("asylblg", ("Asylbewerberleistungsgesetz", "Asylbewerberleistungsgesetzes")),
    "StAG": ("stag", ("Staatsangehörigkeitsgesetz", "Staatsangehörigkeitsgesetzes")),
    "BAföG": ("baf_g", ("Bundesausbildungsförderungsgesetz",)),
    "BQFG": ("bqfg", ("Berufsqualifikationsfeststellungsgesetz",)),
}
STATUTE_NAMES = {name: abbr for abbr, (_, names) in STATUTES.items() for name in names}
STATUTE = "|".join(
    re.escape(word) for word in sorted([*STATUTES, *STATUTE_NAMES], key=len, reverse=True)
)
SECTION = re.compile(
    rf"§\s*(?P<section>\d+[a-z]?)\s+(?P<statute>{STATUTE})(?:\s*\((?P<abbr>{'|'.join(STATUTES)})\))?"
)
EU_ACT = re.compile(
    r"(?P<type>Richtlinie|Verordnung)\s+(?:\((?:EU|EG)\)\s+(?:Nr\.\s*)?)?"
    r"(?P<year>\d{4})/(?P<number>\d+)(?:/(?:EG|EU|EWG))?"
)
EU_TYPES = {"Richtlinie": ("dir", "L"), "Verordnung": ("reg", "R")}
CONFERENCE = re.compile(
    r"(?P<first>\d{1,2})\.\s*(?:und\s+(?P<second>\d{1,2})\.\s*)?IntMK(?![-\w])(?:\s+(?P<year>\d{4}))?"
)


def find_laws(text: str) -> tuple[LawReference, ...]:
    """Sections of federal statutes and EU directives or regulations cited in a text."""
    found: dict[str, LawReference] = {}
    for match in SECTION.finditer(text):
        statute = match.group("statute")
        abbr = STATUTE_NAMES.get(statute, statute)
        slug = STATUTES[abbr][0]
        section = match.group("section")
        iri = f"https://www.gesetze-im-internet.de/{slug}/__{section}.html"
        found.setdefault(iri, LawReference(iri, f"§ {section} {abbr}", match.group(0)))
    for match in EU_ACT.finditer(text):
        kind, _ = EU_TYPES[match.group("type")]
        year, number = match.group("year"), int(match.group("number"))
        iri = f"http://data.europa.eu/eli/{kind}/{year}/{number}/oj"
        label = f"{match.group('type')} {year}/{number}" + (
            "/EG" if match.group(0).endswith("/EG") else ""
        )
        found.setdefault(iri, LawReference(iri, label, match.group(0)))
    return tuple(found.values())


def celex(iri: str) -> str | None:
    """The CELEX number of an EU act given by its ELI."""
    match = re.match(r"http://data\.europa\.eu/eli/(dir|reg)/(\d{4})/(\d+)/oj$", iri)
    if match is None:
        return None
    sector_letter = "L" if match.group(1) == "dir" else "R"
    return f"3{match.group(2)}{sector_letter}{int(match.group(3)):04d}"


def find_conferences(text: str, own_number: int) -> tuple[ConferenceReference, ...]:
    """Other IntMK conferences a text refers to ("Beschluss der 17. IntMK 2022")."""
    found: dict[int, ConferenceReference] = {}
    for match in CONFERENCE.finditer(text):
        year = int(match.group("year")) if match.group("year") else None
        numbers = [int(match.group("first"))]
        if match.group("second"):
            numbers.append(int(match.group("second")))  # a year after a pair: the second's
        for index, number in enumerate(numbers):
            if number == own_number:
                continue
            stated_year = year if index == len(numbers) - 1 else None
            known = found.get(number)
            if known is None or (known.year is None and stated_year is not None):
                found[number] = ConferenceReference(number, stated_year, match.group(0))
    return tuple(sorted(found.values(), key=lambda ref: ref.number))

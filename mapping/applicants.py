"""Lists of applicant Länder, as the agenda, the Green List and the resolutions write them."""

from __future__ import annotations

import re
from pathlib import Path

from mapping.errors import SourceError
from mapping.laender import ALL_LAENDER, LAENDER, NAME_PATTERN, land_by_name
from mapping.model import ApplicantEntry, ApplicantList, LineRange

COORDINATING = r"\(\s*koordinierend\s*\)"
# one applicant: optionally underlined, optionally "(koordinierend)"
APPLICANT = re.compile(
    rf"(?P<open><u>\s*)?(?P<name>{NAME_PATTERN}|{ALL_LAENDER})(?![\w-])\s*(?P<close></u>)?"
    rf"\s*(?P<coord>{COORDINATING})?"
)
SEPARATOR = re.compile(r"^[\s,;]*(?:und\s+)?[\s,;]*$")
# An applicant list at the end of an agenda title: applicants, separated by commas or spaces.
APPLICANT_SUFFIX = re.compile(
    rf"(?:(?<=\s)|^)(?P<list>(?:<u>\s*)?(?:{NAME_PATTERN}|{ALL_LAENDER})(?![\w-])"
    rf"(?:\s*</u>)?(?:\s*{COORDINATING})?"
    rf"(?:[\s,;]+(?:und\s+)?(?:<u>\s*)?(?:{NAME_PATTERN})(?![\w-])(?:\s*</u>)?"
    rf"(?:\s*{COORDINATING})?)*)[\s,]*$"
)
# Words after which a Land name belongs to the title ("Bericht aus Hessen").
PREPOSITIONS = {"in", "im", "aus", "für", "von", "vom", "nach", "mit", "zu", "zum", "zur", "über"}


def parse_applicants(
    text: str, lines: LineRange, path: Path | str, stated_line: int | None = None
) -> ApplicantList:
    """Parse "Berlin, <u>Bremen</u> (koordinierend), Hamburg" or "Alle Länder".

    Anything that is not a Land name, a separator or a marker is an error: a Land the
    parser does not know must never be dropped silently.
    """
    entries: list[ApplicantEntry] = []
    all_laender = False
    position = 0
    for match in APPLICANT.finditer(text):
        check_separator(text[position : match.start()], path, stated_line or lines.first)
        position = match.end()
        name = match.group("name")
        if name == ALL_LAENDER:
            all_laender = True
            continue
        land = land_by_name(name)
        assert land is not None  # the pattern only matches known names
        entries.append(
            ApplicantEntry(
                land=land.code,
                coordinating=match.group("coord") is not None,
                highlighted=match.group("open") is not None,
            )
        )
    check_separator(text[position:], path, stated_line or lines.first)
    if all_laender:
        if entries:
            raise SourceError(
                path,
                stated_line or lines.first,
                f"'{ALL_LAENDER}' stands beside single Länder in '{text}'",
                f"either '{ALL_LAENDER}' or a list of Länder",
            )
        entries = [ApplicantEntry(land.code) for land in LAENDER]
    if not entries:
        raise SourceError(
            path, stated_line or lines.first, f"no applicant in '{text}'", "a list of Länder"
        )
    plain = re.sub(r"\s+,", ",", " ".join(re.sub(r"</?u>", "", text).split()))
    return ApplicantList(tuple(entries), all_laender, plain.strip(" ,"), lines)


def check_separator(between: str, path: Path | str, line: int) -> None:
    """Between two applicants only commas, 'und' and white space may stand."""
    if not SEPARATOR.match(between):
        raise SourceError(
            path,
            line,
            f"unknown Land name '{between.strip(' ,')}' in an applicant list",
            "one of the 16 Länder (e.g. 'Baden-Württemberg', 'BW', 'Freistaat Bayern') "
            f"or '{ALL_LAENDER}'",
        )


def split_title_and_applicants(text: str) -> tuple[str, str | None]:
    """Split an agenda row's text into its title and the applicant list that ends it."""
    match = APPLICANT_SUFFIX.search(text)
    if match is None:
        return text.strip(), None
    title = text[: match.start()].rstrip()
    applicants = match.group("list")
    previous_word = title.rsplit(" ", 1)[-1].lower() if title else ""
    if previous_word in PREPOSITIONS:
        # the first Land name belongs to the title; the list starts after it
        first = APPLICANT.match(applicants)
        assert first is not None
        title = f"{title} {applicants[: first.end()].strip()}"
        rest = applicants[first.end() :].lstrip(" ,")
        return title.strip(), rest or None
    return title, applicants

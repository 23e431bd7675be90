"""What is known about each minutes document as its publisher published it, from the
checked table data/reference/publications.tsv.

One row per source file (by its file name in data/sources/): the address the publisher
published it at (`url`), the publisher (`publisher`, the key of an organisation of
mapping/organisations.py), the date of publication (`issued`, ISO 8601) and the licence
(`licence`, an IRI), with the `evidence` for what is filled. An empty cell means unknown,
and the graph then says nothing about it: no address, date or licence is ever guessed.
A source file without a row is described by what the minutes themselves say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from mapping.errors import SourceError
from mapping.organisations import BY_KEY
from mapping.reference_table import REFERENCE, reference_rows

PUBLICATIONS_TABLE = REFERENCE / "publications.tsv"
COLUMNS = ("file", "url", "publisher", "issued", "licence", "evidence")
IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+")


@dataclass(frozen=True)
class Publication:
    """What the table states about one source file; None where the cell is empty."""

    url: str | None = None
    publisher: str | None = None
    """The key of a known organisation (its IRI is id/organisation/{key})."""
    issued: str | None = None
    """An ISO 8601 date (YYYY-MM-DD)."""
    licence: str | None = None


def load_publications(path: Path = PUBLICATIONS_TABLE) -> dict[str, Publication]:
    """file name → what is known of its publication, for every row of the table."""
    table: dict[str, Publication] = {}
    for number, values in reference_rows(path, COLUMNS):
        if not values["file"]:
            raise SourceError(path, number, "an empty file name", "a file of data/sources/")
        table[values["file"]] = publication(path, number, values)
    return table


def publication(path: Path, number: int, values: dict[str, str]) -> Publication:
    """One row, each filled cell checked: an http(s) IRI, a known organisation, a date."""
    for column in ("url", "licence"):
        if values[column] and IRI.fullmatch(values[column]) is None:
            raise SourceError(path, number, f"'{values[column]}' in column {column}", "an IRI")
    if values["publisher"] and values["publisher"] not in BY_KEY:
        raise SourceError(
            path,
            number,
            f"'{values['publisher']}' in column publisher",
            "the key of an organisation in mapping/organisations.py",
        )
    if values["issued"]:
        try:
            date.fromisoformat(values["issued"])
        except ValueError:
            raise SourceError(
                path, number, f"'{values['issued']}' in column issued", "a date YYYY-MM-DD"
            ) from None
    filled = [c for c in ("url", "publisher", "issued", "licence") if values[c]]
    if filled and not values["evidence"]:
        raise SourceError(path, number, "no evidence", f"the evidence for {', '.join(filled)}")
    return Publication(
        url=values["url"] or None,
        publisher=values["publisher"] or None,
        issued=values["issued"] or None,
        licence=values["licence"] or None,
    )


@cache
def publications() -> dict[str, Publication]:
    return load_publications()


def publication_of(file_name: str) -> Publication:
    """What the table knows of the file's publication (nothing, without a row)."""
    return publications().get(file_name, Publication())

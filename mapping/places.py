"""Names of meeting places in German and English from the checked table
data/reference/places.tsv.

A place is published with the name the minutes print (@de) and, where the table has a
row for it, the English name the row's evidence shows (@en; "Wiesbaden" is the same in
both, "München" is "Munich"). A place without a row keeps its German name alone: no
English name is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mapping.errors import SourceError
from mapping.reference_table import REFERENCE, reference_rows
from mapping.uris import slug

PLACES_TABLE = REFERENCE / "places.tsv"
COLUMNS = ("key", "label_de", "label_en", "evidence")


@dataclass(frozen=True)
class PlaceName:
    german: str
    english: str


def load_places(path: Path = PLACES_TABLE) -> dict[str, PlaceName]:
    """key ('place-' and the slug of the German name) → names, for every row of the table."""
    table: dict[str, PlaceName] = {}
    for number, values in reference_rows(path, COLUMNS):
        empty = [column for column in COLUMNS if not values[column]]
        if empty:
            raise SourceError(path, number, f"empty {', '.join(empty)}", "every column filled")
        if values["key"] != "place-" + slug(values["label_de"]):
            raise SourceError(
                path,
                number,
                f"key '{values['key']}' for '{values['label_de']}'",
                f"'place-{slug(values['label_de'])}'",
            )
        table[values["key"]] = PlaceName(values["label_de"], values["label_en"])
    return table


@cache
def place_names() -> dict[str, PlaceName]:
    return load_places()


def english_place_name(printed: str) -> str | None:
    """The English name of the place the minutes print as `printed`, if the table has it."""
    row = place_names().get("place-" + slug(printed))
    return row.english if row is not None and row.german == printed else None

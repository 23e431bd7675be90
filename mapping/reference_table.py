"""Reading a checked reference table of data/reference/ (tab-separated, a header row).

Every table is read the same way: the header must name the expected columns in order,
each cell is stripped, and every row comes with its line number, so that an error names
the file, the line and what was expected.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from mapping.errors import SourceError

REFERENCE = Path(__file__).resolve().parent.parent / "data" / "reference"


def reference_rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, stripped cells by column) for each row of the table at `path`; a header
    other than `columns` is a SourceError on line 1."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        if tuple(reader.fieldnames or ()) != columns:
            raise SourceError(path, 1, f"columns {reader.fieldnames}", ", ".join(columns))
        for number, row in enumerate(reader, start=2):
            yield number, {column: (row.get(column) or "").strip() for column in columns}

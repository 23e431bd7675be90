"""Minutes laid out in columns of characters, as `pdftotext -layout` and fixed-width
converters write them: agenda tables apart by runs of spaces (other headers, margins,
column positions, remark columns, page breaks inside a row) and justified paragraphs
(widths 72–100, margins 0–8, hanging indents, page breaks inside paragraphs, paragraphs
without blank lines between them).

The fixtures (tests/fixtures/layout_text/, README.md and MANIFEST.json there) were written
from descriptions of these layouts by someone who did not read the parser. Each gives the
facts of its clean base (tests/facts.py), or a SourceError at the line it names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mapping.errors import SourceError
from mapping.parse_document import parse_file
from tests.facts import describe, facts, leave_out
from tests.test_damage import base_facts

ROOT = Path(__file__).resolve().parent.parent
LAYOUT_TEXT = ROOT / "tests" / "fixtures" / "layout_text"
ENTRIES: list[dict[str, Any]] = json.loads(
    (LAYOUT_TEXT / "MANIFEST.json").read_text(encoding="utf-8")
)["fixtures"]


def test_the_manifest_lists_every_fixture() -> None:
    listed = {entry["file"] for entry in ENTRIES}
    present = {path.name for path in LAYOUT_TEXT.iterdir()} - {"MANIFEST.json", "README.md"}
    assert listed == present
    assert len(listed) == len(ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry["file"] for entry in ENTRIES])
def test_a_layout_gives_the_facts_of_its_base(entry: dict[str, Any]) -> None:
    path = LAYOUT_TEXT / entry["file"]
    expect = entry["expect"]
    if "error" in expect:
        with pytest.raises(SourceError) as caught:
            parse_file(path)
        assert caught.value.line == expect["error"]["line"], str(caught.value)
        assert expect["error"]["contains"] in str(caught.value), str(caught.value)
        return
    expected, found = base_facts(entry["base"]), facts(parse_file(path))
    if expect["facts"] == "same-except-highlights":
        expected, found = leave_out(expected, "highlighted"), leave_out(found, "highlighted")
    assert found == expected, describe(expected, found)


# a title's continuation line set off its column: (fixture, the line's text)
TITLE_CONTINUATIONS = [
    ("agenda_left_applicants_seed.txt", "dem Follow-Up-Prozess"),
    ("agenda_margin3_col14_video_2021.txt", "Berufsabschlüsse"),
    ("agenda_nr_header_laender_2024.txt", "stärken"),
]


def moved(tmp_path: Path, fixture: str, text: str, column: int) -> tuple[Path, int]:
    """The fixture with the continuation line's `text` moved to start at `column` (from 0);
    the cells after it on that line stay where they are."""
    lines = (LAYOUT_TEXT / fixture).read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines) if line.strip().startswith(text))
    line = lines[number]
    rest = line[line.index(text) + len(text) :]
    placed = " " * column + text
    lines[number] = placed + rest[len(placed) - line.index(text) - len(text) :]
    # the fixture must allow the move: the cells after the text keep their place
    assert not rest.strip() or lines[number].endswith(rest.strip()), "the move hits a cell"
    path = tmp_path / fixture
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, number + 1


@pytest.mark.parametrize(("fixture", "text"), TITLE_CONTINUATIONS)
@pytest.mark.parametrize("offset", [4, 9, 15])
def test_a_continuation_under_the_title_text_names_its_line(
    tmp_path: Path, fixture: str, text: str, offset: int
) -> None:
    """Starting inside the title column, under the title text above it: neither title nor
    applicants by position — an error naming the line and the columns."""
    title_column = {"agenda_margin3_col14_video_2021.txt": 14}.get(fixture, 10)
    path, number = moved(tmp_path, fixture, text, title_column + offset)
    with pytest.raises(SourceError) as error:
        parse_file(path)
    assert error.value.line == number, str(error.value)
    assert "inside the title column" in error.value.problem
    assert f"from column {title_column + 1}" in error.value.problem


@pytest.mark.parametrize(
    ("fixture", "text", "column"),
    [
        ("agenda_left_applicants_seed.txt", "dem Follow-Up-Prozess", 54),
        ("agenda_left_applicants_seed.txt", "dem Follow-Up-Prozess", 70),
        ("agenda_margin3_col14_video_2021.txt", "Berufsabschlüsse", 70),
        ("agenda_margin3_col14_video_2021.txt", "Berufsabschlüsse", 80),
    ],
)
def test_title_text_in_the_applicant_column_names_its_line(
    tmp_path: Path, fixture: str, text: str, column: int
) -> None:
    """Right of the title text, it is in the applicant column by position; no Land name,
    it is named with its own line (not the row's first) and the column it stands in."""
    path, number = moved(tmp_path, fixture, text, column)
    with pytest.raises(SourceError) as error:
        parse_file(path)
    assert error.value.line == number, str(error.value)
    assert f"'{text}' stands in the applicant column of the agenda table" in error.value.problem

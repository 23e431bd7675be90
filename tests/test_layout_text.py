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

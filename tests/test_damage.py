"""Damaged and re-laid-out minutes: each fixture must give the facts of its clean base document.

The fixtures (tests/fixtures/damage/, described in its README.md and listed in MANIFEST.json)
are what PDF converters and other years' layouts make of a clean document: soft hyphens,
ligatures, odd spaces, page numbers, running headers, footnotes, wrapped agenda rows,
space-separated columns, missing blank lines, split title blocks, tables of contents, broken
delegations, person remarks, TOP suffixes and lost markup. The expected facts always come from
parsing the clean base (tests/facts.py), never from values written here. "expect" says how
they compare:

- "same": equal facts;
- "same-except-highlights": equal once the `highlighted` flags of applicants are left out
  (the markup that carries them was removed);
- "same-except-footnotes": equal once the footnotes are left out (the clean base has none),
  no footnote marker ("Integration1") nor footnote text appears in any other string fact,
  and the footnotes are exactly those "published" lists: number, text, what they annotate;
- "same-except-person-remarks": equal once a `remark` of a person is left out, and Person has
  a `remark` field holding the bracketed remark ("ab TOP 5") of each person named;
- "same-except-heading-marks": equal once the resolutions' `heading_mark` and the
  green-list-mismatch findings are left out; the marks are exactly "marks" (TOP → "GL"),
  and the green-list-mismatch findings exactly "green_list_findings";
- "error": the input cannot be read by anyone (a truncated file); a SourceError at that line
  whose problem or expectation contains the substring.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from mapping.errors import SourceError
from mapping.model import Person
from mapping.parse_document import parse_file
from tests.facts import Facts, describe, facts, leave_out

ROOT = Path(__file__).resolve().parent.parent
DAMAGE = ROOT / "tests" / "fixtures" / "damage"
NOT_FIXTURES = {"MANIFEST.json", "README.md"}
KINDS = {
    "same",
    "same-except-highlights",
    "same-except-footnotes",
    "same-except-person-remarks",
    "same-except-heading-marks",
}
GREEN_LIST_MISMATCH = "green-list-mismatch"
ANNOTATED = {"kind": None, "top": None, "position": None, "bullet": None, "person": None}

Entry = dict[str, Any]
ENTRIES: list[Entry] = json.loads((DAMAGE / "MANIFEST.json").read_text(encoding="utf-8"))[
    "fixtures"
]


@cache
def base_facts(base: str) -> Facts:
    return facts(parse_file(ROOT / base))


def strings(value: object) -> Iterator[str]:
    """Every string in a fact structure."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, tuple):
        for item in value:
            yield from strings(item)


def persons(found: Facts) -> dict[str, dict[str, object]]:
    """The persons of all delegations by name."""
    delegations = found["delegations"]
    assert isinstance(delegations, tuple)
    return {
        person["name"]: person for delegation in delegations for person in delegation["persons"]
    }


def published_footnotes(found: Facts) -> list[dict[str, object]]:
    """The footnotes of the facts as the manifest lists them."""
    notes = found["footnotes"]
    assert isinstance(notes, tuple)
    return [{"number": n["number"], "text": n["text"], "annotates": n["annotates"]} for n in notes]


def without_green_list_findings(found: Facts) -> Facts:
    """The facts without the resolutions' heading marks and the green-list findings."""
    left = leave_out(found, "heading_mark")
    findings = left["findings"]
    assert isinstance(findings, tuple)
    left["findings"] = tuple(f for f in findings if f["kind"] != GREEN_LIST_MISMATCH)
    return left


def check_footnotes(found: Facts, expect: Entry) -> Facts:
    """No marker or note text in any fact but the footnotes, and the footnotes exactly as
    listed; the facts without the footnotes, to compare with the clean base."""
    compared = leave_out(found, "footnotes")
    texts = list(strings(compared))
    for note in expect["footnotes"]:
        for part in (note["marker"], note["text"]):
            hits = [text for text in texts if part in text]
            assert not hits, f"footnote {part!r} reached the facts: {hits[0][:200]!r}"
    listed = [
        {**note, "annotates": {**ANNOTATED, **note["annotates"]}} for note in expect["published"]
    ]
    assert published_footnotes(found) == listed
    return compared


def check_heading_marks(found: Facts, expect: Entry) -> Facts:
    """The heading marks and green-list findings exactly as listed; the facts without them."""
    resolutions = found["resolutions"]
    findings = found["findings"]
    assert isinstance(resolutions, tuple) and isinstance(findings, tuple)
    marks = {r["top"]: r["heading_mark"] for r in resolutions if r["heading_mark"] is not None}
    assert marks == expect["marks"]
    mismatches = [
        {
            "top": f["top"],
            "agenda_value": f["agenda_value"],
            "resolution_value": f["resolution_value"],
        }
        for f in findings
        if f["kind"] == GREEN_LIST_MISMATCH
    ]
    assert mismatches == expect["green_list_findings"]
    return without_green_list_findings(found)


def test_the_manifest_lists_every_fixture_and_every_fixture_exists() -> None:
    listed = [entry["file"] for entry in ENTRIES]
    present = {path.name for path in DAMAGE.iterdir() if path.is_file()} - NOT_FIXTURES
    assert len(listed) == len(set(listed)), "a fixture is listed twice"
    assert present == set(listed), (
        f"unlisted: {present - set(listed)}, missing: {set(listed) - present}"
    )
    for entry in ENTRIES:
        assert (ROOT / entry["base"]).is_file(), entry["base"]
        assert entry["variant"] and entry["description"], entry["file"]
        expect = entry["expect"]
        assert "error" in expect or expect.get("facts") in KINDS, entry["file"]
    used = {entry["base"] for entry in ENTRIES}
    for clean in (DAMAGE / "clean").iterdir():
        assert str(clean.relative_to(ROOT)) in used, f"{clean.name} is the base of no fixture"


# Fixtures the parser does not read yet, each with the reason; strict: one that starts to pass
# fails here until its mark is removed. docs/PLAN.md lists them as what is left of issue 13.
NOT_YET: dict[str, str] = {}  # none left; a fixture the parser cannot read yet goes here


def marked(entry: Entry) -> Any:
    reason = NOT_YET.get(entry["file"])
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(entry, marks=marks, id=entry["file"])


@pytest.mark.parametrize("entry", [marked(entry) for entry in ENTRIES])
def test_a_damaged_document_gives_the_facts_of_its_clean_base(entry: Entry) -> None:
    path = DAMAGE / entry["file"]
    expect = entry["expect"]
    if "error" in expect:
        with pytest.raises(SourceError) as caught:
            parse_file(path)
        error = caught.value
        assert error.line == expect["error"]["line"], str(error)
        assert expect["error"]["contains"] in f"{error.problem} {error.expected}", str(error)
        return
    expected, found = base_facts(entry["base"]), facts(parse_file(path))
    kind = expect["facts"]
    compared = found
    if kind == "same-except-footnotes":  # the base has none: compared without, checked here
        compared = check_footnotes(found, expect)
        assert expected["footnotes"] == ()
        expected = leave_out(expected, "footnotes")
    if kind == "same-except-heading-marks":
        compared = check_heading_marks(found, expect)
        expected = without_green_list_findings(expected)
    if kind == "same-except-highlights":
        expected, compared = leave_out(expected, "highlighted"), leave_out(found, "highlighted")
    if kind == "same-except-person-remarks":  # compared without the remarks, checked below
        expected, compared = leave_out(expected, "remark"), leave_out(found, "remark")
    assert compared == expected, describe(expected, compared)
    if kind == "same-except-person-remarks":
        if "remark" not in {field.name for field in fields(Person)}:
            pytest.fail("Person has no `remark` field: the bracketed remarks were dropped")
        named = persons(found)
        for name, remark in expect["remarks"].items():
            assert named[name]["remark"] == remark, f"{name}: {named[name]}"

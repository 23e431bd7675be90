"""Damage anywhere: what PDF converters do to a document, at places hypothesis chooses.

Each property damages the seed the way a converter could — soft hyphens, ligatures, odd
spaces and zero-width characters inside words, page numbers in every common form at page
breaks, runs of spaces instead of tabs, markup lost — and parses the result. The facts
(tests/facts.py) must be the seed's, or parsing must stop with a SourceError naming the
file; never different facts. Where the damage removes what carries a fact (the `<u>`
marks that carry the highlighted Länder), only those facts may differ.

Budgets as in tests/test_parser_properties.py (INTMK_PROPERTY_EXAMPLES, default 60).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mapping.errors import SourceError
from mapping.model import Minutes
from mapping.parse_document import parse_file
from tests.conftest import SEED
from tests.facts import Facts, describe, facts, leave_out, parse_bytes
from tests.property_budget import PROPERTY

SEED_LINES: tuple[str, ...] = tuple(SEED.read_text(encoding="utf-8").split("\n"))
ORIGINAL_FACTS: Facts = facts(parse_file(SEED))
WORD = re.compile(r"[^\W\d_]{4,}")
LIGATURE_PAIRS = {"ffi": "\ufb03", "ffl": "\ufb04", "ff": "\ufb00", "fi": "\ufb01", "fl": "\ufb02"}
SPACES = ("\u00a0", "\u202f", "\u2009", "\u2007")
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060")
PAGE_FORMS = ("Seite {n}", "Seite {n} von {m}", "- {n} -", "– {n} –", "{n}/{m}", "{n}")
MARKUP = re.compile(r"\*\*|</?u>|</?p>")
# the blank lines of the seed: where a page break may fall between two blocks
GAPS = [i for i, line in enumerate(SEED_LINES) if not line.strip()]
WORDS = [
    (i, match.start(), match.end())
    for i, line in enumerate(SEED_LINES)
    for match in WORD.finditer(MARKUP.sub("", line) if "**" not in line else "")
    if "\t" not in line
]


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("damaged") / SEED.name


def parse_lines(lines: list[str], path: Path) -> Minutes:
    return parse_bytes("\n".join(lines).encode("utf-8"), path)


def same_facts_or_error(
    lines: list[str], path: Path, project: Callable[[Facts], Facts] = lambda f: f
) -> None:
    """The seed's facts (projected), or a SourceError naming the file: never other facts."""
    try:
        found = facts(parse_lines(lines, path))
    except SourceError as error:
        assert str(error).startswith(str(path)), str(error)
        return
    expected = project(ORIGINAL_FACTS)
    assert project(found) == expected, describe(expected, project(found))


def inside_words(draw: st.DrawFn, most: int) -> list[tuple[int, int]]:
    """Places (line, column) strictly inside words of running text, at most `most`."""
    chosen = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=most, unique=True))
    return [(line, draw(st.integers(start + 1, end - 1))) for line, start, end in chosen]


def insert(lines: list[str], places: list[tuple[int, int]], text: Callable[[int], str]) -> None:
    """Insert text at each place, from the back so that earlier columns stay right."""
    for number, (line, column) in enumerate(sorted(places, reverse=True)):
        lines[line] = lines[line][:column] + text(number) + lines[line][column:]


@PROPERTY
@given(data=st.data())
def test_soft_hyphens_inside_words_change_no_fact(target: Path, data: st.DataObject) -> None:
    lines = list(SEED_LINES)
    insert(
        lines, data.draw(st.composite(lambda draw: inside_words(draw, 12))()), lambda _: "\u00ad"
    )
    same_facts_or_error(lines, target)


@PROPERTY
@given(data=st.data())
def test_zero_width_characters_inside_words_change_no_fact(
    target: Path, data: st.DataObject
) -> None:
    lines = list(SEED_LINES)
    places = data.draw(st.composite(lambda draw: inside_words(draw, 12))())
    marks = data.draw(
        st.lists(st.sampled_from(ZERO_WIDTH), min_size=len(places), max_size=len(places))
    )
    insert(lines, places, lambda number: marks[number])
    same_facts_or_error(lines, target)


@PROPERTY
@given(chosen=st.lists(st.integers(0, len(SEED_LINES) - 1), min_size=1, max_size=40, unique=True))
def test_ligatures_change_no_fact(target: Path, chosen: list[int]) -> None:
    lines = list(SEED_LINES)
    for index in chosen:
        for letters, ligature in LIGATURE_PAIRS.items():
            lines[index] = lines[index].replace(letters, ligature)
    same_facts_or_error(lines, target)


@PROPERTY
@given(
    chosen=st.lists(st.integers(0, len(SEED_LINES) - 1), min_size=1, max_size=40, unique=True),
    space=st.sampled_from(SPACES),
)
def test_unicode_spaces_change_no_fact(target: Path, chosen: list[int], space: str) -> None:
    lines = list(SEED_LINES)
    for index in chosen:
        lines[index] = lines[index].replace(" ", space)
    same_facts_or_error(lines, target)


@PROPERTY
@given(
    gaps=st.lists(st.sampled_from(GAPS), min_size=1, max_size=12, unique=True),
    form=st.sampled_from(PAGE_FORMS),
    at_end=st.booleans(),
)
def test_page_numbers_at_page_breaks_change_no_fact(
    target: Path, gaps: list[int], form: str, at_end: bool
) -> None:
    """A page number in one form on a line of its own where a page break fell (a blank
    line between two blocks), numbered on, and perhaps as the file's last line."""
    lines = list(SEED_LINES)
    total = len(gaps) + 2
    for number, gap in enumerate(sorted(gaps, reverse=True)):
        page = len(gaps) - number + 1
        lines[gap : gap + 1] = ["", form.format(n=page, m=total), ""]
    if at_end:
        lines += ["", form.format(n=total, m=total)]
    same_facts_or_error(lines, target)


@PROPERTY
@given(chosen=st.lists(st.integers(0, len(SEED_LINES) - 1), min_size=1, max_size=80, unique=True))
def test_markup_removed_changes_only_the_highlights(target: Path, chosen: list[int]) -> None:
    """Without `**`, `<p>` and `<u>` marks the text carries no underline: the highlighted
    flags of applicants may be lost, nothing else."""
    lines = list(SEED_LINES)
    for index in chosen:
        lines[index] = MARKUP.sub("", lines[index])
    same_facts_or_error(lines, target, lambda found: leave_out(found, "highlighted"))


def test_all_markup_removed_changes_only_the_highlights(target: Path) -> None:
    lines = [MARKUP.sub("", line) for line in SEED_LINES]
    found = leave_out(facts(parse_lines(lines, target)), "highlighted")
    assert found == leave_out(ORIGINAL_FACTS, "highlighted")

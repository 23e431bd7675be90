"""Robustness of the parser: mutated minutes give the same facts, or a clear error.

Each property mutates the seed minutes the way a PDF conversion of the same document
could have written it — page headers elsewhere, words hyphenated or lines wrapped at
other places, other white space, Unicode in NFD, parts of the document in another order —
and parses the result through parse_file. The facts (tests/facts.py: everything the
model says except where it says it) must be the original's; where a mutation changes an
order that is itself a fact (agenda positions, persons in a delegation), the expected
facts are the original's in the new order. A mutation that can also produce a different
valid document is held to the weaker property: the same facts or a SourceError naming the
file — never another exception. What "silently different" means is said per property.

Budgets (tests/property_budget.py): every property runs INTMK_PROPERTY_EXAMPLES examples,
derandomized (the same examples on every run, no example database), without a deadline; the
seed is parsed in about 200 ms, so a property takes 10 to 30 s.
A longer local run:
INTMK_PROPERTY_EXAMPLES=2000 pytest tests/test_parser_properties.py
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import given, reject
from hypothesis import strategies as st

from mapping.errors import SourceError
from mapping.model import Minutes
from mapping.parse_document import parse_file
from mapping.source import read_source
from mapping.text import CONJUNCTIONS
from tests.conftest import SEED
from tests.facts import Facts, describe, facts, known_crash, parse_bytes
from tests.property_budget import PROPERTY

SEED_LINES: tuple[str, ...] = tuple(SEED.read_text(encoding="utf-8").split("\n"))
ORIGINAL: Minutes = parse_file(SEED)
ORIGINAL_FACTS: Facts = facts(ORIGINAL)
# the seed's lines as the parser sees them: residue removed, blank and page headers ""
CLEAN: tuple[str, ...] = tuple(line.text for line in read_source(SEED).lines)

# the page headers exactly as the seed prints them (test_the_headers_are_the_seeds)
PAGE_HEADERS: tuple[tuple[str, ...], ...] = (
    (
        "18. Integrationsminister*innenkonferenz 2023",
        "",
        "Hauptkonferenz am 26./27. April 2023 in Wiesbaden",
    ),
    (
        "18. Integrationsminister*innenkonferenz 2023",
        "",
        "Hauptkonferenz am 26./ 27. April 2023 in Wiesbaden",
    ),
    (
        "18. Integrationsministerkonferenz 2023",
        "",
        "Hauptkonferenz 26./27. April 2023 in Wiesbaden",
    ),
    ("**Hauptkonferenz", "der 18. IntMK 2023", "26./ 27. April 2023 in Wiesbaden**"),
)
RUNNING_TITLE = re.compile(r"^\d{1,2}\. Integrationsminister\S*konferenz \d{4}$")
# a line of this layout that ends so ends its paragraph (one line per paragraph)
PARAGRAPH_END = re.compile(r"[.!?:;]\W*$")
WORD = re.compile(r"[^\W\d_]+")
# a PDF line breaks only when it is full: the seed's wrapped lines are 50 characters and
# more, so no break is made before this column (a label like "Antragsteller:" never wraps)
FULL_LINE = 30


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The file each mutated text is written to before parsing."""
    return tmp_path_factory.mktemp("mutated") / SEED.name


def parse_lines(lines: Sequence[str], path: Path, newline: str = "\n") -> Minutes:
    return parse_bytes(newline.join(lines).encode("utf-8"), path)


def assert_facts(found: Minutes, expected: Facts = ORIGINAL_FACTS) -> None:
    found_facts = facts(found)
    assert found_facts == expected, describe(expected, found_facts)


def same_facts_or_source_error(parse: Callable[[], Minutes], path: Path) -> None:
    """The weaker property: the original facts, or a SourceError that names the file."""
    try:
        minutes = parse()
    except SourceError as error:
        assert str(error).startswith(str(path)), str(error)
        return
    assert_facts(minutes)


# where things are in the seed ------------------------------------------------------------

FIRST_TOP = min(resolution.lines.first for resolution in ORIGINAL.resolutions)  # 1-based
VOTE_LINES = {r.vote.lines.first for r in ORIGINAL.resolutions if r.vote.lines is not None}
HEADING_LINES = {r.lines.first for r in ORIGINAL.resolutions}


def numbers(first: int, last: int) -> set[int]:
    return set(range(first, last + 1))


def text_lines(candidates: set[int]) -> list[int]:
    """0-based indexes of lines of text: not blank, no header, no table, no heading, no vote."""
    return sorted(
        number - 1
        for number in candidates
        if CLEAN[number - 1]
        and "\t" not in CLEAN[number - 1]
        and number not in VOTE_LINES | HEADING_LINES
    )


def running_text() -> tuple[list[int], list[int]]:
    """(lines of resolution text of any kind, the paragraph lines among them).

    Titles, applicant lists, paragraphs and bullets of the resolution section; the
    paragraph lines are those a page break may fall into (not a bullet, title or list).
    """
    every: set[int] = set()
    paragraph: set[int] = set()
    for resolution in ORIGINAL.resolutions:
        every |= numbers(resolution.title_lines.first, resolution.title_lines.last)
        if resolution.applicants is not None:
            every |= numbers(resolution.applicants.lines.first, resolution.applicants.lines.last)
        for p in resolution.paragraphs:
            in_paragraph = numbers(p.lines.first, p.lines.last)
            for bullet in p.bullets:
                in_paragraph -= numbers(bullet.lines.first, bullet.lines.last)
            every |= numbers(p.lines.first, p.lines.last)
            paragraph |= in_paragraph
    return text_lines(every), text_lines(paragraph)


TEXT_LINES, PARAGRAPH_LINES = running_text()


def hyphenation_points(line: str) -> list[int]:
    """Offsets where a word of the line can be hyphenated as the PDF conversion does.

    Inside a word of letters past FULL_LINE, two letters on each side, a lower-case letter
    after the break (the parser keeps the hyphen before a capital: "Mecklenburg-
    Vorpommern"), and not where the rest reads as a suspended compound ("Stund-" +
    "und …" would be "Stund- und …").
    """
    points = []
    for word in WORD.finditer(line):
        for offset in range(word.start() + 2, word.end() - 1):
            if (
                offset >= FULL_LINE
                and line[offset].islower()
                and not line[offset:].startswith(CONJUNCTIONS)
            ):
                points.append(offset)
    return points


def wrap_points(line: str) -> list[int]:
    """Offsets of spaces past FULL_LINE where the line can wrap: before a lower-case word,
    not after a paragraph end or a hyphen (both would be read as another text)."""
    return [
        match.start()
        for match in re.finditer(r" (?=[a-zäöüß])", line)
        if match.start() >= FULL_LINE
        and not PARAGRAPH_END.search(line[: match.start()])
        and not line[: match.start()].endswith("-")
    ]


HYPHENATIONS = {i: hyphenation_points(SEED_LINES[i]) for i in TEXT_LINES}
HYPHENATIONS = {i: points for i, points in HYPHENATIONS.items() if points}
WRAPS = {i: wrap_points(SEED_LINES[i]) for i in TEXT_LINES}
WRAPS = {i: points for i, points in WRAPS.items() if points}
PAGE_BREAKS = {i: points for i, points in WRAPS.items() if i in PARAGRAPH_LINES}


def point_in(points: dict[int, list[int]]) -> st.SearchStrategy[tuple[int, int]]:
    """A (line index, offset) from a table of points."""
    return st.sampled_from(sorted(points)).flatmap(
        lambda index: st.tuples(st.just(index), st.sampled_from(points[index]))
    )


def several(
    points: dict[int, list[int]], most: int = 4
) -> st.SearchStrategy[list[tuple[int, int]]]:
    """Points on distinct lines, bottom up (so that earlier edits do not shift later ones)."""
    return st.lists(point_in(points), min_size=1, max_size=most, unique_by=lambda p: p[0]).map(
        lambda chosen: sorted(chosen, reverse=True)
    )


def split_line(lines: list[str], index: int, left: str, right: str, between: Sequence[str]) -> None:
    lines[index : index + 1] = [left, *between, right]


def in_header(header: tuple[str, ...]) -> list[str]:
    """A page header as the conversion writes it between two pages: blank lines around."""
    return ["", *header, ""]


# (a) page headers ------------------------------------------------------------------------

RESOLUTION_GAPS = range(FIRST_TOP - 1, len(SEED_LINES) + 1)  # insert before lines[gap]


def is_boundary(gap: int) -> bool:
    """A gap between blocks (a blank line or header on one side) or between two table rows."""
    before = CLEAN[gap - 1]
    after = CLEAN[gap] if gap < len(CLEAN) else ""
    return not before or not after or ("\t" in before and "\t" in after)


BOUNDARIES = [gap for gap in RESOLUTION_GAPS if is_boundary(gap)]


@PROPERTY
@given(
    gaps=st.lists(st.sampled_from(BOUNDARIES), min_size=1, max_size=6, unique=True),
    headers=st.lists(st.sampled_from(PAGE_HEADERS), min_size=9, max_size=9),
    breaks=st.lists(point_in(PAGE_BREAKS), max_size=3, unique_by=lambda p: p[0]),
)
def test_page_headers_between_blocks_and_inside_paragraphs_change_no_fact(
    gaps: list[int],
    headers: list[tuple[str, ...]],
    breaks: list[tuple[int, int]],
    target: Path,
) -> None:
    """(a) A page header between two blocks, between two table rows, or where a page
    break falls into a paragraph (at a space before a lower-case word) is residue."""
    lines = list(SEED_LINES)
    edits: list[tuple[int, int | None]] = [(gap, None) for gap in gaps]
    edits += [(index, offset) for index, offset in breaks]
    for (position, offset), header in sorted(
        zip(edits, headers[: len(edits)], strict=True), reverse=True
    ):
        if offset is None:
            lines[position:position] = in_header(header)
        else:
            line = lines[position]
            split_line(lines, position, line[:offset], line[offset + 1 :], in_header(header))
    assert_facts(parse_lines(lines, target))


# (b) hyphenation and wrapped lines -------------------------------------------------------


@PROPERTY
@given(points=several(HYPHENATIONS, most=6))
def test_words_hyphenated_at_line_ends_change_no_fact(
    points: list[tuple[int, int]], target: Path
) -> None:
    """(b) "Integra-" + "tion" on the next line reads as "Integration" in titles,
    applicant lists, paragraphs and bullets of the resolutions."""
    lines = list(SEED_LINES)
    for index, offset in points:
        line = lines[index]
        split_line(lines, index, line[:offset] + "-", line[offset:], ())
    assert_facts(parse_lines(lines, target))


@PROPERTY
@given(points=several(PAGE_BREAKS, most=3), header=st.sampled_from(PAGE_HEADERS))
def test_words_hyphenated_across_a_page_break_change_no_fact(
    points: list[tuple[int, int]], header: tuple[str, ...], target: Path
) -> None:
    """(b) "Integra-" / page header / "tion", as on line 367 of the seed, in any paragraph
    (hyphenated at the start of the lower-case word after a wrap point)."""
    lines = list(SEED_LINES)
    for index, offset in points:
        line = lines[index]
        word_end = next(WORD.finditer(line, offset + 1)).end()
        middle = offset + 1 + max(2, (word_end - offset - 1) // 2)
        if middle >= word_end - 1:  # too short to hyphenate: break at the space instead
            split_line(lines, index, line[:offset], line[offset + 1 :], in_header(header))
        else:
            split_line(lines, index, line[:middle] + "-", line[middle:], in_header(header))
    assert_facts(parse_lines(lines, target))


@PROPERTY
@given(points=several(WRAPS, most=6))
def test_lines_wrapped_before_a_lower_case_word_change_no_fact(
    points: list[tuple[int, int]], target: Path
) -> None:
    """(b) A long line of a title, applicant list, paragraph or bullet wrapped at a space."""
    lines = list(SEED_LINES)
    for index, offset in points:
        line = lines[index]
        split_line(lines, index, line[:offset], line[offset + 1 :], ())
    assert_facts(parse_lines(lines, target))


# (c) white space -------------------------------------------------------------------------

SPACES = (" ", "  ", "\u00a0", "\u202f", "\u2009", " \u00a0 ")
BLANK_LINES = [index for index, line in enumerate(SEED_LINES) if not line.strip()]
SPACE_POSITIONS = [
    (index, match.start())
    for index, line in enumerate(SEED_LINES)
    for match in re.finditer(" ", line)
]
TABLE_ROWS = [index for index, line in enumerate(SEED_LINES) if "\t" in line]


@PROPERTY
@given(
    trailing=st.lists(
        st.tuples(st.integers(0, len(SEED_LINES) - 1), st.sampled_from([" ", "  ", "\t", " \t"])),
        max_size=20,
    ),
    spaces=st.lists(
        st.tuples(st.sampled_from(SPACE_POSITIONS), st.sampled_from(SPACES)), max_size=20
    ),
    tabs=st.lists(st.tuples(st.sampled_from(TABLE_ROWS), st.sampled_from([" \t", "\t ", " \t  "]))),
    blank=st.lists(st.sampled_from(BLANK_LINES), max_size=10),
    leading_blank=st.integers(0, 3),
    trailing_blank=st.integers(0, 3),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_white_space_changes_no_fact(
    trailing: list[tuple[int, str]],
    spaces: list[tuple[tuple[int, int], str]],
    tabs: list[tuple[int, str]],
    blank: list[int],
    leading_blank: int,
    trailing_blank: int,
    newline: str,
    target: Path,
) -> None:
    """(c) Trailing blanks, other or more spaces inside a line (also no-break and narrow
    spaces), spaces around a table's tab, more blank lines where there is one, CRLF."""
    lines = list(SEED_LINES)
    for (index, offset), space in sorted(set(spaces), reverse=True):
        lines[index] = lines[index][:offset] + space + lines[index][offset + 1 :]
    for index, tab in tabs:
        lines[index] = lines[index].replace("\t", tab, 1)
    for index, blanks in trailing:
        lines[index] += blanks
    for index in sorted(blank, reverse=True):
        lines.insert(index, "")
    lines = [""] * leading_blank + lines + [""] * trailing_blank
    assert_facts(parse_lines(lines, target, newline))


# (d) Unicode normalisation ---------------------------------------------------------------


@PROPERTY
@given(
    form=st.sampled_from(["NFC", "NFD"]),
    decomposed=st.sets(st.sampled_from(range(len(SEED_LINES)))),
)
def test_unicode_normalisation_form_changes_no_fact(
    form: str, decomposed: set[int], target: Path
) -> None:
    """(d) The whole text in NFC or NFD, and NFD on some lines only (mixed forms)."""
    lines = [unicodedata.normalize(form, line) for line in SEED_LINES]  # type: ignore[arg-type]
    for index in decomposed:
        lines[index] = unicodedata.normalize("NFD", lines[index])
    assert_facts(parse_lines(lines, target))


def test_a_fully_decomposed_file_gives_the_same_facts(target: Path) -> None:
    """(d) The explicit case: every umlaut as base letter + combining diaeresis."""
    text = unicodedata.normalize("NFD", "\n".join(SEED_LINES))
    assert "u\u0308" in text
    assert_facts(parse_bytes(text.encode("utf-8"), target))


# (e) lines in another order --------------------------------------------------------------


def sections() -> tuple[list[str], list[list[str]]]:
    """The lines before the resolution part, and the part cut at its running titles: one
    page chunk per TOP (TOP A with the agenda), each ending with a blank line so that the
    chunks can be put in any order."""
    first = max(i for i in range(FIRST_TOP) if RUNNING_TITLE.match(SEED_LINES[i]))
    starts = [i for i in range(first, len(SEED_LINES)) if RUNNING_TITLE.match(SEED_LINES[i])]
    bounds = [*starts, len(SEED_LINES)]
    chunks = [list(SEED_LINES[a:b]) for a, b in itertools.pairwise(bounds)]
    return list(SEED_LINES[:first]), [c if c[-1] == "" else [*c, ""] for c in chunks]


BEFORE_SECTIONS, SECTIONS = sections()


def top_of(chunk: list[str]) -> str:
    return next(line.split(" ", 1)[1] for line in chunk if re.match(r"^TOP \S+$", line))


def expected_in_order(tops: list[str]) -> Facts:
    """The original facts with the resolutions (and so the findings) in the order given."""
    by_top = {r["top"]: r for r in resolutions_of(ORIGINAL_FACTS)}
    rank = {top: index for index, top in enumerate(tops)}
    findings = ORIGINAL_FACTS["findings"]
    assert isinstance(findings, tuple)
    return {
        **ORIGINAL_FACTS,
        "resolutions": tuple(by_top[top] for top in tops),
        "findings": tuple(sorted(findings, key=lambda f: rank[f["top"]])),
    }


def resolutions_of(facts_: Facts) -> list[dict[str, object]]:
    resolutions = facts_["resolutions"]
    assert isinstance(resolutions, tuple)
    return list(resolutions)


@PROPERTY
@given(order=st.permutations(range(len(SECTIONS))))
def test_resolution_sections_in_another_order_keep_their_facts(
    order: list[int], target: Path
) -> None:
    """(e) The order of the resolution sections is not a fact (the agenda orders the items):
    sections moved as wholes give the same resolutions, in the new order."""
    chunks = [SECTIONS[index] for index in order]
    lines = BEFORE_SECTIONS + [line for chunk in chunks for line in chunk]
    assert_facts(parse_lines(lines, target), expected_in_order([top_of(c) for c in chunks]))


def swap_ranges(lines: list[str], first: range, second: range) -> list[str]:
    """Swap two disjoint ranges of lines (first before second)."""
    return (
        lines[: first.start]
        + lines[second.start : second.stop]
        + lines[first.stop : second.start]
        + lines[first.start : first.stop]
        + lines[second.stop :]
    )


LAND_DELEGATIONS = [index for index, d in enumerate(ORIGINAL.delegations) if d.land is not None]


@PROPERTY
@given(pair=st.lists(st.sampled_from(LAND_DELEGATIONS), min_size=2, max_size=2, unique=True))
def test_two_land_delegations_swapped_keep_their_facts(pair: list[int], target: Path) -> None:
    """(e) Two Länder's delegations (name, ministry, persons) swapped: the same delegations,
    swapped; nothing else changes."""
    a, b = sorted(pair)
    spans = [ORIGINAL.delegations[i].lines for i in (a, b)]
    lines = swap_ranges(
        list(SEED_LINES),
        range(spans[0].first - 1, spans[0].last),
        range(spans[1].first - 1, spans[1].last),
    )
    delegations = list(ORIGINAL_FACTS["delegations"])  # type: ignore[call-overload]
    delegations[a], delegations[b] = delegations[b], delegations[a]
    assert_facts(parse_lines(lines, target), {**ORIGINAL_FACTS, "delegations": tuple(delegations)})


@PROPERTY
@given(
    pair=st.lists(st.sampled_from(range(len(ORIGINAL.agenda))), min_size=2, max_size=2, unique=True)
)
def test_two_agenda_rows_swapped_swap_their_positions_only(pair: list[int], target: Path) -> None:
    """(e) Two rows of the agenda table swapped: the two items trade places and positions
    (the agenda's order is a fact); groups, flags, titles and applicants stay."""
    a, b = sorted(pair)
    lines = list(SEED_LINES)
    row_a, row_b = (ORIGINAL.agenda[i].lines.first - 1 for i in (a, b))
    lines[row_a], lines[row_b] = lines[row_b], lines[row_a]
    items = [dict(item) for item in ORIGINAL_FACTS["agenda"]]  # type: ignore[attr-defined]
    items[a], items[b] = items[b], items[a]
    items[a]["position"], items[b]["position"] = items[b]["position"], items[a]["position"]
    assert_facts(parse_lines(lines, target), {**ORIGINAL_FACTS, "agenda": tuple(items)})


PERSON_PAIRS = [
    (d, i, j)
    for d, delegation in enumerate(ORIGINAL.delegations)
    for i in range(len(delegation.persons))
    for j in range(i + 1, len(delegation.persons))
]


@PROPERTY
@given(choice=st.sampled_from(PERSON_PAIRS))
def test_two_persons_of_a_delegation_swapped_swap_their_positions_only(
    choice: tuple[int, int, int], target: Path
) -> None:
    """(e) Two persons of one delegation swapped: they trade places and positions."""
    d, i, j = choice
    persons = ORIGINAL.delegations[d].persons
    lines = list(SEED_LINES)
    line_i, line_j = persons[i].lines.first - 1, persons[j].lines.first - 1
    lines[line_i], lines[line_j] = lines[line_j], lines[line_i]
    delegations = [dict(x) for x in ORIGINAL_FACTS["delegations"]]  # type: ignore[attr-defined]
    people = [dict(p) for p in delegations[d]["persons"]]
    people[i], people[j] = people[j], people[i]
    people[i]["position"], people[j]["position"] = people[j]["position"], people[i]["position"]
    delegations[d]["persons"] = tuple(people)
    assert_facts(parse_lines(lines, target), {**ORIGINAL_FACTS, "delegations": tuple(delegations)})


@PROPERTY
@given(
    moves=st.lists(
        st.tuples(
            st.integers(0, len(SEED_LINES) - 1),
            st.integers(1, 40),
            st.integers(0, len(SEED_LINES) - 1),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_lines_moved_anywhere_give_a_document_or_a_source_error(
    moves: list[tuple[int, int, int]], target: Path
) -> None:
    """(e) Any block of 1-40 lines moved anywhere (a swap of two lines is two moves).

    Such a move can make another valid document — a paragraph in another resolution, a
    person in another delegation — so the facts may differ; what must hold is that the
    parser returns minutes or raises a SourceError that names the file, nothing else.
    The moves that cannot make another valid document are the properties above.
    """
    lines = list(SEED_LINES)
    for start, length, to in moves:
        block = lines[start : start + length]
        del lines[start : start + length]
        lines[min(to, len(lines)) : min(to, len(lines))] = block
    try:
        parse_lines(lines, target)
    except SourceError as error:
        assert str(error).startswith(str(target)), str(error)
    except Exception as error:
        if known_crash(error):
            reject()  # reported, with a regression test in test_parser_fuzz.py
        raise


def test_the_headers_are_the_seeds() -> None:
    """The inserted page headers are lines the seed itself prints."""
    for header in PAGE_HEADERS:
        for line in header:
            assert line in SEED_LINES
    assert sorted(top_of(chunk) for chunk in SECTIONS) == sorted(
        r.top for r in ORIGINAL.resolutions
    )

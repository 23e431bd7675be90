"""Page furniture, recognised by structure: page numbers in every common form, and running
headers and footers learned from what repeats across the pages of this document.

No fixed phrase: a running header is a run of lines that recurs, line for line, at least
three times (twice when the pages are known and it stands at their edges), that has the
shape of a header (no sentence or field, no list item, no table row) and that carries
evidence of being one: a number (year, date, conference number), a page number beside it,
or its place at a page edge. The document's first block (its title) is never furniture.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from mapping.document.model import LineKind

MARKUP = re.compile(r"\*\*|</?u>|</?p>")
PAGE_FORMS = (
    r"(?:Seite|S\.)\s*\d{1,3}(?:\s*(?:von|/|aus)\s*\d{1,3})?",
    r"[-–—]\s*\d{1,3}\s*[-–—]",
    r"\d{1,3}\s*/\s*\d{1,3}",
)
PAGE_NUMBER = re.compile(rf"^(?:{'|'.join(PAGE_FORMS)})$", re.IGNORECASE)
BARE_NUMBER = re.compile(r"^\d{1,3}$")
# a header and a page number on one line, apart by a tab or a run of spaces
PAGE_AT_END = re.compile(rf"(?:\t|\s{{2,}})(?:{'|'.join(PAGE_FORMS)}|\d{{1,3}})$", re.IGNORECASE)
PAGE_AT_START = re.compile(rf"^(?:{'|'.join(PAGE_FORMS)}|\d{{1,3}})(?:\t|\s{{2,}})", re.IGNORECASE)
NOT_A_HEADER = re.compile(
    r"[:;,.!?]$"  # a sentence or the lead-in to a list
    r"|^[A-ZÄÖÜ][\w-]*(?:\s+[\w-]+){0,2}\s*:\s*\S"  # a field "Antragsteller: Hessen"
    r"|^(?:[-–•]\s|TOP\b)"  # a list item, a TOP heading
)
# "18. Integrationsministerkonferenz 2023" is a header; "1. Ausgangslage" a numbered heading
NUMBERED = re.compile(r"^\d{1,2}\.\s")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
REPEATS = 3
ECHO_CHARS = 90
TITLE_LINES = 6
NO_BLANK_LINES = 0.02  # a document with fewer blank lines than this share has none to go by
TITLE_END = re.compile(r":$|^(?:[-–•]\s|TOP\b)")
CONFERENCE_NAME = re.compile(r"integrationsminister\S*konferenz")
SIMILAR = 0.9
REPEATS_AT_EDGES = 2
# in a document of MANY_PAGES known pages or more, a running header stands on at least one
# page in SHARE_OF_PAGES (a line on fewer is content: an applicant cell, a Land's name)
MANY_PAGES = 6
SHARE_OF_PAGES = 3
# page numbers one apart that are this many lines apart at least form a chain
PAGE_LINES = 8


@dataclass(frozen=True)
class Page:
    """Where the text's own page breaks are (form feeds, a PDF's pages), if known."""

    first: int  # index of the page's first line
    last: int  # index of its last line


def plain(text: str) -> str:
    """A line without markup; runs of spaces stay (they may part a header from its page)."""
    return MARKUP.sub("", text).strip()


def key(text: str) -> str:
    """What two occurrences of a header share: letters and digits, without case or spaces."""
    return "".join(plain(text).split()).casefold()


def without_page_number(text: str) -> tuple[str, bool]:
    """The line with a page number beside it removed, and whether there was one."""
    for pattern in (PAGE_AT_END, PAGE_AT_START):
        if pattern.search(text):
            return pattern.sub("", text).strip(), True
    return text, False


def find_furniture(texts: Sequence[str], pages: Sequence[Page] = ()) -> dict[int, LineKind]:
    """The indexes of the furniture lines among `texts` (one entry a line), by kind."""
    found: dict[int, LineKind] = {}
    shown = [plain(text) for text in texts]
    edges = page_edges(shown, pages)
    for index, text in enumerate(shown):
        if PAGE_NUMBER.match(text):
            found[index] = LineKind.PAGE_NUMBER
    title = title_block(shown, found)
    found.update(running_headers(shown, found, edges, title, pages))
    found.update(header_variants(shown, found, title, pages))
    found.update(title_echoes(shown, found, title))
    found.update(bare_page_numbers(shown, found, edges))
    return found


def title_block(shown: Sequence[str], numbers: dict[int, LineKind]) -> set[int]:
    """The document's title, never furniture: its first lines with text (at most
    TITLE_LINES), which may run on over single blank lines ("Externe Niederschrift" / "" /
    "über die Beschlüsse …"), up to the first two blank lines in a row or a line that
    opens what follows ("Inhalt:", a list item, a TOP heading)."""
    block: list[int] = []
    blanks = 0
    for index, text in enumerate(shown):
        if index in numbers:
            continue
        blanks = blanks + 1 if not text else 0
        if (block and blanks >= 2) or len(block) == TITLE_LINES or TITLE_END.search(text):
            break
        if text:
            block.append(index)
    return set(block)


def page_edges(shown: Sequence[str], pages: Sequence[Page]) -> set[int]:
    """The first and last two non-blank lines of each known page."""
    edges: set[int] = set()
    for page in pages:
        filled = [i for i in range(page.first, page.last + 1) if shown[i]]
        edges.update(filled[:2] + filled[-2:])
    return edges


def running_headers(
    shown: Sequence[str],
    numbers: dict[int, LineKind],
    edges: set[int],
    title: set[int],
    pages: Sequence[Page] = (),
) -> dict[int, LineKind]:
    """Runs of candidate lines that recur as runs, each line a RUNNING_HEADER."""
    stripped = [without_page_number(text) for text in shown]
    counts = Counter(key(text) for text, _ in stripped if text)
    runs = candidate_runs(shown, stripped, counts, numbers)
    tuples = Counter(tuple(key(stripped[i][0]) for i in run) for run in runs)
    twice_on_a_page = repeated_on_a_page(runs, stripped, pages)
    coverage = pages_covered(runs, stripped, pages)
    at_edges = Counter(tuple(key(stripped[i][0]) for i in run) for run in runs if set(run) & edges)
    found: dict[int, LineKind] = {}
    for run in runs:
        keys = tuple(key(stripped[i][0]) for i in run)
        paged = all(stripped[i][1] for i in run)  # "17. IntMK 2022      Seite 4 von 9"
        recurs = (
            tuples[keys] >= REPEATS
            or at_edges[keys] >= REPEATS_AT_EDGES
            or (paged and tuples[keys] >= REPEATS_AT_EDGES)
        )
        if twice_on_a_page.get(keys) or too_few_pages(coverage[keys], len(pages)):
            continue  # a running header stands once a page, on many pages: this is content
        if set(run) & title:
            continue
        if recurs and has_evidence(run, shown, stripped, numbers, edges):
            found.update(dict.fromkeys(run, kind_of(run, edges, shown)))
    return found


def too_few_pages(covered: int, pages: int) -> bool:
    """A document of many known pages whose recurring line stands on few of them."""
    return pages >= MANY_PAGES and covered * SHARE_OF_PAGES < pages


def pages_covered(
    runs: list[list[int]], stripped: Sequence[tuple[str, bool]], pages: Sequence[Page]
) -> Counter[tuple[str, ...]]:
    """For each recurring run of lines, on how many known pages it stands."""
    page_of = {i: n for n, page in enumerate(pages) for i in range(page.first, page.last + 1)}
    seen = {
        (tuple(key(stripped[i][0]) for i in run), page_of[run[0]])
        for run in runs
        if run[0] in page_of
    }
    return Counter(keys for keys, _ in seen)


def repeated_on_a_page(
    runs: list[list[int]], stripped: Sequence[tuple[str, bool]], pages: Sequence[Page]
) -> dict[tuple[str, ...], bool]:
    """For each recurring run of lines, whether it stands twice on one known page."""
    page_of = {i: n for n, page in enumerate(pages) for i in range(page.first, page.last + 1)}
    seen: Counter[tuple[tuple[str, ...], int]] = Counter()
    for run in runs:
        if run[0] in page_of:
            seen[(tuple(key(stripped[i][0]) for i in run), page_of[run[0]])] += 1
    return {keys: True for (keys, _), count in seen.items() if count > 1}


def header_variants(
    shown: Sequence[str], found: dict[int, LineKind], title: set[int], pages: Sequence[Page]
) -> dict[int, LineKind]:
    """A line that is a learned header, standing beside other furniture, or a standalone
    line that differs from one by a letter or a space (the "*innen" missing once, an "am"
    left out): the same header, typed again on that page — on a page, where the pages are
    known, that has no other line of that header."""
    page_of = {i: n for n, page in enumerate(pages) for i in range(page.first, page.last + 1)}
    paged_headers = {(page_of.get(i), key(shown[i])) for i in found if i in page_of}
    headers = {key(shown[i]): kind for i, kind in found.items() if kind is not LineKind.PAGE_NUMBER}
    variants: dict[int, LineKind] = {}
    for index, text in enumerate(shown):
        if not text or index in found or index in title:
            continue
        beside = {previous_filled(shown, index), next_filled(shown, index)}
        if key(text) in headers and beside & found.keys():
            variants[index] = headers[key(text)]
            continue
        if not is_standalone(shown, index):
            continue
        line_key = key(text)
        for header, kind in headers.items():
            shorter, longer = sorted((len(line_key), len(header)))
            if 2 * shorter < SIMILAR * (shorter + longer):
                continue  # the lengths alone keep them apart
            matcher = SequenceMatcher(None, line_key, header, autojunk=False)
            if matcher.quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR:
                if index not in page_of or (page_of[index], header) not in paged_headers:
                    variants[index] = kind
                break
    return variants


def title_echoes(
    shown: Sequence[str], found: dict[int, LineKind], title: set[int]
) -> dict[int, LineKind]:
    """A header that occurs once repeats the title: a standalone block with a year, each of
    whose words of four letters or more is a word of the document's title block."""
    echoed = words(" ".join(shown[i] for i in sorted(title)))
    echoes: dict[int, LineKind] = {}
    filled = [i for i, text in enumerate(shown) if text]
    spaced = len(filled) < len(shown) * (1 - NO_BLANK_LINES)
    # without blank lines (some extractors write none) a header stands alone only on its line,
    # or beside a page number: the lines after it (or before it) that each echo the title
    candidates = (
        standalone_blocks(shown, found)
        if spaced
        else [[i] for i in filled] + beside_page_numbers(shown, found, echoed)
    )
    for block in candidates:
        if set(block) & title or set(block) & found.keys():
            continue
        texts = [shown[i] for i in block]
        if any(NOT_A_HEADER.search(text) or len(text) > ECHO_CHARS for text in texts):
            continue
        long_words = {word for word in words(" ".join(texts)) if len(word) >= 4}
        if YEAR.search(" ".join(texts)) and long_words <= echoed and len(block) <= 3:
            echoes.update(dict.fromkeys(block, LineKind.RUNNING_HEADER))
    return echoes


def beside_page_numbers(
    shown: Sequence[str], found: dict[int, LineKind], echoed: set[str]
) -> list[list[int]]:
    """For each page number, the run of up to three lines right after it (and right before
    it) whose every word of four letters or more is a word of the title."""

    def echoes(index: int) -> bool:
        text = shown[index]
        if not text or index in found or NOT_A_HEADER.search(text) or len(text) > ECHO_CHARS:
            return False
        return {word for word in words(text) if len(word) >= 4} <= echoed

    runs: list[list[int]] = []
    for number in (i for i, kind in found.items() if kind is LineKind.PAGE_NUMBER):
        for step in (1, -1):
            run: list[int] = []
            index = number + step
            while 0 <= index < len(shown) and len(run) < 3 and echoes(index):
                run.append(index)
                index += step
            if run:
                runs.append(sorted(run))
    return runs


def words(text: str) -> set[str]:
    """The words of a text; the conference's long name and its short name are one word."""
    return set(re.findall(r"\w+", CONFERENCE_NAME.sub("intmk", text.casefold())))


def standalone_blocks(shown: Sequence[str], found: dict[int, LineKind]) -> list[list[int]]:
    """Blocks of content lines between blank lines or furniture; the first is the title."""
    return runs_of(range(len(shown)), lambda index: bool(shown[index]) and index not in found)


def candidate_runs(
    shown: Sequence[str],
    stripped: Sequence[tuple[str, bool]],
    counts: Counter[str],
    numbers: dict[int, LineKind],
) -> list[list[int]]:
    """Maximal runs of lines that could be a header, across blank lines and page numbers."""

    def candidate(index: int) -> bool:
        rest = stripped[index][0]
        shaped = not NOT_A_HEADER.search(rest) and (not NUMBERED.match(rest) or YEAR.search(rest))
        return counts[key(rest)] >= 2 and bool(shaped)

    filled = [index for index, text in enumerate(shown) if text and index not in numbers]
    return runs_of(filled, candidate)


def runs_of(indexes: Iterable[int], taken: Callable[[int], bool]) -> list[list[int]]:
    """The maximal runs of consecutive indexes that are taken; one not taken ends a run."""
    runs: list[list[int]] = [[]]
    for index in indexes:
        if taken(index):
            runs[-1].append(index)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def has_evidence(
    run: list[int],
    shown: Sequence[str],
    stripped: Sequence[tuple[str, bool]],
    numbers: dict[int, LineKind],
    edges: set[int],
) -> bool:
    """A year or date in it, a page number on or beside it, or a place at a page edge."""
    if any(YEAR.search(shown[i]) or stripped[i][1] for i in run):
        return True
    if set(run) & edges:
        return True
    before = previous_filled(shown, run[0])
    after = next_filled(shown, run[-1])
    return before in numbers or after in numbers


def kind_of(run: list[int], edges: set[int], shown: Sequence[str]) -> LineKind:
    """A header, or a footer when it ends a page."""
    after = next_filled(shown, run[-1])
    if run[-1] in edges and (after is None or after in edges) and run[0] not in edges:
        return LineKind.RUNNING_FOOTER
    return LineKind.RUNNING_HEADER


def bare_page_numbers(
    shown: Sequence[str], found: dict[int, LineKind], edges: set[int]
) -> dict[int, LineKind]:
    """A line that is only a number: a page number at a page edge, beside other furniture,
    as the file's last line, or in a chain of numbers one apart, a page apart."""
    bare = [i for i, text in enumerate(shown) if BARE_NUMBER.match(text) and i not in found]
    numbers: dict[int, LineKind] = {}
    last = last_filled(shown)
    for index in bare:
        beside = {previous_filled(shown, index), next_filled(shown, index)}
        at_end = index == last and ends_text(shown, index)
        at_start = index == first_filled(shown) and is_standalone(shown, index)
        if index in edges or beside & found.keys() or at_end or at_start:
            numbers[index] = LineKind.PAGE_NUMBER
    standalone = [i for i in bare if is_standalone(shown, i)]
    for chain in chains(standalone, shown, PAGE_LINES, 2) + chains(bare, shown, 2 * PAGE_LINES, 3):
        extended = extend_chain(chain, bare, shown)
        numbers.update(dict.fromkeys(extended, LineKind.PAGE_NUMBER))
    return numbers


def extend_chain(chain: list[int], bare: list[int], shown: Sequence[str]) -> list[int]:
    """A chain of page numbers goes on with the number one lower before it and one higher
    after it, wherever they stand (between two persons, inside a table)."""
    while True:
        lower = [i for i in bare if i < chain[0] and int(shown[i]) == int(shown[chain[0]]) - 1]
        higher = [i for i in bare if i > chain[-1] and int(shown[i]) == int(shown[chain[-1]]) + 1]
        if not lower and not higher:
            return chain
        chain = lower[-1:] + chain + higher[:1]


def ends_text(shown: Sequence[str], index: int) -> bool:
    """A number as the file's last line is a page number when the text before it is done."""
    before = previous_filled(shown, index)
    return (
        is_standalone(shown, index) or before is None or bool(re.search(r"[.!?:)]$", shown[before]))
    )


def chains(indexes: list[int], shown: Sequence[str], apart: int, shortest: int) -> list[list[int]]:
    """Runs of bare numbers n, n+1, … each at least `apart` lines after the one before."""
    result: list[list[int]] = []
    current: list[int] = []
    for index in indexes:
        follows = current and int(shown[index]) == int(shown[current[-1]]) + 1
        if follows and index - current[-1] >= apart:
            current.append(index)
            continue
        if len(current) >= shortest:
            result.append(current)
        current = [index]
    if len(current) >= shortest:
        result.append(current)
    return result


def is_standalone(shown: Sequence[str], index: int) -> bool:
    """Blank (or the file's edge) above and below."""
    above = index == 0 or not shown[index - 1]
    below = index + 1 >= len(shown) or not shown[index + 1]
    return above and below


def first_filled(shown: Sequence[str]) -> int | None:
    return next((i for i, text in enumerate(shown) if text), None)


def last_filled(shown: Sequence[str]) -> int | None:
    return next((i for i in range(len(shown) - 1, -1, -1) if shown[i]), None)


def previous_filled(shown: Sequence[str], index: int) -> int | None:
    return next((i for i in range(index - 1, -1, -1) if shown[i]), None)


def next_filled(shown: Sequence[str], index: int) -> int | None:
    return next((i for i in range(index + 1, len(shown)) if shown[i]), None)

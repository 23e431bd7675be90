"""Fuzzing the parser's entry point: any bytes give minutes or a SourceError naming the file.

parse_file(path) is fed arbitrary bytes, arbitrary text, and the seed damaged at the byte
level (bits flipped, cut off, random bytes or pieces of the minutes' own vocabulary
inserted, ranges deleted or doubled) or with one of its lines replaced by random text. It
must return Minutes or raise a SourceError whose message begins with the file's path and
whose line, if any, is a line of the file — never IndexError, ValueError,
UnicodeDecodeError, RecursionError, AssertionError or any other exception.

Budget in CI: a fixed number of examples per test (300 for random input, which fails
fast; 150 for the damaged seed, about 60 ms each), derandomized and without an example
database, so every run tries the same inputs: about 30 s in all. A longer search tries new
inputs: INTMK_FUZZ_EXAMPLES=20000 INTMK_FUZZ_SEED=1 pytest tests/test_parser_fuzz.py
(INTMK_FUZZ_SEED set turns derandomisation off; hypothesis prints any failing input as
a reproducible @example).

Crashes found so far are pinned by the regression tests at the end; those in modules this
suite does not fix are strict xfails listed in tests/facts.py KNOWN_CRASHES.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from mapping.errors import SourceError
from mapping.model import Minutes
from tests.conftest import SEED
from tests.facts import known_crash, parse_bytes

LONG_RUN = os.environ.get("INTMK_FUZZ_EXAMPLES")
RANDOM_SEARCH = os.environ.get("INTMK_FUZZ_SEED") is not None


def budget(default: int) -> settings:
    return settings(
        max_examples=int(LONG_RUN) if LONG_RUN else default,
        deadline=None,
        derandomize=not RANDOM_SEARCH,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


SEED_BYTES = SEED.read_bytes()
SEED_LINES = SEED_BYTES.split(b"\n")
# pieces of the minutes' vocabulary and layout, so that damage reaches the inner parsers
TOKENS = (
    b"\n",
    b"\n\n",
    b"\r",
    b"\t",
    b" ",
    b"-\n",
    b"(",
    b")",
    b":",
    b",",
    b".",
    b"**",
    b"<u>",
    b"</u>",
    b"<p>",
    b"TOP ",
    b"TOP 4.1\n",
    b"\nTOP Z\n",
    b"1.3 (GL)\t",
    b"Antragsteller: ",
    b"Alle L\xc3\xa4nder",
    b"Hessen",
    b"(koordinierend)",
    b"R\xc3\xbccknahme ",
    b"Zusammenlegung mit TOP ",
    b"(siehe ",
    b"Die IntMK hat einstimmig beschlossen:\n",
    b"Die IntMK hat mit Umlaufbeschluss 01/2023 vom 31. Februar 2023 einstimmig beschlossen:",
    b"Die IntMK nahm den Bericht zur Kenntnis.\n",
    b"\n1. ",
    b"\n- ",
    b"bittet den Bund zu pr\xc3\xbcfen, ",
    b"fordert den Bund auf, ",
    b"Frau ",
    b"Herr Dr. ",
    b"(Vorsitz)",
    b"G\xc3\xa4ste\n",
    b"18. Integrationsminister*innenkonferenz 2023\n",
    b"Hauptkonferenz am 26./27. April 2023 in Wiesbaden\n",
    b"Tagesordnung\n",
    b"(GL = Gr\xc3\xbcne Liste)\n",
    b"99.999.999.999 EUR",
    b"\xc2\xa0",
    b"\xe2\x80\xa8",
    b"\x0c",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\xc3",
)


def outcome(data: bytes, path: Path) -> Minutes | None:
    """Parse data from path: minutes, or None for a SourceError that names the file and a
    line of it; any other exception propagates."""
    try:
        return parse_bytes(data, path)
    except SourceError as error:
        message = str(error)
        assert message.startswith(f"{path}:") or message.startswith(f"{path} "), message
        assert error.path == str(path)
        if error.line is not None:
            assert 1 <= error.line <= max(1, len(data.splitlines()) + 1), message
        return None


def check(data: bytes, path: Path) -> None:
    """outcome(), with the reported crashes set aside so the search goes on past them."""
    try:
        outcome(data, path)
    except Exception as error:
        if known_crash(error):
            reject()  # reported, pinned by a strict xfail regression test below
        raise


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "minutes.txt"


@budget(300)
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes, target: Path) -> None:
    check(data, target)


@budget(300)
@given(text=st.text(max_size=2000))
def test_arbitrary_text(text: str, target: Path) -> None:
    check(text.encode("utf-8", errors="surrogatepass"), target)


@st.composite
def damaged_seed(draw: st.DrawFn) -> bytes:
    """The seed with one to four kinds of byte-level damage."""
    data = bytearray(SEED_BYTES)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "token", "delete", "double"]))
        at = draw(st.integers(0, len(data)))
        if kind == "flip" and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "cut":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "token":
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 400))]
        elif kind == "double":
            data[at:at] = data[at : at + draw(st.integers(1, 400))]
    return bytes(data)


@budget(150)
@given(data=damaged_seed())
def test_damaged_seed(data: bytes, target: Path) -> None:
    check(data, target)


LINE_ALPHABET = st.sampled_from([*sorted(set(SEED_BYTES.decode("utf-8")) - {"\n"}), "\t", "("])


@budget(150)
@given(
    index=st.integers(0, len(SEED_LINES) - 1),
    text=st.one_of(
        st.text(LINE_ALPHABET, max_size=120),
        st.lists(st.sampled_from(TOKENS), max_size=6).map(
            lambda parts: b"".join(parts).decode("utf-8", errors="replace")
        ),
    ),
)
def test_a_seed_line_replaced(index: int, text: str, target: Path) -> None:
    """One line of the seed replaced by random text made of the seed's own characters."""
    lines = list(SEED_LINES)
    lines[index] = text.encode("utf-8")
    check(b"\n".join(lines), target)


# regression tests: inputs the fuzzing found --------------------------------------------


def seed_with(old: bytes, new: bytes) -> bytes:
    assert SEED_BYTES.count(old) == 1
    return SEED_BYTES.replace(old, new)


def test_a_person_line_with_a_remark_in_brackets(target: Path) -> None:
    """Found by test_lines_moved_anywhere (an agenda row moved into the participant list):
    it was an AssertionError in parse_participants.read_persons, then a SourceError; a
    remark in brackets is data now, kept apart from the name."""
    minutes = parse_bytes(
        seed_with(b"Herr Daniel Wilczek\n", b"Herr Daniel Wilczek (Protokoll)\n"), target
    )
    person = minutes.delegations[0].persons[2]
    assert (person.name, person.remark, person.lines.first) == ("Daniel Wilczek", "Protokoll", 23)


def test_line_numbers_count_line_feeds_only(target: Path) -> None:
    """Found by test_damaged_seed: b"\\x0b\\x0b+" was reported as line 3 of a one-line file
    (str.splitlines breaks at vertical tab, form feed, U+2028 …). Fixed in mapping/source.py.
    """
    with pytest.raises(SourceError) as error:
        parse_bytes(b"\x0b\x0b+", target)
    assert error.value.line == 1
    separated = seed_with(b"Die IntMK dankt der", "Die IntMK\u2028dankt\x0cder".encode())
    minutes = outcome(separated, target)
    original = outcome(SEED_BYTES, target)
    assert minutes is not None and original is not None
    assert minutes.source.line_count == original.source.line_count
    assert [r.lines for r in minutes.resolutions] == [r.lines for r in original.resolutions]

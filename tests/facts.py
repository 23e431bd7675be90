"""What a minutes document says, without where it says it: the facts a mutation must keep.

`facts(minutes)` projects the typed model onto plain, comparable values: every field of
every dataclass in mapping/model.py, recursively, except the fields that say *where* in
the file something stands (`lines`, `title_lines`, a footnote's `marker_line`) and the
file itself (`source`: name, hash, line count, the running headers learned from it). Those
change whenever a page header is inserted or a word is hyphenated; everything else —
conference, meetings, delegations and persons, agenda items with applicants, flags and
status, resolutions with outcome and heading mark, paragraphs, bullets, requests, amounts
and references, Green List entries, findings, footnotes with what they annotate — is a
fact and must not change. Orders stay (tuples): positions and text order are facts; a
test that moves things compares with the order it expects.

A field added to the model later is a fact automatically; a new field that holds a
LineRange must be named in WHERE, or the projection fails loudly.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from enum import Enum
from pathlib import Path

from mapping.model import LineRange, Minutes, SourceInfo
from mapping.parse_document import parse_file

# fields that locate a fact in the file rather than state it
WHERE = frozenset({"lines", "title_lines", "source", "structure", "marker_line"})

Facts = dict[str, object]


def facts(minutes: Minutes) -> Facts:
    """The facts of a parsed document, as nested dicts, tuples and plain values."""
    projected = project(minutes)
    assert isinstance(projected, dict)
    return projected


def project(value: object) -> object:
    """One value of the model as a plain, comparable value."""
    if isinstance(value, LineRange | SourceInfo):
        raise TypeError(f"a location reached the facts: {value!r}; name its field in WHERE")
    if is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: project(getattr(value, field.name))
            for field in fields(value)
            if field.name not in WHERE
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return tuple(project(item) for item in value)
    return value  # str, int, bool, None, date, Decimal


def without(value: object, key: str) -> object:
    """A fact structure with every entry named key left out, at any depth."""
    if isinstance(value, dict):
        return {name: without(item, key) for name, item in value.items() if name != key}
    if isinstance(value, tuple):
        return tuple(without(item, key) for item in value)
    return value


def leave_out(value: Facts, key: str) -> Facts:
    left = without(value, key)
    assert isinstance(left, dict)
    return left


def differences(expected: object, found: object, path: str = "") -> Iterator[str]:
    """Where two fact structures differ, one line per difference (for assertion messages)."""
    if isinstance(expected, dict) and isinstance(found, dict):
        for key in expected.keys() | found.keys():
            yield from differences(expected.get(key), found.get(key), f"{path}.{key}")
    elif isinstance(expected, tuple) and isinstance(found, tuple):
        if len(expected) != len(found):
            yield f"{path}: {len(expected)} entries expected, {len(found)} found"
        for index, (left, right) in enumerate(zip(expected, found, strict=False)):
            yield from differences(left, right, f"{path}[{index}]")
    elif expected != found:
        yield f"{path}: expected {expected!r}, found {found!r}"


def describe(expected: Facts, found: Facts, most: int = 12) -> str:
    """The first differences between two fact sets, for an assertion message."""
    lines = []
    for line in differences(expected, found):
        lines.append(line[:300])
        if len(lines) == most:
            lines.append("…")
            break
    return "\n".join(lines)


def parse_bytes(data: bytes, path: Path) -> Minutes:
    """Write data to path and parse it through the parser's entry point, parse_file."""
    path.write_bytes(data)
    return parse_file(path)


# Crashes the property and fuzz tests found and that are not fixed yet, as (exception type,
# file, function) of the frame that raised. Each gets a strict xfail regression test
# (tests/test_parser_fuzz.py); the properties set these inputs aside (hypothesis.reject) so
# that they keep looking for other crashes. None is open: the one found (a bracketed remark
# in a person line) is read as the person's remark now.
KNOWN_CRASHES: set[tuple[str, str, str]] = set()


def known_crash(error: BaseException) -> bool:
    """Whether an exception is one of the reported crashes above."""
    last = traceback.extract_tb(error.__traceback__)[-1]
    return (type(error).__name__, Path(last.filename).name, last.name) in KNOWN_CRASHES

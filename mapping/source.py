"""Reading a minutes file: decoding, conversion residue, page headers, blocks of lines.

The text was converted from a PDF. What the conversion left behind is removed here
and never reaches the graph: bold markers (`**`), paragraph tags (`<p>`), and the
page headers repeated on every page. Underline tags (`<u>`) carry meaning in the
agenda (highlighted Länder) and are kept until the agenda parser has read them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mapping.errors import SourceError

BOLD = "**"
PARAGRAPH_TAG = re.compile(r"</?p>")
UNDERLINE_TAG = re.compile(r"</?u>")
LINE_BREAK = re.compile(r"\r\n|\r|\n")

# "18. Integrationsminister*innenkonferenz 2023" (also without the gender star)
RUNNING_TITLE = re.compile(r"^\d{1,2}\.\s*Integrationsminister(?:\*innen)?konferenz\s+\d{4}$")
# "Hauptkonferenz am 26./27. April 2023 in Wiesbaden", "Hauptkonferenz 26./27. April 2023 ..."
RUNNING_MEETING = re.compile(
    r"^(?:Hauptkonferenz|Vorkonferenz|Videokonferenz|Sonderkonferenz)\s+(?:am\s+)?"
    r"\d{1,2}\.(?:\s*/\s*\d{1,2}\.)?\s*\w+\s+\d{4}(?:\s+in\s+.+)?$"
)
# the three-line header of the participant list: "Hauptkonferenz" / "der 18. IntMK 2023" / date
HEADER_KIND = re.compile(r"^(?:Hauptkonferenz|Vorkonferenz|Videokonferenz|Sonderkonferenz)$")
HEADER_CONFERENCE = re.compile(r"^der\s+\d{1,2}\.\s*IntMK\s+\d{4}$")
HEADER_DATE = re.compile(r"^\d{1,2}\.(?:\s*/\s*\d{1,2}\.)?\s*\w+\s+\d{4}(?:\s+in\s+.+)?$")
# how complete minutes end: a sentence, a table row, or a field ("Abstimmungsergebnis: …")
SENTENCE_END = re.compile(r"[.!?)\]»«“”\"'’]$")
FIELD = re.compile(r"^[A-ZÄÖÜ][\w-]*(?:\s+[\w-]+){0,2}\s*:\s*\S")


@dataclass(frozen=True)
class Line:
    """One line of the source: its 1-based number and its text with residue removed."""

    number: int
    text: str
    page_header: bool = False
    """A repeated page header, removed (its text is empty): the place of a page break."""

    @property
    def plain(self) -> str:
        """The text without underline tags."""
        return UNDERLINE_TAG.sub("", self.text)


@dataclass(frozen=True)
class Block:
    """Consecutive non-blank lines; blank lines (and removed page headers) separate blocks."""

    lines: tuple[Line, ...]

    @property
    def first(self) -> int:
        return self.lines[0].number

    @property
    def last(self) -> int:
        return self.lines[-1].number

    @property
    def texts(self) -> list[str]:
        return [line.plain for line in self.lines]


@dataclass(frozen=True)
class SourceText:
    """A decoded minutes file with its lines cleaned of conversion residue."""

    path: Path
    sha256: str
    line_count: int
    lines: tuple[Line, ...]

    def blocks(self, start: int = 1, end: int | None = None) -> list[Block]:
        """The blocks between line numbers start and end (inclusive)."""
        stop = self.line_count if end is None else end
        return group_blocks(line for line in self.lines if start <= line.number <= stop)


def decode(path: Path, data: bytes) -> str:
    """Decode UTF-8 strictly and normalise to NFC; anything else is a clear error."""
    if not data.strip():
        raise SourceError(path, 1, "the file is empty", "the text of IntMK minutes")
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        raise SourceError(path, 1, "the file is UTF-16 encoded", "UTF-8 text without BOM")
    if data.startswith(b"\xef\xbb\xbf"):
        raise SourceError(
            path, 1, "the file starts with a UTF-8 byte order mark", "UTF-8 text without BOM"
        )
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise SourceError(path, line, "the file contains NUL bytes (binary data)", "UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(
            path,
            line,
            f"byte 0x{data[error.start]:02x} is not valid UTF-8 (Latin-1?)",
            "UTF-8 text",
        ) from None
    return unicodedata.normalize("NFC", text)


def read_source(path: Path) -> SourceText:
    """Read a minutes file and clean its lines."""
    data = path.read_bytes()
    text = decode(path, data)
    raw_lines = split_lines(text)
    cleaned = [clean_residue(line) for line in raw_lines]
    headers = page_header_lines(cleaned)
    lines = tuple(
        Line(number, "", page_header=True) if number in headers else Line(number, line)
        for number, line in enumerate(cleaned, start=1)
    )
    return SourceText(path, hashlib.sha256(data).hexdigest(), len(raw_lines), lines)


def check_complete(path: Path, lines: tuple[Line, ...]) -> None:
    """Minutes end with a complete sentence, a table row or a field; anything else was cut off.

    Only for a file already known to be minutes: any text fails it when cut at random."""
    last = next((line for line in reversed(lines) if line.text), None)
    if last is None:
        return
    text = last.plain
    if "\t" in text or SENTENCE_END.search(text) or FIELD.match(text):
        return
    raise SourceError(
        path,
        last.number,
        f"the text ends in the middle of a sentence: '…{text[-60:]}'",
        "minutes that end with a complete sentence; the file looks truncated",
    )


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them: broken at LF, CRLF or CR only.

    str.splitlines also breaks at form feed, vertical tab, U+0085, U+2028 and U+2029,
    which would make every line number after one of them wrong; here they stay in the
    line and clean_residue reads them as white space.
    """
    lines = LINE_BREAK.split(text)
    return lines[:-1] if lines[-1] == "" else lines


def clean_residue(line: str) -> str:
    """Remove bold markers and paragraph tags; normalise white space (tabs are kept)."""
    line = line.replace(BOLD, "")
    line = PARAGRAPH_TAG.sub("", line)
    line = line.replace("\u00a0", " ")
    parts = [" ".join(part.split()) for part in line.split("\t")]
    return "\t".join(parts).strip()


def page_header_lines(lines: list[str]) -> set[int]:
    """Line numbers (1-based) of the repeated page headers."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        number = index + 1
        if RUNNING_TITLE.match(line) or RUNNING_MEETING.match(line):
            found.add(number)
        elif HEADER_CONFERENCE.match(line) and is_three_line_header(lines, index):
            found.update({number - 1, number, number + 1})
    return found


def is_three_line_header(lines: list[str], index: int) -> bool:
    """'Hauptkonferenz' / 'der 18. IntMK 2023' / '26./ 27. April 2023 in Wiesbaden'."""
    if index == 0 or index + 1 >= len(lines):
        return False
    return bool(HEADER_KIND.match(lines[index - 1]) and HEADER_DATE.match(lines[index + 1]))


def group_blocks(lines: Iterable[Line]) -> list[Block]:
    """Group lines into blocks separated by blank lines. A page break does not end a block
    whose text is unfinished (a list that ends with a comma, bold text not yet closed):
    the PDF's page header fell into the middle of it."""
    blocks: list[Block] = []
    current: list[Line] = []
    gap, page_break = False, False
    for line in lines:
        if not line.text:
            gap = gap or bool(current)
            page_break = page_break or line.page_header
            continue
        if gap and not (page_break and unfinished(current)):
            blocks.append(Block(tuple(current)))
            current = []
        gap, page_break = False, False
        current.append(line)
    if current:
        blocks.append(Block(tuple(current)))
    return blocks


def unfinished(lines: list[Line]) -> bool:
    """Whether a block's text breaks off: a trailing comma, or bold markup left open."""
    text = "\n".join(line.plain for line in lines)
    return text.rstrip().endswith(",") or text.count("**") % 2 == 1

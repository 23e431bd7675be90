"""Reading a text file of minutes: strict UTF-8, lines as an editor numbers them, pages
where the text has form feeds (pdftotext ends each page with one)."""

from __future__ import annotations

import re
from pathlib import Path

from mapping.document.model import ExtractedLine
from mapping.errors import SourceError

LINE_BREAK = re.compile(r"\r\n|\r|\n")
FORM_FEED = "\f"


def decode(path: Path, data: bytes) -> str:
    """Decode UTF-8 strictly; anything else is a clear error."""
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
    if data.startswith(b"%PDF"):
        raise SourceError(path, 1, "the file is a PDF", "a text file, or the PDF named *.pdf")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(
            path,
            line,
            f"byte 0x{data[error.start]:02x} is not valid UTF-8 (Latin-1?)",
            "UTF-8 text",
        ) from None


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them: broken at LF, CRLF or CR only.

    str.splitlines also breaks at form feed, vertical tab, U+0085, U+2028 and U+2029,
    which would make every line number after one of them wrong; here they stay in the
    line (a form feed also starts a new page)."""
    lines = LINE_BREAK.split(text)
    return lines[:-1] if lines[-1] == "" else lines


def read_text(path: Path, data: bytes) -> tuple[list[ExtractedLine], int | None]:
    """The lines of a text file; pages are known (and counted) when it has form feeds."""
    lines = split_lines(decode(path, data))
    if not any(FORM_FEED in line for line in lines):
        return [ExtractedLine(line) for line in lines], None
    page = 1
    extracted: list[ExtractedLine] = []
    for line in lines:
        page += line.rstrip(FORM_FEED).count(FORM_FEED)
        extracted.append(ExtractedLine(line, page=page))
        page += len(line) - len(line.rstrip(FORM_FEED))
    filled = [line.page or 1 for line in extracted if line.text.strip(FORM_FEED + " \t")]
    return extracted, max(filled, default=1)

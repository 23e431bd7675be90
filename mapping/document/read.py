"""A minutes file of any supported kind → one Document: read, normalise, mark furniture."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from mapping.document.cell_blocks import join_cell_rows, join_text_cell_tables
from mapping.document.columns import tab_columns
from mapping.document.footnotes import find_footnotes, region_notes
from mapping.document.furniture import Page, find_furniture
from mapping.document.justified import mark_wrapped
from mapping.document.model import Document, DocumentLine, ExtractedLine, LineKind
from mapping.document.normalise import normalise
from mapping.document.read_text import read_text
from mapping.document.text_tables import read_text_tables
from mapping.errors import SourceError
from mapping.text import join_two

TEXT_SUFFIXES = (".txt", ".md")
PDF_SUFFIX = ".pdf"
SUFFIXES = (*TEXT_SUFFIXES, PDF_SUFFIX)


def read_document(path: Path) -> Document:
    """Read a .pdf, .txt or .md file of minutes into numbered, normalised lines."""
    data = path.read_bytes()
    pages: int | None
    reader = "pdf" if path.suffix.lower() == PDF_SUFFIX else "text"
    if reader == "pdf":
        from mapping.document.read_pdf import read_pdf  # only a PDF needs the PDF library

        extracted, page_count = read_pdf(path)
        lines, pages = with_paragraph_gaps(extracted), page_count
    else:
        lines, pages = read_text(path, data)
    columns, undecided = read_text_tables(
        tab_columns(mark_furniture(number_lines(lines)), path), path
    )
    laid_out = join_text_cell_tables(join_cell_rows(mark_wrapped(columns), path), path)
    marked, footnotes = find_footnotes(laid_out)
    footnotes = region_notes(lines, marked) + footnotes  # a PDF's notes, then the text's
    return Document(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        lines=tuple(marked),
        footnotes=tuple(footnotes),
        pages=pages,
        reader=reader,
        undecided_tables=tuple(undecided),
    )


def with_paragraph_gaps(lines: list[ExtractedLine]) -> list[ExtractedLine]:
    """A PDF's wrapped lines joined, its vertical gaps as blank lines: one line a paragraph,
    the way the seed's conversion shows them."""
    spaced: list[ExtractedLine] = []
    last: int | None = None  # where in `spaced` the last content line stands
    for line in lines:
        if line.continues and last is not None and not line.region:
            # onto the last content line: furniture between (a page break) stays where it is
            before = spaced[last]
            text, markers = join_wrapped(before.text, line.text), before.markers + line.markers
            spaced[last] = replace(before, text=text, markers=markers)
            continue
        if line.gap_before and spaced:
            spaced.append(ExtractedLine("", page=line.page))
        spaced.append(line)
        if not line.region and line.text:
            last = len(spaced) - 1
    return spaced


def join_wrapped(left: str, right: str) -> str:
    """Two wrapped lines as one; a bold or underlined run across the wrap stays one run, so
    that a word hyphenated inside it is rejoined."""
    for close, reopen in (("**", "**"), ("</u>", "<u>")):
        if left.endswith(close) and right.startswith(reopen):
            left, right = left[: -len(close)], right[len(reopen) :]
    return join_two(left, right)


def number_lines(lines: list[ExtractedLine]) -> list[DocumentLine]:
    numbered: list[DocumentLine] = []
    for number, line in enumerate(lines, start=1):
        text, changes = normalise(line.text)
        text = text.strip(" ")
        kind = line.region or (LineKind.CONTENT if text.strip() else LineKind.BLANK)
        numbered.append(DocumentLine(number, line.page, line.text, text, kind, changes))
    return numbered


def mark_furniture(lines: list[DocumentLine]) -> list[DocumentLine]:
    """Page numbers and running headers among the content lines, by structure."""
    texts = [line.text if line.kind is LineKind.CONTENT else "" for line in lines]
    found = find_furniture(texts, pages_of(lines))
    return [
        DocumentLine(line.number, line.page, line.raw, line.text, found[index], line.normalisations)
        if index in found
        else line
        for index, line in enumerate(lines)
    ]


def pages_of(lines: list[DocumentLine]) -> list[Page]:
    """Each known page as the span of its line indexes."""
    pages: list[Page] = []
    for index, line in enumerate(lines):
        if line.page is None:
            return []
        if pages and lines[pages[-1].first].page == line.page:
            pages[-1] = Page(pages[-1].first, index)
        else:
            pages.append(Page(index, index))
    return pages


def check_suffix(path: Path) -> None:
    if path.suffix.lower() not in SUFFIXES:
        raise SourceError(path, None, f"a '{path.suffix}' file", "minutes as .pdf, .txt or .md")

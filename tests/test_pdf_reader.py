"""The PDF reader on PDFs typeset from the seed (tests/typeset.py): text, markup, tables,
furniture, footnotes, and the errors for files it cannot read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mapping.document.model import ExtractedLine, LineKind
from mapping.document.read import read_document
from mapping.document.read_pdf import is_bold, read_pdf
from mapping.errors import SourceError
from tests.typeset import (
    FOOTNOTE_BODY,
    FOOTNOTE_TEXT,
    PARAGRAPH_LINES,
    SEED,
    STYLES,
    TypesetPdf,
    content_lines,
    footnote_pdf,
    image_only_pdf,
    marked_words,
    paragraph_break_pdf,
    pdftotext,
    plain,
    row_cells,
    shuffled_words_pdf,
    typeset_pdfs,
    wrap_cases_pdf,
)

__all__ = ["typeset_pdfs"]  # the fixture, imported so that pytest finds it here

SOURCE = SEED.read_text(encoding="utf-8")
Read = dict[str, tuple[list[ExtractedLine], int]]


@pytest.fixture(scope="module")
def read(typeset_pdfs: dict[str, TypesetPdf]) -> Read:
    return {style: read_pdf(made.pdf) for style, made in typeset_pdfs.items()}


def content(lines: list[ExtractedLine]) -> list[ExtractedLine]:
    return [line for line in lines if line.region is None]


def align(seed: list[str], found: list[str]) -> list[list[int]]:
    """For each seed line, the indices of the read lines that make it up (long seed lines
    wrap in the PDF); fails at the first seed line the read lines do not give exactly."""
    groups: list[list[int]] = []
    position = 0
    for number, line in enumerate(seed):
        expected = plain(line)
        taken: list[int] = []
        text = ""
        while position < len(found) and len(text) < len(expected):
            taken.append(position)
            text = f"{text} {plain(found[position])}".strip()
            position += 1
            if text != expected and not expected.startswith(text + " "):
                break
        assert text == expected, (
            f"seed content line {number + 1}:\n  seed: {expected!r}\n  read: {text!r}"
        )
        groups.append(taken)
    assert position == len(found), f"read lines left over: {found[position : position + 3]!r}"
    return groups


@pytest.mark.parametrize("style", STYLES)
def test_text_is_the_seed_content(read: Read, style: str) -> None:
    """Furniture removed, markup stripped, whitespace normalised: the seed's lines, in
    order; a seed line that wraps in the PDF is several read lines, never less than one."""
    lines, pages = read[style]
    assert pages > 10
    align(content_lines(SOURCE), [line.text for line in content(lines)])


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("mark", ["bold", "underline"])
def test_markup_where_the_seed_has_it(read: Read, style: str, mark: str) -> None:
    lines, _ = read[style]
    expected = marked_words(content_lines(SOURCE), mark)
    found = marked_words([line.text for line in content(lines)], mark)
    assert len(expected) > 20
    assert found == expected


@pytest.mark.parametrize("style", STYLES)
def test_agenda_rows_have_cells(read: Read, style: str) -> None:
    """One line per agenda row: TOP number, title and applicants separated by tabs."""
    lines, _ = read[style]
    rows = [line.text for line in content(lines) if "\t" in line.text]
    seed_rows = [line for line in content_lines(SOURCE) if "\t" in line]
    assert len(rows) == len(seed_rows)
    for row, seed_row in zip(rows, seed_rows, strict=True):
        cells = [plain(cell) for cell in row_cells(seed_row)]
        while cells and not cells[-1]:
            cells.pop()
        assert [plain(cell) for cell in row.split("\t")] == cells
    assert "4.3\tFinanzierung der Migrationsberatung für Erwachsene (MBE)\tAlle Länder" in rows


@pytest.mark.parametrize("style", STYLES)
def test_paragraph_breaks(read: Read, style: str) -> None:
    """Blank lines of the seed are paragraph gaps; lines of one block are not."""
    lines = content(read[style][0])
    by_text = {plain(line.text): line for line in lines}
    assert by_text["Liste der Teilnehmenden"].gap_before
    assert by_text["Ministerium für Soziales, Gesundheit und Integration"].gap_before
    assert not by_text["Frau Prof. Dr. Birgit Locher-Finke"].gap_before
    assert not by_text["Herr Daniel Wilczek"].gap_before
    rows = [line for line in lines if "\t" in line.text]
    assert rows[0].gap_before
    assert sum(row.gap_before for row in rows) <= 3  # rows split by a page break at most


FURNITURE = {
    "ragged": {LineKind.PAGE_NUMBER: re.compile(r"^\d+$")},
    "justified": {
        LineKind.RUNNING_HEADER: re.compile(r"^18\. IntMK 2023 – Externe Niederschrift$"),
        LineKind.PAGE_NUMBER: re.compile(r"^Seite \d+ von \d+$"),
    },
    "times": {
        LineKind.PAGE_NUMBER: re.compile(r"^- \d+ -$"),
        LineKind.RUNNING_FOOTER: re.compile(r"^Integrationsministerkonferenz · Geschäftsstelle$"),
    },
}


@pytest.mark.parametrize("style", STYLES)
def test_furniture_regions(read: Read, style: str) -> None:
    """Every page's number, header and footer, in its region, and nothing else there."""
    lines, pages = read[style]
    furniture = [line for line in lines if line.region is not None]
    for kind, pattern in FURNITURE[style].items():
        found = [line for line in furniture if line.region is kind]
        assert all(pattern.match(line.text) for line in found), found[:3]
        first = 2 if kind is LineKind.RUNNING_HEADER else 1  # no header on the title page
        assert [line.page for line in found] == list(range(first, pages + 1))
    numbers = [line for line in furniture if line.region is LineKind.PAGE_NUMBER]
    assert [int(re.findall(r"\d+", line.text)[0]) for line in numbers] == [
        line.page for line in numbers
    ]
    assert len(furniture) == sum(
        pages - (kind is LineKind.RUNNING_HEADER) for kind in FURNITURE[style]
    )
    pages_of_content = {line.page for line in content(lines)}
    assert pages_of_content == set(range(1, pages + 1))


def test_page_breaks_inside_table_and_delegation(read: Read) -> None:
    """'times' breaks the page after agenda row 4.3 and after a Hessen delegate."""
    lines = content(read["times"][0])
    rows = {line.text.split("\t", 1)[0]: line for line in lines if "\t" in line.text}
    assert page_of(rows["4.4"]) == page_of(rows["4.3"]) + 1
    assert not rows["4.4"].gap_before  # the table goes on
    hoelz = next(line for line in lines if line.text == "Herr Dr. Stephan Hölz")
    pillok = next(line for line in lines if line.text == "Herr Ralf Pillok")
    assert page_of(pillok) == page_of(hoelz) + 1


def page_of(line: ExtractedLine) -> int:
    assert line.page is not None
    return line.page


def test_footnote(tmp_path: Path) -> None:
    """The marker after "Integrationskursen" is dropped, the footnote text kept."""
    lines, pages = read_pdf(footnote_pdf(tmp_path / "footnote.pdf"))
    assert pages == 1
    assert lines[0].text == "".join(FOOTNOTE_BODY)
    assert lines[0].region is None
    notes = [line for line in lines if line.region is LineKind.FOOTNOTE]
    assert [line.text for line in notes] == [f"1 {FOOTNOTE_TEXT}"]
    assert lines[-1].region is LineKind.PAGE_NUMBER
    assert not any("Integrationskursen1" in line.text for line in lines)


def test_scanned_pdf(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as error:
        read_pdf(image_only_pdf(tmp_path / "scan.pdf"))
    assert error.value.problem == "scanned PDF: no text layer"
    assert "text layer" in error.value.expected


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "minutes.pdf"
    path.write_text("Externe Niederschrift\nTOP 1\n", encoding="utf-8")
    with pytest.raises(SourceError) as error:
        read_pdf(path)
    assert error.value.problem.startswith("not a PDF")


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_pdf(typeset_pdfs: dict[str, TypesetPdf], tmp_path: Path, keep: float) -> None:
    data = typeset_pdfs["ragged"].pdf.read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(SourceError) as error:
        read_pdf(path)
    assert error.value.problem.startswith("damaged PDF")


def test_damaged_pdf(typeset_pdfs: dict[str, TypesetPdf], tmp_path: Path) -> None:
    """Header and end intact, the middle overwritten: an error, not a traceback."""
    data = bytearray(typeset_pdfs["ragged"].pdf.read_bytes())
    middle = len(data) // 3
    data[middle : middle * 2] = b"\x00garbage" * (middle // 8) + b"\x00" * (middle % 8)
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    try:
        lines, _ = read_pdf(path)
    except SourceError as error:
        assert error.problem.startswith(("damaged PDF", "scanned PDF"))
    else:  # pdfminer recovered what it could: never the whole document
        assert len(lines) < len(read_pdf(typeset_pdfs["ragged"].pdf)[0])


def test_encrypted_pdf(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "encrypted.pdf"
    canvas = Canvas(str(path), encrypt=StandardEncryption("secret", canPrint=0))
    canvas.drawString(72, 720, "TOP 1 Bericht")
    canvas.save()
    with pytest.raises(SourceError) as error:
        read_pdf(path)
    assert error.value.problem.startswith("encrypted PDF")


@pytest.mark.parametrize(
    ("fontname", "bold"),
    [
        ("Helvetica-Bold", True),
        ("ABCDEF+Arial-BoldMT", True),
        ("Calibri,Bold", True),
        ("XYZABC+SourceSansPro-Semibold", True),
        ("Arial-Black", True),
        ("Helvetica-BoldOblique", True),
        ("Times-Roman", False),
        ("ABCDEF+ArialMT", False),
        ("Calibri-Italic", False),
    ],
)
def test_bold_by_font_name(fontname: str, bold: bool) -> None:
    assert is_bold(fontname) is bold


@pytest.mark.parametrize("style", STYLES)
def test_pdftotext_extractions(typeset_pdfs: dict[str, TypesetPdf], style: str) -> None:
    """poppler's pdftotext (plain and -layout) of each PDF, saved next to it for other
    tests: both carry every seed word (pdftotext fuses nothing here: no footnotes)."""
    made = typeset_pdfs[style]
    if made.text is None or made.layout is None:
        pytest.skip("pdftotext is not installed (Debian poppler-utils; `make test-packages`)")
    seed = " ".join(plain(line) for line in content_lines(SOURCE))
    for extraction in (made.text, made.layout):
        assert extraction.exists() and extraction.parent == made.pdf.parent
        text = extraction.read_text(encoding="utf-8")
        # pdftotext joins a word hyphenated at a line end ("Branden-" / "burg"); so do we
        missing = set(dehyphenate(seed).split()) - set(dehyphenate(text).split())
        assert sorted(missing) == []


def dehyphenate(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"(?<=[a-zäöüß])- (?=[A-ZÄÖÜ])", "-", text)  # "Mecklenburg-" / "Vorpommern"
    return re.sub(r"(?<=[a-zäöüß])- (?=[a-zäöüß])", "", text)


# Seed line breaks that are the old PDF's wraps (its conversion kept them). Set as lines of
# their own, they follow a line that is full (the next word does not fit on it): a reader
# cannot tell them from a wrap, and reads them as one paragraph, as the old PDF meant.
ROMA = (
    "Beauftragter der Bundesregierung gegen Antiziganismus und für das Leben der Sinti und Roma in",
    "Deutschland",
)
LAND_LIST = ("Antragsteller: Brandenburg, Berlin, Hamburg, Hessen,", "Mecklenburg-Vorpommern")
SEED_WRAPS = {  # (seed line before, seed line)
    "ragged": {ROMA},
    "justified": {ROMA},
    "times": {LAND_LIST},
}
HEADINGS = re.compile(
    r"^(?:TOP [A-Z0-9.]+|Liste der Teilnehmenden|Gäste|Respektvolles Zusammenleben"
    r"|Teilhabe in der Migrationsgesellschaft|Bildung und Chancengerechtigkeit"
    r"|Vielfalt auf dem Arbeitsmarkt)$"
)
LIST_ITEM = re.compile(r"^(?:- |• |–|\d{1,2}\. )")


@pytest.mark.parametrize("style", STYLES)
def test_continues_on_wrapped_lines(read: Read, style: str) -> None:
    """`continues` on every line the typesetter wrapped, also across a page break; not on
    the first line of a seed line: paragraph starts, hard line breaks (the next word would
    have fitted), list items, headings, table rows."""
    lines = content(read[style][0])
    seed = content_lines(SOURCE)
    groups = align(seed, [line.text for line in lines])
    wrapped: list[ExtractedLine] = []
    starts: list[ExtractedLine] = []
    across: list[ExtractedLine] = []
    for number, (first, *rest) in enumerate(groups):
        wrapped.extend(lines[index] for index in rest)
        across.extend(lines[index] for index in rest if lines[index - 1].page != lines[index].page)
        seed_line = seed[number]
        if (plain(seed[number - 1]), plain(seed_line)) in SEED_WRAPS[style]:
            assert lines[first].continues, f"{seed_line!r} follows a full line: a wrap"
        else:
            starts.append(lines[first])
    assert [line.text for line in wrapped if not line.continues] == []
    assert [line.text for line in starts if line.continues] == []
    kinds = {
        "wrapped": wrapped,
        "across a page break": across,
        "paragraph start": [line for line in starts if line.gap_before],
        "hard line break": [line for line in starts if not line.gap_before],
        "list item": [line for line in starts if LIST_ITEM.match(plain(line.text))],
        "heading": [line for line in starts if HEADINGS.match(plain(line.text))],
        "table row": [line for line in starts if "\t" in line.text],
    }
    assert {kind for kind, found in kinds.items() if not found} == set()
    assert not any(line.continues for line in lines if "\t" in line.text)


def test_continues_in_wrap_cases(tmp_path: Path) -> None:
    """Lines set by hand: wraps (justified, ragged, after a first-line or hanging indent,
    across a page break with furniture between and mirrored margins) and what is no wrap
    (a hard break after a short line or before a word that would have fitted, list items and
    a bold heading after a full line), also what only looks like an item (a dash inside a
    sentence, a date "2. November" after "vom")."""
    pdf, expected = wrap_cases_pdf(tmp_path / "wraps.pdf")
    lines, pages = read_pdf(pdf)
    assert pages == 2
    found = content(lines)
    assert [plain(line.text) for line in found] == [
        " ".join(f"{line.label} {line.text}".split()) for line in expected
    ]
    assert [(line.case, got.continues) for line, got in zip(expected, found, strict=True)] == [
        (line.case, line.continues) for line in expected
    ]
    assert [line.region for line in lines if line.region] == [
        LineKind.RUNNING_HEADER,
        LineKind.PAGE_NUMBER,
        LineKind.RUNNING_HEADER,
        LineKind.PAGE_NUMBER,
    ]


@pytest.mark.parametrize("style", STYLES)
def test_pdf_gives_the_seed_facts(typeset_pdfs: dict[str, TypesetPdf], style: str) -> None:
    """parse_file on each typeset PDF gives the facts of the seed text: the document layer
    joins the lines the reader marks `continues` into the seed's one line a paragraph.

    Nothing the typesetting cannot carry is left out: the seed's old page headers are
    furniture, not facts; line numbers, file name and hash are places, not facts (tests/facts.py
    leaves them out); the stray '**' and '<p>' of the seed's conversion are residue the
    grammar removes anyway. The applicants stand in a column of their own in the PDF (a
    remark such as "Rücknahme Berlin" on a line below them, in their cell), which the grammar
    joins to the title like the seed's single cell."""
    from mapping.parse_document import parse_file
    from tests.facts import describe, facts

    expected = facts(parse_file(SEED))
    found = facts(parse_file(typeset_pdfs[style].pdf))
    assert found == expected, describe(expected, found)


# What poppler's pdftotext makes of the typeset PDFs: it drops the space between paragraphs
# (plain: no blank line at all; -layout: where the gap was small), and a wrapped paragraph
# whose sentence ends at the end of a full line cannot be told from two paragraphs then.
UNDECIDABLE = "cannot be told whether"


@pytest.mark.parametrize("extraction", ["text", "layout"])
@pytest.mark.parametrize("style", STYLES)
def test_pdftotext_gives_the_seed_facts_or_names_the_line_it_cannot_read(
    typeset_pdfs: dict[str, TypesetPdf], style: str, extraction: str
) -> None:
    """Never different facts: the seed's facts, or a SourceError naming a line of the text
    and why it cannot be read. The agenda table (cells one a block in plain pdftotext,
    columns of characters with -layout) is read before that point in every extraction."""
    from mapping.parse_document import parse_file
    from tests.facts import describe, facts, leave_out

    made = typeset_pdfs[style]
    path = made.text if extraction == "text" else made.layout
    if path is None:
        pytest.skip("pdftotext is not installed (Debian poppler-utils; `make test-packages`)")
    expected = leave_out(facts(parse_file(SEED)), "highlighted")
    try:
        found = leave_out(facts(parse_file(path)), "highlighted")
    except SourceError as error:
        assert UNDECIDABLE in error.problem, str(error)
        assert error.line is not None and error.path == str(path)
        lines = path.read_text(encoding="utf-8").split("\n")
        assert lines[error.line - 1].strip().startswith(error.problem.split("'")[1][:30])
        assert error.line > first_resolution_line(lines), "the agenda was not read"
        return
    assert found == expected, describe(expected, found)


def first_resolution_line(lines: list[str]) -> int:
    """The line of 'TOP 1.1' standing alone (the first resolution heading after the agenda)."""
    return next(n for n, line in enumerate(lines, 1) if line.strip() == "TOP 1.1")


def other_library_text(pdf: Path, library: str) -> Path:
    """The text pdfminer.six or pypdf makes of a PDF, a form feed between pages."""
    if library == "pdfminer":
        from pdfminer.high_level import extract_text

        text = extract_text(str(pdf))
    else:
        from pypdf import PdfReader

        text = "\f".join(page.extract_text() for page in PdfReader(pdf).pages)
    path = pdf.with_suffix(f".{library}.txt")
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("library", ["pdfminer", "pypdf"])
@pytest.mark.parametrize("style", STYLES)
def test_other_libraries_text_gives_the_seed_facts_or_a_clear_error(
    typeset_pdfs: dict[str, TypesetPdf], style: str, library: str
) -> None:
    """pdfminer.six writes a drawn table column by column (every number, then every title),
    pypdf one cell a line without blank lines between cells, and both may begin a page with
    its footer: never different facts — the seed's, or a SourceError naming a line."""
    from mapping.parse_document import parse_file
    from tests.facts import describe, facts, leave_out

    path = other_library_text(typeset_pdfs[style].pdf, library)
    expected = leave_out(facts(parse_file(SEED)), "highlighted")
    try:
        found = leave_out(facts(parse_file(path)), "highlighted")
    except SourceError as error:
        assert error.line is not None and error.path == str(path), str(error)
        assert error.problem and error.expected, str(error)
        return
    assert found == expected, describe(expected, found)


def test_plain_pdftotext_cannot_carry_a_paragraph_break_at_a_full_line(tmp_path: Path) -> None:
    """Why plain pdftotext of a typeset PDF cannot always give its facts: one paragraph
    whose full third line ends a sentence, and two paragraphs that break there, give the
    same text byte for byte (pdftotext drops the space between paragraphs). The PDF
    reader tells them apart by that space, `-layout` by a blank line; on the plain text,
    the grammar names the line it cannot decide rather than pick one reading."""
    from mapping.parse_body import parse_body
    from mapping.source import group_blocks, read_source

    one = paragraph_break_pdf(tmp_path / "one.pdf", two_paragraphs=False)
    two = paragraph_break_pdf(tmp_path / "two.pdf", two_paragraphs=True)
    texts = [pdftotext(pdf, layout=False) for pdf in (one, two)]
    layouts = [pdftotext(pdf, layout=True) for pdf in (one, two)]
    if None in texts or None in layouts:
        pytest.skip("pdftotext is not installed (Debian poppler-utils; `make test-packages`)")

    def paragraphs_read(pdf: Path) -> list[str]:
        return [
            line.text[:20] for line in read_document(pdf).lines if line.kind is LineKind.CONTENT
        ]

    assert paragraphs_read(one) == ["Die Länder stellen f"]
    assert paragraphs_read(two) == ["Die Länder stellen f", "Sie bitten deshalb d"]
    plain_one, plain_two = (path.read_bytes() for path in texts if path)
    assert plain_one == plain_two
    layout_one, layout_two = (path.read_text(encoding="utf-8") for path in layouts if path)
    assert "Osten.\n\n" not in layout_one and "Osten.\n\n" in layout_two
    source = read_source(texts[0] or one)
    with pytest.raises(SourceError) as error:
        parse_body(group_blocks(source.lines), source.path)
    assert error.value.line == 4
    assert "cannot be told whether 'Sie bitten deshalb" in error.value.problem


@pytest.mark.parametrize("order", ["reversed", "shuffled:1", "shuffled:7", "shuffled:23"])
def test_words_written_in_another_order_are_read_in_reading_order(
    tmp_path: Path, order: str
) -> None:
    """A producer may write a justified line's words in any order (each word placed on its
    own): the PDF reader reads them by position, left to right, line by line."""
    pdf = shuffled_words_pdf(tmp_path / "words.pdf", order)
    document = read_document(pdf)
    texts = [line.text for line in document.lines if line.kind is LineKind.CONTENT]
    assert texts == [" ".join(PARAGRAPH_LINES)]

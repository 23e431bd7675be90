"""PDFs typeset from the seed's text, as the IntMK might publish them (generated at test time).

`typeset(source_text, style, out)` sets the seed's content in one of `STYLES`:

- "ragged": Helvetica, ragged right, bold set in Helvetica-Bold, underlines drawn as lines,
  the agenda in tab-stop columns (no rules), a bare page number "3" at the bottom.
- "justified": Helvetica, justified, a running header ("18. IntMK 2023 – Externe
  Niederschrift", not on the first page), "Seite N von M" at the bottom, the agenda as a
  table with grid lines, a new page where the old PDF had one (each TOP on its own page).
- "times": Times, larger margins (page breaks fall elsewhere), "- N -" at the top, a
  running footer, a page break forced inside the agenda table and inside one delegation
  of the participant list, underlines (and table rules) as thin filled rectangles.

The seed's own page headers ("18. Integrationsminister*innenkonferenz 2023", "Hauptkonferenz
am …", the bold three-line "Hauptkonferenz / der 18. IntMK 2023 / …" blocks) are the old
PDF's furniture: they are left out and each style sets its own. Blank lines of the seed are
paragraph spacing; every other seed line starts a new line of the PDF (long ones wrap).
Agenda rows (lines with a tab) become table rows of three cells: TOP, title, applicants.

`content_lines(source_text)` lists the seed lines the PDF carries, in order, so that a test
can compare what a reader gives back. `footnote_pdf` and `image_only_pdf` make the two small
special PDFs (a footnote with its marker; a scan without a text layer); `typeset_pdfs` is a
session fixture with every style's PDF and its `pdftotext` / `pdftotext -layout` output.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

STYLES = ("ragged", "justified", "times")
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "sources" / "000_7e277fc99396a581.txt"

RUNNING_TITLE = re.compile(r"^\d{1,2}\.\s*Integrationsminister(?:\*innen)?konferenz\s+\d{4}$")
RUNNING_MEETING = re.compile(
    r"^(?:Hauptkonferenz|Vorkonferenz)\s+(?:am\s+)?\d{1,2}\.(?:\s*/\s*\d{1,2}\.)?\s*\w+\s+\d{4}"
    r"(?:\s+in\s+.+)?$"
)
HEADER_BLOCK = (
    re.compile(r"^(?:Hauptkonferenz|Vorkonferenz)$"),
    re.compile(r"^der\s+\d{1,2}\.\s*IntMK\s+\d{4}$"),
    re.compile(r"^\d{1,2}\.(?:\s*/\s*\d{1,2}\.)?\s*\w+\s+\d{4}(?:\s+in\s+.+)?$"),
)
LAENDER = (
    "Baden-Württemberg|Bayern|Berlin|Brandenburg|Bremen|Hamburg|Hessen|"
    "Mecklenburg-Vorpommern|Niedersachsen|Nordrhein-Westfalen|Rheinland-Pfalz|Saarland|"
    "Sachsen-Anhalt|Sachsen|Schleswig-Holstein|Thüringen"
)
_ONE = rf"(?:<u>)?(?:{LAENDER})(?![\w-])(?:</u>)?(?:\s*\(koordinierend\))?"
# the applicants at the end of an agenda title: "Alle Länder" or Land names, the third cell
APPLICANTS = re.compile(
    rf"(?:(?<=\s)|^)(?P<list>(?:Antragsteller:\s*)?"
    rf"(?:Alle Länder|{_ONE}(?:[\s,;]+(?:und\s+)?{_ONE})*))\s*$"
)
PARAGRAPH_TAG = re.compile(r"</?p>")
BOLD_MARK = re.compile(r"\*\*")


@dataclass(frozen=True)
class Style:
    name: str
    font: str
    bold_font: str
    margins: tuple[float, float, float, float]  # left, right, top, bottom (points)
    alignment: int
    header: str | None = None  # running header text (pages 2 …)
    footer: str | None = None  # running footer text (every page)
    page_number: str = "{n}"  # format with n (page) and m (pages)
    number_at_top: bool = False
    grid: bool = False  # agenda as a table with drawn rules
    rect_rules: bool = False  # underlines and rules as thin filled rectangles
    break_at_old_pages: bool = False
    break_after_lines: frozenset[str] = field(default_factory=frozenset)
    break_after_rows: frozenset[str] = field(default_factory=frozenset)  # TOP numbers
    size: float = 10.0
    leading: float = 12.6


STYLE_SETTINGS = {
    "ragged": Style(
        "ragged", "Helvetica", "Helvetica-Bold", (2.5 * cm, 2 * cm, 2 * cm, 2 * cm), TA_LEFT
    ),
    "justified": Style(
        "justified",
        "Helvetica",
        "Helvetica-Bold",
        (2.5 * cm, 2.5 * cm, 2.5 * cm, 2.5 * cm),
        TA_JUSTIFY,
        header="18. IntMK 2023 – Externe Niederschrift",
        page_number="Seite {n} von {m}",
        grid=True,
        break_at_old_pages=True,
    ),
    "times": Style(
        "times",
        "Times-Roman",
        "Times-Bold",
        (3.5 * cm, 3.5 * cm, 3.5 * cm, 3.2 * cm),
        TA_JUSTIFY,
        footer="Integrationsministerkonferenz · Geschäftsstelle",
        page_number="- {n} -",
        number_at_top=True,
        grid=True,
        rect_rules=True,
        break_after_lines=frozenset({"Herr Dr. Stephan Hölz"}),
        break_after_rows=frozenset({"4.3"}),
        size=11.0,
        leading=13.5,
    ),
}


@dataclass
class Block:
    """Consecutive seed lines without a blank line; `table` if they are agenda rows."""

    lines: list[str]
    table: bool
    new_page: bool  # the old PDF had a page header before it


def is_row(line: str) -> bool:
    return "\t" in line


def seed_blocks(source_text: str) -> list[Block]:
    """The seed's content in blocks, the old page headers removed (noted as `new_page`)."""
    lines = source_text.splitlines()
    blocks: list[Block] = []
    current: list[str] = []
    new_page = False
    index = 0

    def flush() -> None:
        nonlocal current, new_page
        if current:
            table = all(is_row(line) for line in current)
            if table and blocks and blocks[-1].table and not new_page:
                blocks[-1].lines.extend(current)  # one agenda, split by blank lines
            else:
                blocks.append(Block(current, table, new_page))
            new_page = False
        current = []

    while index < len(lines):
        line = lines[index]
        bare = line.replace("**", "").strip()
        header = header_length(lines, index)
        if header:
            flush()
            new_page = True
            index += header
            continue
        if RUNNING_TITLE.match(bare) or RUNNING_MEETING.match(bare):
            flush()
            new_page = True
        elif not bare:
            flush()
        elif current and is_row(line) != is_row(current[-1]):
            flush()
            current.append(line)
        else:
            current.append(line)
        index += 1
    flush()
    return blocks


def header_length(lines: list[str], index: int) -> int:
    """3 if the three-line bold participant-list header starts here, else 0."""
    window = [line.replace("**", "").strip() for line in lines[index : index + 3]]
    if len(window) == 3 and all(p.match(t) for p, t in zip(HEADER_BLOCK, window, strict=True)):
        return 3
    return 0


def content_lines(source_text: str) -> list[str]:
    """The seed lines the typeset PDF carries, in order, with the seed's markup."""
    return [line for block in seed_blocks(source_text) for line in block.lines]


# -- inline markup ---------------------------------------------------------------------------


def bold_spans(text: str) -> list[tuple[int, int]]:
    """Where `**` opens and closes bold in `text` (lines joined by newlines): an opener is
    followed by a non-space on its line, a closer follows one; a closer with no open run
    (the seed's stray "…**" at a line end) is conversion residue."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for match in BOLD_MARK.finditer(text):
        before = text[match.start() - 1] if match.start() else "\n"
        after = text[match.end()] if match.end() < len(text) else "\n"
        if start is None and not after.isspace():
            start = match.end()
        elif start is not None and not before.isspace():
            spans.append((start, match.start()))
            start = None
    return spans


def marked_words(lines: list[str], mark: str) -> list[str]:
    """The words inside `**…**` (mark "bold") or `<u>…</u>` (mark "underline"), in order."""
    text = PARAGRAPH_TAG.sub("", "\n".join(lines))
    words: list[str] = []
    if mark == "bold":
        for start, end in bold_spans(text):
            words.extend(re.sub(r"</?u>|\*\*", " ", text[start:end]).split())
    else:
        for run in re.findall(r"<u>(.*?)</u>", text, flags=re.DOTALL):
            words.extend(run.replace("**", " ").split())
    return words


def plain(text: str) -> str:
    """A line without markup, whitespace (tabs too) collapsed."""
    return " ".join(re.sub(r"</?u>|</?p>|\*\*", "", text).split())


def block_markup(lines: list[str]) -> list[str]:
    """reportlab markup for each line of a block; bold runs may cross lines."""
    text = "\n".join(PARAGRAPH_TAG.sub("", line) for line in lines)
    spans = bold_spans(text)
    bold = [False] * len(text)
    for start, end in spans:
        for position in range(start, end):
            bold[position] = True
    out: list[str] = []
    offset = 0
    for line in text.split("\n"):
        out.append(line_markup(line, bold[offset : offset + len(line)]))
        offset += len(line) + 1
    return out


def line_markup(line: str, bold: list[bool]) -> str:
    pieces: list[str] = []
    inside = False
    position = 0
    while position < len(line):
        if line.startswith("**", position):
            position += 2
            continue
        for tag in ("<u>", "</u>"):
            if line.startswith(tag, position):
                pieces.append(tag)
                position += len(tag)
                break
        else:
            if bold[position] != inside:
                pieces.append("<b>" if bold[position] else "</b>")
                inside = bold[position]
            pieces.append(escape(line[position], quote=False))
            position += 1
    if inside:
        pieces.append("</b>")
    return "".join(pieces).strip() or "&nbsp;"


# -- layout ----------------------------------------------------------------------------------


class RectRuleCanvas(Canvas):  # type: ignore[misc]
    """Draws every straight line as a thin filled rectangle (as Word's PDF export does)."""

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        width = max(self._lineWidth, 0.5)
        self.saveState()
        self.setFillColor(self._strokeColorObj)
        if abs(y1 - y2) < 0.01:
            self.rect(min(x1, x2), y1 - width / 2, abs(x2 - x1), width, stroke=0, fill=1)
        else:
            self.rect(x1 - width / 2, min(y1, y2), width, abs(y2 - y1), stroke=0, fill=1)
        self.restoreState()


def paragraph_styles(style: Style) -> tuple[ParagraphStyle, ParagraphStyle]:
    body = ParagraphStyle(
        style.name,
        fontName=style.font,
        fontSize=style.size,
        leading=style.leading,
        alignment=style.alignment,
        underlineWidth=0.6,
        underlineOffset="-0.15*F",
    )
    cell = ParagraphStyle(style.name + "-cell", parent=body, alignment=TA_LEFT, splitLongWords=0)
    return body, cell


def row_cells(line: str) -> list[str]:
    """TOP, title, applicants of an agenda row (the applicants cell may be empty)."""
    top, rest = line.split("\t", 1)
    rest = PARAGRAPH_TAG.sub("", rest).strip()
    match = APPLICANTS.search(rest)
    if match is None or match.start() == 0:
        return [top, rest, ""]
    return [top, rest[: match.start()].rstrip(), match.group("list")]


def agenda_tables(block: Block, style: Style, cell: ParagraphStyle, width: float) -> list[Any]:
    """The agenda rows as tables; a forced page break after a row in `break_after_rows`."""
    columns = [2.0 * cm, width - 2.0 * cm - 5.4 * cm, 5.4 * cm]
    parts: list[list[list[Paragraph]]] = [[]]
    for line in block.lines:
        cells = row_cells(line)
        parts[-1].append([Paragraph(block_markup([text])[0], cell) for text in cells])
        if cells[0].strip() in style.break_after_rows:
            parts.append([])
    commands: list[Any] = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if style.grid:
        commands.append(("GRID", (0, 0), (-1, -1), 0.6, "black"))
    else:
        commands += [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 14)]
    flowables: list[Any] = []
    for rows in parts:
        if rows:
            if flowables:
                flowables.append(PageBreak())
            flowables.append(Table(rows, colWidths=columns, style=TableStyle(commands)))
    return flowables


def story(source_text: str, style: Style, width: float) -> list[Flowable]:
    body, cell = paragraph_styles(style)
    title = ParagraphStyle(style.name + "-title", parent=body, fontSize=13, leading=16)
    flowables: list[Flowable] = []
    for number, block in enumerate(seed_blocks(source_text)):
        if block.new_page and style.break_at_old_pages and flowables:
            flowables.append(PageBreak())
        elif flowables:
            flowables.append(Spacer(1, style.leading * 0.8))
        if block.table:
            flowables.extend(agenda_tables(block, style, cell, width))
            continue
        for line, markup in zip(block.lines, block_markup(block.lines), strict=True):
            flowables.append(Paragraph(markup, title if number == 0 else body))
            if line.replace("**", "").strip() in style.break_after_lines:
                flowables.append(PageBreak())
    return flowables


def furniture(style: Style, pages: list[int]) -> Any:
    """The onPage callback: running header, footer and page number."""
    left, right, top, bottom = style.margins

    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        page_width, page_height = A4
        canvas.saveState()
        canvas.setFont(style.font, 9)
        n = canvas.getPageNumber()
        if style.header and n > 1:
            canvas.drawString(left, page_height - top + 24, style.header)
        if style.footer:
            canvas.drawString(left, bottom - 30, style.footer)
        number = style.page_number.format(n=n, m=pages[0] if pages else "?")
        if style.number_at_top:
            canvas.drawCentredString(page_width / 2, page_height - top + 24, number)
        elif style.header:
            canvas.drawRightString(page_width - right, bottom - 30, number)
        else:
            canvas.drawCentredString(page_width / 2, bottom - 30, number)
        canvas.restoreState()

    return draw


def render(source_text: str, style: Style, pages: list[int]) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    left, right, top, bottom = style.margins
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title="Externe Niederschrift 18. IntMK 2023",
        author="tests/typeset.py",
        invariant=1,
    )
    on_page = furniture(style, pages)
    canvasmaker = RectRuleCanvas if style.rect_rules else Canvas
    doc.build(story(source_text, style, doc.width), on_page, on_page, canvasmaker=canvasmaker)
    return buffer.getvalue(), doc.page


def typeset(source_text: str, style: str, out: Path) -> Path:
    """Set `source_text` (seed markup) in `style` (one of STYLES) into the PDF `out`."""
    settings = STYLE_SETTINGS[style]
    _, pages = render(source_text, settings, [])  # first pass: the page count for "von M"
    data, _ = render(source_text, settings, [pages])
    out.write_bytes(data)
    return out


# -- special PDFs ----------------------------------------------------------------------------

FOOTNOTE_TEXT = "Beschluss der 17. IntMK 2022 zu TOP 4.1, Ziffer 2."
FOOTNOTE_BODY = (
    "Die IntMK verweist auf ihren Beschluss zu den Integrationskursen",
    " und bittet den Bund um Verstetigung.",
)


def footnote_pdf(out: Path) -> Path:
    """One page: a paragraph with a superscript footnote marker after "Integrationskurse",
    a short rule near the page bottom, the footnote text below it in a smaller font, and a
    page number."""
    canvas = Canvas(str(out), pagesize=A4, invariant=1)
    width, height = A4
    text = canvas.beginText(2.5 * cm, height - 3 * cm)
    text.setFont("Helvetica", 11)
    text.textOut(FOOTNOTE_BODY[0])
    text.setFont("Helvetica", 7)
    text.setRise(4)
    text.textOut("1")
    text.setRise(0)
    text.setFont("Helvetica", 11)
    text.textLine(FOOTNOTE_BODY[1])
    text.textLine("Die Geschäftsstelle wird gebeten, den Beschluss weiterzuleiten.")
    canvas.drawText(text)
    canvas.setLineWidth(0.5)
    canvas.line(2.5 * cm, 3.6 * cm, 7.5 * cm, 3.6 * cm)
    note = canvas.beginText(2.5 * cm, 3.1 * cm)
    note.setFont("Helvetica", 6)
    note.setRise(3)
    note.textOut("1")
    note.setRise(0)
    note.setFont("Helvetica", 8.5)
    note.textOut(" " + FOOTNOTE_TEXT)
    canvas.drawText(note)
    canvas.setFont("Helvetica", 9)
    canvas.drawCentredString(width / 2, 1.5 * cm, "Seite 1 von 1")
    canvas.showPage()
    canvas.save()
    return out


def image_only_pdf(out: Path) -> Path:
    """A 'scanned' page: an image of a few dark bars, no text layer."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (595, 842), 255)
    draw = ImageDraw.Draw(image)
    for row in range(10):
        draw.rectangle((70, 80 + row * 30, 70 + 40 * (row % 5 + 6), 92 + row * 30), fill=0)
    canvas = Canvas(str(out), pagesize=A4, invariant=1)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    from reportlab.lib.utils import ImageReader

    canvas.drawImage(ImageReader(buffer), 0, 0, width=A4[0], height=A4[1])
    canvas.showPage()
    canvas.save()
    return out


# -- the session fixture ---------------------------------------------------------------------


@dataclass(frozen=True)
class TypesetPdf:
    """One typeset PDF and what poppler's pdftotext makes of it (None: no pdftotext)."""

    style: str
    pdf: Path
    text: Path | None  # pdftotext
    layout: Path | None  # pdftotext -layout


def pdftotext(pdf: Path, layout: bool) -> Path | None:
    """pdftotext's output next to the PDF (.txt or .layout.txt); None if it is not installed."""
    if shutil.which("pdftotext") is None:
        return None
    out = pdf.with_suffix(".layout.txt" if layout else ".txt")
    command = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(pdf), str(out)]
    subprocess.run(command, check=True, capture_output=True, timeout=60)
    return out


@pytest.fixture(scope="session")
def typeset_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, TypesetPdf]]:
    """Every style's PDF of the seed, with its pdftotext and pdftotext -layout text."""
    folder = tmp_path_factory.mktemp("typeset")
    source = SEED.read_text(encoding="utf-8")
    made: dict[str, TypesetPdf] = {}
    for style in STYLES:
        pdf = typeset(source, style, folder / f"seed-{style}.pdf")
        made[style] = TypesetPdf(style, pdf, pdftotext(pdf, False), pdftotext(pdf, True))
    yield made

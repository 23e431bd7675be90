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

`typeset(…, notes=…)` adds footnotes: a superscript number after a phrase of the text and
the note in a smaller font at the bottom of the page the marker landed on (above the page
number), as a word processor sets them.

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
# a remark at the end of an agenda row: it stands below the applicants, in their cell
REMARK = re.compile(
    r"\s(?P<remark>Rücknahme\s+\S+|Zusammenlegung mit TOP\s+[\w.]+|\(siehe [^()]+\)"
    r"|vertagt|zurückgezogen)$"
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


@dataclass(frozen=True)
class Note:
    """A footnote to set: its marker follows the first occurrence of `after` in the text."""

    after: str
    text: str


NOTE_CALLBACK = "note_placed"
NOTE_SIZE, NOTE_LEADING = 8.0, 10.0


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
    """TOP, title, applicants of an agenda row (the applicants cell may be empty). A remark
    at the row's end ("Rücknahme Berlin", "Zusammenlegung mit TOP 7.2", "(siehe …)") goes
    on a line of its own below the applicants, in their cell (a newline in the cell)."""
    top, rest = line.split("\t", 1)
    rest = PARAGRAPH_TAG.sub("", rest).strip()
    remark = REMARK.search(rest)
    body = rest[: remark.start()].rstrip() if remark else rest
    match = APPLICANTS.search(body)
    if match is None or match.start() == 0:
        return [top, rest, ""]
    listed = match.group("list") + (f"\n{remark.group('remark')}" if remark else "")
    return [top, body[: match.start()].rstrip(), listed]


def cell_markup(text: str) -> str:
    """A cell's reportlab markup; a newline in the cell is a line break."""
    return "<br/>".join(block_markup([part])[0] for part in text.split("\n"))


def agenda_tables(block: Block, style: Style, cell: ParagraphStyle, width: float) -> list[Any]:
    """The agenda rows as tables; a forced page break after a row in `break_after_rows`."""
    columns = [2.0 * cm, width - 2.0 * cm - 5.4 * cm, 5.4 * cm]
    parts: list[list[list[Paragraph]]] = [[]]
    for line in block.lines:
        cells = row_cells(line)
        parts[-1].append([Paragraph(cell_markup(text), cell) for text in cells])
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


def with_markers(markup: str, notes: tuple[Note, ...], placed: set[int]) -> str:
    """The markup with a superscript marker (and a callback that records its page) after
    each note's phrase, each note once."""
    for number, note in enumerate(notes, start=1):
        phrase = escape(note.after, quote=False)
        if number in placed or phrase not in markup:
            continue
        placed.add(number)
        mark = f'<super>{number}</super><onDraw name="{NOTE_CALLBACK}" label="{number}"/>'
        at = markup.index(phrase) + len(phrase)
        markup = markup[:at] + mark + markup[at:]
    return markup


def story(
    source_text: str, style: Style, width: float, notes: tuple[Note, ...] = ()
) -> list[Flowable]:
    body, cell = paragraph_styles(style)
    title = ParagraphStyle(style.name + "-title", parent=body, fontSize=13, leading=16)
    flowables: list[Flowable] = []
    placed: set[int] = set()
    for number, block in enumerate(seed_blocks(source_text)):
        if block.new_page and style.break_at_old_pages and flowables:
            flowables.append(PageBreak())
        elif flowables:
            flowables.append(Spacer(1, style.leading * 0.8))
        if block.table:
            flowables.extend(agenda_tables(block, style, cell, width))
            continue
        for line, markup in zip(block.lines, block_markup(block.lines), strict=True):
            markup = with_markers(markup, notes, placed)
            flowables.append(Paragraph(markup, title if number == 0 else body))
            if line.replace("**", "").strip() in style.break_after_lines:
                flowables.append(PageBreak())
    return flowables


@dataclass
class NotePages:
    """Where the markers landed (filled while a pass draws) and the notes to set per page."""

    notes: tuple[Note, ...] = ()
    placed: dict[int, int] = field(default_factory=dict)  # note number → page
    known: dict[int, int] = field(default_factory=dict)  # from the pass before

    def record(self, canvas: Canvas, kind: str, label: str) -> None:
        self.placed[int(label)] = canvas.getPageNumber()

    def draw(self, canvas: Canvas, page: int, x: float, y: float) -> None:
        """The notes whose markers stand on this page, the first one highest."""
        here = [n for n, on in sorted(self.known.items()) if on == page]
        for index, number in enumerate(reversed(here)):
            canvas.setFont("Helvetica", NOTE_SIZE)
            canvas.drawString(
                x, y + index * NOTE_LEADING, f"{number} {self.notes[number - 1].text}"
            )


def furniture(style: Style, pages: list[int], notes: NotePages | None = None) -> Any:
    """The onPage callback: running header, footer, page number (and footnotes)."""
    left, right, top, bottom = style.margins

    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        page_width, page_height = A4
        canvas.saveState()
        n = canvas.getPageNumber()
        if notes is not None:
            canvas.setNamedCB(NOTE_CALLBACK, notes.record)
            notes.draw(canvas, n, left, bottom - 14)
        canvas.setFont(style.font, 9)
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


def render(
    source_text: str, style: Style, pages: list[int], notes: NotePages | None = None
) -> tuple[bytes, int]:
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
    on_page = furniture(style, pages, notes)
    canvasmaker = RectRuleCanvas if style.rect_rules else Canvas
    flowables = story(source_text, style, doc.width, notes.notes if notes else ())
    doc.build(flowables, on_page, on_page, canvasmaker=canvasmaker)
    return buffer.getvalue(), doc.page


def typeset(source_text: str, style: str, out: Path, notes: tuple[Note, ...] = ()) -> Path:
    """Set `source_text` (seed markup) in `style` (one of STYLES) into the PDF `out`; with
    `notes`, each a footnote at the bottom of the page its marker lands on."""
    settings = STYLE_SETTINGS[style]
    first = NotePages(notes) if notes else None
    # first pass: the page count for "von M" and the pages the markers land on
    _, pages = render(source_text, settings, [], first)
    second = NotePages(notes, known=first.placed) if first else None
    data, _ = render(source_text, settings, [pages], second)
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


# One text set twice: as one paragraph whose third line, full, ends a sentence; and as two
# paragraphs (space between them) that break there. Only the space tells them apart.
PARAGRAPH_LINES = (
    "Die Länder stellen fest, dass die Angebote der Migrationsberatung in vielen Kommunen stark",
    "nachgefragt sind und dass die Wartezeiten für ein erstes Gespräch seit dem vergangenen Jahr",
    "deutlich gestiegen sind, vor allem in den ländlichen Räumen der großen Flächenländer "
    "im Osten.",
    "Sie bitten deshalb die Bundesregierung, die Mittel für die Beratung im kommenden Haushalt zu",
    "verstetigen und die Förderrichtlinien so zu fassen, dass auch kleinere Träger vor Ort Anträge",
    "stellen können, wenn sie eng mit Kommunen oder mit Wohlfahrtsverbänden zusammenarbeiten,",
    "und die Berichtspflichten zu vereinfachen.",
)
BREAK_AFTER = 3  # the line whose sentence end may end the paragraph


def paragraph_break_pdf(out: Path, two_paragraphs: bool) -> Path:
    """PARAGRAPH_LINES justified in a column as wide as the widest of them: every line but a
    paragraph's last stretched to the column. With `two_paragraphs`, line BREAK_AFTER is a
    paragraph's last (not stretched) and 0.8 of a line's leading stands after it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font, size, leading = "Helvetica", 10.0, 12.5
    column = max(stringWidth(line, font, size) for line in PARAGRAPH_LINES) + 1.0
    canvas = Canvas(str(out), pagesize=A4, invariant=1)
    y = A4[1] - 3 * cm
    last_lines = {len(PARAGRAPH_LINES), *([BREAK_AFTER] if two_paragraphs else [])}
    for number, line in enumerate(PARAGRAPH_LINES, start=1):
        text = canvas.beginText(2.5 * cm, y)
        text.setFont(font, size)
        if number not in last_lines:
            text.setWordSpace((column - stringWidth(line, font, size)) / line.count(" "))
        text.textLine(line)
        canvas.drawText(text)
        y -= leading + (0.8 * leading if two_paragraphs and number == BREAK_AFTER else 0)
    canvas.setFont(font, 9)
    canvas.drawCentredString(A4[0] / 2, 1.5 * cm, "Seite 1 von 1")
    canvas.showPage()
    canvas.save()
    return out


def shuffled_words_pdf(out: Path, order: str) -> Path:
    """PARAGRAPH_LINES justified, each word drawn on its own at its place, the words of a
    line written to the file in another order than they are read: "reversed" (right to
    left, as some producers write justified lines) or "shuffled:N" (random, seed N)."""
    import random

    from reportlab.pdfbase.pdfmetrics import stringWidth

    font, size, leading = "Helvetica", 10.0, 12.5
    column = max(stringWidth(line, font, size) for line in PARAGRAPH_LINES) + 1.0
    canvas = Canvas(str(out), pagesize=A4, invariant=1)
    canvas.setFont(font, size)
    shuffle = random.Random(int(order.split(":")[1])) if order.startswith("shuffled") else None
    y = A4[1] - 3 * cm
    for number, line in enumerate(PARAGRAPH_LINES, start=1):
        words = line.split()
        natural = sum(stringWidth(word, font, size) for word in words)
        last = number == len(PARAGRAPH_LINES)
        gap = stringWidth(" ", font, size) if last else (column - natural) / (len(words) - 1)
        placed, x = [], 2.5 * cm
        for word in words:
            placed.append((x, word))
            x += stringWidth(word, font, size) + gap
        if shuffle is not None:
            shuffle.shuffle(placed)
        else:
            placed.reverse()
        for x, word in placed:
            canvas.drawString(x, y, word)
        y -= leading
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


# -- wrap cases ----------------------------------------------------------------------------

FILLER_TEXT = (
    "Die für Integration zuständigen Ministerinnen und Minister, Senatorinnen und Senatoren "
    "der Länder bitten den Bund, die Förderung der Migrationsberatung für Erwachsene "
    "mehrjährig abzusichern und die Träger frühzeitig über die vorgesehenen Mittel zu "
    "informieren, damit die Beratung in allen Regionen verlässlich angeboten werden kann "
    "und die Fachkräfte in den Beratungsstellen gehalten werden können."
)
FILLER = FILLER_TEXT.split()


@dataclass(frozen=True)
class WrapLine:
    """One line of the wrap-cases PDF, as set, and whether it continues the line before."""

    text: str
    continues: bool
    case: str  # what the line shows, for assertion messages
    indent: float = 0.0  # from the column's left edge
    full: bool = False  # justified: its last word ends at the column's right edge
    bold: bool = False
    gap: bool = False  # paragraph spacing above it
    label: str = ""  # a hanging label ("1.") at the left edge, the text at `indent`


WRAP_FONT, WRAP_SIZE, WRAP_LEADING = "Helvetica", 10.0, 12.5
WRAP_WIDTH = 430.0
WRAP_LEFT = {1: 72.0, 2: 92.0}  # mirrored margins: page 2 sits further right
WRAP_HEADER = "Umbruchfälle – Testdokument"


def width_of(text: str, bold: bool = False) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, WRAP_FONT + ("-Bold" if bold else ""), WRAP_SIZE))


def filled(start: str = "", end: str = "", indent: float = 0.0, skip: int = 0) -> str:
    """`start`, filler words and `end`, as many words as fit the column (less `indent`)."""
    words = FILLER[skip:] + FILLER[:skip]
    text = start
    for word in words:
        longer = f"{text} {word}".strip()
        if width_of(f"{longer} {end}".strip()) > WRAP_WIDTH - indent:
            break
        text = longer
    return f"{text} {end}".strip()


def ragged(text: str) -> list[str]:
    """Greedy ragged-right lines of `text` in the column."""
    lines: list[str] = []
    for word in text.split():
        if lines and width_of(f"{lines[-1]} {word}") <= WRAP_WIDTH:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def wrap_cases() -> list[list[WrapLine]]:
    """Pages of lines: wraps and what must not be taken for one, each set by hand."""
    story = " ".join(FILLER[5:] + FILLER[:12])
    rag = ragged(story)
    page1 = [
        WrapLine("Umbruchfälle", False, "title", bold=True),
        WrapLine(filled(), False, "paragraph start", full=True, gap=True),
        WrapLine(filled(skip=3), True, "justified wrap", full=True),
        WrapLine("und die Fachkräfte gehalten werden können.", True, "last line"),
        WrapLine("Herr Daniel Wilczek", False, "hard break after a short line"),
        WrapLine("Frau Dr. Heike Jung", False, "hard break after a short line"),
        *(
            WrapLine(line, index > 0, "ragged wrap" if index else "ragged start", gap=not index)
            for index, line in enumerate(rag)
        ),
        WrapLine("Antragsteller: Brandenburg, Berlin,", False, "paragraph start", gap=True),
        WrapLine("Hessen", False, "hard break: the word would have fitted"),
        WrapLine(
            filled(end="„Indikatorenentwicklung und Monitoring“"),
            False,
            "paragraph start",
            full=True,
            gap=True,
        ),
        WrapLine("– und hier insbesondere dem Vorsitzland Hessen.", True, "dash in a sentence"),
        WrapLine(filled("- Erstens"), False, "list item after a sentence", full=True),
        WrapLine(filled(skip=7), True, "list item wrapped", full=True),
        WrapLine(filled("- Zweitens", skip=2), False, "list item after a full line", full=True),
        WrapLine("- Drittens die Kommunen.", False, "list item after a full line"),
        WrapLine(filled("1.", "vom"), False, "numbered item", full=True, gap=True),
        WrapLine(filled("2. November 2022", "fort."), True, "a date, not an item", full=True),
        WrapLine(filled("2. Die IntMK", skip=4), False, "item after a full line", full=True),
        WrapLine(filled(skip=9), False, "bold heading after a full line", full=True, gap=True),
        WrapLine("Teilhabe in der Migrationsgesellschaft", False, "bold heading", bold=True),
        WrapLine("Obwohl Menschen mit Migrationsgeschichte präsent sind.", False, "after heading"),
        WrapLine(filled(indent=20), False, "first-line indent", indent=20, full=True, gap=True),
        WrapLine(filled(skip=6), True, "wrap after a first-line indent", full=True),
        WrapLine("zur Kenntnis.", True, "last line"),
        WrapLine(
            filled(indent=16), False, "hanging label", indent=16, full=True, label="1.", gap=True
        ),
        WrapLine(filled(indent=16, skip=5), True, "hanging indent", indent=16, full=True),
        WrapLine("und Soziales.", True, "hanging indent, last line", indent=16),
        WrapLine(filled(indent=16), False, "bullet", indent=16, full=True, label="-", gap=True),
        WrapLine("– und hier dem Vorsitzland.", True, "dash inside a bullet item", indent=16),
        WrapLine(filled(skip=1), False, "paragraph start", full=True, gap=True),
    ]
    page2 = [
        WrapLine(filled(skip=8), True, "wrap across the page break", full=True),
        WrapLine("und die Länder beteiligen.", True, "last line"),
        WrapLine(filled(skip=2), False, "paragraph start", full=True, gap=True),
        WrapLine(filled(skip=10), True, "justified wrap", full=True),
        WrapLine("die Zusammenarbeit fortzuführen.", True, "last line"),
    ]
    return [page1, page2]


def wrap_cases_pdf(out: Path) -> tuple[Path, list[WrapLine]]:
    """Two pages set line by line (the column, mirrored margins, a running header and page
    numbers); the content lines in order. Page 1's last line is the lowest of the
    document: its paragraph goes on at the top of page 2."""
    canvas = Canvas(str(out), pagesize=A4, invariant=1)
    _, height = A4
    lines: list[WrapLine] = []
    for number, page in enumerate(wrap_cases(), start=1):
        left = WRAP_LEFT[number]
        canvas.setFont(WRAP_FONT, 8)
        canvas.drawString(left, height - 40, WRAP_HEADER)
        canvas.drawCentredString(left + WRAP_WIDTH / 2, 40, str(number))
        y = height - 130 + WRAP_LEADING
        for line in page:
            y -= WRAP_LEADING * (2 if line.gap else 1)
            size = 14.0 if line.case == "title" else WRAP_SIZE
            font = WRAP_FONT + ("-Bold" if line.bold else "")
            if line.label:
                canvas.setFont(font, size)
                canvas.drawString(left, y, line.label)
            set_line(canvas, line, left + line.indent, y, font, size)
            lines.append(line)
        canvas.showPage()
    canvas.save()
    return out, lines


def set_line(canvas: Canvas, line: WrapLine, x: float, y: float, font: str, size: float) -> None:
    """The words of a line; a full line's spaces widened so that it ends at the margin."""
    canvas.setFont(font, size)
    words = line.text.split()
    if not line.full or len(words) < 2:
        canvas.drawString(x, y, line.text)
        return
    natural = sum(width_of(word, line.bold) for word in words)
    space = (WRAP_WIDTH - line.indent - natural) / (len(words) - 1)
    for word in words:
        canvas.drawString(x, y, word)
        x += width_of(word, line.bold) + space


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

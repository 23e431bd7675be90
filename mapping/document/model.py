"""What the document layer gives the grammar: every line of the source, what kind it is,
and the changes normalisation made to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class LineKind(Enum):
    """What a source line is, before the grammar reads it."""

    CONTENT = "content"
    BLANK = "blank"
    PAGE_NUMBER = "page number"
    RUNNING_HEADER = "running header"
    RUNNING_FOOTER = "running footer"
    FOOTNOTE = "footnote"

    @property
    def is_furniture(self) -> bool:
        return self not in (LineKind.CONTENT, LineKind.BLANK)


@dataclass(frozen=True)
class Normalisation:
    """One change normalisation made to a line: what kind, how often."""

    kind: str  # "soft hyphen", "ligature", "space", "zero-width", "form feed", "NFC", …
    count: int


@dataclass(frozen=True)
class ExtractedLine:
    """A line as a reader found it, before normalisation and furniture detection.

    `text` uses the inline conventions of the seed's conversion: `**…**` around bold runs,
    `<u>…</u>` around underlined runs, a tab between the cells of a table row. A reader
    that knows a line's region on the page (a PDF reader) says so in `region`; a text
    reader leaves it None and furniture.py decides from the text alone."""

    text: str
    page: int | None = None
    region: LineKind | None = None  # RUNNING_HEADER, RUNNING_FOOTER, FOOTNOTE, PAGE_NUMBER
    gap_before: bool = False  # a PDF reader: vertical space before it, a paragraph break
    continues: bool = False
    """A PDF reader: the line goes on from the one before (the typesetter wrapped the
    paragraph there); the document layer joins the two into one line."""
    markers: tuple[str, ...] = ()
    """A PDF reader: the superscript marks dropped from the line's words ("1"), in order;
    footnotes.py pairs them with the notes of the page."""


@dataclass(frozen=True)
class Footnote:
    """A note at the bottom of a page, its number, and the line whose word carried its marker
    (the marker itself is removed from that line)."""

    number: int
    text: str
    marker_line: int  # index into Document.lines
    lines: tuple[int, ...]  # indexes of the note's lines (a rule above it included)


@dataclass(frozen=True)
class DocumentLine:
    """One numbered line of the document: 1-based line of the text file, or of the text the
    PDF reader made (as `intmk explain` prints it), with its page where known."""

    number: int
    page: int | None
    raw: str
    text: str  # normalised; furniture keeps its text here, the grammar gets ""
    kind: LineKind
    normalisations: tuple[Normalisation, ...] = ()
    wraps: bool | None = False
    """The line goes on from the content line before it, wrapped there by the typesetter of
    justified text (mapping/document/justified.py); None: that cannot be told."""


@dataclass(frozen=True)
class Document:
    """A minutes file read into lines: each line once, in order, with its kind."""

    path: Path
    sha256: str
    lines: tuple[DocumentLine, ...]
    pages: int | None = None  # known for PDFs and text with form feeds
    reader: str = "text"
    footnotes: tuple[Footnote, ...] = field(default=())
    undecided_tables: tuple[UndecidedTable, ...] = field(default=())
    """Lines laid out like a table whose columns the layer cannot tell apart (kept as text):
    the grammar refuses them, or with `--lenient` publishes them as text with a finding."""


@dataclass(frozen=True)
class UndecidedTable:
    """Lines laid out like a table (mapping/document/text_tables.py) whose columns cannot be
    told apart, or which cannot be told from justified text: left as text lines, the cause
    kept for the grammar to refuse or, with `--lenient`, to publish as a finding."""

    first: int  # the first and last source line of the run
    last: int
    line: int  # the line the cause was found on
    problem: str
    expected: str

"""The document layer's blocks (mapping/document/blocks.py): kinds, styles, positions, the
same blocks from a PDF and from the text made of it, and the grammar's lines made of them.

Each text case is written from what a converter produces; the seed and its typeset PDFs
show the blocks of a whole document."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mapping.document.blocks import BlockKind, Run, TextBlock, document_blocks, styled_runs
from mapping.document.model import LineKind
from mapping.document.read import read_document
from mapping.errors import SourceError
from mapping.source import read_source
from tests.conftest import SEED
from tests.typeset import TypesetPdf, footnote_pdf, typeset_pdfs

__all__ = ["typeset_pdfs"]  # the fixture, imported so that pytest finds it here

ROOT = Path(__file__).resolve().parent.parent


def blocks_of(tmp_path: Path, text: str, name: str = "minutes.txt") -> tuple[TextBlock, ...]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return document_blocks(read_document(path))


def kinds(blocks: tuple[TextBlock, ...]) -> list[tuple[str, str]]:
    return [(block.kind.value, block.text) for block in blocks]


# kinds ------------------------------------------------------------------------------------


def test_kinds_of_a_resolution_page(tmp_path: Path) -> None:
    """A TOP heading, a sub-heading standing alone, paragraphs, numbered and bulleted list
    items, a table row with its cells (a Green List row), a field line."""
    text = "\n".join(
        [
            "TOP 5.2",
            "Sprachkitas erhalten",
            "Antragsteller: Bremen, Saarland",
            "",
            "Die IntMK hat einstimmig beschlossen:",
            "",
            "1. Die Länder begrüßen das Programm.",
            "2. Sie bitten den Bund, es zu verstetigen.",
            "",
            "Ausblick",
            "",
            "Die Länder werden berichten:",
            "- über die Teilnehmenden,",
            "• über die Mittel.",
            "",
            "5.3\tKitas stärken\tBerlin",
            "",
        ]
    )
    assert kinds(blocks_of(tmp_path, text)) == [
        ("heading", "TOP 5.2"),
        ("paragraph", "Sprachkitas erhalten"),
        ("paragraph", "Antragsteller: Bremen, Saarland"),
        ("paragraph", "Die IntMK hat einstimmig beschlossen:"),
        ("list item", "1. Die Länder begrüßen das Programm."),
        ("list item", "2. Sie bitten den Bund, es zu verstetigen."),
        ("heading", "Ausblick"),
        ("paragraph", "Die Länder werden berichten:"),
        ("list item", "- über die Teilnehmenden,"),
        ("list item", "• über die Mittel."),
        ("table row", "5.3\tKitas stärken\tBerlin"),
    ]


def test_labels_and_cells(tmp_path: Path) -> None:
    blocks = blocks_of(tmp_path, "a) Erstens gilt das.\n(2) Zweitens gilt es.\n\n4.1\t\tHessen\n")
    assert [block.label for block in blocks] == ["a)", "(2)", None]
    assert blocks[2].cells == ("4.1", "", "Hessen")
    assert blocks[0].cells == ()


@pytest.mark.parametrize(
    "line",
    [
        "Die Länder bitten den Bund um Unterstützung.",  # a sentence, not a heading
        "Frau Ministerin Anne Beispiel",  # a line among others
    ],
)
def test_a_short_line_among_others_is_no_heading(tmp_path: Path, line: str) -> None:
    blocks = blocks_of(tmp_path, f"Erste Zeile steht davor.\n{line}\nDanach die nächste.\n")
    assert blocks[1].kind is BlockKind.PARAGRAPH


# styles -----------------------------------------------------------------------------------


def test_runs_of_bold_and_underlined_text() -> None:
    runs = styled_runs("**Antragsteller:** <u>Berlin</u>, Bremen  und <u>Hessen</u>")
    assert runs == (
        Run("Antragsteller:", bold=True),
        Run(" "),
        Run("Berlin", underlined=True),
        Run(", Bremen und "),
        Run("Hessen", underlined=True),
    )
    assert styled_runs("<p>Ohne Auszeichnung</p>") == (Run("Ohne Auszeichnung"),)


def test_a_bold_line_is_a_heading_and_keeps_its_styles(tmp_path: Path) -> None:
    blocks = blocks_of(
        tmp_path, "**Beschlussniederschrift**\n\nText mit <u>Hamburg</u> und **fett**.\n"
    )
    assert blocks[0].kind is BlockKind.HEADING and blocks[0].bold
    assert blocks[1].kind is BlockKind.PARAGRAPH and not blocks[1].bold
    assert blocks[1].underlined == ("Hamburg",)
    assert blocks[1].marked == "Text mit <u>Hamburg</u> und fett."
    assert blocks[1].text == "Text mit Hamburg und fett."


# furniture, footnotes, positions ----------------------------------------------------------


def paged(pages: int) -> str:
    """Pages of running text, each closed by 'Seite N von M' and a form feed."""
    out = []
    for page in range(1, pages + 1):
        out += [f"Absatz {page}.{n} der Beschlüsse, fortlaufend geschrieben." for n in range(8)]
        out += ["", f"Seite {page} von {pages}", "\f"]
    return "\n".join(out)


def test_page_numbers_are_furniture_blocks_with_their_page(tmp_path: Path) -> None:
    blocks = blocks_of(tmp_path, paged(3))
    furniture = [block for block in blocks if block.kind is BlockKind.FURNITURE]
    assert [(block.text, block.page, block.furniture) for block in furniture] == [
        (f"Seite {n} von 3", n, LineKind.PAGE_NUMBER) for n in (1, 2, 3)
    ]
    texts = [block.text for block in blocks if block.kind is BlockKind.PARAGRAPH]
    assert not any("Seite" in text for text in texts)
    assert [block.page for block in blocks if block.text.startswith("Absatz 2.")] == [2] * 8


def test_the_grammar_never_sees_furniture(tmp_path: Path) -> None:
    path = tmp_path / "paged.txt"
    path.write_text(paged(3), encoding="utf-8")
    source = read_source(path)
    assert not any("Seite" in line.text for line in source.lines)
    breaks = [line.number for line in source.lines if line.page_header]
    furniture = [block.first for block in source.text_blocks if block.furniture]
    assert breaks == furniture


def test_a_footnote_is_a_block_of_its_own(tmp_path: Path) -> None:
    blocks = document_blocks(read_document(footnote_pdf(tmp_path / "note.pdf")))
    notes = [block for block in blocks if block.kind is BlockKind.FOOTNOTE]
    assert notes and all(block.page == 1 for block in notes)
    body = [block.text for block in blocks if block.kind is BlockKind.PARAGRAPH]
    assert not any(text.endswith("1") or "Integrationskurse1" in text for text in body)


# wrapped lines ----------------------------------------------------------------------------


def justify(words: str, width: int) -> str:
    """A line as pdftotext -layout writes a justified line: its words spread to `width`."""
    parts = words.split()
    spaces, extra = divmod(width - sum(map(len, parts)), len(parts) - 1)
    gaps = [" " * (spaces + (1 if index < extra else 0)) for index in range(len(parts) - 1)]
    return "".join(part + gap for part, gap in zip(parts, [*gaps, ""], strict=True))


# pdftotext -layout of a justified paragraph: its stretched lines end at column 62
JUSTIFIED = [
    justify("Die Länder stellen fest, dass die Beratungsangebote für", 62),
    justify("zugewanderte Menschen in den Kommunen sehr verschieden", 62),
    justify("ausgestattet sind. Sie bitten deshalb den Bund, die", 62),
    justify("Mittel für die Migrationsberatung zu verstetigen und sie", 62),
    "auch kleineren Trägern zugänglich zu machen.",
]


def test_justified_lines_are_one_paragraph_block(tmp_path: Path) -> None:
    text = "\n".join([*JUSTIFIED, "", *JUSTIFIED, "", *JUSTIFIED]) + "\n"
    blocks = blocks_of(tmp_path, text)
    assert [(block.first, block.last) for block in blocks] == [(1, 5), (7, 11), (13, 17)]
    assert blocks[0].text.startswith("Die Länder stellen fest, dass die Beratungsangebote")
    assert blocks[0].text.endswith("auch kleineren Trägern zugänglich zu machen.")
    assert all(block.kind is BlockKind.PARAGRAPH for block in blocks)


def test_an_undecidable_wrap_names_its_line(tmp_path: Path) -> None:
    """A full, unstretched line that ends a sentence: the next may go on or start anew."""
    full = "Die Mittel der Länder reichen für die Beratung nicht mehr aus."
    assert len(full) == len(JUSTIFIED[0]) == 62
    lines = [*JUSTIFIED, "", *JUSTIFIED, "", *JUSTIFIED[:2], full, "Sie bitten den Bund darum."]
    with pytest.raises(SourceError) as error:
        blocks_of(tmp_path, "\n".join(lines) + "\n")
    assert error.value.line == lines.index("Sie bitten den Bund darum.") + 1
    assert "cannot be told whether 'Sie bitten den Bund darum." in error.value.problem


# whole documents --------------------------------------------------------------------------


def test_every_line_of_the_seed_is_in_one_block_or_blank() -> None:
    document = read_document(SEED)
    blocks = document_blocks(document)
    taken: dict[int, int] = {}
    for index, block in enumerate(blocks):
        for number in range(block.first, block.last + 1):
            line = document.lines[number - 1]
            if block.furniture is None and line.kind.is_furniture:
                continue  # a page break inside a paragraph: the furniture's own block
            assert number not in taken, f"line {number} in blocks {taken[number]} and {index}"
            taken[number] = index
    blank = {line.number for line in document.lines if not line.text.strip()}
    assert set(taken) | blank == {line.number for line in document.lines}


def test_the_seed_agenda_is_table_rows() -> None:
    blocks = document_blocks(read_document(SEED))
    rows = [block for block in blocks if block.kind is BlockKind.TABLE_ROW]
    assert rows[0].cells == ("TOP", "Thema")
    assert rows[1].cells == ("A", "Genehmigung der Tagesordnung")
    assert sum(1 for row in rows if row.underlined) == 18
    headings = [block.text for block in blocks if block.kind is BlockKind.HEADING]
    assert "TOP 1.1" in headings and "Liste der Teilnehmenden" in headings


def test_the_pdf_and_its_plain_text_give_the_same_table_rows(
    typeset_pdfs: dict[str, TypesetPdf],
) -> None:
    """The agenda drawn as a table (PDF reader: cells from positions) and the same table as
    plain pdftotext writes it (one cell a block): the same rows, cell for cell."""
    made = typeset_pdfs["ragged"]
    if made.text is None:
        pytest.skip("pdftotext is not installed (Debian poppler-utils; `make test-packages`)")

    def rows(path: Path) -> list[tuple[str, ...]]:
        return [b.cells for b in document_blocks(read_document(path)) if b.cells]

    from_pdf = rows(made.pdf)
    assert len(from_pdf) == 49
    assert from_pdf[2] == ("B", "Bericht des Bundes")
    assert ("1.1", "Bericht vom 2. Geflüchtetengipfel und dem Follow-Up-Prozess", "Hessen") in (
        from_pdf
    )
    assert rows(made.text) == from_pdf


def test_explain_prints_the_blocks() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cli.main", "explain", "--blocks", str(SEED)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()
    assert rows[0] == f"# {SEED.name}: {len(read_source(SEED).text_blocks)} blocks, read as text"
    assert any("running header" in row and "Hauptkonferenz" in row for row in rows)
    assert any("table row" in row and "A | Genehmigung der Tagesordnung" in row for row in rows)
    assert any(row.replace("¶", "").split()[1:3] == ["heading", "B"] for row in rows[1:4])

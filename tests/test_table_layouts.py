"""Tables inside resolutions, what issue 15 point 6 left (PLAN "Issue 15 … left", item 4):
tables of text columns with even gaps told from justified text, and `--lenient` for a
table whose columns cannot be told apart. The fixtures are in tests/fixtures/structure/
(README.md there describes each); every row and cell is stated exactly."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from bs4 import BeautifulSoup
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from mapping.document.cell_blocks import join_text_cell_tables, rows_fit
from mapping.document.model import DocumentLine, LineKind
from mapping.document.read import read_document
from mapping.document.text_tables import aligned_chains, read_text_tables
from mapping.errors import SourceError
from mapping.model import Amount, LineRange, UnresolvedAmount
from mapping.parse_document import parse_text
from mapping.source import read_source
from mapping.tables import find_tables, with_amounts
from mapping.vocabulary import SCHEMA
from tests.conftest import CONCEPT, ID, INTMK
from tests.fixture_builds import build_files, example_rows, union_graph
from tests.server_process import serve
from tests.test_build import run_build
from tests.test_text_structure import rows, tables_of

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "structure"
OA_TARGET = URIRef("http://www.w3.org/ns/oa#hasTarget")


def content(name: str) -> list[str]:
    """The content lines of a fixture as the document layer gives them."""
    document = read_document(FIXTURES / name)
    return [line.text for line in document.lines if line.kind is LineKind.CONTENT]


# four text columns with even gaps: tables ------------------------------------------------


def test_four_text_columns_with_a_header_over_years_are_a_table() -> None:
    """Regression: the rows were read as a justified paragraph (even gaps, one word a cell)."""
    (table,) = tables_of("textcols-measures.txt")
    assert table.header == ("Maßnahme", "Zuständig", "Beginn", "Stand")
    assert (table.columns, table.lines) == (4, LineRange(5, 8))
    assert rows(table) == [
        (1, ("Sprachkurse", "Bund", "2025", "laufend"), (6, 6)),
        (2, ("Beratung", "Länder", "2026", "geplant"), (7, 7)),
        (3, ("Anerkennung", "Kommunen", "2027", "offen"), (8, 8)),
    ]


def test_four_columns_of_words_without_figures_are_a_table_without_header() -> None:
    """No figure tells a header row from the others: every line is a row, in order."""
    (table,) = tables_of("textcols-laender.txt")
    assert (table.header, table.columns) == ((), 4)
    assert rows(table) == [
        (1, ("Land", "Kurse", "Beratung", "Kitas"), (5, 5)),
        (2, ("BW", "ja", "ja", "nein"), (6, 6)),
        (3, ("BY", "nein", "ja", "ja"), (7, 7)),
        (4, ("HE", "ja", "nein", "ja"), (8, 8)),
    ]


def test_four_text_columns_with_blank_lines_between_the_rows_are_one_table() -> None:
    (table,) = tables_of("textcols-spaced.txt")
    assert table.lines == LineRange(5, 11)
    assert [cells for _, cells, _ in rows(table)] == [
        ("Bereich", "Bund", "Länder", "Kommunen"),
        ("Sprache", "Kurse", "Schulen", "Kitas"),
        ("Arbeit", "Agentur", "Kammern", "Jobcenter"),
        ("Wohnen", "Förderung", "Planung", "Vergabe"),
    ]


# justified paragraphs that stay paragraphs --------------------------------------------


@pytest.mark.parametrize(
    "name", ["justified-even.txt", "justified-words.txt", "justified-indent.txt"]
)
def test_justified_lines_whose_words_do_not_line_up_stay_text(name: str) -> None:
    path = FIXTURES / name
    document = read_document(path)
    assert document.undecided_tables == ()
    assert not [text for text in content(name) if "\t" in text]
    assert find_tables(list(read_source(path).lines)) == []


# two aligned lines: undecided --------------------------------------------------------------


def test_two_aligned_lines_of_even_gaps_are_undecided_and_kept_as_text() -> None:
    document = read_document(FIXTURES / "textcols-two-lines.txt")
    (undecided,) = document.undecided_tables
    assert (undecided.first, undecided.last, undecided.line) == (5, 6, 5)
    assert "cannot be told whether these two lines" in undecided.problem
    assert "Sprache    Bund       Länder     Kommunen" in content("textcols-two-lines.txt")


# one test per grammar rule --------------------------------------------------------------


def layout(*raws: str) -> list[DocumentLine]:
    """Lines of a resolution laid out with spaces, after a heading "TOP 1"."""
    texts = ["TOP 1", *raws]
    return [
        DocumentLine(n, None, raw, raw, LineKind.CONTENT if raw else LineKind.BLANK)
        for n, raw in enumerate(texts, start=1)
    ]


ROWS = ("Aa     Bb     Cc     Dd", "Ee     Ff     Gg     Hh", "Ii     Jj     Kk     Ll")


def test_three_evenly_gapped_lines_with_the_same_starts_are_rows() -> None:
    result, undecided = read_text_tables(layout(*ROWS), Path("x.txt"))
    assert undecided == []
    assert [line.text for line in result[1:]] == [row.replace("     ", "\t") for row in ROWS]


def test_a_start_one_column_off_still_lines_up() -> None:
    lines = layout(ROWS[0], " Ee    Ff     Gg     Hh", ROWS[2])
    assert [len(chain) for chain in aligned_chains(lines, None)] == [3]


def test_a_line_whose_starts_differ_breaks_the_run() -> None:
    lines = layout(ROWS[0], "Eee   Ff      Gg   Hhh", ROWS[2])
    assert [len(chain) for chain in aligned_chains(lines, None)] == [1, 1, 1]
    result, undecided = read_text_tables(lines, Path("x.txt"))
    assert (undecided, [line.text for line in result[1:]]) == (
        [],
        [line.text for line in lines[1:]],
    )


def test_a_line_of_text_between_ends_the_run() -> None:
    lines = layout(ROWS[0], ROWS[1], "Ein Satz dazwischen.", ROWS[2])
    result, undecided = read_text_tables(lines, Path("x.txt"))
    assert [(u.first, u.last) for u in undecided] == [(2, 3)]
    assert not [line for line in result if "\t" in line.text]


def test_an_evenly_gapped_line_alone_is_justified_text() -> None:
    result, undecided = read_text_tables(layout(ROWS[0], "", "Ein Satz."), Path("x.txt"))
    assert (undecided, result[1].text) == ([], ROWS[0])


# --lenient: columns that cannot be told apart ---------------------------------------------


def test_an_undecided_table_is_an_error_naming_file_and_line_without_lenient() -> None:
    """Regression: the two lines were published as one justified paragraph, silently."""
    path = FIXTURES / "019_unread_two_lines.txt"
    with pytest.raises(SourceError) as caught:
        parse_text(read_source(path))
    assert (caught.value.line, Path(caught.value.path).name) == (140, path.name)
    assert "table of text columns or justified text" in caught.value.problem


def test_overlapping_columns_are_an_error_naming_the_line_without_lenient() -> None:
    with pytest.raises(SourceError) as caught:
        parse_text(read_source(FIXTURES / "019_unread_overlap.txt"))
    assert caught.value.line == 140
    assert "cannot be told apart" in caught.value.problem


def test_a_tab_row_wider_than_its_header_is_an_error_without_lenient() -> None:
    with pytest.raises(SourceError) as caught:
        parse_text(read_source(FIXTURES / "019_unread_tabs.txt"))
    assert caught.value.line == 141
    assert "the row has 3 cells, its header 2 columns" in caught.value.problem


LENIENT = {
    # fixture: (the table's lines, the line of the cause, the lines' words as published)
    "019_unread_overlap.txt": (
        (140, 142),
        140,
        "Land Kursplätze Mittel Hessen 800 1.600.000 Euro gesamt Saarland 150 und 300.000 Euro",
    ),
    "019_unread_two_lines.txt": (
        (140, 141),
        140,
        "Hessen Kurse Beratung Kitas Saarland Schulen Kammern Vereine",
    ),
    "019_unread_tabs.txt": (
        (140, 142),
        141,
        "Land Kursplätze Hessen 800 1.600.000 Saarland 150 300.000",
    ),
}


@pytest.mark.parametrize("name", sorted(LENIENT))
def test_with_lenient_every_line_of_the_table_is_text_and_a_table_is_unread(name: str) -> None:
    lines, cause, text = LENIENT[name]
    minutes = parse_text(read_source(FIXTURES / name), lenient=True)
    (resolution,) = [r for r in minutes.resolutions if r.top == "2.2"]
    (unread,) = resolution.unread_tables
    assert ((unread.lines.first, unread.lines.last), unread.line) == (lines, cause)
    assert resolution.tables == ()
    texts = [p.text for p in resolution.paragraphs]
    assert texts[3:] == [text, "Die Länder berichten der Arbeitsgruppe über die Umsetzung."]
    assert (resolution.paragraphs[3].lines.first, resolution.paragraphs[3].lines.last) == lines


@pytest.fixture(scope="module")
def lenient_graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    """`intmk build --lenient` of the fixture whose two lines are undecided."""
    work = tmp_path_factory.mktemp("unread-table")
    merged, result = build_files(work, [FIXTURES / "019_unread_two_lines.txt"], "--lenient")
    assert "0 violations" in result.stdout
    return merged


def test_the_build_without_lenient_names_the_line_and_lenient(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(FIXTURES / "019_unread_two_lines.txt", sources)
    result = run_build(sources, tmp_path / "graph")
    assert result.returncode != 0
    assert "019_unread_two_lines.txt:140:" in result.stderr
    assert "--lenient" in result.stderr


def test_the_lenient_build_publishes_a_finding_naming_the_lines(lenient_graph: Graph) -> None:
    finding = URIRef(f"{ID}conference/19/finding/2.2-table-140-not-read")
    resolution = URIRef(f"{ID}conference/19/resolution/2.2")
    assert lenient_graph.value(finding, INTMK.findingKind) == URIRef(
        f"{CONCEPT}finding-kind/unread-table"
    )
    assert lenient_graph.value(finding, OA_TARGET) == resolution
    labels = {str(label) for label in lenient_graph.objects(finding, RDFS.label)}
    assert labels == {
        "TOP 2.2: Tabelle in Zeilen 140–141 nicht gelesen",
        "Item 2.2: table in lines 140–141 not read",
    }
    assert list(lenient_graph.objects(resolution, INTMK.hasTable)) == []
    paragraph = URIRef(f"{ID}conference/19/resolution/2.2/paragraph/4")
    assert str(lenient_graph.value(paragraph, INTMK.text)) == LENIENT["019_unread_two_lines.txt"][2]


# tables written cell by cell inside a resolution ----------------------------------------


def test_a_table_of_laender_written_cell_by_cell() -> None:
    """Regression: each cell was read as a paragraph (or a sub-heading) of its own."""
    (table,) = tables_of("cells-laender.txt")
    assert table.header == ("Land", "Kursplätze", "Mittel in Euro")
    assert (table.columns, table.lines) == (3, LineRange(5, 21))
    assert rows(table) == [
        (1, ("Baden-Württemberg", "1.200", "2.400.000"), (11, 15)),
        (2, ("Bayern", "1.450", "2.900.000"), (17, 21)),
    ]


def test_a_table_of_years_written_cell_by_cell_has_figures_in_every_column() -> None:
    (table,) = tables_of("cells-years.txt")
    assert table.header == ("Jahr", "Integrationskurse", "Berufssprachkurse")
    assert rows(table) == [
        (1, ("2021", "160.000", "115.000"), (11, 15)),
        (2, ("2022", "180.000", "130.000"), (17, 21)),
        (3, ("2023", "210.000", "150.000"), (23, 27)),
    ]


def test_a_table_of_two_columns_written_cell_by_cell_between_numbered_paragraphs() -> None:
    (table,) = tables_of("cells-measures.txt")
    assert (table.header, table.columns) == (("Maßnahme", "Mittel"), 2)
    assert rows(table) == [
        (1, ("Sprachkurse für Eltern ausbauen", "2,5 Mio. €"), (9, 11)),
        (2, ("Beratung in den Kommunen stärken", "jährlich 1 Mio. €"), (13, 15)),
        (3, ("Anerkennung beschleunigen", "500.000 Euro"), (17, 19)),
    ]


def test_cells_whose_count_does_not_divide_are_an_error_naming_file_and_line() -> None:
    """Regression: a row missing a cell would shift every cell after it into the wrong
    column; no width puts the eight cells in rows."""
    with pytest.raises(SourceError) as caught:
        read_document(FIXTURES / "cells-missing.txt")
    assert (caught.value.line, Path(caught.value.path).name) == (5, "cells-missing.txt")
    assert "the 8 cells written one a line from 'Land' on cannot be put together" in str(
        caught.value
    )


@pytest.mark.parametrize(
    ("figures", "width", "fits"),
    [
        ("FFF FTT FTT", 3, True),  # Land | Kursplätze | Mittel
        ("FF FT FT FT", 2, True),
        ("FFF TTT TTT", 3, True),  # years in the first column
        ("FFF FTT", 3, False),  # one row after the header shows nothing
        ("FFF FTT FTF", 3, False),  # rows unlike each other
        ("FFT FTT FTT", 3, False),  # a header with a figure
        ("FFF FFF FFF", 3, False),  # no figures: no table told from text
        ("FFF FTT FT", 3, False),  # the count does not divide
    ],
)
def test_a_width_fits_a_header_over_rows_with_figures_in_the_same_columns(
    figures: str, width: int, fits: bool
) -> None:
    flags = [c == "T" for c in figures.replace(" ", "")]
    assert rows_fit(flags, width) is fits


def cells(*texts: str) -> list[DocumentLine]:
    """Lines with a blank line between each two: each text a block of its own."""
    raws = ["TOP 1", ""]
    for text in texts:
        raws += [text, ""]
    return [
        DocumentLine(n, None, raw, raw, LineKind.CONTENT if raw else LineKind.BLANK)
        for n, raw in enumerate(raws, start=1)
    ]


def test_without_a_lead_in_ending_with_a_colon_short_lines_stay_lines() -> None:
    lines = cells("Die Mittel verteilen sich.", "Land", "Zahl", "Bayern", "3", "Hessen", "4")
    assert join_text_cell_tables(lines, Path("x.txt")) == lines


def test_a_run_of_cells_without_figures_stays_text() -> None:
    lines = cells("Zuständig sind:", "Bund", "Länder", "Kommunen", "Träger", "Vereine", "Kammern")
    assert join_text_cell_tables(lines, Path("x.txt")) == lines


def test_the_cells_after_a_lead_in_join_into_rows_and_a_sentence_ends_the_table() -> None:
    lines = cells("Es gilt:", "Land", "Zahl", "Bayern", "3", "Hessen", "4", "Der Rest ist Text.")
    joined = join_text_cell_tables(lines, Path("x.txt"))
    starts = [(line.number, line.text) for line in joined if line.text.startswith("\t")]
    assert starts == [(7, "\tZahl"), (11, "\t3"), (15, "\t4")]
    assert joined[-2] == lines[-2]  # the sentence after the table


def test_a_table_written_cell_by_cell_is_the_same_table_as_the_space_aligned_one() -> None:
    """019_cells.txt is 019_intmk_2024.txt with its table written one cell a block."""
    cells = parse_text(read_source(FIXTURES / "019_cells.txt"))
    aligned = parse_text(read_source(FIXTURES / "019_intmk_2024.txt"))
    (from_cells,) = next(r for r in cells.resolutions if r.top == "2.2").tables
    (from_columns,) = next(r for r in aligned.resolutions if r.top == "2.2").tables
    assert (from_cells.header, from_cells.columns, from_cells.after_paragraph) == (
        from_columns.header,
        from_columns.columns,
        from_columns.after_paragraph,
    )
    assert [row.cells for row in from_cells.rows] == [row.cells for row in from_columns.rows]
    assert [(r.lines.first, r.lines.last) for r in from_cells.rows] == [(146, 150), (152, 156)]


# amounts inside table cells ------------------------------------------------------------


def test_cells_state_amounts_as_a_paragraph_does() -> None:
    """Regression: an amount in a table cell was published as text only."""
    (table,) = tables_of("cells-measures.txt")
    found = with_amounts(table)
    stated = [
        (row.number, a.column, a.position, a.mention) for row in found.rows for a in row.amounts
    ]
    assert stated == [
        (1, 2, 1, Amount(Decimal("2500000"), "EUR", "2,5 Mio. €", False)),
        (2, 2, 1, Amount(Decimal("1000000"), "EUR", "jährlich 1 Mio. €", False, period="P1Y")),
        (3, 2, 1, Amount(Decimal("500000"), "EUR", "500.000 Euro", False)),
    ]


def test_a_cell_without_a_currency_states_no_amount() -> None:
    (table,) = tables_of("table-laender.txt")
    assert [row.amounts for row in with_amounts(table).rows] == [(), (), ()]


def test_an_unresolved_amount_in_a_cell_keeps_the_lines_of_its_row() -> None:
    minutes = parse_text(read_source(FIXTURES / "019_cell_amounts.txt"))
    (table,) = next(r for r in minutes.resolutions if r.top == "2.2").tables
    last = table.rows[-1]
    (amount,) = last.amounts
    assert amount.mention == UnresolvedAmount(
        "mehrere Millionen Euro", "vague", LineRange(144, 144)
    )


@pytest.fixture(scope="module")
def amounts_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`intmk build` of the fixture whose table states amounts in its cells."""
    work = tmp_path_factory.mktemp("cell-amounts")
    sources = work / "sources"
    sources.mkdir()
    shutil.copy(FIXTURES / "019_cell_amounts.txt", sources)
    result: subprocess.CompletedProcess[str] = run_build(sources, work / "graph")
    assert result.returncode == 0, result.stderr
    assert "0 violations" in result.stdout
    return work / "graph"


@pytest.fixture(scope="module")
def amounts_graph(amounts_build: Path) -> Graph:
    return union_graph(amounts_build / "intmk.nq")


TABLE = f"{ID}conference/19/resolution/2.2/table/1/"


def test_the_amounts_of_the_cells_are_published_linked_to_their_cell(amounts_graph: Graph) -> None:
    found = {
        (str(cell).removeprefix(TABLE), str(amounts_graph.value(a, INTMK.statedAs)))
        for cell, a in amounts_graph.subject_objects(INTMK.cellMentionsAmount)
    }
    assert found == {
        ("row/1/cell/3", "500.000 Euro"),
        ("row/2/cell/3", "jährlich 2 Mio. €"),
        ("row/3/cell/3", "EUR 1,5 Mio."),
    }
    yearly = URIRef(TABLE + "row/2/cell/3/amount/1")
    assert str(amounts_graph.value(yearly, SCHEMA.value)) == "2000000.0"
    assert str(amounts_graph.value(yearly, INTMK.perPeriod)) == "P1Y"
    assert list(amounts_graph.subjects(INTMK.mentionsAmount, yearly)) == []  # in no paragraph


def test_an_unresolved_amount_in_a_cell_has_its_finding(amounts_graph: Graph) -> None:
    vague = URIRef(TABLE + "row/4/cell/3/amount/1")
    assert (URIRef(TABLE + "row/4/cell/3"), INTMK.cellMentionsUnresolvedAmount, vague) in (
        amounts_graph
    )
    finding = URIRef(f"{ID}conference/19/finding/2.2-unresolved-amount-table-1-row-4-cell-3-1")
    assert amounts_graph.value(finding, OA_TARGET) == vague
    assert amounts_graph.value(finding, INTMK.findingKind) == URIRef(
        f"{CONCEPT}finding-kind/unresolved-amount"
    )


def test_the_example_query_lists_the_amounts_of_the_cells(amounts_graph: Graph) -> None:
    names = ("row", "title", "value", "period", "statedAs", "unresolved")
    rows = example_rows(amounts_graph, 23, names)
    assert rows == [
        ("1", "Mittel", "500000.0", "", "500.000 Euro", "false"),
        ("2", "Mittel", "2000000.0", "P1Y", "jährlich 2 Mio. €", "false"),
        ("3", "Mittel", "1500000.0", "", "EUR 1,5 Mio.", "false"),
        ("4", "Mittel", "", "", "mehrere Millionen Euro", "true"),
    ]


def test_the_page_shows_the_amount_in_its_cell(amounts_build: Path, tmp_path: Path) -> None:
    with (
        serve(amounts_build, tmp_path / "serve.log") as running,
        httpx.Client(base_url=running.url, timeout=30) as http,
    ):
        response = http.get("/doc/conference/19/resolution/2.2", headers={"Accept": "text/html"})
    assert response.status_code == 200
    page = BeautifulSoup(response.text, "html.parser")
    cells = [td for td in page.select("table#table-1 tbody td") if td.select("span.cell-amount")]
    assert [td.contents[0].get_text().strip() for td in cells] == [
        "500.000 Euro",
        "jährlich 2 Mio. €",
        "EUR 1,5 Mio.",
        "mehrere Millionen Euro",
    ]
    assert [bool(td.select("span.cell-amount.unresolved")) for td in cells] == [
        False,
        False,
        False,
        True,
    ]

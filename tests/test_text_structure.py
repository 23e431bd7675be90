"""Text structure of a resolution (issue 15, point 6): ordered and nested lists, tables,
footnotes. The fixtures are in tests/fixtures/structure/ (README.md there says what each
one describes); every item, level and cell is stated exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from mapping.document.model import DocumentLine, LineKind
from mapping.document.text_tables import is_row
from mapping.errors import SourceError
from mapping.list_items import ListState, marker
from mapping.model import LineRange, Paragraph, Table
from mapping.parse_body import parse_body
from mapping.source import Line, group_blocks, read_source
from mapping.tables import find_tables, read_table, read_tables, refuse_undecided
from tests.test_parser_units import lines_of

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "structure"

Item = tuple[int, str | None, str, str, tuple[int, int]]
"""(level, label, kind, text, (first line, last line)) of one list item."""


def body(name: str) -> tuple[Paragraph, ...]:
    path = FIXTURES / name
    return parse_body(group_blocks(lines_of(path.read_text(encoding="utf-8"))), path)


def items(paragraph: Paragraph) -> list[Item]:
    return [
        (b.level, b.label, b.kind, b.text, (b.lines.first, b.lines.last)) for b in paragraph.bullets
    ]


# lists: the fixtures ------------------------------------------------------------------


def test_lettered_items_after_a_lead_in() -> None:
    lead, after = body("list-lettered.txt")
    assert (lead.text, lead.number) == ("Die IntMK bittet die Bundesregierung,", None)
    assert items(lead) == [
        (1, "a)", "letter", "die Mittel für die Migrationsberatung zu verstetigen,", (3, 3)),
        (1, "b)", "letter", "die Förderrichtlinien zu vereinfachen und", (5, 5)),
        (1, "c)", "letter", "die Länder frühzeitig zu beteiligen.", (7, 7)),
    ]
    assert (after.text, after.bullets) == ("Die IntMK wird sich erneut mit dem Thema befassen.", ())


def test_double_letters_nest_under_a_letter_and_a_number_ends_the_list() -> None:
    first, second = body("list-nested.txt")
    assert (first.number, first.text) == (1, "Die Länder stellen fest:")
    assert items(first) == [
        (
            1,
            "a)",
            "letter",
            "Die Nachfrage nach Integrationskursen ist gestiegen, und zwar",
            (2, 2),
        ),
        (2, "aa)", "double-letter", "bei den Alphabetisierungskursen und", (3, 3)),
        (2, "bb)", "double-letter", "bei den Jugendintegrationskursen.", (4, 4)),
        (1, "b)", "letter", "Die Wartezeiten sind länger geworden.", (5, 5)),
    ]
    assert (second.number, second.text, second.bullets) == (
        2,
        "Die IntMK bittet den Bund, die Kapazitäten auszubauen.",
        (),
    )


def test_bracketed_numbers_with_a_wrapped_item() -> None:
    (lead,) = body("list-bracketed.txt")
    assert lead.text == "Die IntMK beschließt folgende Eckpunkte:"
    assert items(lead) == [
        (1, "(1)", "bracket-number", "Die Beratung wird in allen Ländern angeboten.", (3, 3)),
        (
            1,
            "(2)",
            "bracket-number",
            "Die Träger werden verlässlich und über mehrere Jahre gefördert.",
            (5, 6),
        ),
        (1, "(3)", "bracket-number", "Die Ergebnisse werden im Jahr 2026 ausgewertet.", (8, 8)),
    ]


def test_bullets_and_numbers_under_letters() -> None:
    (lead,) = body("list-mixed.txt")
    assert items(lead) == [
        (1, "a)", "letter", "einen Ausbau der Sprachförderung, insbesondere", (2, 2)),
        (2, None, "dash", "in Kindertageseinrichtungen,", (3, 3)),
        (2, None, "dash", "in Schulen;", (4, 4)),
        (
            1,
            "b)",
            "letter",
            "eine bessere Anerkennung ausländischer Berufsabschlüsse, nämlich",
            (5, 5),
        ),
        (2, "1.", "number", "schnellere Verfahren,", (6, 6)),
        (2, "2.", "number", "eine zentrale Anlaufstelle.", (7, 7)),
    ]
    assert [b.position for b in lead.bullets] == [1, 2, 3, 4, 5, 6]


def test_roman_numerals() -> None:
    (lead,) = body("list-roman.txt")
    assert [(b.level, b.label, b.kind) for b in lead.bullets] == [
        (1, "i.", "roman"),
        (1, "ii.", "roman"),
        (1, "iii.", "roman"),
    ]
    assert lead.bullets[2].text == "Welche Träger bieten Kurse an?"


def test_the_printed_text_keeps_labels_and_indents_nested_items() -> None:
    (lead,) = body("list-mixed.txt")
    assert lead.display().split("\n")[:4] == [
        "Die IntMK hält folgende Maßnahmen für erforderlich:",
        "a) einen Ausbau der Sprachförderung, insbesondere",
        "  - in Kindertageseinrichtungen,",
        "  - in Schulen;",
    ]


# lists: one test per grammar rule -------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind", "label", "ordinal"),
    [
        ("a) die Mittel", "letter", "a)", 1),
        ("c) die Länder", "letter", "c)", 3),
        ("bb) bei den Kursen", "double-letter", "bb)", 2),
        ("(12) Die Träger", "bracket-number", "(12)", 12),
        ("iv. Welche Träger", "roman", "iv.", 4),
        ("2. eine Anlaufstelle", "number", "2.", 2),
    ],
)
def test_a_list_marker_is_read_with_kind_label_and_ordinal(
    line: str, kind: str, label: str, ordinal: int
) -> None:
    found = marker(line)
    assert found is not None
    assert (found.kind, found.label, found.ordinal) == (kind, label, ordinal)


@pytest.mark.parametrize(
    "line", ["ab) zwei Buchstaben", "a)ohne Abstand", "(a b) nein", "xi. nicht"]
)
def test_no_list_marker(line: str) -> None:
    assert marker(line) is None


def test_an_item_out_of_sequence_is_running_text() -> None:
    """Regression: "c)" or "v." at the start of a wrapped line is no list item."""
    text = "Die IntMK verweist auf Buchstabe\nc) des Beschlusses und auf Nummer\nv. der Anlage."
    (paragraph,) = parse_body(group_blocks(lines_of(text)))
    assert paragraph.bullets == ()
    assert paragraph.text == (
        "Die IntMK verweist auf Buchstabe c) des Beschlusses und auf Nummer v. der Anlage."
    )


def test_a_number_after_a_bullet_numbers_the_next_paragraph() -> None:
    text = "1. Die IntMK bittet den Bund:\n- um Mittel,\n- um Beratung.\n2. Sie dankt."
    first, second = parse_body(group_blocks(lines_of(text)))
    assert [(b.kind, b.text) for b in first.bullets] == [
        ("dash", "um Mittel,"),
        ("dash", "um Beratung."),
    ]
    assert (second.number, second.text) == (2, "Sie dankt.")


def test_a_kind_seen_before_goes_back_to_its_level() -> None:
    state = ListState()
    levels = [
        state.enter(kind, n) for kind, n in [("letter", 1), ("double-letter", 1), ("letter", 2)]
    ]
    assert levels == [1, 2, 1]
    assert state.last == {"letter": 2}


def test_a_new_paragraph_closes_every_list() -> None:
    text = "Die IntMK bittet:\na) um Mittel.\nSie dankt dem Bund.\nb) um Beratung."
    first, second, third = parse_body(group_blocks(lines_of(text)))
    assert [b.label for b in first.bullets] == ["a)"]
    assert (second.text, second.bullets) == ("Sie dankt dem Bund.", ())
    # "b)" without an "a)" of its own paragraph is printed text, kept as printed
    assert (third.text, third.bullets) == ("b) um Beratung.", ())


# tables: the fixtures -------------------------------------------------------------------


def tables_of(name: str) -> list[Table]:
    """The tables of a fixture read through the document layer (columns by position)."""
    path = FIXTURES / name
    found = find_tables(list(read_source(path).lines))
    return [read_table(table, k, 0, path) for k, table in enumerate(found, start=1)]


def rows(table: Table) -> list[tuple[int, tuple[str, ...], tuple[int, int]]]:
    return [(r.number, r.cells, (r.lines.first, r.lines.last)) for r in table.rows]


def test_a_table_of_laender_with_a_header_and_right_aligned_figures() -> None:
    (table,) = tables_of("table-laender.txt")
    assert table.header == ("Land", "Kursplätze", "Mittel in Euro")
    assert (table.columns, table.lines) == (3, LineRange(5, 8))
    assert rows(table) == [
        (1, ("Baden-Württemberg", "1.200", "2.400.000"), (6, 6)),
        (2, ("Bayern", "1.450", "2.900.000"), (7, 7)),
        (3, ("Hessen", "800", "1.600.000"), (8, 8)),
    ]


def test_a_table_of_measures_without_header_with_an_empty_cell() -> None:
    (table,) = tables_of("table-measures.txt")
    assert table.header == ()
    assert rows(table) == [
        (1, ("1", "Sprachkurse für Eltern ausbauen", "2,5 Mio. €"), (4, 4)),
        (2, ("2", "Beratung in den Kommunen stärken", "1,0 Mio. €"), (5, 5)),
        (3, ("3", "Anerkennung beschleunigen", ""), (6, 6)),
    ]


def test_a_header_printed_again_after_a_break_is_no_row() -> None:
    (table,) = tables_of("table-continued.txt")
    assert table.header == ("Jahr", "Integrationskurse", "Berufssprachkurse")
    assert table.lines == LineRange(5, 10)
    assert rows(table) == [
        (1, ("2021", "160.000", "115.000"), (6, 6)),
        (2, ("2022", "180.000", "130.000"), (7, 7)),
        (3, ("2023", "210.000", "150.000"), (10, 10)),
    ]


def test_columns_that_cannot_be_told_apart_are_an_error_naming_the_line() -> None:
    """Regression: such a table was read as a paragraph of text. The document layer keeps
    its lines as text and records the cause; the error is raised by the grammar (with
    `--lenient` a finding instead, tests/test_table_layouts.py)."""
    document = read_source(FIXTURES / "table-ambiguous.txt").document
    assert document is not None
    (undecided,) = document.undecided_tables
    with pytest.raises(SourceError) as caught:
        refuse_undecided(document.undecided_tables, FIXTURES / "table-ambiguous.txt")
    assert (undecided.first, undecided.last, caught.value.line) == (5, 7, 5)
    assert "table-ambiguous.txt" in str(caught.value)
    assert "cannot be told apart" in str(caught.value)


# tables: one test per grammar rule ------------------------------------------------------


def tab_lines(*texts: str) -> list[Line]:
    return [Line(n, text) for n, text in enumerate(texts, start=1)]


def test_tab_rows_with_blank_lines_between_are_one_table_and_text_ends_it() -> None:
    lines = tab_lines("A\tB", "", "1\t2", "Text.", "3\t4", "5\t6")
    found = find_tables(lines)
    assert [t.lines for t in found] == [LineRange(1, 3), LineRange(5, 6)]


def test_the_header_is_a_first_row_without_figures_over_rows_with_figures() -> None:
    path = Path("x.txt")
    with_header = read_table(find_tables(tab_lines("Land\tZahl", "Bayern\t3"))[0], 1, 0, path)
    without = read_table(find_tables(tab_lines("Bayern\tBund", "Hessen\tLänder"))[0], 1, 0, path)
    assert (with_header.header, len(with_header.rows)) == (("Land", "Zahl"), 1)
    assert (without.header, len(without.rows)) == ((), 2)


def test_a_row_wider_than_its_header_is_an_error() -> None:
    lines = tab_lines("Land\tZahl", "Bayern\t3\t4")
    with pytest.raises(SourceError) as caught:
        read_table(find_tables(lines)[0], 1, 0, Path("x.txt"))
    assert caught.value.line == 2


def test_a_single_tab_row_in_a_text_is_an_error() -> None:
    with pytest.raises(SourceError):
        read_table(find_tables(tab_lines("Land\tZahl"))[0], 1, 0, Path("x.txt"))


def test_a_table_stands_after_the_paragraphs_that_start_before_it() -> None:
    found = find_tables(tab_lines("Text.", "A\tB", "1\t2"))
    (table,) = read_tables(found, [1, 5], Path("x.txt"))
    assert (table.position, table.after_paragraph) == (1, 1)


@pytest.mark.parametrize(
    ("raw", "row"),
    [
        ("Die  IntMK  bittet  den  Bund", False),  # stretched by two spaces
        ("Sprachkenntnisse        in        einer        Selbsteinschätzung", False),  # evenly
        ("hin,      insbesondere       hinsichtlich     der       Strukturen  von", False),
        ("-   die Erkenntnislage zur Situation zu verbessern,", False),  # a bullet's indent
        ("Land     Zahl", True),
        ("Baden-Württemberg           1.200         2.400.000", True),
    ],
)
def test_a_justified_line_is_no_table_row(raw: str, row: bool) -> None:
    """Regression (pdftotext -layout of justified text): widened spaces between words are
    no column gap."""
    assert is_row(DocumentLine(1, None, raw, "", LineKind.CONTENT)) is row

"""Text structure of a resolution (issue 15, point 6): ordered and nested lists, tables,
footnotes. The fixtures are in tests/fixtures/structure/ (README.md there says what each
one describes); every item, level and cell is stated exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from mapping.list_items import ListState, marker
from mapping.model import Paragraph
from mapping.parse_body import parse_body
from mapping.source import group_blocks
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

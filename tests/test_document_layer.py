"""The document layer on its own: normalisation, page furniture, footnotes, pages.

Each case is written from what a converter or a typesetter produces, not from the seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from mapping.document.furniture import find_furniture
from mapping.document.model import LineKind
from mapping.document.normalise import normalise
from mapping.document.read import read_document
from mapping.errors import SourceError
from mapping.source import read_source

TITLE = [
    "Beschlussniederschrift",
    "über die Hauptkonferenz der 21. IntMK 2026",
    "7./8. Mai 2026 in Erfurt",
    "",
]


def body(page: int) -> list[str]:
    """Twelve lines of running text for one page."""
    return [f"Satz {page}.{n} der Beschlüsse, fortlaufend geschrieben." for n in range(12)]


def kinds(texts: list[str]) -> dict[int, LineKind]:
    return find_furniture(texts)


# normalisation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected", "kind"),
    [
        ("Bundes\u00adregierung", "Bundesregierung", "soft hyphen"),
        ("Ge\ufb02üchtete", "Geflüchtete", "ligature"),
        (
            "öﬀentlich, ﬁnanziell, Aufenthaltsbeschäﬁgung",
            "öffentlich, finanziell, Aufenthaltsbeschäfigung",
            "ligature",
        ),
        ("26.\u00a0April\u202f2023", "26. April 2023", "space character"),
        ("§\u200945a", "§ 45a", "space character"),
        ("Integra\u200btion\ufeff", "Integration", "zero-width character"),
        ("Mu\u0308ller", "Müller", "NFC"),
    ],
)
def test_normalisation_is_recorded(raw: str, expected: str, kind: str) -> None:
    text, changes = normalise(raw)
    assert text == expected
    assert kind in {change.kind for change in changes}


def test_a_soft_hyphen_at_the_line_end_stays_to_rejoin_the_word() -> None:
    text, changes = normalise("die Integra\u00ad")
    assert text == "die Integra\u00ad"
    assert changes == ()
    text, _ = normalise("Bun\u00addes\u00adregie\u00ad")
    assert text == "Bundesregie\u00ad"


def test_typographic_quotes_and_dashes_stay() -> None:
    assert normalise("„Ebenen übergreifende Kooperation“ – so ‚kurz‘") == (
        "„Ebenen übergreifende Kooperation“ – so ‚kurz‘",
        (),
    )


# page numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["Seite 3", "Seite 3 von 40", "- 3 -", "– 3 –", "3/40", "S. 3"])
def test_a_page_number_in_any_common_form(form: str) -> None:
    texts = [*TITLE, *body(1), "", form, "", *body(2)]
    assert kinds(texts) == {len(TITLE) + 13: LineKind.PAGE_NUMBER}


def test_bare_numbers_a_page_apart_are_page_numbers() -> None:
    texts = [*TITLE, *body(1), "", "2", "", *body(2), "", "3", "", *body(3), "", "4"]
    found = kinds(texts)
    assert sorted(texts[i] for i in found) == ["2", "3", "4"]
    assert set(found.values()) == {LineKind.PAGE_NUMBER}


def test_a_bare_number_as_the_last_line_is_a_page_number() -> None:
    texts = [*TITLE, *body(1), "", "7"]
    assert kinds(texts) == {len(texts) - 1: LineKind.PAGE_NUMBER}


def test_a_lone_number_inside_the_text_is_content() -> None:
    texts = [*TITLE, *body(1), "", "16", "", *body(2)]
    assert kinds(texts) == {}


# running headers --------------------------------------------------------------------------


def test_a_running_header_is_learned_from_repetition() -> None:
    header = "IntMK 2026 · Erfurt – Beschlussniederschrift"
    texts = [*TITLE, *body(0), ""]
    for page in range(1, 5):
        texts += [header, "", *body(page), ""]
    found = kinds(texts)
    assert {texts[i] for i in found} == {header}
    assert len(found) == 4


def test_a_header_beside_its_page_number_on_one_line() -> None:
    texts = [*TITLE, *body(1), "", "Niederschrift 21. IntMK        Seite 1 von 2", "", *body(2)]
    texts += ["", "Niederschrift 21. IntMK        Seite 2 von 2"]
    found = kinds(texts)
    assert len(found) == 2


@pytest.mark.parametrize(
    "repeated",
    ["Die IntMK hat einstimmig beschlossen:", "Antragsteller: Alle Länder", "1. Ausgangslage"],
)
def test_repeated_content_is_not_a_header(repeated: str) -> None:
    texts = [*TITLE, *body(0), ""]
    for page in range(1, 5):
        texts += [f"TOP {page}", "", repeated, "", *body(page), ""]
    assert kinds(texts) == {}


def test_the_title_block_is_never_a_header() -> None:
    texts = [*TITLE, *body(0), ""]
    for page in range(1, 4):
        texts += ["7./8. Mai 2026 in Erfurt", "", *body(page), ""]
    found = kinds(texts)
    assert 2 not in found
    assert len(found) == 3


def test_without_blank_lines_a_header_printed_once_after_a_page_number() -> None:
    """No blank line anywhere: the three header lines right after "Seite 1" each echo the
    title and together carry its year — the title printed once more at the page's top."""
    title = ["Beschlussniederschrift", "über die Hauptkonferenz der 21. IntMK 2026", "in Erfurt"]
    texts = [*title, *body(0), "Seite 1", "Hauptkonferenz", "der 21. IntMK 2026", "in Erfurt"]
    texts += ["Hessen", *body(1), "Seite 2"]
    found = kinds(texts)
    after = len(title) + 12
    assert [found.get(i) for i in range(after, after + 5)] == [
        LineKind.PAGE_NUMBER,
        LineKind.RUNNING_HEADER,
        LineKind.RUNNING_HEADER,
        LineKind.RUNNING_HEADER,
        None,  # "Hessen": not a word of the title
    ]


def test_without_blank_lines_title_words_without_a_year_after_a_page_number_stay() -> None:
    title = ["Beschlussniederschrift", "über die Hauptkonferenz der 21. IntMK 2026", "in Erfurt"]
    texts = [*title, *body(0), "Seite 1", "Hauptkonferenz", "Hessen", *body(1), "Seite 2"]
    assert len(title) + 13 not in kinds(texts)


# footnotes and pages ----------------------------------------------------------------------


def write(tmp_path: Path, lines: list[str], name: str = "minutes.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_footnote_and_its_marker(tmp_path: Path) -> None:
    lines = [*TITLE, "Die Bundesregierung2 wird gebeten, die Mittel zu erhöhen.", *body(1), ""]
    lines += ["2 Vgl. Beschluss der 20. IntMK 2025, TOP 4.", "", "Seite 1 von 2", "", *body(2)]
    document = read_document(write(tmp_path, lines))
    marked = document.lines[len(TITLE)]
    assert marked.text == "Die Bundesregierung wird gebeten, die Mittel zu erhöhen."
    assert "footnote marker" in {change.kind for change in marked.normalisations}
    note = document.lines[len(TITLE) + 14]
    assert note.kind is LineKind.FOOTNOTE
    assert [(n.number, n.text) for n in document.footnotes] == [
        (2, "Vgl. Beschluss der 20. IntMK 2025, TOP 4.")
    ]


def test_a_number_line_without_a_marker_is_not_a_footnote(tmp_path: Path) -> None:
    lines = [*TITLE, *body(1), "", "16 Länder haben zugestimmt.", "", "Seite 1 von 2", *body(2)]
    document = read_document(write(tmp_path, lines))
    assert document.footnotes == ()
    assert document.lines[len(TITLE) + 13].kind is LineKind.CONTENT


def test_form_feeds_give_pages(tmp_path: Path) -> None:
    lines = [*TITLE, *body(1), "\f" + body(2)[0], *body(2)[1:], "\f"]
    document = read_document(write(tmp_path, lines))
    assert document.pages == 2
    assert document.lines[len(TITLE) + 12].page == 2
    assert document.lines[0].page == 1


def test_a_pdf_named_txt_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    with pytest.raises(SourceError, match="the file is a PDF"):
        read_document(path)


# tables laid out with runs of spaces ----------------------------------------------------------

SPACED_TABLE = [
    "Tagesordnung",
    "",
    "   Nr.        Thema                                         Antragsteller",
    "   A          Genehmigung der Tagesordnung",
    "   2.1 (GL)   Sprachkurse für Geflüchtete und               Berlin (koordinierend),",
    "              Zugewanderte                                        Bremen, Hamburg",
    "                                                                  Rücknahme Berlin",
    "   2.10 (GL) Verstetigung der Beratung                                    Hessen",
]


def texts_of(tmp_path: Path, lines: list[str]) -> list[str]:
    return [line.text for line in read_document(write(tmp_path, lines)).lines]


def test_a_space_laid_table_gets_its_cells_by_column(tmp_path: Path) -> None:
    texts = texts_of(tmp_path, [*TITLE, *SPACED_TABLE, "", "(GL = Grüne Liste)"])
    table = texts[len(TITLE) + 2 :]
    assert table == [
        "Nr.\tThema\tAntragsteller",
        "A\tGenehmigung der Tagesordnung",
        "2.1 (GL)\tSprachkurse für Geflüchtete und\tBerlin (koordinierend),",
        "\tZugewanderte\tBremen, Hamburg",
        "\t\tRücknahme Berlin",
        "2.10 (GL)\tVerstetigung der Beratung\tHessen",  # one space only before the title
        "",
        "(GL = Grüne Liste)",
    ]


def test_the_column_gaps_are_a_recorded_normalisation(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, [*TITLE, *SPACED_TABLE]))
    row = document.lines[len(TITLE) + 4]
    assert row.raw.startswith("   2.1 (GL)")
    assert [(n.kind, n.count) for n in row.normalisations] == [("column gap", 2)]


def test_a_page_break_inside_a_space_laid_table_is_passed_over(tmp_path: Path) -> None:
    lines = [*TITLE, *SPACED_TABLE[:5], "", "- 2 -", "\f", *SPACED_TABLE[5:]]
    texts = texts_of(tmp_path, lines)
    assert texts[-3:] == [
        "\tZugewanderte\tBremen, Hamburg",
        "\t\tRücknahme Berlin",
        "2.10 (GL)\tVerstetigung der Beratung\tHessen",
    ]


def test_a_space_laid_table_ends_at_text_at_the_margin(tmp_path: Path) -> None:
    after = "Die IntMK hat  einstimmig beschlossen:"  # at the margin, no TOP number
    texts = texts_of(tmp_path, [*TITLE, *SPACED_TABLE, after, "   B          Bericht"])
    assert texts[-2:] == ["Die IntMK hat  einstimmig beschlossen:", "B          Bericht"]


def test_a_line_between_the_columns_ends_the_table_when_no_row_follows(tmp_path: Path) -> None:
    after = "      Text   between the columns"
    texts = texts_of(tmp_path, [*TITLE, *SPACED_TABLE, after, "", "Die IntMK bittet."])
    assert texts[-3] == "Text   between the columns"


def test_a_line_between_the_columns_inside_a_table_is_an_error(tmp_path: Path) -> None:
    lines = [*TITLE, *SPACED_TABLE[:5], "       Zugewanderte", *SPACED_TABLE[5:]]
    with pytest.raises(SourceError) as caught:
        read_document(write(tmp_path, lines))
    assert caught.value.line == len(TITLE) + 6
    assert "starts in column 8, between the TOP column (4) and the title column (15)" in str(
        caught.value
    )


def test_after_a_blank_line_only_a_new_row_goes_on_with_the_table(tmp_path: Path) -> None:
    lines = [*TITLE, *SPACED_TABLE, "", "              Zugewanderte"]
    assert texts_of(tmp_path, lines)[-1] == "Zugewanderte"


def test_runs_of_spaces_outside_a_table_stay_for_the_grammar(tmp_path: Path) -> None:
    lines = [*TITLE, "TOP 1", "", "Die  IntMK   bittet  den  Bund,  die  Kurse  zu  sichern."]
    assert texts_of(tmp_path, lines)[-1] == lines[-1]


# justified text: which lines were wrapped -----------------------------------------------------


def justify(words: list[str], width: int) -> str:
    """One line of a justified paragraph: the words spread to end exactly at `width`."""
    gaps, room = len(words) - 1, width - sum(len(word) for word in words)
    line = words[0]
    for index, word in enumerate(words[1:]):
        line += " " * (room // gaps + (index < room % gaps)) + word
    return line


def justified(text: str, width: int, first: str, indent: str) -> list[str]:
    """A paragraph as a typesetter justifies it: every line but its last stretched."""
    lines: list[list[str]] = [[]]
    for word in text.split():
        start = first if len(lines) == 1 else indent
        if lines[-1] and len(start + " ".join([*lines[-1], word])) > width:
            lines.append([])
        lines[-1].append(word)
    starts = [first] + [indent] * (len(lines) - 1)
    result = [
        start + justify(words, width - len(start))
        for start, words in zip(starts, lines, strict=True)
    ]
    result[-1] = starts[-1] + " ".join(lines[-1])
    return result


FIRSTS = (
    "Die Länder bitten den Bund, die Kurse zu sichern. Dafür sollen die Mittel des Bundes im "
    "Haushalt 2027 erhöht werden, damit die Träger planen können und die Lehrkräfte fair "
    "bezahlt werden.",
    "Die Konferenz fordert eine verlässliche Finanzierung der Migrationsberatung. Ohne sie "
    "bleiben viele Erwachsene ohne Rat, und die Kommunen tragen die Kosten allein weiter.",
    "Der Bericht zeigt den Stand der Anerkennung ausländischer Abschlüsse in allen Ländern. "
    "Er wird jährlich fortgeschrieben und der nächsten Konferenz wieder vorgelegt.",
)
SECONDS = (
    "Das betrifft insbesondere die Beratung der Jugendlichen und ihrer Familien.",
    "Hierzu legt das Vorsitzland einen gemeinsamen Vorschlag der Länder vor.",
    "Die Arbeitsgruppe wird gebeten, dabei die Kommunen einzubeziehen.",
)


def justified_text(copy: int) -> list[str]:
    """Two justified paragraphs, 60 columns: a numbered one with a hanging indent, and
    one without a number (no blank line between them)."""
    return [
        *justified(FIRSTS[copy], 60, "    1.  ", "        "),
        *justified(SECONDS[copy], 60, "    ", "    "),
    ]


JUSTIFIED = justified_text(0)
THREE = [*justified_text(0), "", *justified_text(1), "", *justified_text(2)]


def wraps_of(tmp_path: Path, lines: list[str]) -> list[bool | None]:
    return [line.wraps for line in read_document(write(tmp_path, lines)).lines]


def test_a_line_after_one_stretched_to_the_margin_wraps(tmp_path: Path) -> None:
    wraps = wraps_of(tmp_path, [*TITLE, *THREE])[len(TITLE) :]
    assert JUSTIFIED[0] == "    1.  Die  Länder  bitten  den Bund, die Kurse zu sichern."
    assert [len(line) for line in JUSTIFIED] == [60, 60, 60, 43, 60, 23]
    # each line after a full one wraps; a paragraph's last line and a blank line end it
    assert wraps[:6] == [False, True, True, True, False, True]
    assert wraps.count(True) == sum(len(line) == 60 for line in THREE)


def test_a_page_break_inside_a_justified_paragraph_keeps_it_wrapped(tmp_path: Path) -> None:
    lines = [*TITLE, *JUSTIFIED[:2], "", "- 2 -", "\f", "", *JUSTIFIED[2:], "", *THREE[7:]]
    document = read_document(write(tmp_path, lines))
    after = document.lines[len(TITLE) + 6]
    assert after.raw == JUSTIFIED[2] and after.kind is LineKind.CONTENT
    assert after.wraps


def test_ragged_text_is_left_to_the_grammar(tmp_path: Path) -> None:
    ragged = [" ".join(line.split()) for line in THREE]
    assert not any(wraps_of(tmp_path, [*TITLE, *ragged]))


def test_a_few_stretched_lines_are_no_evidence_of_justified_text(tmp_path: Path) -> None:
    lines = [*TITLE, *justified_text(0), "", *justified_text(1)]
    assert not any(wraps_of(tmp_path, lines))


FULL_SENTENCE = "    Die Länder bitten den Bund um rasche Zusagen der Mittel."  # 60, not stretched
AFTER_IT = "    Sie gilt für alle Träger der Kurse."


def test_a_full_line_that_ends_a_sentence_is_undecidable(tmp_path: Path) -> None:
    """After a full line (not stretched) that ends a sentence, the next line may go on with
    the paragraph or start a new one: nobody can tell, and the error names the line."""
    assert len(FULL_SENTENCE) == 60 and "  " not in FULL_SENTENCE.strip()
    lines = [*TITLE, *THREE, "", FULL_SENTENCE, AFTER_IT]
    assert wraps_of(tmp_path, lines)[-1] is None
    with pytest.raises(SourceError) as caught:
        read_source(write(tmp_path, lines))
    assert caught.value.line == len(lines)
    assert "cannot be told whether 'Sie gilt für alle Träger der Kurse.'" in str(caught.value)


# tables written cell by cell (plain pdftotext of a drawn table) -------------------------------

CELL_TABLE = [
    "Tagesordnung der Hauptkonferenz",
    "TOP",
    "",
    "Thema",
    "",
    "Antragsteller",
    "",
    "A",
    "",
    "Genehmigung der Tagesordnung",
    "",
    "2.1 (GL)",
    "",
    "Sprachkurse für Geflüchtete und",
    "Zugewanderte",
    "",
    "Berlin (koordinierend),",
    "Bremen",
    "",
    "Rücknahme Berlin",
    "",
    "TOP 3",
    "",
    "Verschiedenes",
    "",
    "(GL = Grüne Liste)",
    "TOP A",
    "Genehmigung der Tagesordnung",
]


def test_a_table_written_cell_by_cell_becomes_rows(tmp_path: Path) -> None:
    source = read_source(write(tmp_path, [*TITLE, *CELL_TABLE]))
    rows = [(line.number, line.last, line.text) for line in source.lines if "\t" in line.text]
    start = len(TITLE)
    assert rows == [
        (start + 2, start + 6, "TOP\tThema\tAntragsteller"),
        (start + 8, start + 10, "A\tGenehmigung der Tagesordnung"),
        (
            start + 12,
            start + 20,
            "2.1 (GL)\tSprachkurse für Geflüchtete und Zugewanderte\tBerlin (koordinierend), "
            "Bremen\tRücknahme Berlin",
        ),
        (start + 22, start + 24, "TOP 3\tVerschiedenes"),
    ]
    texts = [line.text for line in source.lines if line.text]
    assert texts[-3:] == ["(GL = Grüne Liste)", "TOP A", "Genehmigung der Tagesordnung"]


def test_a_page_break_inside_a_cell_table_is_passed_over(tmp_path: Path) -> None:
    lines = [*TITLE, *CELL_TABLE[:16], "", "- 3 -", "\f", *CELL_TABLE[16:]]
    source = read_source(write(tmp_path, lines))
    row = next(line for line in source.lines if line.text.startswith("2.1 (GL)\t"))
    assert row.text.endswith("\tBerlin (koordinierend), Bremen\tRücknahme Berlin")


def test_header_cells_alone_are_no_table(tmp_path: Path) -> None:
    lines = [*TITLE, "TOP", "", "Thema", "", "Die IntMK bittet den Bund, die Kurse zu sichern."]
    source = read_source(write(tmp_path, lines))
    assert [line.text for line in source.lines if "\t" in line.text] == ["TOP\tThema"]
    assert source.lines[-1].text == "Die IntMK bittet den Bund, die Kurse zu sichern."


# page numbers of a table of contents, right-aligned ------------------------------------------

CONTENTS = [
    "Inhaltsverzeichnis",
    "",
    "Liste der Teilnehmenden ..........................  2",
    "Tagesordnung .....................................  4",
    "TOP 1.1   Bericht zur Einbürgerung ................  5",
    "TOP 1.2   Bericht der LAG „Menschen in Migration“  12",
    "TOP 1.3   Sprachkurse für alle                      13",
]


def test_a_page_number_after_a_run_of_spaces_in_the_page_column_gets_a_tab(
    tmp_path: Path,
) -> None:
    texts = texts_of(tmp_path, [*TITLE, *CONTENTS])[len(TITLE) :]
    assert [len(line) for line in CONTENTS[2:]] == [53, 53, 54, 53, 54]
    assert texts[5] == "TOP 1.2   Bericht der LAG „Menschen in Migration“\t12"
    assert texts[6] == "TOP 1.3   Sprachkurse für alle\t13"
    assert texts[2] == CONTENTS[2]  # dot leaders stay as they are


def test_a_number_at_a_line_end_outside_the_page_column_stays(tmp_path: Path) -> None:
    lines = [*TITLE, *CONTENTS, "", "Die Zahl der Kurse stieg im Jahr 2023 auf   12"]
    assert texts_of(tmp_path, lines)[-1] == lines[-1]


def test_a_table_written_column_by_column_is_an_error(tmp_path: Path) -> None:
    """pdfminer.six writes a drawn table by columns: every number, then every title."""
    lines = [*TITLE, "TOP", "", "Thema", "", "A", "", "B", "", "Genehmigung", "", "Bericht"]
    with pytest.raises(SourceError) as caught:
        read_document(write(tmp_path, lines))
    assert caught.value.line == len(TITLE) + 5
    assert "'A' is followed by the next number 'B' without a cell between" in str(caught.value)

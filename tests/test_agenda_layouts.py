"""Agenda, title and contents layouts of other years: wrapped rows, page breaks inside a row,
columns apart by spaces, remarks, title blocks with blank lines or header fields, tables of
contents in fixed-width columns, and tables the grammar cannot read.

Every test writes a small but complete minutes document to tmp_path and parses it through
parse_file; the assertions are exact facts (titles, applicants with their flags, remarks,
positions), or the SourceError naming file and line.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from mapping.errors import SourceError
from mapping.model import AgendaItem, Minutes
from mapping.parse_agenda import parse_agenda
from mapping.parse_document import parse_file
from mapping.source import Line

TITLE = """**Externe Niederschrift
über die Beschlüsse der Hauptkonferenz der 18. IntMK 2023
26./ 27. April 2023 in Wiesbaden**"""
PARTICIPANTS = """Liste der Teilnehmenden

Hessen

Hessisches Ministerium für Soziales und Integration

Herr Staatsminister Kai Klose (Vorsitz)"""
HEADER = """18. Integrationsminister*innenkonferenz 2023

Hauptkonferenz am 26./27. April 2023 in Wiesbaden"""
SECTION = """{header}

TOP {top}

{title}
{applicants}
Die IntMK hat einstimmig beschlossen:

Die IntMK nimmt den Bericht zur Kenntnis.
"""
# (top, title, applicant field) of the resolution sections every document has
SECTIONS = (
    ("A", "Genehmigung der Tagesordnung", None),
    ("B", "Bericht des Bundes", None),
    ("C", "Grüne Liste", None),
)
AGENDA_HEAD = "TOP\tThema"
FIRST_ROWS = "A\tGenehmigung der Tagesordnung\nB\tBericht des Bundes\nC\tGrüne Liste"


def document(
    agenda: str,
    *,
    title: str = TITLE,
    before_agenda: str = "",
    sections: tuple[tuple[str, str, str | None], ...] = (),
    legend: bool = True,
) -> str:
    """A complete minutes text: title, participants, the agenda, a section per TOP."""
    parts = [title, "", before_agenda, PARTICIPANTS, "", "Tagesordnung", "", agenda, ""]
    if legend:
        parts += ["(GL = Grüne Liste)", ""]
    for top, item_title, applicants in SECTIONS + sections:
        field = f"\nAntragsteller: {applicants}\n" if applicants else ""
        parts.append(SECTION.format(header=HEADER, top=top, title=item_title, applicants=field))
    return "\n".join(parts)


def parse(tmp_path: Path, text: str, name: str = "minutes.txt") -> Minutes:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path)


def item(minutes: Minutes, top: str) -> AgendaItem:
    return next(i for i in minutes.agenda if i.top == top)


def applicants(minutes: Minutes, top: str) -> list[tuple[str, bool, bool]]:
    """(Land, coordinating, highlighted) of each applicant of an item."""
    found = item(minutes, top).applicants
    assert found is not None
    return [(e.land, e.coordinating, e.highlighted) for e in found.entries]


def remarks(minutes: Minutes, top: str) -> tuple[str | None, str | None, str | None, str | None]:
    """(withdrawn_by, merged_into, note, status) of an item."""
    found = item(minutes, top)
    status = found.status.value if found.status else None
    return found.withdrawn_by, found.merged_into, found.note, status


def source_error(tmp_path: Path, text: str) -> SourceError:
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        parse_file(path)
    assert caught.value.path == str(path)
    return caught.value


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# 1. an agenda row wrapped onto a second line ------------------------------------------------


def test_a_wrapped_title_continues_and_the_applicants_stand_on_the_second_line(
    tmp_path: Path,
) -> None:
    agenda = "\n".join(
        [
            AGENDA_HEAD,
            FIRST_ROWS,
            "TOP 8\tThemen für das Kamingespräch",
            "8.1\tErfahrungsaustausch zu den integrationspolitischen Aspekten bei der "
            "Umsetzung des",
            "Chancen-Aufenthaltsrechts Hessen",
            "8.2\tEinbürgerungen Nordrhein-Westfalen",
        ]
    )
    minutes = parse(tmp_path, document(agenda))
    assert item(minutes, "8.1").title == (
        "Erfahrungsaustausch zu den integrationspolitischen Aspekten bei der Umsetzung des "
        "Chancen-Aufenthaltsrechts"
    )
    assert applicants(minutes, "8.1") == [("DE-HE", False, False)]
    assert (item(minutes, "8.1").lines.first, item(minutes, "8.1").lines.last) == (
        line_of(document(agenda), "8.1\t"),
        line_of(document(agenda), "Chancen-Aufenthaltsrechts"),
    )
    assert item(minutes, "8.2").title == "Einbürgerungen"
    assert [i.position for i in minutes.agenda] == [1, 2, 3, 4, 5, 6]


def test_an_applicant_list_split_over_both_lines(tmp_path: Path) -> None:
    agenda = "\n".join(
        [
            AGENDA_HEAD,
            FIRST_ROWS,
            "7.1\tWillkommensstrukturen für internationale Fachkräfte am Arbeitsmarkt Bayern,",
            "Berlin, <u>Hessen</u> (koordinierend)",
            "7.2\tAnerkennungsberatung stärken Hamburg",
        ]
    )
    sections = (
        (
            "7.1",
            "Willkommensstrukturen für internationale Fachkräfte am Arbeitsmarkt",
            "Bayern, Berlin, Hessen",
        ),
    )
    minutes = parse(tmp_path, document(agenda, sections=sections))
    assert item(minutes, "7.1").title == (
        "Willkommensstrukturen für internationale Fachkräfte am Arbeitsmarkt"
    )
    assert applicants(minutes, "7.1") == [
        ("DE-BY", False, False),
        ("DE-BE", False, False),
        ("DE-HE", True, True),
    ]
    assert minutes.findings == ()
    assert applicants(minutes, "7.2") == [("DE-HH", False, False)]


def test_a_continuation_after_an_empty_first_cell(tmp_path: Path) -> None:
    agenda = "\n".join(
        [
            AGENDA_HEAD,
            FIRST_ROWS,
            "5.3\tSprachmittlung im sozialen Bereich als Teil der",
            "\tRegelversorgung verankern Bremen, <u>Niedersachsen</u>, Thüringen",
        ]
    )
    minutes = parse(tmp_path, document(agenda))
    assert item(minutes, "5.3").title == (
        "Sprachmittlung im sozialen Bereich als Teil der Regelversorgung verankern"
    )
    assert applicants(minutes, "5.3") == [
        ("DE-HB", False, False),
        ("DE-NI", False, True),
        ("DE-TH", False, False),
    ]


def test_a_word_hyphenated_at_the_end_of_an_agenda_line(tmp_path: Path) -> None:
    agenda = "\n".join(
        [
            AGENDA_HEAD,
            FIRST_ROWS,
            "6.2\tAufhebung der gesetzlich verankerten Arbeits-",
            "verbote für Geflüchtete Schleswig-Holstein, Mecklenburg-",
            "Vorpommern",
        ]
    )
    minutes = parse(tmp_path, document(agenda))
    assert item(minutes, "6.2").title == (
        "Aufhebung der gesetzlich verankerten Arbeitsverbote für Geflüchtete"
    )
    assert applicants(minutes, "6.2") == [("DE-SH", False, False), ("DE-MV", False, False)]


def test_a_wrapped_three_column_row(tmp_path: Path) -> None:
    agenda = "\n".join(
        [
            "TOP\tThema\tAntragsteller",
            FIRST_ROWS,
            "4.2\tModifizierung der Wohnsitzauflage in Regionen mit\t<u>Berlin</u> "
            "(koordinierend),",
            "\tstark angespanntem Wohnungsmarkt\t<u>Hamburg</u>",
        ]
    )
    minutes = parse(tmp_path, document(agenda))
    assert item(minutes, "4.2").title == (
        "Modifizierung der Wohnsitzauflage in Regionen mit stark angespanntem Wohnungsmarkt"
    )
    assert applicants(minutes, "4.2") == [("DE-BE", True, True), ("DE-HH", False, True)]


# 2. an agenda row broken by a page break ----------------------------------------------------


def page_break() -> str:
    return f"\n{HEADER}\n"


def test_a_row_broken_by_a_page_break_keeps_title_and_withdrawal(tmp_path: Path) -> None:
    agenda = "\n".join(
        [
            AGENDA_HEAD,
            FIRST_ROWS,
            "4.2\tModifizierung der Wohnsitzauflage in Regionen mit stark",
            page_break(),
            "angespanntem Wohnungsmarkt <u>Berlin</u> (koordinierend), <u>Hamburg</u> Rücknahme"
            " Berlin",
            "4.3\tFinanzierung der Migrationsberatung für Erwachsene (MBE) Alle Länder",
        ]
    )
    minutes = parse(tmp_path, document(agenda))
    assert item(minutes, "4.2").title == (
        "Modifizierung der Wohnsitzauflage in Regionen mit stark angespanntem Wohnungsmarkt"
    )
    assert applicants(minutes, "4.2") == [("DE-BE", True, True), ("DE-HH", False, True)]
    assert remarks(minutes, "4.2") == ("DE-BE", None, None, "withdrawn")
    four_three = item(minutes, "4.3").applicants
    assert four_three is not None and four_three.all_laender
    assert [i.top for i in minutes.agenda] == ["A", "B", "C", "4.2", "4.3"]


def test_an_applicant_list_broken_by_a_page_break(tmp_path: Path) -> None:
    agenda = "\n".join(
        [
            AGENDA_HEAD,
            FIRST_ROWS,
            "5.1\tRahmenbedingungen für Lehrkräfte verbessern <u>Baden-Württemberg</u>, Berlin,",
            page_break(),
            "",
            "Brandenburg, Saarland",
            "5.2\tErhöhung der Bundesmittel für Erstorientierungskurse Sachsen",
        ]
    )
    minutes = parse(tmp_path, document(agenda))
    assert item(minutes, "5.1").title == "Rahmenbedingungen für Lehrkräfte verbessern"
    assert applicants(minutes, "5.1") == [
        ("DE-BW", False, True),
        ("DE-BE", False, False),
        ("DE-BB", False, False),
        ("DE-SL", False, False),
    ]
    assert applicants(minutes, "5.2") == [("DE-SN", False, False)]


def test_a_page_break_between_rows_is_no_continuation(tmp_path: Path) -> None:
    agenda = "\n".join(
        [
            AGENDA_HEAD,
            FIRST_ROWS,
            "6.3\tZuwanderung über ein (Hochschul-)Studium stärken Baden-Württemberg",
            page_break(),
            "6.4\tVerlängerung Aufenthaltserlaubnis Rheinland-Pfalz, <u>Sachsen</u>",
        ]
    )
    minutes = parse(tmp_path, document(agenda))
    assert item(minutes, "6.3").title == "Zuwanderung über ein (Hochschul-)Studium stärken"
    assert applicants(minutes, "6.4") == [("DE-RP", False, False), ("DE-SN", False, True)]


def test_a_page_break_repeats_the_header_row_before_the_continuation(tmp_path: Path) -> None:
    agenda = "\n".join(
        [
            AGENDA_HEAD,
            FIRST_ROWS,
            "1.2\tFortführung der BLAG „Ebenen übergreifende Kooperation im",
            page_break(),
            AGENDA_HEAD,
            "Politikfeld Integration“ Alle Länder",
            "1.3 (GL)\tBericht der LAG Brandenburg, Berlin, <u>Hamburg</u>",
        ]
    )
    minutes = parse(tmp_path, document(agenda))
    assert item(minutes, "1.2").title == (
        "Fortführung der BLAG „Ebenen übergreifende Kooperation im Politikfeld Integration“"
    )
    listed = item(minutes, "1.2").applicants
    assert listed is not None and listed.all_laender and len(listed.entries) == 16
    assert item(minutes, "1.3").green_list
    assert applicants(minutes, "1.3") == [
        ("DE-BB", False, False),
        ("DE-BE", False, False),
        ("DE-HH", False, True),
    ]


# 3. columns apart by runs of spaces; other header rows ------------------------------------


def test_columns_apart_by_runs_of_spaces(tmp_path: Path) -> None:
    agenda = "\n".join(
        [
            "TOP        Thema",
            "A          Genehmigung der Tagesordnung",
            "B          Bericht des Bundes",
            "C          Grüne Liste",
            "TOP 8      Themen für das Kamingespräch",
            "8.1        Künftige Themenschwerpunkte der BLAG                    Hessen",
            "8.2 (GL)   Erfahrungsaustausch zur Einbürgerung          Bremen, <u>Sachsen</u>",
            "8.3        Arbeitsmarktintegration                          Nordrhein-Westfalen",
        ]
    )
    minutes = parse(tmp_path, document(agenda))
    assert [(i.top, i.title, i.group, i.green_list) for i in minutes.agenda] == [
        ("A", "Genehmigung der Tagesordnung", None, False),
        ("B", "Bericht des Bundes", None, False),
        ("C", "Grüne Liste", None, False),
        ("8", "Themen für das Kamingespräch", None, False),
        ("8.1", "Künftige Themenschwerpunkte der BLAG", "8", False),
        ("8.2", "Erfahrungsaustausch zur Einbürgerung", "8", True),
        ("8.3", "Arbeitsmarktintegration", "8", False),
    ]
    assert applicants(minutes, "8.2") == [("DE-HB", False, False), ("DE-SN", False, True)]
    assert item(minutes, "8.1").discussion_only


def test_space_columns_with_a_wrapped_row(tmp_path: Path) -> None:
    agenda = "\n".join(
        [
            "TOP   Thema   Antragsteller",
            "A     Genehmigung der Tagesordnung",
            "B     Bericht des Bundes",
            "C     Grüne Liste",
            "1.1   Bericht vom 2. Geflüchtetengipfel und dem Follow-Up-",
            "      Prozess                                          Rheinland-Pfalz,",
            "                                                       Saarland",
            "1.2   Erfolgskontrolle                                 Alle Länder",
        ]
    )
    minutes = parse(tmp_path, document(agenda))
    assert item(minutes, "1.1").title == (
        "Bericht vom 2. Geflüchtetengipfel und dem Follow-Up-Prozess"
    )
    assert applicants(minutes, "1.1") == [("DE-RP", False, False), ("DE-SL", False, False)]
    assert item(minutes, "1.2").title == "Erfolgskontrolle"


def test_space_columns_without_a_legend_end_at_the_first_resolution(tmp_path: Path) -> None:
    agenda = "\n".join(
        [
            "Nr.    Thema",
            "A      Genehmigung der Tagesordnung",
            "B      Bericht des Bundes",
            "C      Grüne Liste",
            "TOP 2  Migration und Aufenthalt",
            "2.9b   Sprachkurse für Geflüchtete   <u>Berlin</u> (koordinierend), Bremen",
            "TOP 9  Verschiedenes",
        ]
    )
    sections = (("2.9b", "Sprachkurse für Geflüchtete", None),)
    minutes = parse(tmp_path, document(agenda, sections=sections, legend=False))
    assert [(i.top, i.title, i.group) for i in minutes.agenda] == [
        ("A", "Genehmigung der Tagesordnung", None),
        ("B", "Bericht des Bundes", None),
        ("C", "Grüne Liste", None),
        ("2", "Migration und Aufenthalt", None),
        ("2.9b", "Sprachkurse für Geflüchtete", "2"),
        ("9", "Verschiedenes", None),
    ]
    assert applicants(minutes, "2.9b") == [("DE-BE", True, True), ("DE-HB", False, False)]
    assert [r.top for r in minutes.resolutions] == ["A", "B", "C", "2.9b"]
    assert minutes.findings == ()


def test_space_columns_when_the_lines_keep_their_runs_of_spaces() -> None:
    """Should the lines reach the grammar with their runs of spaces (a layout conversion
    read without collapsing them), the runs separate the cells, also on wrapped lines."""
    rows = [
        "Tagesordnung",
        "",
        "TOP   Thema   Antragsteller",
        "A     Genehmigung der Tagesordnung",
        "1.1   Bericht vom 2. Geflüchtetengipfel und dem Follow-Up-",
        "      Prozess                                          Rheinland-Pfalz,",
        "                                                       Saarland",
        "1.3   Modifizierung der Wohnsitzauflage in Regionen    <u>Berlin</u> (koordinierend),",
        "      mit stark angespanntem Wohnungsmarkt             <u>Hamburg</u>    Rücknahme Berlin",
    ]
    agenda = parse_agenda([Line(n, text) for n, text in enumerate(rows, 1)], Path("x.txt"))
    assert [(i.top, i.title, i.lines.first, i.lines.last) for i in agenda] == [
        ("A", "Genehmigung der Tagesordnung", 4, 4),
        ("1.1", "Bericht vom 2. Geflüchtetengipfel und dem Follow-Up-Prozess", 5, 7),
        (
            "1.3",
            "Modifizierung der Wohnsitzauflage in Regionen mit stark angespanntem Wohnungsmarkt",
            8,
            9,
        ),
    ]
    assert [i.applicants.codes if i.applicants else None for i in agenda] == [
        None,
        ("DE-RP", "DE-SL"),
        ("DE-BE", "DE-HH"),
    ]
    assert agenda[2].withdrawn_by == "DE-BE"
    assert agenda[2].applicants is not None
    assert [e.highlighted for e in agenda[2].applicants.entries] == [True, True]


@pytest.mark.parametrize(
    "header", ["TOP\tThema\tAntragsteller", "Nr.\tThema", "TOP  Thema  Antragsteller", "Nr. Thema"]
)
def test_other_header_rows(header: str, tmp_path: Path) -> None:
    agenda = "\n".join([header, FIRST_ROWS, "2.1\tIntegrationskurse stärken\tBerlin, Bremen"])
    minutes = parse(tmp_path, document(agenda))
    assert [i.top for i in minutes.agenda] == ["A", "B", "C", "2.1"]
    assert item(minutes, "2.1").title == "Integrationskurse stärken"
    assert applicants(minutes, "2.1") == [("DE-BE", False, False), ("DE-HB", False, False)]


def test_three_column_rows(tmp_path: Path) -> None:
    agenda = "\n".join(
        [
            "TOP\tThema\tAntragsteller",
            FIRST_ROWS,
            "3.1\tBericht aus Hessen\tHamburg",
            "3.2 (GL)\tMehrsprachigkeit wertschätzen\t<u>Nordrhein-Westfalen</u> (koordinierend), "
            "Thüringen",
            "3.3\tVerschiedenes",
        ]
    )
    minutes = parse(tmp_path, document(agenda))
    assert item(minutes, "3.1").title == "Bericht aus Hessen"
    assert applicants(minutes, "3.1") == [("DE-HH", False, False)]
    assert item(minutes, "3.2").green_list
    assert applicants(minutes, "3.2") == [("DE-NW", True, True), ("DE-TH", False, False)]
    assert item(minutes, "3.3").applicants is None
    assert item(minutes, "3.3").discussion_only


def test_an_unknown_land_in_an_applicant_cell_is_an_error(tmp_path: Path) -> None:
    agenda = "\n".join(["TOP\tThema\tAntragsteller", FIRST_ROWS, "3.1\tIntegration\tAtlantis"])
    text = document(agenda)
    error = source_error(tmp_path, text)
    assert error.line == line_of(text, "3.1\t")
    assert "Atlantis" in error.problem


# 4. remarks are data, never title text -------------------------------------------------------


def test_remarks_at_the_end_of_rows(tmp_path: Path) -> None:
    agenda = "\n".join(
        [
            AGENDA_HEAD,
            FIRST_ROWS,
            "4.1\tFamiliennachzug erleichtern <u>Bremen</u> (koordinierend), Berlin vertagt",
            "4.2\tHärtefallregelung zur Einbürgerung Hamburg zurückgezogen",
            "4.3\tWohnsitzauflage lockern Niedersachsen Rücknahme Niedersachsen",
            "4.4\tAnerkennungsberatung sicherstellen Hamburg Zusammenlegung mit TOP 4.1",
            "4.5\tBerufsanerkennung optimieren (siehe TOP 4.4)",
            "4.6\tSchutz von LSBTIQ*-Geflüchteten stärken Bremen, Saarland (siehe TOP 4.1) vertagt",
        ]
    )
    minutes = parse(tmp_path, document(agenda))
    assert [(i.top, i.title) for i in minutes.agenda[3:]] == [
        ("4.1", "Familiennachzug erleichtern"),
        ("4.2", "Härtefallregelung zur Einbürgerung"),
        ("4.3", "Wohnsitzauflage lockern"),
        ("4.4", "Anerkennungsberatung sicherstellen"),
        ("4.5", "Berufsanerkennung optimieren"),
        ("4.6", "Schutz von LSBTIQ*-Geflüchteten stärken"),
    ]
    assert remarks(minutes, "4.1") == (None, None, None, "postponed")
    assert applicants(minutes, "4.1") == [("DE-HB", True, True), ("DE-BE", False, False)]
    assert remarks(minutes, "4.2") == (None, None, None, "withdrawn")
    assert applicants(minutes, "4.2") == [("DE-HH", False, False)]
    assert remarks(minutes, "4.3") == ("DE-NI", None, None, "withdrawn")
    assert remarks(minutes, "4.4") == (None, "4.1", None, None)
    assert remarks(minutes, "4.5") == (None, None, "siehe TOP 4.4", None)
    assert item(minutes, "4.5").applicants is None
    assert remarks(minutes, "4.6") == (None, None, "siehe TOP 4.1", "postponed")
    assert applicants(minutes, "4.6") == [("DE-HB", False, False), ("DE-SL", False, False)]


def test_remarks_on_the_continuation_line(tmp_path: Path) -> None:
    agenda = "\n".join(
        [
            AGENDA_HEAD,
            FIRST_ROWS,
            "7.3\tAnerkennungsberatung länderübergreifend sicherstellen Hamburg",
            "Zusammenlegung mit TOP 7.2",
            "7.4\tKompetenzen von Drittstaatsangehörigen nutzen Bremen,",
            "<u>Saarland</u> (koordinierend) Rücknahme Saarland",
            "7.5\tIntegration durch Sport Berlin",
            "vertagt",
        ]
    )
    minutes = parse(tmp_path, document(agenda))
    assert item(minutes, "7.3").title == "Anerkennungsberatung länderübergreifend sicherstellen"
    assert remarks(minutes, "7.3") == (None, "7.2", None, None)
    assert applicants(minutes, "7.3") == [("DE-HH", False, False)]
    assert applicants(minutes, "7.4") == [("DE-HB", False, False), ("DE-SL", True, True)]
    assert remarks(minutes, "7.4") == ("DE-SL", None, None, "withdrawn")
    assert item(minutes, "7.5").title == "Integration durch Sport"
    assert remarks(minutes, "7.5") == (None, None, None, "postponed")


def test_a_remark_in_its_own_cell(tmp_path: Path) -> None:
    agenda = "\n".join(
        [
            "TOP\tThema\tAntragsteller",
            FIRST_ROWS,
            "2.1\tIntegrationskurse stärken\tBerlin, Bremen\tRücknahme Bremen",
            "2.2\tSprachkitas erhalten\tBayern\tvertagt",
        ]
    )
    minutes = parse(tmp_path, document(agenda))
    assert remarks(minutes, "2.1") == ("DE-HB", None, None, "withdrawn")
    assert applicants(minutes, "2.1") == [("DE-BE", False, False), ("DE-HB", False, False)]
    assert remarks(minutes, "2.2") == (None, None, None, "postponed")
    assert item(minutes, "2.2").title == "Sprachkitas erhalten"


# 5. title blocks ------------------------------------------------------------------------------


def test_a_title_block_with_a_blank_line_and_one_line_each(tmp_path: Path) -> None:
    title = "\n".join(
        [
            "Externe Niederschrift",
            "",
            "über die Beschlüsse der Hauptkonferenz",
            "der 18. IntMK 2023",
            "26./27. April 2023",
            "in Wiesbaden",
        ]
    )
    minutes = parse(tmp_path, document(f"{AGENDA_HEAD}\n{FIRST_ROWS}", title=title))
    assert minutes.title == (
        "Externe Niederschrift über die Beschlüsse der Hauptkonferenz der 18. IntMK 2023"
    )
    assert (minutes.number, minutes.year) == (18, 2023)
    assert (minutes.meeting.start, minutes.meeting.end) == (
        datetime.date(2023, 4, 26),
        datetime.date(2023, 4, 27),
    )
    assert minutes.meeting.place == "Wiesbaden"
    assert (minutes.title_lines.first, minutes.title_lines.last) == (1, 6)


def test_a_title_block_with_blank_lines_between_all_its_lines(tmp_path: Path) -> None:
    title = "\n".join(
        ["Ergebnisprotokoll", "", "der 19. IntMK 2024", "", "18./19. April 2024", "in Bad Saarow"]
    )
    minutes = parse(tmp_path, document(f"{AGENDA_HEAD}\n{FIRST_ROWS}", title=title))
    assert minutes.title == "Ergebnisprotokoll der 19. IntMK 2024"
    assert minutes.meeting.place == "Bad Saarow"
    assert minutes.meeting.start == datetime.date(2024, 4, 18)


def test_header_fields_after_the_title_give_date_and_place_not_title(tmp_path: Path) -> None:
    title = "\n".join(
        [
            "Beschlussniederschrift",
            "der 16. IntMK 2021",
            "",
            "Datum: 15. April 2021",
            "Ort: Hannover",
            "Vorsitz: Nordrhein-Westfalen",
        ]
    )
    minutes = parse(tmp_path, document(f"{AGENDA_HEAD}\n{FIRST_ROWS}", title=title))
    assert minutes.title == "Beschlussniederschrift der 16. IntMK 2021"
    assert (minutes.number, minutes.year) == (16, 2021)
    assert minutes.meeting.start == minutes.meeting.end == datetime.date(2021, 4, 15)
    assert minutes.meeting.place == "Hannover"
    assert minutes.meeting.kind == "hauptkonferenz"


def test_header_fields_of_a_video_conference_name_no_place(tmp_path: Path) -> None:
    title = "\n".join(
        [
            "Beschlussniederschrift der Videokonferenz",
            "der 16. IntMK 2021",
            "Datum: 16. April 2021",
            "Ort: Videokonferenz",
        ]
    )
    minutes = parse(tmp_path, document(f"{AGENDA_HEAD}\n{FIRST_ROWS}", title=title))
    assert minutes.title == "Beschlussniederschrift der Videokonferenz der 16. IntMK 2021"
    assert minutes.meeting.kind == "videokonferenz"
    assert minutes.meeting.place is None
    assert minutes.meeting.start == datetime.date(2021, 4, 16)


def test_a_field_date_that_contradicts_the_title_is_an_error(tmp_path: Path) -> None:
    title = "Beschlussniederschrift der 16. IntMK 2021 am 15. April 2021\nDatum: 16. April 2021"
    text = document(f"{AGENDA_HEAD}\n{FIRST_ROWS}", title=title)
    error = source_error(tmp_path, text)
    assert error.line == 2
    assert "16. April 2021" in error.problem


# 6. a table of contents in fixed-width columns --------------------------------------------


CONTENTS = """Inhaltsverzeichnis

Liste der Teilnehmenden ....................................  2
TOP 1      Bericht der Geschäftsstelle .........................  3
TOP 11     Anerkennung und Einbürgerung ........................  4
TOP 11.1   Verbesserung der Anerkennung ausländischer
           Berufsabschlüsse ....................................  5
TOP 11.2   Bericht zur Einbürgerung ............................ 12
"""


def contents_document(contents: str) -> str:
    sections = (
        ("1", "Bericht der Geschäftsstelle", None),
        ("11.1", "Verbesserung der Anerkennung ausländischer Berufsabschlüsse", None),
        ("11.2", "Bericht zur Einbürgerung", None),
    )
    parts = [TITLE, "", contents, PARTICIPANTS, ""]
    for top, title, _ in sections:
        parts.append(SECTION.format(header=HEADER, top=top, title=title, applicants=""))
    return "\n".join(parts)


def test_contents_with_dot_leaders_and_right_aligned_pages(tmp_path: Path) -> None:
    minutes = parse(tmp_path, contents_document(CONTENTS))
    assert [(i.top, i.title, i.group, i.position) for i in minutes.agenda] == [
        ("1", "Bericht der Geschäftsstelle", None, 1),
        ("11", "Anerkennung und Einbürgerung", None, 2),
        ("11.1", "Verbesserung der Anerkennung ausländischer Berufsabschlüsse", "11", 3),
        ("11.2", "Bericht zur Einbürgerung", "11", 4),
    ]
    wrapped = item(minutes, "11.1")
    text = contents_document(CONTENTS)
    assert (wrapped.lines.first, wrapped.lines.last) == (
        line_of(text, "TOP 11.1"),
        line_of(text, "           Berufsabschlüsse"),
    )
    assert minutes.findings == ()


def test_contents_in_space_columns_without_dot_leaders(tmp_path: Path) -> None:
    contents = "\n".join(
        [
            "Inhalt",
            "",
            "Teilnehmerliste                                              2",
            "TOP 1      Bericht der Geschäftsstelle                       3",
            "TOP 11.1   Verbesserung der Anerkennung ausländischer",
            "           Berufsabschlüsse                                   5",
            "TOP 11.2   Bericht zur Einbürgerung                          12",
            "",
        ]
    )
    minutes = parse(tmp_path, contents_document(contents))
    assert [(i.top, i.title) for i in minutes.agenda] == [
        ("1", "Bericht der Geschäftsstelle"),
        ("11.1", "Verbesserung der Anerkennung ausländischer Berufsabschlüsse"),
        ("11.2", "Bericht zur Einbürgerung"),
    ]


@pytest.mark.parametrize("wrapped_entry", [False, True])
def test_contents_followed_by_the_text_without_a_blank_line(
    tmp_path: Path, wrapped_entry: bool
) -> None:
    """A converter without blank lines: the contents end where a run of lines without a
    page number begins (the participant list), not at a blank line."""
    last = (
        ["TOP 11.2\tBericht zur", "Einbürgerung\t12"]
        if wrapped_entry
        else ["TOP 11.2\tBericht zur Einbürgerung\t12"]
    )
    contents = "\n".join(
        [
            "Inhalt",
            "Teilnehmerliste\t2",
            "TOP 1\tBericht der Geschäftsstelle\t3",
            "TOP 11.1\tVerbesserung der Anerkennung ausländischer Berufsabschlüsse\t5",
            *last,
        ]
    )
    assert "\t12\nListe der Teilnehmenden" in contents_document(contents)  # no blank line
    minutes = parse(tmp_path, contents_document(contents))
    assert [(i.top, i.title) for i in minutes.agenda] == [
        ("1", "Bericht der Geschäftsstelle"),
        ("11.1", "Verbesserung der Anerkennung ausländischer Berufsabschlüsse"),
        ("11.2", "Bericht zur Einbürgerung"),
    ]
    assert [delegation.land for delegation in minutes.delegations] == ["DE-HE"]


def test_dot_leaders_keep_a_number_inside_a_wrapped_title(tmp_path: Path) -> None:
    contents = "\n".join(
        [
            "Inhaltsverzeichnis",
            "",
            "TOP 1      Bericht der Geschäftsstelle .........................  3",
            "TOP 11.1   Verlängerung nach § 24",
            "           Aufenthaltsgesetz ...................................  5",
            "TOP 11.2   Bericht zur Einbürgerung ............................ 12",
            "",
        ]
    )
    minutes = parse(tmp_path, contents_document(contents))
    assert [(i.top, i.title) for i in minutes.agenda] == [
        ("1", "Bericht der Geschäftsstelle"),
        ("11.1", "Verlängerung nach § 24 Aufenthaltsgesetz"),
        ("11.2", "Bericht zur Einbürgerung"),
    ]


# 7. a table the grammar cannot read ---------------------------------------------------------


def test_a_continuation_that_could_be_a_new_item_is_an_error(tmp_path: Path) -> None:
    agenda = "\n".join(
        [
            AGENDA_HEAD,
            FIRST_ROWS,
            "4.9\tGedenken an den Brandanschlag von Solingen vor",
            "30 Jahre Solinger Brandanschlag Alle Länder",
        ]
    )
    text = document(agenda)
    error = source_error(tmp_path, text)
    assert error.line == line_of(text, "30 Jahre")
    assert "agenda" in error.problem
    assert "TOP" in error.expected


def test_a_row_without_a_top_number_after_a_blank_line_is_an_error(tmp_path: Path) -> None:
    agenda = "\n".join(
        [
            AGENDA_HEAD,
            FIRST_ROWS,
            "4.9\tGedenken und Mahnung Alle Länder",
            "",
            "Stand der Beratungen vom 3. März",
        ]
    )
    text = document(agenda)
    error = source_error(tmp_path, text)
    assert error.line == line_of(text, "Stand der Beratungen")
    assert "agenda table" in error.problem
    assert "TOP" in error.expected and "Thema" in error.expected


def test_a_malformed_number_cell_names_the_columns(tmp_path: Path) -> None:
    agenda = "\n".join([AGENDA_HEAD, FIRST_ROWS, "4.x\tGedenken und Mahnung Alle Länder"])
    text = document(agenda)
    error = source_error(tmp_path, text)
    assert error.line == line_of(text, "4.x")
    assert "'4.x'" in error.problem and "agenda table" in error.problem
    assert "TOP" in error.expected and "Thema" in error.expected


def test_too_many_cells_name_the_columns(tmp_path: Path) -> None:
    agenda = "\n".join(
        ["TOP\tThema\tAntragsteller", FIRST_ROWS, "2.1\tKurse\tBerlin\tBremen\tHamburg"]
    )
    text = document(agenda)
    error = source_error(tmp_path, text)
    assert error.line == line_of(text, "2.1\t")
    assert "agenda table" in error.problem
    assert "Antragsteller" in error.expected


def test_an_applicant_continuation_without_a_column_is_an_error(tmp_path: Path) -> None:
    agenda = "\n".join(
        [
            "TOP\tThema\tAntragsteller",
            FIRST_ROWS,
            "4.2\tModifizierung der Wohnsitzauflage\tBerlin",
            "Hamburg",
        ]
    )
    text = document(agenda)
    error = source_error(tmp_path, text)
    assert error.line == line_of(text, "Hamburg\n")
    assert "agenda table" in error.problem


def test_columns_wrapped_side_by_side_are_read_by_their_positions(tmp_path: Path) -> None:
    """Title and applicant columns wrapped side by side, apart by runs of spaces: the
    document layer places each piece of a continuation line in its column."""
    agenda = "\n".join(
        [
            "TOP  Thema  Antragsteller",
            FIRST_ROWS,
            "4.2  Modifizierung der Wohnsitzauflage in  <u>Berlin</u> (koordinierend),",
            "     Regionen mit stark angespanntem       <u>Hamburg</u>",
            "     Wohnungsmarkt",
        ]
    )
    minutes = parse(tmp_path, document(agenda))
    assert item(minutes, "4.2").title == (
        "Modifizierung der Wohnsitzauflage in Regionen mit stark angespanntem Wohnungsmarkt"
    )
    assert applicants(minutes, "4.2") == [("DE-BE", True, True), ("DE-HH", False, True)]


def test_title_text_after_a_wrapped_applicant_list_is_an_error(tmp_path: Path) -> None:
    """Two columns wrapped side by side, their runs of spaces collapsed by the converter:
    "… in Berlin (koordinierend)," / "Regionen mit … Hamburg" cannot be told apart into
    title and applicants."""
    agenda = "\n".join(
        [
            "TOP Thema Antragsteller",
            FIRST_ROWS,
            "4.2 Modifizierung der Wohnsitzauflage in <u>Berlin</u> (koordinierend),",
            "Regionen mit stark angespanntem <u>Hamburg</u>",
            "Wohnungsmarkt",
        ]
    )
    text = document(agenda)
    error = source_error(tmp_path, text)
    assert error.line == line_of(text, "Regionen")
    assert "title and applicant columns" in error.problem

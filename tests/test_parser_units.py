"""The parser's tricky cases, one at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

from mapping.applicants import parse_applicants, split_title_and_applicants
from mapping.errors import SourceError
from mapping.model import LineRange, Margin, RequestKind
from mapping.parse_body import parse_body
from mapping.parse_document import parse_file
from mapping.requests import find_request
from mapping.source import Line, clean_residue, group_blocks, page_header_lines
from mapping.text import join_lines, split_sentences
from tests.conftest import SEED

LINES = LineRange(1, 1)


def lines_of(text: str) -> list[Line]:
    """Lines as the source reader gives them (residue removed, headers blanked)."""
    raw = [clean_residue(line) for line in text.split("\n")]
    headers = page_header_lines(raw)
    return [Line(n, "" if n in headers else line) for n, line in enumerate(raw, start=1)]


# hyphenation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wrapped", "joined"),
    [
        (
            ["Antragsteller: Baden-Württemberg, Berlin, Branden-", "burg, Bremen"],
            "Antragsteller: Baden-Württemberg, Berlin, Brandenburg, Bremen",
        ),
        (
            ["Hamburg, Mecklenburg-", "Vorpommern, Niedersachsen"],
            "Hamburg, Mecklenburg-Vorpommern, Niedersachsen",
        ),
        (["Niedersachsen, Nord-", "rhein-Westfalen"], "Niedersachsen, Nordrhein-Westfalen"),
        (["des Bund-", "Länder-Integrationsbarometers"], "des Bund-Länder-Integrationsbarometers"),
        (["aus anderen Kriegs-", "und Krisengebieten"], "aus anderen Kriegs- und Krisengebieten"),
        (["Roma in", "Deutschland"], "Roma in Deutschland"),
    ],
)
def test_hyphenation_across_lines(wrapped: list[str], joined: str) -> None:
    assert join_lines(wrapped) == joined


def test_sentences_do_not_end_at_numbers_or_abbreviations() -> None:
    text = (
        "Die IntMK bittet die Bundesregierung zu prüfen, wie der Zugang, z. B. Leistungen, "
        "gestaltet wird. Der Beschluss vom 7. April 2022 gilt. Die 20. IntMK 2025 folgt."
    )
    assert split_sentences(text) == [
        "Die IntMK bittet die Bundesregierung zu prüfen, wie der Zugang, z. B. Leistungen, "
        "gestaltet wird.",
        "Der Beschluss vom 7. April 2022 gilt.",
        "Die 20. IntMK 2025 folgt.",
    ]


# page headers -----------------------------------------------------------------------------


def test_page_headers_are_removed_even_inside_a_paragraph() -> None:
    """Headers that occur once are known as echoes of the document's title."""
    title = (
        "Externe Niederschrift\n"
        "über die Beschlüsse der Hauptkonferenz der 18. IntMK 2023\n"
        "26./ 27. April 2023 in Wiesbaden\n"
        "\n"
        "\n"
    )
    text = title + (
        "1. Die Länder ersuchen\n"
        "\n"
        "18. Integrationsminister*innenkonferenz 2023\n"
        "\n"
        "Hauptkonferenz am 26./ 27. April 2023 in Wiesbaden\n"
        "\n"
        "ihrerseits den Bund, die Zusammenarbeit fortzuführen.\n"
        "2. Die Integra-\n"
        "\n"
        "**Hauptkonferenz\n"
        "der 18. IntMK 2023\n"
        "26./ 27. April 2023 in Wiesbaden**\n"
        "\n"
        "tion gelingt."
    )
    body = lines_of(text)[5:]
    paragraphs = parse_body(group_blocks(body))
    assert [(p.number, p.text) for p in paragraphs] == [
        (1, "Die Länder ersuchen ihrerseits den Bund, die Zusammenarbeit fortzuführen."),
        (2, "Die Integration gelingt."),
    ]
    assert (paragraphs[0].lines.first, paragraphs[0].lines.last) == (6, 12)


def test_residue_is_removed() -> None:
    assert clean_residue("<p>**Antragsteller: Berlin,**</p>") == "Antragsteller: Berlin,"
    assert clean_residue("4.7\t<p>Schutz  von LSBTIQ*</p>") == "4.7\tSchutz von LSBTIQ*"


def test_a_short_line_without_punctuation_is_a_heading_not_a_page_break() -> None:
    text = "Erster Absatz endet hier.\n\nRespektvolles Zusammenleben\n\nObwohl der Grundsatz gilt."
    paragraphs = parse_body(group_blocks(lines_of(text)))
    assert [(p.text, p.is_heading) for p in paragraphs] == [
        ("Erster Absatz endet hier.", False),
        ("Respektvolles Zusammenleben", True),
        ("Obwohl der Grundsatz gilt.", False),
    ]


def test_a_number_out_of_sequence_is_not_a_paragraph_number() -> None:
    text = "1. Erster Absatz.\n29. Mai 1993 war ein Datum.\n2. Zweiter Absatz."
    paragraphs = parse_body(group_blocks(lines_of(text)))
    assert [p.number for p in paragraphs] == [1, None, 2]


# wrapped text extracted from a PDF ------------------------------------------------------

# a paragraph as pdftotext gives it: wrapped at the column, no blank lines. Full lines of
# one column differ by a fifth in characters (wide and narrow letters; a justified line's
# widened spaces collapse to one), so a line short in characters may be full in print.
WRAPPED_BEFORE = [
    "Die Länder stellen fest, dass die Beratungsangebote für zugewanderte Menschen in den",
    "Kommunen sehr unterschiedlich ausgestattet sind und dass die Nachfrage nach ihnen seit",
    "dem vergangenen Jahr deutlich gestiegen ist. Sie bitten deshalb die Bundesregierung,",
    "die Mittel für die Migrationsberatung für erwachsene Zugewanderte zu verstetigen und",
    "die Förderrichtlinien so zu fassen, dass auch kleinere Träger Anträge stellen können,",
    "wenn sie mit Kommunen oder Wohlfahrtsverbänden vor Ort in einem Verbund arbeiten,",
]
WRAPPED_AFTER = [
    "Zugleich sollen die Berichtspflichten der Träger vereinfacht und vereinheitlicht werden,",
    "damit die Beratung selbst mehr Zeit erhält, viel weniger Aufwand in die Formulare fließt.",
]
# sentence-ending lines a PDF may print full: 0.85 to 0.92 of a typical line in characters
# (the median of the long lines, 84), 0.9 to 0.97 of the widest (89) with the next word
FULL_IN_PRINT = [
    "denn die Beratungsstellen arbeiten mit großem Einsatz und mit Qualität.",
    "denn die Beratungsstellen arbeiten mit großem Einsatz und hoher Qualität.",
    "denn die Beratungsstellen arbeiten mit großem Einsatz und mit hoher Qualität.",
]
# a row of a table joined into one long line: the widest line is no measure
OUTLIER = "Tabelle 1: Beratungsfälle 2021 2022 2023 " + "1.234 " * 12


@pytest.mark.parametrize("line", FULL_IN_PRINT)
@pytest.mark.parametrize("outlier", [False, True])
def test_a_sentence_end_on_a_line_full_in_print_is_undecidable(line: str, outlier: bool) -> None:
    """Short in characters, yet maybe full in print: the next capitalised line may go on
    with the paragraph or start one; that is an error naming the line, never a guess."""
    lines = [*WRAPPED_BEFORE, line, *WRAPPED_AFTER] + ([OUTLIER] if outlier else [])
    with pytest.raises(SourceError) as error:
        parse_body(group_blocks(lines_of("\n".join(lines))))
    assert error.value.line == len(WRAPPED_BEFORE) + 2
    assert "cannot be told whether 'Zugleich sollen" in error.value.problem


@pytest.mark.parametrize(
    "line", ["denn sie wirkt.", "denn die Beratungsstellen arbeiten mit großem Einsatz."]
)
def test_a_sentence_end_on_a_clearly_short_line_ends_the_paragraph(line: str) -> None:
    lines = [*WRAPPED_BEFORE, line, *WRAPPED_AFTER]
    paragraphs = parse_body(group_blocks(lines_of("\n".join(lines))))
    assert [p.text.split()[0] for p in paragraphs] == ["Die", "Zugleich"]
    assert paragraphs[0].text.endswith(line)


@pytest.mark.parametrize(
    ("end", "start"),
    [
        ("beauftragt weiter das Vorsitzland der LAG (z. Z.", "Hessen) mit dem Bescheid."),
        ("die Förderung (Stand: Mai 2023. Eine Anpassung folgt.", "Siehe Anlage) läuft weiter."),
        ("die Beratung (vgl. den Bericht der LAG.", "Kapitel 3) wird fortgesetzt."),
    ],
)
def test_a_sentence_never_ends_inside_an_open_bracket(end: str, start: str) -> None:
    lines = [*WRAPPED_BEFORE, end, start]
    paragraphs = parse_body(group_blocks(lines_of("\n".join(lines))))
    assert len(paragraphs) == 1
    assert paragraphs[0].text.endswith(f"{end} {start}")


def test_a_short_resolution_is_measured_with_the_whole_document() -> None:
    """A converter wraps every page at one width: a resolution of three lines, one a full
    line ending a sentence, is as undecidable as in a long one (its own three lines are no
    evidence of wrapping, and were read as two paragraphs)."""
    from mapping.parse_document import read_sections, unique_sections

    text = "\n".join(
        [
            "TOP 1",
            "Migrationsberatung verstetigen",
            "Antragsteller: Berlin",
            "",
            "Die IntMK hat einstimmig beschlossen:",
            "",
            *WRAPPED_BEFORE,
            *WRAPPED_AFTER,
            "",
            "TOP 2",
            "Sprachkurse ausbauen",
            "Antragsteller: Hamburg",
            "",
            "Die IntMK hat einstimmig beschlossen:",
            "",
            "Die Länder bitten den Bund, die Förderung der Sprachkurse für Zugewanderte auszubauen",
            "und die Mittel dafür im Haushalt des kommenden Jahres verlässlich bereitzustellen.",
            "Sie schaffen damit Planungssicherheit für die Träger der Kurse.",
        ]
    )
    sections = unique_sections(lines_of(text), Path("wrapped.txt"))
    with pytest.raises(SourceError) as error:
        read_sections(sections, 18, Path("wrapped.txt"), lenient=False)
    assert (
        error.value.line
        == text.split("\n").index("Sie schaffen damit Planungssicherheit für die Träger der Kurse.")
        + 1
    )
    assert "cannot be told whether 'Sie schaffen damit" in error.value.problem


# applicants -------------------------------------------------------------------------------


def test_applicant_list_running_into_the_title() -> None:
    title, applicants = split_title_and_applicants(
        "7. Bericht der LAG „Indikatorenentwicklung und Monitoring“ zum Integrationsmonitoring "
        "der Länder Hessen"
    )
    assert title == (
        "7. Bericht der LAG „Indikatorenentwicklung und Monitoring“ zum "
        "Integrationsmonitoring der Länder"
    )
    assert applicants == "Hessen"


def test_a_land_after_a_preposition_stays_in_the_title() -> None:
    title, applicants = split_title_and_applicants("Erfahrungen aus Hessen Hamburg, Bremen")
    assert (title, applicants) == ("Erfahrungen aus Hessen", "Hamburg, Bremen")


def test_underlined_coordinating_and_missing_comma() -> None:
    parsed = parse_applicants(
        "<u>Baden-Württemberg</u> (koordinierend), <u>Berlin</u>, "
        "Bremen <u>Mecklenburg-Vorpommern</u>",
        LINES,
        "x.txt",
    )
    assert [(e.land, e.coordinating, e.highlighted) for e in parsed.entries] == [
        ("DE-BW", True, True),
        ("DE-BE", False, True),
        ("DE-HB", False, False),
        ("DE-MV", False, True),
    ]
    assert (
        parsed.stated_as
        == "Baden-Württemberg (koordinierend), Berlin, Bremen Mecklenburg-Vorpommern"
    )


def test_sachsen_anhalt_is_not_sachsen() -> None:
    parsed = parse_applicants("Sachsen-Anhalt, Sachsen", LINES, "x.txt")
    assert parsed.codes == ("DE-ST", "DE-SN")


def test_alle_laender() -> None:
    parsed = parse_applicants("Alle Länder", LINES, "x.txt")
    assert parsed.all_laender and len(parsed.codes) == 16


def test_an_unknown_land_is_an_error_naming_file_and_line() -> None:
    with pytest.raises(SourceError) as error:
        parse_applicants("Berlin, Atlantis, Bremen", LineRange(12, 12), Path("minutes.txt"))
    message = str(error.value)
    assert message.startswith("minutes.txt:12: unknown Land name 'Atlantis'")
    assert "expected one of the 16 Länder" in message


# requests ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "addressees", "action"),
    [
        (
            "Die IntMK bittet daher das BMI zu prüfen, wie eine Regelung geschaffen werden kann.",
            RequestKind.PRUEFBITTE,
            ("bmi",),
            "zu prüfen, wie eine Regelung geschaffen werden kann",
        ),
        (
            "Ferner fordern die Länder den Bund auf, eine Finanzierung sicherzustellen.",
            RequestKind.AUFFORDERUNG,
            ("bund",),
            "eine Finanzierung sicherzustellen",
        ),
        (
            "Die IntMK appelliert an Bund und Länder, Strukturen zu schaffen.",
            RequestKind.APPELL,
            ("bund", "laender"),
            "Strukturen zu schaffen",
        ),
        (
            "Die Länder ersuchen ihrerseits den Bund, die Zusammenarbeit fortzuführen.",
            RequestKind.ERSUCHEN,
            ("bund",),
            "die Zusammenarbeit fortzuführen",
        ),
        (
            "Die IntMK bekräftigt ihre Forderung und bittet den Bund um Kostenübernahme.",
            RequestKind.BITTE,
            ("bund",),
            "um Kostenübernahme",
        ),
        (
            "Sie nehmen dies zum Anlass den Bund zu bitten, einen Regelansatz zu entwickeln.",
            RequestKind.BITTE,
            ("bund",),
            "einen Regelansatz zu entwickeln",
        ),
        (
            "Die Geschäftsstelle der IntMK wird gebeten, die KMK zu informieren.",
            RequestKind.BITTE,
            ("intmk-geschaeftsstelle",),
            "die KMK zu informieren",
        ),
    ],
)
def test_request_sentences(
    sentence: str, kind: RequestKind, addressees: tuple[str, ...], action: str
) -> None:
    found = find_request(sentence, ())
    assert found is not None
    assert (found.kind, found.addressees, found.action) == (kind, addressees, action)


def test_a_demand_without_addressee_is_a_request_to_no_one_named() -> None:
    # issue 15, point 2: a Forderung with no addressee is published, its addressee implicit
    found = find_request("Die IntMK fordert einen leichteren Zugang zu Sprachkursen.", ())
    assert found is not None
    assert (found.kind, found.addressees, found.implicit, found.action) == (
        RequestKind.FORDERUNG,
        (),
        True,
        "einen leichteren Zugang zu Sprachkursen",
    )


def test_a_passive_request_takes_the_addressee_before_it() -> None:
    found = find_request(
        "Es wird insbesondere darum gebeten, frühzeitig zu informieren.", ("bund",)
    )
    assert found is not None and found.addressees == ("bund",) and found.implicit


HEADER = (
    "18. Integrationsministerkonferenz 2023\n\nHauptkonferenz am 26./ 27. April 2023 in Wiesbaden"
)
APPLICANTS_13 = "**Antragsteller: Brandenburg, Berlin, Hamburg, Hessen,\nMecklenburg-Vorpommern**\n"


def test_a_page_break_inside_an_applicant_list_loses_no_land(tmp_path: Path) -> None:
    """The page header fell between 'Hessen,' and 'Mecklenburg-Vorpommern**': the list
    goes on after it (before, MV was dropped and the vote read as 'noted', silently)."""
    text = SEED.read_text(encoding="utf-8")
    broken = APPLICANTS_13.replace(",\nMeck", f",\n\n{HEADER}\n\nMeck")
    assert APPLICANTS_13 in text
    path = tmp_path / "minutes.txt"
    path.write_text(text.replace(APPLICANTS_13, broken), encoding="utf-8")
    resolution = next(r for r in parse_file(path).resolutions if r.top == "1.3")
    assert resolution.applicants is not None
    lands = [entry.land for entry in resolution.applicants.entries]
    assert lands == ["DE-BB", "DE-BE", "DE-HH", "DE-HE", "DE-MV"]
    assert resolution.vote.margin is Margin.UNANIMOUS


def test_blocks_join_across_a_page_break_only_when_unfinished() -> None:
    header = Line(3, "", page_header=True)
    unfinished = [Line(1, "Antragsteller: Hessen,"), Line(2, ""), header, Line(4, "Bayern")]
    assert [b.texts for b in group_blocks(unfinished)] == [["Antragsteller: Hessen,", "Bayern"]]
    finished = [Line(1, "Antragsteller: Hessen"), Line(2, ""), header, Line(4, "Bayern")]
    assert len(group_blocks(finished)) == 2
    plain_gap = [Line(1, "Antragsteller: Hessen,"), Line(2, ""), Line(3, "Bayern")]
    assert len(group_blocks(plain_gap)) == 2, "only a page break joins"


def test_a_vote_sentence_inside_the_text_is_an_error(tmp_path: Path) -> None:
    """Something between the applicants and the vote sentence: the vote would be lost in
    the text and the outcome guessed from it; it is an error instead."""
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / "minutes.txt"
    path.write_text(text.replace(APPLICANTS_13, APPLICANTS_13 + "\nEine Zeile\n"), "utf-8")
    with pytest.raises(SourceError) as error:
        parse_file(path)
    assert str(error.value) == (
        f"{path}:351: a vote sentence inside the text of TOP 1.3: 'Die IntMK hat einstimmig "
        "beschlossen:' (expected the vote sentence right after the title and the applicants)"
    )

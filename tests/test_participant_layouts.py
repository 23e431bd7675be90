"""Participant lists and resolution sections in the layouts the PDF conversion makes of them.

Each test writes a small but complete minutes text and parses it through parse_file: a
delegation broken by a page, persons with remarks in brackets, lists and resolutions
without a single blank line (some PDF text extractors emit none), TOP headings with a
mark ("TOP 2.4 (GL)", "TOP 5 (neu)"), and person lines that cannot be read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mapping.errors import SourceError
from mapping.model import Delegation, Minutes, Resolution
from mapping.parse_document import enrich, parse_file
from mapping.parse_participants import parse_participants
from mapping.parse_resolutions import (
    heading_mark,
    marks_green_list,
    parse_resolution,
    split_sections,
)
from mapping.source import Block, Line, group_blocks, read_source
from tests.conftest import SEED
from tests.facts import describe, facts, project

PAGE_HEADER = "Hauptkonferenz\nder 19. IntMK 2024\n18./ 19. April 2024 in Potsdam"

AGENDA = """Tagesordnung der Hauptkonferenz der 19. IntMK 2024

TOP\tThema
A\tGenehmigung der Tagesordnung Brandenburg
1.1\tKommunale Integrationszentren stärken Brandenburg, Bayern"""

SECTIONS = """TOP A

Genehmigung der Tagesordnung

Antragsteller: Brandenburg

Die IntMK hat einstimmig beschlossen:

Die Tagesordnung wird in vorliegender Fassung beschlossen.

TOP 1.1

Kommunale Integrationszentren stärken

Antragsteller: Brandenburg, Bayern

Die IntMK hat einstimmig beschlossen:

Die IntMK bittet den Bund, die kommunalen Integrationszentren zu fördern."""


def minutes_text(participants: str, sections: str = SECTIONS, agenda: str = AGENDA) -> str:
    """A complete minutes text around a participant list and resolution sections."""
    return (
        "Externe Niederschrift\n"
        "über die Beschlüsse der Hauptkonferenz der 19. IntMK 2024\n"
        "18./ 19. April 2024 in Potsdam\n\n"
        f"Liste der Teilnehmenden\n\n{participants}\n\n{agenda}\n\n{sections}\n"
    )


def parse(tmp_path: Path, text: str, name: str = "minutes.txt") -> Minutes:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path)


def persons(delegation: Delegation) -> list[tuple[int, str, str | None, bool, str | None]]:
    return [(p.position, p.name, p.role_title, p.is_chair, p.remark) for p in delegation.persons]


def without_blank_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip()) + "\n"


# 1. a delegation broken by a page ------------------------------------------------------

PAGE_BROKEN = [
    (
        "Land Brandenburg\n\nMinisterium für Soziales, Gesundheit, Integration und "
        "Verbraucherschutz\n\nFrau Ministerin Ursula Nonnemacher (Vorsitz)\nHerr Rainer "
        f"Liesegang\n\n\n\n{PAGE_HEADER}\n\n\n\nFrau Dr. Anna Beispiel\nHerr Jonas Muster",
        "DE-BB",
        ["Ursula Nonnemacher", "Rainer Liesegang", "Anna Beispiel", "Jonas Muster"],
    ),
    (
        "Freistaat Bayern\n\nBayerisches Staatsministerium des Innern, für Sport und "
        f"Integration\n\nHerr Staatssekretär Sandro Kirchner\n\n{PAGE_HEADER}\n\n"
        "Frau Dr. Heike Jung\nHerr Alexander Buchmann\nFrau Petra Lang",
        "DE-BY",
        ["Sandro Kirchner", "Heike Jung", "Alexander Buchmann", "Petra Lang"],
    ),
    (
        "Hessen\n\nHessisches Ministerium für Soziales und Integration\n\n"
        f"Herr Minister Kai Klose\nHerr Dr. Stephan Hölz\n\n{PAGE_HEADER}\n\nHerr Ralf Pillok\n"
        "IntMK-Geschäftsstelle",
        "DE-HE",
        ["Kai Klose", "Stephan Hölz", "Ralf Pillok"],
    ),
]


@pytest.mark.parametrize(("participants", "land", "names"), PAGE_BROKEN)
def test_a_delegation_broken_by_a_page_stays_one(
    tmp_path: Path, participants: str, land: str, names: list[str]
) -> None:
    minutes = parse(tmp_path, minutes_text(participants))
    assert [d.land for d in minutes.delegations] == [land]
    delegation = minutes.delegations[0]
    assert [p.name for p in delegation.persons] == names
    assert [p.position for p in delegation.persons] == list(range(1, len(names) + 1))
    assert delegation.lines.last == delegation.persons[-1].lines.last or (
        delegation.extra_organisations == ("IntMK-Geschäftsstelle",)
    )


def test_a_page_break_between_two_delegations_and_among_the_guests(tmp_path: Path) -> None:
    participants = (
        "Saarland\n\nMinisterium für Arbeit, Soziales, Frauen und Gesundheit\n\n"
        f"Frau Staatssekretärin Bettina Altesleben\n\n{PAGE_HEADER}\n\nSachsen\n\n"
        "Sächsisches Staatsministerium für Soziales und Gesellschaftlichen Zusammenhalt\n\n"
        "Frau Staatsministerin Petra Köpping\n\nGäste\n\n"
        "Bundesministerium des Innern und für Heimat\n\nFrau Staatssekretärin Juliane Seifert\n"
        f"Herr Jörn Thießen\n\n{PAGE_HEADER}\n\nFrau Nadia Rouhani\n\n"
        "Bundesamt für Migration und Flüchtlinge\n\nHerr Vizepräsident Dr. Michael Griesbeck"
    )
    minutes = parse(tmp_path, minutes_text(participants))
    assert [
        (d.land, d.organisations[0][:20], [p.name for p in d.persons]) for d in minutes.delegations
    ] == [
        ("DE-SL", "Ministerium für Arbe", ["Bettina Altesleben"]),
        ("DE-SN", "Sächsisches Staatsmi", ["Petra Köpping"]),
        (None, "Bundesministerium de", ["Juliane Seifert", "Jörn Thießen", "Nadia Rouhani"]),
        (None, "Bundesamt für Migrat", ["Michael Griesbeck"]),
    ]


# 2. remarks in brackets ----------------------------------------------------------------

REMARKS = [
    ("Herr Dr. Max Muster (ab TOP 5)", ("Max Muster", "Herr", "Dr.", None, False, "ab TOP 5")),
    ("Frau Anna Beispiel (zeitweise)", ("Anna Beispiel", "Frau", None, None, False, "zeitweise")),
    ("Herr Minister Kai Klose (Vorsitz)", ("Kai Klose", "Herr", None, "Minister", True, None)),
    (
        "Frau Staatssekretärin Prof. Dr. Ute Leidig (Vorsitz) (bis TOP 3)",
        ("Ute Leidig", "Frau", "Prof. Dr.", "Staatssekretärin", True, "bis TOP 3"),
    ),
    (
        "Herr Jonas Wysny (Protokoll) (ab 14 Uhr)",
        ("Jonas Wysny", "Herr", None, None, False, "Protokoll; ab 14 Uhr"),
    ),
    (
        "Frau Emily Hesfehr (ab TOP 4 (nachmittags))",
        ("Emily Hesfehr", "Frau", None, None, False, "ab TOP 4 (nachmittags)"),
    ),
    ("Romina Hönle (Gast)", ("Romina Hönle", None, None, None, False, "Gast")),
]


@pytest.mark.parametrize(("line", "expected"), REMARKS)
def test_a_remark_in_brackets_is_data_on_the_person(
    tmp_path: Path, line: str, expected: tuple[object, ...]
) -> None:
    participants = (
        "Nordrhein-Westfalen\n\nMinisterium für Kinder, Jugend, Familie, Gleichstellung, "
        f"Flucht und Integration\n\nFrau Ministerin Josefine Paul\n{line}\nHerr Dr. Bernhard Santel"
    )
    minutes = parse(tmp_path, minutes_text(participants))
    person = minutes.delegations[0].persons[1]
    found = (
        person.name,
        person.form_of_address,
        person.honorific,
        person.role_title,
        person.is_chair,
        person.remark,
    )
    assert found == expected
    assert [p.position for p in minutes.delegations[0].persons] == [1, 2, 3]


def test_the_remark_reaches_the_graph_as_a_comment_on_the_participation(tmp_path: Path) -> None:
    from rdflib import Literal
    from rdflib.namespace import RDFS

    from mapping.emit import MinutesEmitter
    from mapping.uris import Uris
    from tests.conftest import BASE

    participants = (
        "Bremen\n\nSenatorin für Soziales, Jugend, Integration und Sport\n\n"
        "Frau Senatorin Anja Stahmann (ab TOP 1.1)\nFrau Nadezhda Milanova"
    )
    minutes = parse(tmp_path, minutes_text(participants))
    graph = MinutesEmitter(minutes, Uris(BASE), {}).graph()
    comments = [o for s, o in graph.subject_objects(RDFS.comment) if "participation" in str(s)]
    assert comments == [Literal("ab TOP 1.1", lang="de")]


# 3. no blank lines ---------------------------------------------------------------------

DENSE_LISTS = [
    "Baden-Württemberg\nMinisterium für Soziales, Gesundheit und Integration\n"
    "Frau Staatssekretärin Dr. Ute Leidig\nHerr Daniel Wilczek\n"
    "Freie Hansestadt Bremen\nSenatorin für Soziales, Jugend, Integration und Sport\n"
    "Frau Senatorin Anja Stahmann (Vorsitz)\n"
    "Thüringen\nMinisterium für Migration, Justiz und Verbraucherschutz\n"
    "Ministerin Doreen Denstädt\nWiebke Freya Ludwig\nRomina Hönle",
    "Land Schleswig-Holstein\nMinisterium für Soziales, Jugend, Familie, Senioren, Integration "
    "und\nGleichstellung\nFrau Ministerin Aminata Touré\nHerr Norbert Scharbach (zeitweise)\n"
    "Hessen\nHessisches Ministerium für Soziales und Integration\nHerr Minister Kai Klose\n"
    "Herr Ralf Pillok\nIntMK-Geschäftsstelle\nGäste\n"
    "Die Beauftragte der Bundesregierung für Migration, Flüchtlinge und Integration\n"
    "Die Beauftragte der Bundesregierung für Antirassismus\n(Bundeskanzleramt)\n"
    "Herr Volker Meier\nFrau Dr. Sabine Eilert-Blanc\n"
    "Beauftragter der Bundesregierung gegen Antiziganismus und für das Leben der Sinti und "
    "Roma in\nDeutschland\nHerr Dr. Mehmet Daimagüler\nBundesagentur für Arbeit\n"
    "Herr Michael van der Cammen",
    "Mecklenburg-Vorp.\nMinisterium für Soziales, Gesundheit und Sport\n"
    "Frau Ministerin Stefanie Drese\nFrau Barbara Kartzewski\nNRW\n"
    "Ministerium für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration\n"
    "Frau Ministerin Josefine Paul\nGäste\nBundesministerium für Arbeit und Soziales\n"
    "Herr Fabian Langenbruch\nHerr Sylvio Kelm\nBundesamt für Migration und Flüchtlinge\n"
    "Herr Vizepräsident Dr. Michael Griesbeck",
]


def spaced(dense: str) -> str:
    """The same list with the blank lines a converter with blank lines makes."""
    out: list[str] = []
    lines = dense.split("\n")
    for index, line in enumerate(lines):
        before = lines[index - 1] if index else ""
        same_group = (
            (
                line.startswith(("Frau ", "Herr ", "Ministerin ", "Wiebke", "Romina", "IntMK-"))
                and before.startswith(("Frau ", "Herr ", "Ministerin ", "Wiebke", "Romina"))
            )
            or line.startswith("(")
            or line in ("Gleichstellung", "Deutschland")
            or line.startswith("Die Beauftragte der Bundesregierung für Antirassismus")
        )
        out.extend([line] if same_group or not index else ["", line])
    return "\n".join(out)


@pytest.mark.parametrize("dense", DENSE_LISTS)
def test_a_participant_list_without_blank_lines(tmp_path: Path, dense: str) -> None:
    with_blanks = parse(tmp_path, minutes_text(spaced(dense)), "spaced.txt")
    without = parse(tmp_path, minutes_text(dense), "dense.txt")
    expected, found = project(with_blanks.delegations), project(without.delegations)
    assert found == expected, describe({"d": expected}, {"d": found})


def test_the_dense_lists_read_as_written(tmp_path: Path) -> None:
    first = parse(tmp_path, minutes_text(DENSE_LISTS[0])).delegations
    assert [(d.land, persons(d)) for d in first] == [
        (
            "DE-BW",
            [
                (1, "Ute Leidig", "Staatssekretärin", False, None),
                (2, "Daniel Wilczek", None, False, None),
            ],
        ),
        ("DE-HB", [(1, "Anja Stahmann", "Senatorin", True, None)]),
        (
            "DE-TH",
            [
                (1, "Doreen Denstädt", "Ministerin", False, None),
                (2, "Wiebke Freya Ludwig", None, False, None),
                (3, "Romina Hönle", None, False, None),
            ],
        ),
    ]
    assert first[1].organisations == ("Senatorin für Soziales, Jugend, Integration und Sport",)
    second = parse(tmp_path, minutes_text(DENSE_LISTS[1])).delegations
    assert second[0].organisations == (
        "Ministerium für Soziales, Jugend, Familie, Senioren, Integration und Gleichstellung",
    )
    assert second[0].persons[1].remark == "zeitweise"
    assert second[1].extra_organisations == ("IntMK-Geschäftsstelle",)
    assert [(d.organisations, d.parent_note, len(d.persons)) for d in second[2:]] == [
        (
            (
                "Die Beauftragte der Bundesregierung für Migration, Flüchtlinge und Integration",
                "Die Beauftragte der Bundesregierung für Antirassismus",
            ),
            "Bundeskanzleramt",
            2,
        ),
        (
            (
                "Beauftragter der Bundesregierung gegen Antiziganismus und für das Leben der "
                "Sinti und Roma in Deutschland",
            ),
            None,
            1,
        ),
        (("Bundesagentur für Arbeit",), None, 1),
    ]


DENSE_SECTIONS = [
    # title wrapped, applicants wrapped without a comma, numbered paragraphs, a bullet list
    """TOP 1.1
Kommunale Integrationszentren
stärken und verstetigen
Antragsteller: Brandenburg, Bayern, Berlin,
Hamburg
Sachsen
Die IntMK hat einstimmig beschlossen:
1. Die IntMK bittet den Bund, die kommunalen Integrationszentren zu fördern.
2. Sie stellt fest, dass die Zentren
- die Beratung vor Ort bündeln,
- die Ehrenamtlichen unterstützen und
- die Kommunen entlasten.
3. Die Länder berichten der 20. IntMK 2025.""",
    # a sub-heading between unnumbered paragraphs, a report noted without vote sentence
    """TOP 1.1
Leitantrag: Vielfalt leben
Antragsteller: Alle Länder
Die IntMK hat mehrheitlich beschlossen:
Alle Menschen sind gleichwertig. Die IntMK bekennt sich zu einer Gesellschaft der Vielfalt.
Respektvolles Zusammenleben
Obwohl der Gleichheitsgrundsatz gilt, erleben viele Menschen Rassismus im Alltag.
Die IntMK bittet den Bund, die Beratungsstellen gegen Diskriminierung dauerhaft zu fördern.""",
    # header fields, Beschluss:, a Protokollerklärung
    """TOP 1.1
Sprachkurse für Geflüchtete
Antragsteller: Berlin, Bremen
Veröffentlichung: Freigabe Beschluss
Abstimmungsergebnis: 13:1:2
Beschluss:
1. Die IntMK bittet den Bund, das Angebot an Sprachkursen für Geflüchtete auszubauen.
2. Die Länder berichten der 20. IntMK 2025 über ihre Angebote.
Protokollerklärung Bayern:
Bayern hält einen weiteren Ausbau der Sprachkurse derzeit nicht für vorrangig.""",
    # no applicants field, no vote sentence: a text that notes reports, bullets before its end
    """TOP 1.1
Bericht des Bundes
Die für Integration zuständigen Ministerinnen und Minister der Länder nehmen die Berichte
- 1. des Bundesministeriums des Innern und für Heimat
- 2. des Bundesamtes für Migration und Flüchtlinge
zur Kenntnis.""",
]


def spaced_section(dense: str) -> str:
    """The section as a converter with blank lines writes it."""
    blocks: list[list[str]] = []
    for line in dense.split("\n"):
        joins = (
            blocks
            and (
                line[:1].islower()
                or line.startswith(("- ", "Veröffentlichung", "Abstimmungsergebnis", "Hamburg"))
                or line == "Sachsen"
                or (line[:2] in ("2.", "3.") and blocks[-1][-1][:2] in ("1.", "2."))
                or line.startswith("3. Die Länder")
            )
            and line != "zur Kenntnis."
        )
        if joins:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return "\n\n".join("\n".join(block) for block in blocks)


def section_resolution(tmp_path: Path, section: str, name: str) -> Resolution:
    agenda = AGENDA.replace(
        "1.1\tKommunale Integrationszentren stärken Brandenburg, Bayern", "1.1\tThema Berlin"
    )
    text = minutes_text(
        PAGE_BROKEN[1][0], SECTIONS.split("\n\nTOP 1.1")[0] + "\n\n" + section, agenda
    )
    minutes = parse(tmp_path, text, name)
    return next(r for r in minutes.resolutions if r.top == "1.1")


@pytest.mark.parametrize("dense", DENSE_SECTIONS)
def test_a_resolution_without_blank_lines(tmp_path: Path, dense: str) -> None:
    expected = project(section_resolution(tmp_path, spaced_section(dense), "spaced.txt"))
    found = project(section_resolution(tmp_path, dense, "dense.txt"))
    assert found == expected, describe({"r": expected}, {"r": found})


def test_the_dense_sections_read_as_written(tmp_path: Path) -> None:
    first = section_resolution(tmp_path, DENSE_SECTIONS[0], "a.txt")
    assert first.title == "Kommunale Integrationszentren stärken und verstetigen"
    assert first.applicants is not None
    assert first.applicants.codes == ("DE-BB", "DE-BY", "DE-BE", "DE-HH", "DE-SN")
    assert [(p.number, len(p.bullets)) for p in first.paragraphs] == [(1, 0), (2, 3), (3, 0)]
    second = section_resolution(tmp_path, DENSE_SECTIONS[1], "b.txt")
    assert [(p.text[:22], p.is_heading) for p in second.paragraphs] == [
        ("Alle Menschen sind gle", False),
        ("Respektvolles Zusammen", True),
        ("Obwohl der Gleichheits", False),
        ("Die IntMK bittet den B", False),
    ]
    third = section_resolution(tmp_path, DENSE_SECTIONS[2], "c.txt")
    assert [d.laender for d in third.declarations] == [("DE-BY",)]
    assert third.vote.counts is not None and third.vote.counts.yes == 13
    fourth = section_resolution(tmp_path, DENSE_SECTIONS[3], "d.txt")
    assert fourth.title == "Bericht des Bundes"
    assert [len(p.bullets) for p in fourth.paragraphs] == [2, 0]
    assert fourth.paragraphs[-1].text == "zur Kenntnis."


def test_a_break_that_cannot_be_told_is_an_error_naming_the_line(tmp_path: Path) -> None:
    section = (
        "TOP 1.1\nKurzer Titel\nAntragsteller: Berlin\nDie IntMK hat einstimmig beschlossen:\n"
        "Die Länder unterstützen die Beratung vor Ort\nBeratungsstellen sind wichtig."
    )
    with pytest.raises(SourceError) as error:
        section_resolution(tmp_path, section, "x.txt")
    assert "cannot be told" in error.value.problem
    assert "Beratungsstellen" in error.value.problem
    assert error.value.line is not None
    lines = (tmp_path / "x.txt").read_text().split("\n")
    assert lines[error.value.line - 1] == "Beratungsstellen sind wichtig."


def seed_lines_without_blanks() -> list[Line]:
    """The seed's lines as the grammar sees them (page furniture blanked), blank lines out."""
    return [line for line in read_source(SEED).lines if line.text or line.page_header]


def test_the_seed_without_blank_lines_gives_the_same_participants() -> None:
    original = parse_file(SEED)
    lines = seed_lines_without_blanks()
    start = next(i for i, line in enumerate(lines) if line.text == "Liste der Teilnehmenden")
    end = next(i for i, line in enumerate(lines) if line.text == "TOP A")
    by_page = group_blocks(lines[start:end])  # page breaks still separate blocks
    dense = [Block(tuple(line for line in lines[start:end] if line.text))]
    for given in (by_page, dense):
        delegations = parse_participants(given, SEED)
        assert project(delegations) == project(original.delegations)


def test_the_seed_without_blank_lines_gives_the_same_resolutions() -> None:
    original = parse_file(SEED)
    agenda = {r.top for r in original.resolutions}
    lines = seed_lines_without_blanks()
    tops = [line.number for line in lines if line.text.startswith("TOP\t")]
    agenda_table = range(tops[0] - 2, tops[0] + 50)
    sections = split_sections([line for line in lines if line.number not in agenda_table])
    found = [
        enrich(parse_resolution(top, heading, body, SEED), original.number)
        for top, heading, body in sections
    ]
    assert {r.top for r in found} == agenda
    for mine, theirs in zip(found, original.resolutions, strict=True):
        expected, got = project(theirs), project(mine)
        assert got == expected, f"TOP {mine.top}: " + describe({"r": expected}, {"r": got})


def test_the_whole_seed_without_blank_lines_gives_the_same_facts(tmp_path: Path) -> None:
    dense = without_blank_lines(SEED.read_text(encoding="utf-8"))
    expected = facts(parse_file(SEED))
    found = facts(parse(tmp_path, dense, SEED.name))
    assert found == expected, describe(expected, found)


# 4. TOP headings with a mark -----------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "top", "mark", "green"),
    [
        ("TOP 2.4 (GL)", "2.4", "GL", True),
        ("TOP 5 (neu)", "5", "neu", False),
        ("TOP: 11.2 (GL)", "11.2", "GL", True),
        ("TOP 7.4 (GL) Non-formale Kompetenzen nutzen", "7.4", "GL", True),
        ("TOP 3", "3", None, False),
    ],
)
def test_a_heading_with_a_mark(heading: str, top: str, mark: str | None, green: bool) -> None:
    sections = split_sections([Line(1, heading), Line(2, "Titel")])
    assert [s[0] for s in sections] == [top]
    assert heading_mark(heading) == mark
    assert marks_green_list(heading) is green


@pytest.mark.parametrize("mark", ["(GL)", "(neu)"])
def test_the_mark_is_never_part_of_the_title(tmp_path: Path, mark: str) -> None:
    sections = SECTIONS.replace("TOP 1.1\n", f"TOP 1.1 {mark}\n")
    minutes = parse(tmp_path, minutes_text(PAGE_BROKEN[0][0], sections))
    resolution = next(r for r in minutes.resolutions if r.top == "1.1")
    assert resolution.title == "Kommunale Integrationszentren stärken"
    inline = SECTIONS.replace("TOP 1.1\n\nKommunale", f"TOP 1.1 {mark} Kommunale")
    minutes = parse(tmp_path, minutes_text(PAGE_BROKEN[0][0], inline), "inline.txt")
    resolution = next(r for r in minutes.resolutions if r.top == "1.1")
    assert resolution.title == "Kommunale Integrationszentren stärken"


# 5. errors name the cause --------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "cause"),
    [
        ("Herr Max Muster (ab TOP 5", "a person line with brackets that are not remarks"),
        ("Frau (Maxi) Muster", "a person line with brackets that are not remarks"),
        ("Herr Dr. (Vorsitz)", "a person line without a name"),
        ("Frau Ministerin 123", "a person line without a name"),
        ("Referat 3 – Grundsatzfragen, 2. Etage", "in the participant list"),
    ],
)
def test_a_person_line_that_cannot_be_read_names_line_and_cause(
    tmp_path: Path, line: str, cause: str
) -> None:
    participants = (
        "Sachsen-Anhalt\n\nMinisterium für Arbeit, Soziales, Gesundheit und Gleichstellung\n\n"
        f"Frau Staatssekretärin Susi Möbbeck\n{line}"
    )
    text = minutes_text(participants)
    with pytest.raises(SourceError) as error:
        parse(tmp_path, text)
    assert cause in error.value.problem
    assert repr(line) in error.value.problem or f"'{line}'" in error.value.problem
    assert "expected" not in error.value.problem
    assert "Frau" in error.value.expected and "Vorsitz" in error.value.expected
    assert text.split("\n")[(error.value.line or 0) - 1] == line

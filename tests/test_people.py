"""People (issue 15, point 4): the role titles of the participant list as an open grammar,
kept apart from academic titles and names; several chair persons and the chair of the
Vorkonferenz; guests by their organisation.

The three fixtures tests/fixtures/layouts/teilnehmende_{2009,2015,2019}.txt word their
lists as other years do: long official ranks with qualifiers (2009), abbreviations without
a form of address (2015), the role after the name behind a comma (2019).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from bs4 import BeautifulSoup
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, RDFS, SH

from mapping.errors import SourceError
from mapping.model import Minutes
from mapping.parse_document import parse_file
from mapping.roles import PersonHead, read_head, starts_with_role
from mapping.uris import Uris
from server.examples import examples
from tests.conftest import BASE, CONCEPT, INTMK
from tests.fixture_builds import build_texts
from tests.server_process import serve

LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"
FIXTURES = {year: LAYOUTS / f"teilnehmende_{year}.txt" for year in ("2009", "2015", "2019")}

INTMK_NS = Namespace(INTMK)
OA_TARGET = URIRef("http://www.w3.org/ns/oa#hasTarget")
Row = tuple[str | None, str | None, str | None, str, bool, bool]


def rows(minutes: Minutes) -> list[tuple[str | None, list[Row]]]:
    """Per delegation its Land, then per person address, role, academic title, name, chair,
    chair of the Vorkonferenz."""
    return [
        (
            d.land or d.organisations[0],
            [
                (
                    p.form_of_address,
                    p.role_title,
                    p.honorific,
                    p.name,
                    p.is_chair,
                    p.preliminary_chair,
                )
                for p in d.persons
            ],
        )
        for d in minutes.delegations
    ]


# 1. the grammar rules, one by one ------------------------------------------------------

ROLE_WORDS = [
    # a word of a known stem, masculine and feminine
    ("Frau Staatssekretärin Wenke Christoph", "Staatssekretärin"),
    ("Herr Ministerialdirigent Heinz Probe", "Ministerialdirigent"),
    ("Frau Abteilungsleiterin Eva Muster", "Abteilungsleiterin"),
    ("Herr Referatsleiter Tim Probe", "Referatsleiter"),
    ("Frau Staatsrätin Petra Lotzkat", "Staatsrätin"),
    ("Herr Staatsrat Jan Muster", "Staatsrat"),
    ("Frau Bürgermeisterin Anna Test", "Bürgermeisterin"),
    ("Frau Senatorin Anja Stahmann", "Senatorin"),
    ("Herr Landesbeauftragter Kai Beispiel", "Landesbeauftragter"),
    ("Herr Regierungsdirektor Peter Muster", "Regierungsdirektor"),
]
QUALIFIED_ROLES = [
    ("Frau Leitende Ministerialrätin Anna Beispiel", "Leitende Ministerialrätin"),
    ("Herr Leitender Ministerialrat Uwe Probe", "Leitender Ministerialrat"),
    ("Herr Parlamentarischer Staatssekretär Ole Beispiel", "Parlamentarischer Staatssekretär"),
    ("Frau Stellvertretende Abteilungsleiterin Ina Test", "Stellvertretende Abteilungsleiterin"),
]
ABBREVIATED_ROLES = [
    ("StS Dieter Beispiel", "StS"),
    ("Frau StSin Eva Test", "StSin"),
    ("MinDirig Hanno Probe", "MinDirig"),
    ("Herr MR Karl Test", "MR"),
    ("RLin Ina Test", "RLin"),
]


@pytest.mark.parametrize(("head", "role"), ROLE_WORDS + QUALIFIED_ROLES + ABBREVIATED_ROLES)
def test_a_role_title_is_read_by_its_form(head: str, role: str) -> None:
    fields = read_head(head)
    assert fields.role_title == role
    assert fields.unread_role is None
    assert role not in fields.name and len(fields.name.split()) == 2


@pytest.mark.parametrize(
    ("head", "academic", "name"),
    [
        ("Frau Prof. Dr. Birgit Locher-Finke", "Prof. Dr.", "Birgit Locher-Finke"),
        ("Herr Prof. Dr. Dr. h. c. Karl Muster", "Prof. Dr. Dr. h. c.", "Karl Muster"),
        ("Frau Referatsleiterin Dipl.-Soz. Eva Probe", "Dipl.-Soz.", "Eva Probe"),
        ("Herr Dr.-Ing. Max Muster", "Dr.-Ing.", "Max Muster"),
        ("Herr Minister Dr. Andreas Philippi", "Dr.", "Andreas Philippi"),
    ],
)
def test_academic_titles_have_a_field_of_their_own(head: str, academic: str, name: str) -> None:
    fields = read_head(head)
    assert (fields.academic_title, fields.name) == (academic, name)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            "Herr Dr. Hans Muster, Referatsleiter",
            PersonHead("Herr", "Referatsleiter", "Dr.", "Hans Muster"),
        ),
        (
            "Frau Dr. Lena Probe, Abteilungsleiterin",
            PersonHead("Frau", "Abteilungsleiterin", "Dr.", "Lena Probe"),
        ),
        ("Herr Jonas Test, Referent", PersonHead("Herr", "Referent", None, "Jonas Test")),
    ],
)
def test_a_role_after_the_name_behind_a_comma(head: str, expected: PersonHead) -> None:
    assert read_head(head) == expected


@pytest.mark.parametrize(
    "text",
    ["Herr Murat Yilmaz", "Frau Ferda Ataman", "Herr Konrad Direktorsohn", "Wiebke Freya Ludwig"],
)
def test_a_name_is_no_role(text: str) -> None:
    fields = read_head(text)
    assert fields.role_title is None and fields.unread_role is None
    assert fields.name == text.removeprefix("Frau ").removeprefix("Herr ")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Ministerin Doreen Denstädt", True),
        ("MinDirig Dr. Hanno Probe", True),
        ("Leitende Ministerialrätin Anna Beispiel", True),
        ("Senatorin für Soziales, Jugend, Integration und Sport", False),
        ("Beauftragter der Bundesregierung gegen Antiziganismus", False),
        ("Unabhängige Bundesbeauftragte für Antidiskriminierung (ADS)", False),
    ],
)
def test_a_line_starting_with_a_role_names_a_person(text: str, person: bool) -> None:
    assert starts_with_role(text) is person


UNREAD_ROLES = [
    ("Herr Generalkonsul Dr. Hans Muster", "Generalkonsul", "Hans Muster"),
    ("Frau Vorstandsmitglied Prof. Dr. Eva Test", "Vorstandsmitglied", "Eva Test"),
    # "Staatssekretär a. D." is read as a role title now (tests/test_offices.py)
    ("Herr Botschafter Dr. Karl Probe", "Botschafter", "Karl Probe"),
    ("Herr Dr. Max Muster, Gesandter", "Gesandter", "Max Muster"),
]


@pytest.mark.parametrize(("head", "wording", "name"), UNREAD_ROLES)
def test_a_role_the_grammar_cannot_read_is_kept_apart_from_the_name(
    head: str, wording: str, name: str
) -> None:
    fields = read_head(head)
    assert (fields.role_title, fields.unread_role, fields.name) == (None, wording, name)


# 2. the fixtures, read as written ------------------------------------------------------


def test_the_list_of_2009_long_ranks_with_qualifiers() -> None:
    assert rows(parse_file(FIXTURES["2009"])) == [
        (
            "DE-NW",
            [
                ("Herr", "Minister", None, "Armin Beispiel", True, False),
                ("Herr", "Staatssekretär", None, "Theo Muster", True, False),
                ("Herr", "Ministerialdirigent", "Dr.", "Heinz Probe", False, False),
                ("Frau", "Leitende Ministerialrätin", "Dr.", "Anna Beispiel", False, True),
                ("Frau", "Referatsleiterin", "Dipl.-Soz.", "Eva Probe", False, False),
            ],
        ),
        (
            "DE-BY",
            [
                ("Frau", "Staatsministerin", None, "Christa Muster", False, False),
                ("Herr", "Ministerialrat", "Dr.", "Karl Test", False, False),
                ("Herr", "Regierungsdirektor", None, "Peter Muster", False, False),
            ],
        ),
        (
            "Bundesministerium des Innern",
            [
                ("Herr", "Parlamentarischer Staatssekretär", "Dr.", "Ole Beispiel", False, False),
                ("Herr", "Abteilungsleiter", "Dr.", "Max Muster", False, False),
            ],
        ),
        (
            "Bundesamt für Migration und Flüchtlinge",
            [("Herr", "Präsident", "Dr.", "Albert Test", False, False)],
        ),
    ]


def test_the_list_of_2015_abbreviations_without_address() -> None:
    minutes = parse_file(FIXTURES["2015"])
    assert rows(minutes) == [
        (
            "DE-HH",
            [
                (None, "Senatorin", "Dr.", "Maren Beispiel", True, False),
                (None, "StR", None, "Jan Muster", True, False),
                (None, "MinDirig", "Dr.", "Hanno Probe", False, False),
                (None, "RLin", "Dr.", "Ina Test", False, True),
                (None, "ORR", None, "Tim Muster", False, False),
            ],
        ),
        (
            "DE-BE",
            [
                (None, "StS", None, "Dieter Beispiel", False, False),
                (None, "MRin", "Dr.", "Uta Probe", False, False),
            ],
        ),
        (
            "Die Beauftragte der Bundesregierung für Migration, Flüchtlinge und Integration",
            [
                (None, "StMin", None, "Aydan Muster", False, False),
                ("Herr", "MinDir", "Dr.", "Ulrich Test", False, False),
            ],
        ),
    ]
    assert minutes.delegations[-1].parent_note == "Bundeskanzleramt"


def test_the_list_of_2019_roles_after_the_name() -> None:
    assert rows(parse_file(FIXTURES["2019"])) == [
        (
            "DE-SN",
            [
                ("Frau", "Staatsministerin", None, "Petra Beispiel", True, False),
                ("Herr", "Amtschef", "Prof. Dr. Dr. h. c.", "Sebastian Muster", True, False),
                ("Frau", "Abteilungsleiterin", "Dr.", "Lena Probe", False, False),
                ("Herr", "Referent", None, "Jonas Test", False, False),
            ],
        ),
        (
            "DE-SH",
            [
                ("Herr", "Staatssekretär", None, "Torsten Beispiel", False, False),
                ("Frau", "Referatsleiterin", "Dr.", "Kira Muster", False, True),
            ],
        ),
        (
            "Bundesministerium für Arbeit und Soziales",
            [("Frau", "Unterabteilungsleiterin", "Dr.", "Beate Beispiel", False, False)],
        ),
        (
            "Bundesagentur für Arbeit",
            [("Herr", "Bereichsleiter", "Dr.", "Rolf Muster", False, False)],
        ),
    ]


# 3. regressions ------------------------------------------------------------------------


def with_line(fixture: Path, tmp_path: Path, old: str, new: str) -> Path:
    """A copy of a fixture with one line changed."""
    text = fixture.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / fixture.name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").split("\n").index(text) + 1


@pytest.mark.parametrize(
    "line",
    [
        "Herr Ministerialdirigent Dr. Heinz Probe",
        "Herr Leitender Regierungsdirektor Dr. Heinz Probe",
        "Herr Gruppenleiter Prof. Dr. Heinz Probe",
    ],
)
def test_regression_a_role_before_dr_is_never_part_of_the_name(tmp_path: Path, line: str) -> None:
    """Before: `PERSON` knew a closed list of roles and Prof./Dr./h.c. only, so a role it
    did not know, followed by "Dr.", became part of the name ("Ministerialdirigent Dr.
    Heinz Probe")."""
    path = with_line(FIXTURES["2009"], tmp_path, "Herr Ministerialdirigent Dr. Heinz Probe", line)
    person = parse_file(path).delegations[0].persons[2]
    assert person.name == "Heinz Probe"
    assert person.role_title == line.split(" Dr.")[0].split(" Prof.")[0].removeprefix("Herr ")


def test_regression_an_unknown_role_before_dr_is_an_error_naming_the_line(tmp_path: Path) -> None:
    line = "Herr Generalkonsul Dr. Heinz Probe"
    path = with_line(FIXTURES["2009"], tmp_path, "Herr Ministerialdirigent Dr. Heinz Probe", line)
    with pytest.raises(SourceError) as error:
        parse_file(path)
    assert str(error.value.path) == str(path) and error.value.line == line_of(path, line)
    assert "'Generalkonsul'" in error.value.problem and "--lenient" in error.value.expected


def test_an_unknown_role_with_lenient_keeps_its_wording_apart(tmp_path: Path) -> None:
    line = "Herr Generalkonsul Dr. Heinz Probe"
    path = with_line(FIXTURES["2009"], tmp_path, "Herr Ministerialdirigent Dr. Heinz Probe", line)
    person = parse_file(path, lenient=True).delegations[0].persons[2]
    assert (person.name, person.role_title, person.honorific, person.unread_role) == (
        "Heinz Probe",
        None,
        "Dr.",
        "Generalkonsul",
    )


def test_chairs_of_two_laender_are_an_error_naming_the_line(tmp_path: Path) -> None:
    line = "Frau Staatsministerin Christa Muster (Vorsitz)"
    path = with_line(FIXTURES["2009"], tmp_path, "Frau Staatsministerin Christa Muster", line)
    with pytest.raises(SourceError) as error:
        parse_file(path)
    assert error.value.line == line_of(path, line)
    assert "DE-NW and DE-BY" in error.value.problem


@pytest.mark.parametrize(
    ("remark", "chair", "preliminary"),
    [
        ("Vorsitz", True, False),
        ("Vorsitzende", True, False),
        ("Vorsitzender der IntMK", True, False),
        ("Vorsitz Vorkonferenz", False, True),
        ("Vorsitz der Vorkonferenz", False, True),
        ("Vorsitzende der Vorkonferenz", False, True),
    ],
)
def test_the_chair_remarks(tmp_path: Path, remark: str, chair: bool, preliminary: bool) -> None:
    old = "Herr Ministerialdirigent Dr. Heinz Probe"
    path = with_line(FIXTURES["2009"], tmp_path, old, f"{old} ({remark})")
    person = parse_file(path).delegations[0].persons[2]
    assert (person.is_chair, person.preliminary_chair, person.remark) == (chair, preliminary, None)


CHAIR_BLOCK = "Herr Minister Armin Beispiel (Vorsitz)\nHerr Staatssekretär Theo Muster (Vorsitz)\n"
PRELIMINARY_LINE = "Frau Leitende Ministerialrätin Dr. Anna Beispiel (Vorsitz Vorkonferenz)"


def chairs_of(path: Path) -> list[tuple[str, bool, bool]]:
    """Name, chair and chair of the Vorkonferenz of the persons of the first delegation."""
    persons = parse_file(path).delegations[0].persons
    return [(p.name, p.is_chair, p.preliminary_chair) for p in persons]


NRW_CHAIRS = [
    ("Armin Beispiel", True, False),
    ("Theo Muster", True, False),
    ("Heinz Probe", False, False),
    ("Anna Beispiel", False, True),
    ("Eva Probe", False, False),
]


@pytest.mark.parametrize(
    "block",
    [
        # a label line of its own before the chair persons, as lists of 2007/2008 print it
        "Vorsitz:\nHerr Minister Armin Beispiel\nHerr Staatssekretär Theo Muster\n\n",
        # the label with a blank line after it
        "Vorsitz:\n\nHerr Minister Armin Beispiel\nHerr Staatssekretär Theo Muster\n\n",
        # the label on the chair's own line, once per person
        "Vorsitz: Herr Minister Armin Beispiel\nVorsitz: Herr Staatssekretär Theo Muster\n",
        # another wording of the label
        "Vorsitzende:\nHerr Minister Armin Beispiel\nHerr Staatssekretär Theo Muster\n\n",
    ],
)
def test_a_vorsitz_label_line_marks_the_chair_persons(tmp_path: Path, block: str) -> None:
    """A "Vorsitz:" label marks the persons it heads: those on its line, or the run of
    person lines after it up to the next blank line."""
    path = with_line(FIXTURES["2009"], tmp_path, CHAIR_BLOCK, block)
    assert chairs_of(path) == NRW_CHAIRS


@pytest.mark.parametrize(
    "line",
    [
        "Vorsitz der Vorkonferenz: Frau Leitende Ministerialrätin Dr. Anna Beispiel",
        "Vorsitz Vorkonferenz: Frau Leitende Ministerialrätin Dr. Anna Beispiel",
        "Vorsitzende der Vorkonferenz: Frau Leitende Ministerialrätin Dr. Anna Beispiel",
    ],
)
def test_a_label_names_the_chair_of_the_vorkonferenz(tmp_path: Path, line: str) -> None:
    path = with_line(FIXTURES["2009"], tmp_path, PRELIMINARY_LINE, line)
    assert chairs_of(path) == NRW_CHAIRS


@pytest.mark.parametrize(
    ("block", "after"),
    [
        # a label followed by no person: the ministry line
        ("Vorsitz:\n\nMinisterium für Generationen", "Vorsitz:"),
        # a label at the end of a delegation
        ("Frau Referatsleiterin Dipl.-Soz. Eva Probe\nVorsitz:\n", "Vorsitz:"),
    ],
)
def test_a_label_heading_no_person_is_an_error_naming_its_line(
    tmp_path: Path, block: str, after: str
) -> None:
    old = block.replace("Vorsitz:\n\n", "").replace("Vorsitz:\n", "")
    path = with_line(FIXTURES["2009"], tmp_path, old, block)
    with pytest.raises(SourceError) as error:
        parse_file(path)
    assert error.value.line == line_of(path, after)
    assert "'Vorsitz:'" in error.value.problem and "person" in error.value.expected


@pytest.mark.parametrize(
    "line",
    [
        # a label naming the chair's Land, not a person: never a person "Freistaat Bayern"
        "Vorsitz: Freistaat Bayern",
        "Vorsitz: Land Berlin",
        "Vorsitz: Nordrhein-Westfalen",
    ],
)
def test_a_label_naming_a_land_is_an_error_naming_its_line(tmp_path: Path, line: str) -> None:
    """Regression (found by an unseen variant): "Vorsitz: Freistaat Bayern" was read as a
    chair person named "Freistaat Bayern", because two capitalised words are a bare name."""
    path = with_line(FIXTURES["2009"], tmp_path, "Herr Minister Armin Beispiel (Vorsitz)", line)
    with pytest.raises(SourceError) as error:
        parse_file(path)
    assert error.value.line == line_of(path, line)
    assert "person" in error.value.expected


# 4. the graph: several chairs conform, guests by organisation, the role not read -------


def built_graph(work: Path, sources: list[tuple[str, str]], *extra: str) -> tuple[Graph, str]:
    """`intmk build` of the given (file name, text) sources: the merged graph and output."""
    merged, result = build_texts(work, sources, *extra)
    return merged, result.stdout + result.stderr


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("people")


@pytest.fixture(scope="module")
def graph(work: Path) -> Graph:
    """The three fixtures, built without --lenient."""
    sources = [(path.name, path.read_text(encoding="utf-8")) for path in FIXTURES.values()]
    merged, _ = built_graph(work, sources)
    return merged


def person(name: str) -> URIRef:
    return Uris(BASE).person(name)


def test_regression_two_chair_persons_conform(graph: Graph) -> None:
    """Before: `shapes:Conference-chairPerson` had sh:maxCount 1, so a second chair person
    stopped the build with a shape message naming no line."""
    conforms = list(graph.objects(None, SH.conforms))
    assert conforms == [Literal(True)]
    chairs = {
        str(graph.value(conference, RDFS.label)): sorted(
            str(o) for o in graph.objects(conference, INTMK_NS.chairPerson)
        )
        for conference in graph.subjects(INTMK_NS.chairPerson, None)
    }
    assert {label: len(uris) for label, uris in chairs.items()} == {label: 2 for label in chairs}
    assert len(chairs) == 3
    assert person("Theo Muster") in set(graph.objects(None, INTMK_NS.chairPerson))


def test_the_chair_of_the_vorkonferenz(graph: Graph) -> None:
    found = sorted(str(o) for o in graph.objects(None, INTMK_NS.preliminaryChairPerson))
    assert found == sorted(
        str(person(name)) for name in ("Anna Beispiel", "Ina Test", "Kira Muster")
    )
    part = Uris(BASE).participation(4, "Anna Beispiel")
    assert graph.value(part, INTMK_NS.isPreliminaryChair) == Literal(True)
    assert graph.value(part, INTMK_NS.isChair) == Literal(False)


def test_roles_and_titles_are_on_the_participation_not_the_person(graph: Graph) -> None:
    part = Uris(BASE).participation(4, "Anna Beispiel")
    assert graph.value(part, INTMK_NS.roleTitle) == Literal("Leitende Ministerialrätin", lang="de")
    assert graph.value(part, INTMK_NS.participantHonorific) == Literal("Dr.")
    assert graph.value(person("Anna Beispiel"), FOAF.name) == Literal("Anna Beispiel")
    said_of_person = set(graph.predicates(person("Anna Beispiel"), None))
    assert not said_of_person & {INTMK_NS.roleTitle, INTMK_NS.participantHonorific}


def test_guests_by_their_organisation(graph: Graph) -> None:
    guests = sorted(
        (str(graph.value(graph.value(part, INTMK_NS.participant), FOAF.name)), str(label))
        for part in graph.subjects(INTMK_NS.isGuest, Literal(True))
        for org in graph.objects(part, INTMK_NS.onBehalfOf)
        for label in graph.objects(org, RDFS.label)
        if isinstance(label, Literal) and label.language == "de"
    )
    assert guests == [
        ("Albert Test", "Bundesamt für Migration und Flüchtlinge"),
        (
            "Aydan Muster",
            "Die Beauftragte der Bundesregierung für Migration, Flüchtlinge und Integration",
        ),
        ("Beate Beispiel", "Bundesministerium für Arbeit und Soziales"),
        # an organisation's label is its name today (the registry's; the list of 2009
        # prints its name then, which the conference page shows: the test below)
        ("Max Muster", "Bundesministerium des Innern und für Heimat"),
        ("Ole Beispiel", "Bundesministerium des Innern und für Heimat"),
        ("Rolf Muster", "Bundesagentur für Arbeit"),
        (
            "Ulrich Test",
            "Die Beauftragte der Bundesregierung für Migration, Flüchtlinge und Integration",
        ),
    ]


def test_a_role_not_read_is_published_with_its_wording_and_a_finding(tmp_path: Path) -> None:
    text = (
        FIXTURES["2009"]
        .read_text(encoding="utf-8")
        .replace("Herr Ministerialdirigent Dr. Heinz Probe", "Herr Generalkonsul Dr. Heinz Probe")
    )
    merged, output = built_graph(tmp_path, [("teilnehmende_2009.txt", text)], "--lenient")
    assert list(merged.objects(None, SH.conforms)) == [Literal(True)], output
    part = Uris(BASE).participation(4, "Heinz Probe")
    assert merged.value(part, INTMK_NS.unreadRoleTitle) == Literal("Generalkonsul")
    assert merged.value(part, INTMK_NS.roleTitle) is None
    findings = list(merged.subjects(OA_TARGET, part))
    assert len(findings) == 1
    kind = merged.value(findings[0], INTMK_NS.findingKind)
    assert kind == URIRef(CONCEPT + "finding-kind/unresolved-role")
    assert merged.value(person("Heinz Probe"), FOAF.name) == Literal("Heinz Probe")


def test_the_example_query_lists_roles_chairs_and_guests(graph: Graph) -> None:
    (example,) = [e for e in examples() if e.slug.startswith("20-")]
    names = ("number", "name", "role", "title", "chair", "preliminaryChair", "guestOf")
    bindings = [
        {str(name): str(term) for name, term in row.items()}
        for row in graph.query(example.query(BASE)).bindings
    ]
    rows = [tuple(b.get(name, "") for name in names) for b in bindings]
    assert len(rows) == 28
    assert rows[:2] == [
        ("4", "Armin Beispiel", "Minister", "", "true", "", ""),
        ("4", "Theo Muster", "Staatssekretär", "", "true", "", ""),
    ]
    assert ("4", "Anna Beispiel", "Leitende Ministerialrätin", "Dr.", "false", "true", "") in rows
    assert (
        "14",
        "Sebastian Muster",
        "Amtschef",
        "Prof. Dr. Dr. h. c.",
        "true",
        "",
        "",
    ) in rows
    assert rows[-1] == (
        "14",
        "Rolf Muster",
        "Bereichsleiter",
        "Dr.",
        "false",
        "",
        "Bundesagentur für Arbeit",
    )


@pytest.fixture(scope="module")
def client(graph: Graph, work: Path) -> Iterator[httpx.Client]:
    """A real `intmk serve` over the build of the fixtures."""
    with (
        serve(work / "graph", work / "serve.log") as running,
        httpx.Client(base_url=running.url, timeout=30) as http,
    ):
        yield http


def test_the_conference_page_shows_every_chair_and_the_guests_by_organisation(
    client: httpx.Client,
) -> None:
    response = client.get("/doc/conference/4", headers={"Accept": "text/html"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    chairs = soup.select_one('dd[data-key="chairs"]')
    assert chairs is not None
    assert (
        chairs.get_text(" ", strip=True) == "Armin Beispiel , Theo Muster ( Nordrhein-Westfalen )"
    )
    preliminary = soup.select_one('dd[data-key="preliminary-chairs"]')
    assert preliminary is not None and preliminary.get_text(strip=True) == "Anna Beispiel"
    guests = soup.select_one('dl[data-key="guests"]')
    assert guests is not None
    assert [
        (dt.get_text(strip=True), dd.get_text(" ", strip=True))
        for dt, dd in zip(guests.select("dt"), guests.select("dd"), strict=True)
    ] == [
        (
            "Bundesministerium des Innern",
            "Ole Beispiel , Parlamentarischer Staatssekretär; Max Muster , Abteilungsleiter",
        ),
        ("Bundesamt für Migration und Flüchtlinge", "Albert Test , Präsident"),
    ]


def test_the_person_page_shows_the_chair_of_the_vorkonferenz(client: httpx.Client) -> None:
    response = client.get("/doc/person/anna-beispiel?lang=en", headers={"Accept": "text/html"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    row = soup.select_one("#participations tbody tr")
    assert row is not None
    assert "Chair of the preliminary conference" in row.get_text(" ", strip=True)
    role = row.select_one('td[data-key="role"]')
    assert role is not None and role.get_text(strip=True) == "Leitende Ministerialrätin"

"""The office a role title names, whatever the spelling (issue 15, people): the scheme
`id/office`, the grammar that reads a title to its office (mapping/offices.py), the graph
of a list that prints the same offices in many spellings (tests/fixtures/offices/), its
shape, the example query and the person page."""

from __future__ import annotations

import subprocess
from pathlib import Path

import httpx
import pytest
from bs4 import BeautifulSoup
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from mapping.offices import CONCEPTS, office_index, office_of
from mapping.parse_document import parse_file
from mapping.roles import is_role, read_head
from mapping.shacl import validate
from mapping.uris import Uris
from tests.conftest import BASE, CONCEPT, INTMK
from tests.fixture_builds import build_files, example_rows
from tests.server_process import serve
from tests.test_publish_extras import emitted, only_shapes, violations

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "offices" / "teilnehmende_2021.txt"
OFFICE = CONCEPT + "office/"
SEED_NAME = "000_7e277fc99396a581.txt"
OA_TARGET = URIRef("http://www.w3.org/ns/oa#hasTarget")
HELD = URIRef(INTMK + "heldOffice")

# each person of the fixture: the role title as printed, the office it names (None: the
# scheme does not know it), the line of the list
PEOPLE = {
    "Petra Beispiel": ("Ministerin", "minister", 11),
    "Jonas Muster": ("Staatssekretär", "staatssekretaer", 12),
    "Lena Probe": ("Referatsleiterin", "referatsleiter", 13),
    "Paul Test": ("Leitender Ministerialrat", "leitender-ministerialrat", 14),
    "Nora Beispiel": ("Stellvertretende Referatsleiterin", None, 15),
    "Carola Muster": ("StSin", "staatssekretaer", 21),
    "Max Probe": ("StS", "staatssekretaer", 22),
    "Ida Test": ("RLin", "referatsleiter", 23),
    "Eva Beispiel": ("Staatssekretärin", "staatssekretaer", 29),
    "Karl Muster": ("MinDirig", "ministerialdirigent", 30),
    "Tim Probe": ("RL", "referatsleiter", 31),
    "Ute Test": ("Ministerialbeauftragte", None, 32),
    "Anja Beispiel": ("Parlamentarische Staatssekretärin", "parlamentarischer-staatssekretaer", 38),
    "Rolf Muster": ("AL", "abteilungsleiter", 39),
}


def lang_of(node: object) -> str | None:
    return node.language if isinstance(node, Literal) else None


# 1. the grammar: a title to its office ----------------------------------------------------


@pytest.mark.parametrize(
    ("title", "office"),
    [
        ("Staatssekretär", "staatssekretaer"),
        ("Staatssekretärin", "staatssekretaer"),
        ("StS", "staatssekretaer"),
        ("StSin", "staatssekretaer"),
        ("  Staatssekretärin ", "staatssekretaer"),
        ("Parlamentarischer Staatssekretär", "parlamentarischer-staatssekretaer"),
        ("PStS", "parlamentarischer-staatssekretaer"),
        ("Leitende  Ministerialrätin", "leitender-ministerialrat"),
        ("LMR", "leitender-ministerialrat"),
        ("Ministerialrätin", "ministerialrat"),
        ("MRin", "ministerialrat"),
        ("MinR", "ministerialrat"),
        ("MinDir", "ministerialdirektor"),
        ("MD", "ministerialdirektor"),
        ("MDg", "ministerialdirigent"),
        ("Staatsministerin", "staatsminister"),
        ("StMin", "staatsminister"),
        ("Staatsrätin", "staatsrat"),
        ("StR", "staatsrat"),
        ("Senatorin", "senator"),
        ("Erste Bürgermeisterin", "erster-buergermeister"),
        ("Ref.-Ltr.", "referatsleiter"),
        ("UALin", "unterabteilungsleiter"),
        ("ORR", "oberregierungsrat"),
        ("Amtschef", "amtschef"),
        ("Vizepräsidentin", "vizepraesident"),
        ("Parl. Staatssekretärin", "parlamentarischer-staatssekretaer"),
        ("Ltd. MR", "leitender-ministerialrat"),
        ("StS’in", "staatssekretaer"),
        ("Regierender Bürgermeister", "regierender-buergermeister"),
    ],
)
def test_every_spelling_names_its_office(title: str, office: str) -> None:
    assert office_of(title) == office


@pytest.mark.parametrize(
    "title",
    [
        "Stellvertretende Referatsleiterin",  # a deputy is not the head of division
        "Ministerialbeauftragte",
        "Generalkonsul",
        "sts",  # the lists print abbreviations in their own capitals
        "Staatssekretaerin",  # a converter that lost the umlaut: not guessed
        "Staatssekretärin a. D.",  # no longer holds the office
        "Minister a. D.",
        "Stellv. Referatsleiter",
        "",
    ],
)
def test_a_title_the_scheme_does_not_know_names_no_office(title: str) -> None:
    assert office_of(title) is None


def test_every_label_of_the_scheme_is_a_role_title_the_grammar_reads() -> None:
    """An office whose label the role grammar (mapping/roles.py) cannot read as a role
    could never be reached from a list."""
    unread = [label for label in office_index() if not is_role(label.split())]
    assert unread == []


def test_every_office_has_its_labels_definitions_and_key() -> None:
    scheme = Graph().parse(CONCEPTS, format="turtle")
    offices = set(scheme.subjects(SKOS.inScheme, URIRef(CONCEPT + "office")))
    assert len(offices) == 26
    for office in offices:
        key = str(office).removeprefix(OFFICE)
        assert scheme.value(office, SKOS.notation) == Literal(key)
        for predicate in (SKOS.prefLabel, SKOS.definition):
            languages = sorted(str(lang_of(o)) for o in scheme.objects(office, predicate))
            assert languages == ["de", "en"], (key, predicate)
        feminine = [o for o in scheme.objects(office, SKOS.altLabel) if lang_of(o) == "de"]
        assert feminine, key
    assert set(office_index().values()) == {str(o).removeprefix(OFFICE) for o in offices}


def test_a_label_that_names_two_offices_is_an_error_naming_the_file(tmp_path: Path) -> None:
    text = CONCEPTS.read_text(encoding="utf-8").replace(
        'skos:altLabel "Ministerialrätin"@de', 'skos:altLabel "Ministerialrätin"@de , "RL"@de'
    )
    assert text != CONCEPTS.read_text(encoding="utf-8")
    broken = tmp_path / "concepts.ttl"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=r"concepts\.ttl: the label 'RL' names"):
        office_index(broken)


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Herr Ltd. MR Dr. Hans Probe", ("Ltd. MR", "Dr.", "Hans Probe", None)),
        (
            "Frau Parl. Staatssekretärin Anja Test",
            ("Parl. Staatssekretärin", None, "Anja Test", None),
        ),
        ("Frau StS’in Carola Muster", ("StS’in", None, "Carola Muster", None)),
        (
            "Herr Stellv. Referatsleiter Tim Probe",
            ("Stellv. Referatsleiter", None, "Tim Probe", None),
        ),
        ("Herr Minister a. D. Paul Test", ("Minister a. D.", None, "Paul Test", None)),
        (
            "Herr Staatssekretär a. D. Dr. Karl Probe",
            ("Staatssekretär a. D.", "Dr.", "Karl Probe", None),
        ),
        ("Frau Präs. Ina Test", (None, None, "Ina Test", "Präs.")),
        ("Herr Hans P. Muster", (None, None, "Hans P. Muster", None)),
        ("Herr Dr. h.c. Max Test", (None, "Dr. h.c.", "Max Test", None)),
    ],
)
def test_regression_an_abbreviated_role_is_never_part_of_the_name(
    line: str, fields: tuple[str | None, str | None, str, str | None]
) -> None:
    """Found by probing the grammar with spellings no fixture had: "Parl. Staatssekretärin
    Anja Test", "StS’in …" and "Minister a. D. Paul Test" put role words into the name. An
    abbreviated qualifier is part of the role; a word no name begins with ("Präs.") is an
    unread role (a SourceError without --lenient), never the name."""
    head = read_head(line)
    assert (head.role_title, head.academic_title, head.name, head.unread_role) == fields


# 2. the graph of a list with many spellings -----------------------------------------------


@pytest.fixture(scope="module")
def built(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Graph, subprocess.CompletedProcess[str]]:
    return build_files(tmp_path_factory.mktemp("offices"), [FIXTURE])


@pytest.fixture(scope="module")
def graph(built: tuple[Graph, subprocess.CompletedProcess[str]]) -> Graph:
    return built[0]


def participation(name: str) -> URIRef:
    return Uris(BASE).participation(16, name)


def test_the_build_conforms_and_counts_one_finding_per_unknown_title(
    built: tuple[Graph, subprocess.CompletedProcess[str]],
) -> None:
    summary = built[1].stdout
    assert "0 violations" in summary
    row = next(line for line in summary.splitlines() if line.startswith(FIXTURE.name))
    assert row.split()[7] == "2"  # findings: the two titles the scheme does not know


@pytest.mark.parametrize("name", sorted(PEOPLE))
def test_each_participation_names_its_office_beside_the_title_as_printed(
    graph: Graph, name: str
) -> None:
    title, office, _ = PEOPLE[name]
    part = participation(name)
    assert graph.value(part, URIRef(INTMK + "roleTitle")) == Literal(title, lang="de")
    expected = {URIRef(OFFICE + office)} if office else set()
    assert set(graph.objects(part, HELD)) == expected


@pytest.mark.parametrize("name", ["Nora Beispiel", "Ute Test"])
def test_an_unknown_title_has_one_finding_naming_its_line(graph: Graph, name: str) -> None:
    title, _, line = PEOPLE[name]
    (finding,) = set(graph.subjects(OA_TARGET, participation(name)))
    kind = graph.value(finding, URIRef(INTMK + "findingKind"))
    assert kind == URIRef(CONCEPT + "finding-kind/unresolved-office")
    comments = {lang_of(c): str(c) for c in graph.objects(finding, RDFS.comment)}
    assert f"Zeile {line}" in comments["de"] and f"„{title}“" in comments["de"]
    assert f"line {line}" in comments["en"] and f"“{title}”" in comments["en"]


def test_the_shape_refuses_an_office_without_finding_or_both() -> None:
    graph = emitted(parse_file(FIXTURE))
    graph.parse(CONCEPTS, format="turtle")  # the finding kinds' notations
    shapes = only_shapes(["ParticipationPeopleShape"])
    assert validate(graph, shapes).results == ()
    known, unknown = participation("Max Probe"), participation("Nora Beispiel")
    graph.remove((known, HELD, None))
    graph.add((unknown, HELD, URIRef(OFFICE + "referatsleiter")))
    assert violations(validate(graph, shapes)) == [
        ("Participation-officeOrFinding", known, None),
        ("Participation-officeOrFinding", unknown, None),
    ]


def test_the_seed_names_an_office_for_every_title() -> None:
    """Every role title of the seed is in the scheme: no finding unresolved-office there."""
    seed = parse_file(Path(__file__).resolve().parent.parent / "data" / "sources" / SEED_NAME)
    titles = {p.role_title for d in seed.delegations for p in d.persons if p.role_title}
    assert {title: office_of(title) for title in titles} == {
        "Minister": "minister",
        "Ministerin": "minister",
        "Senatorin": "senator",
        "Staatsministerin": "staatsminister",
        "Staatsrätin": "staatsrat",
        "Staatssekretär": "staatssekretaer",
        "Staatssekretärin": "staatssekretaer",
        "Vizepräsident": "vizepraesident",
    }


def test_the_example_query_finds_every_state_secretary_whatever_the_spelling(
    graph: Graph,
) -> None:
    names = ("number", "name", "roleTitle", "land", "guestOf")
    rows = example_rows(graph, 24, names)
    assert rows == [
        ("16", "Carola Muster", "StSin", "Bayern", ""),
        ("16", "Max Probe", "StS", "Bayern", ""),
        ("16", "Eva Beispiel", "Staatssekretärin", "Hessen", ""),
        ("16", "Jonas Muster", "Staatssekretär", "Nordrhein-Westfalen", ""),
    ]


def test_the_person_page_names_the_office_in_the_page_language(
    built: tuple[Graph, subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    output = Path(built[1].args[built[1].args.index("--output") + 1])
    path = "/doc/" + str(Uris(BASE).person("Carola Muster")).removeprefix(BASE + "id/")
    with (
        serve(output, tmp_path / "serve.log") as running,
        httpx.Client(base_url=running.url, timeout=30) as http,
    ):
        pages = {
            lang: BeautifulSoup(
                http.get(path, params={"lang": lang}, headers={"Accept": "text/html"}).text,
                "html.parser",
            )
            for lang in ("de", "en")
        }
        office = http.get("/doc/office/staatssekretaer", headers={"Accept": "text/html"})
    assert office.status_code == 200 and "Staatssekretärin" in office.text
    for lang, label in (("de", "Staatssekretär"), ("en", "State Secretary")):
        cell = pages[lang].select_one("#participations td[data-key='office'] a")
        assert cell is not None and cell.get_text(strip=True) == label
        assert str(cell["href"]).split("?")[0] == "/doc/office/staatssekretaer"
        role = pages[lang].select_one("#participations td[data-key='role']")
        assert role is not None and role.get_text(strip=True) == "StSin"

"""A document whose requests name their addressees the way other years' minutes do: its
build publishes each request with its kind and its addressees from the registry, an
unknown addressee with its wording and a finding, the items of a list as requests of
their own, a request to no one named as such, and conforms to the shapes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from server.examples import examples
from tests.conftest import BASE, CONCEPT, ID, INTMK
from tests.fixture_builds import build_files

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "addressees" / "012_intmk_2017.txt"
TOP = ID + "conference/12/resolution/2.2/"
ORGANISATION = ID + "organisation/"

# number → (kind, addressees, requested action, list item label); from the fixture's text
EXPECTED = {
    1: ("bitte", {"bmas"}, "die Förderung der Berufssprachkurse zu verstetigen", None),
    2: ("aufforderung", {"bamf"}, "die Zulassung der Kursträger zu beschleunigen", None),
    3: (
        "appell",
        {"europaeische-kommission"},
        "den Asyl-, Migrations- und Integrationsfonds fortzuführen",
        None,
    ),
    4: (
        "pruefbitte",
        {"bmg"},
        "zu prüfen, wie Sprachmittlung im Gesundheitswesen finanziert werden kann",
        None,
    ),
    5: (
        "ersuchen",
        {"integrationsbeauftragte"},
        "den Nationalen Aktionsplan Integration fortzuschreiben",
        None,
    ),
    6: ("bitte", {"bmi"}, "die Mittel für die Migrationsberatung zu erhöhen", "a)"),
    7: (
        "pruefbitte",
        {"bmi"},
        "zu prüfen, ob die Erstorientierungskurse ausgeweitet werden können",
        "b)",
    ),
    8: ("bitte", {"bmi"}, "die Länder frühzeitig zu beteiligen", "c)"),
    9: ("bitte", set(), "die Erfahrungen der Kommunen zu bündeln", None),
    10: ("forderung", set(), "einen leichteren Zugang zu Sprachkursen für Geflüchtete", None),
    11: (
        "empfehlung",
        {"bund", "laender"},
        "gemeinsame Standards für die Sprachförderung zu entwickeln",
        None,
    ),
    # the BMI under its name of 2018–2021, in minutes of April 2017: resolved, and a finding
    # name-outside-period (tests/test_land_addressee_document.py checks the finding)
    12: ("bitte", {"bmi"}, "die Integrationskurse auszuweiten", None),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Graph, str]:
    """`intmk build` of the fixture alone: its graph and the build summary."""
    merged, result = build_files(tmp_path_factory.mktemp("addressees"), [FIXTURE])
    return merged, result.stdout


@pytest.fixture(scope="module")
def graph(built: tuple[Graph, str]) -> Graph:
    return built[0]


def request(number: int) -> URIRef:
    return URIRef(f"{TOP}request/{number}")


def addressees(graph: Graph, uri: URIRef) -> set[str]:
    return {str(o).removeprefix(ORGANISATION) for o in graph.objects(uri, INTMK.addressee)}


def test_the_build_conforms_and_counts_the_unresolved_addressee(
    built: tuple[Graph, str],
) -> None:
    summary = built[1]
    assert "0 violations" in summary
    row = next(line for line in summary.splitlines() if line.startswith("012_intmk_2017"))
    # requests 12; findings 3: the unresolved addressee, the BMI's name of 2018 used in
    # 2017 (name-outside-period) and the title of TOP A, which the agenda words
    # "Genehmigung der Tagesordnung" (as in the fixture it comes from)
    assert row.split()[4] == "12"
    assert row.split()[7] == "3"


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_each_request_has_its_kind_addressees_and_action(graph: Graph, number: int) -> None:
    kind, named, action, label = EXPECTED[number]
    uri = request(number)
    assert graph.value(uri, INTMK.requestKind) == URIRef(f"{CONCEPT}request-kind/{kind}")
    assert addressees(graph, uri) == named
    assert graph.value(uri, INTMK.requestedAction) == Literal(action, lang="de")
    found = graph.value(uri, INTMK.listItemLabel)
    assert (None if found is None else str(found)) == label


def test_there_are_exactly_the_requests_of_the_text(graph: Graph) -> None:
    resolution = URIRef(TOP.rstrip("/"))
    assert set(graph.objects(resolution, INTMK.hasRequest)) == {request(n) for n in EXPECTED}


def test_list_items_carry_their_level(graph: Graph) -> None:
    for number in (6, 7, 8):
        assert graph.value(request(number), INTMK.listLevel) == Literal(1)
    assert graph.value(request(1), INTMK.listLevel) is None


def test_an_unknown_addressee_is_published_with_its_wording_and_a_finding(
    graph: Graph,
) -> None:
    unknown = URIRef(f"{TOP}request/9/unresolved-addressee/1")
    assert set(graph.objects(request(9), INTMK.unresolvedAddressee)) == {unknown}
    assert (unknown, RDF.type, INTMK.UnresolvedAddressee) in graph
    assert graph.value(unknown, INTMK.statedAs) == Literal("den Deutschen Städtetag")
    assert (unknown, RDF.type, INTMK.Organisation) not in graph
    findings = set(graph.subjects(URIRef("http://www.w3.org/ns/oa#hasTarget"), unknown))
    assert findings == {URIRef(ID + "conference/12/finding/2.2-request-9-unresolved-addressee-1")}
    finding = findings.pop()
    kind = URIRef(f"{CONCEPT}finding-kind/unresolved-addressee")
    assert graph.value(finding, INTMK.findingKind) == kind
    comments = {str(c) for c in graph.objects(finding, RDFS.comment)}
    assert any("„den Deutschen Städtetag“" in c and "Zeile" in c for c in comments)
    # the request itself is not to the Bund: no federal addressee is known
    assert (request(9), RDF.type, INTMK.RequestToBund) not in graph


def test_a_request_to_no_one_named_is_published_with_an_implicit_addressee(
    graph: Graph,
) -> None:
    uri = request(10)
    assert (uri, RDF.type, INTMK.Request) in graph
    assert graph.value(uri, INTMK.addresseeImplicit) == Literal(True)
    assert addressees(graph, uri) == set()
    assert graph.value(uri, INTMK.unresolvedAddressee) is None


def test_named_addressees_are_not_implicit(graph: Graph) -> None:
    for number in (1, 2, 3, 6, 11):
        assert graph.value(request(number), INTMK.addresseeImplicit) == Literal(False)


def test_federal_addressees_make_requests_to_the_bund(graph: Graph) -> None:
    to_bund = {n for n in EXPECTED if (request(n), RDF.type, INTMK.RequestToBund) in graph}
    # the European Commission is not the Bund; the unknown and the unnamed are not either
    assert to_bund == {1, 2, 4, 5, 6, 7, 8, 11, 12}


def test_the_bmi_keeps_its_names_with_their_periods(graph: Graph) -> None:
    bmi = URIRef(ORGANISATION + "bmi")
    names = sorted(str(name) for name in graph.objects(bmi, INTMK.hasName))
    assert [name.removeprefix(ORGANISATION) for name in names] == [
        "bmi/name/1",
        "bmi/name/2",
        "bmi/name/3",
    ]
    schema = "https://schema.org/"
    first = URIRef(ORGANISATION + "bmi/name/1")
    assert graph.value(first, URIRef(schema + "name")) is not None
    assert {str(o) for o in graph.objects(first, URIRef(schema + "name"))} == {
        "Bundesministerium des Innern",
        "Federal Ministry of the Interior",
    }
    assert graph.value(first, URIRef(schema + "startDate")) is None
    assert graph.value(first, URIRef(schema + "endDate")) == Literal(
        "2018-03-13", datatype=XSD.date
    )
    second = URIRef(ORGANISATION + "bmi/name/2")
    assert graph.value(second, URIRef(schema + "startDate")) == Literal(
        "2018-03-14", datatype=XSD.date
    )


def test_the_example_query_gives_each_addressee_with_its_words(graph: Graph) -> None:
    """Example 19: each addressee with the words naming it (the name of the meeting day is
    example 22's, tested in tests/test_land_addressee_document.py)."""
    (example,) = [e for e in examples() if e.slug.startswith("19-")]
    rows = [
        {str(name): str(term) for name, term in row.items()}
        for row in graph.query(example.query(BASE)).bindings
    ]
    found = [
        (
            r["request"].rsplit("/", 1)[1],
            r.get("item", ""),
            r.get("addressee", "").removeprefix(ORGANISATION),
            r.get("statedAs", ""),
            r.get("unresolved", ""),
            r.get("noneNamed", ""),
        )
        for r in rows
    ]
    assert found == [
        ("1", "", "bmas", "die Bundesministerin für Arbeit und Soziales", "", ""),
        ("2", "", "bamf", "das Bundesamt für Migration und Flüchtlinge", "", ""),
        ("3", "", "europaeische-kommission", "die Europäische Kommission", "", ""),
        ("4", "", "bmg", "das Bundesministerium für Gesundheit", "", ""),
        (
            "5",
            "",
            "integrationsbeauftragte",
            "die Beauftragte der Bundesregierung für Migration, Flüchtlinge und Integration",
            "",
            "",
        ),
        ("6", "a)", "bmi", "das Bundesministerium des Innern", "", ""),
        ("7", "b)", "bmi", "das Bundesministerium des Innern", "", ""),
        ("8", "c)", "bmi", "das Bundesministerium des Innern", "", ""),
        ("9", "", "", "", "den Deutschen Städtetag", ""),
        ("10", "", "", "", "", "true"),
        ("11", "", "bund", "dem Bund", "", ""),
        ("11", "", "laender", "den Ländern", "", ""),
        ("12", "", "bmi", "das Bundesministerium des Innern, für Bau und Heimat", "", ""),
    ]

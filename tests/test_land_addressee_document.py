"""Two documents whose requests address Länder and name ministries by names of other
periods (tests/fixtures/addressees/README.md): a Land is linked to id/land/{code}, "die
Länder" is the one addressee `laender`, Länder the text does not name are unresolved with a
finding; a name used before or after its period resolves with a finding
`name-outside-period`, a name of the day gives none; and the build conforms."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from bs4 import BeautifulSoup
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from mapping.laender import LAENDER
from server.examples import examples
from tests.conftest import BASE, CONCEPT, ID, INTMK
from tests.fixture_builds import build_files
from tests.server_process import serve

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "addressees"
FILES = ("012_intmk_2017.txt", "021_intmk_2026.txt")
TOP = ID + "conference/21/resolution/2.2/"
OA_TARGET = URIRef("http://www.w3.org/ns/oa#hasTarget")

# number → (addressees as id/… paths, unresolved wordings); from the fixture's text
EXPECTED = {
    1: ({"land/DE-BE"}, set()),
    2: ({"land/DE-BY", "land/DE-HE"}, set()),
    3: ({"land/DE-HH"}, set()),
    4: ({"land/DE-SN"}, set()),
    5: ({"organisation/laender"}, set()),
    6: (set(), {"die übrigen Länder"}),
    7: ({"organisation/bmfsfj"}, set()),
    8: ({"organisation/bmas"}, set()),
    9: ({"organisation/bmi", "land/DE-BE"}, set()),
    # the applicants (Hessen, Saarland) ask "die übrigen Länder": the 14 that did not apply
    10: ({f"land/{land.code}" for land in LAENDER} - {"land/DE-HE", "land/DE-SL"}, set()),
}

# the findings name-outside-period: finding key → (participation, name used, wording, day)
OUTSIDE = {
    "conference/12/finding/2.2-request-12-name-outside-period-bmi": (
        "conference/12/resolution/2.2/request/12/addressee/bmi",
        "organisation/bmi/name/2",
        "das Bundesministerium des Innern, für Bau und Heimat",
        "2017-04-26",
        "2018-03-14 – 2021-12-07",
    ),
    "conference/21/finding/2.2-request-7-name-outside-period-bmfsfj": (
        "conference/21/resolution/2.2/request/7/addressee/bmfsfj",
        "organisation/bmfsfj/name/1",
        "das Bundesministerium für Familie, Senioren, Frauen und Jugend",
        "2026-04-22",
        "1994-11-17 – 2025-05-05",
    ),
    "conference/21/finding/2.2-request-9-name-outside-period-bmi": (
        "conference/21/resolution/2.2/request/9/addressee/bmi",
        "organisation/bmi/name/2",
        "das Bundesministerium des Innern, für Bau und Heimat",
        "2026-04-22",
        "2018-03-14 – 2021-12-07",
    ),
}


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("land-addressees")


@pytest.fixture(scope="module")
def built(work: Path) -> tuple[Graph, str]:
    """`intmk build` of both fixtures: the union graph and the build summary."""
    merged, result = build_files(work, [FIXTURES / name for name in FILES])
    return merged, result.stdout


@pytest.fixture(scope="module")
def graph(built: tuple[Graph, str]) -> Graph:
    return built[0]


def request(number: int) -> URIRef:
    return URIRef(f"{TOP}request/{number}")


def test_the_build_conforms_and_counts_the_findings(built: tuple[Graph, str]) -> None:
    summary = built[1]
    assert "0 violations" in summary
    row = next(line for line in summary.splitlines() if line.startswith("021_intmk_2026"))
    # requests 10, 3 of them to the Bund (7, 8, 9); findings 4: "die übrigen Länder" of
    # request 6, the BMFSFJ and the BMI by names of earlier periods, the title of TOP A
    assert row.split()[4:6] == ["10", "3"]
    assert row.split()[7] == "4"


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_each_request_has_its_addressees(graph: Graph, number: int) -> None:
    named, unresolved = EXPECTED[number]
    uri = request(number)
    assert {str(o).removeprefix(ID) for o in graph.objects(uri, INTMK.addressee)} == named
    wordings = {
        str(graph.value(u, INTMK.statedAs)) for u in graph.objects(uri, INTMK.unresolvedAddressee)
    }
    assert wordings == unresolved


def test_a_land_addressee_is_the_land_resource_with_its_participation(graph: Graph) -> None:
    berlin = URIRef(ID + "land/DE-BE")
    participation = URIRef(f"{TOP}request/1/addressee/DE-BE")
    assert (request(1), INTMK.hasAddresseeParticipation, participation) in graph
    assert graph.value(participation, INTMK.addressedOrganisation) == berlin
    assert graph.value(participation, INTMK.statedAs) == Literal("das Land Berlin")
    assert (participation, RDF.type, INTMK.AddresseeParticipation) in graph
    assert Literal("Berlin: Adressat von Bitte 1 zu TOP 2.2", lang="de") in set(
        graph.objects(participation, RDFS.label)
    )
    # the Land is the one resource of the reference data, typed explicitly an Organisation
    assert (berlin, RDF.type, INTMK.Land) in graph
    assert (berlin, RDF.type, INTMK.Organisation) in graph
    assert (berlin, RDF.type, INTMK.FederalBody) not in graph
    assert (request(1), RDF.type, INTMK.RequestToBund) not in graph


def test_regression_named_laender_are_not_all_16(graph: Graph) -> None:
    """ "fordert die Länder Bayern und Hessen auf" was read as "die Länder" (`laender`)."""
    assert (request(2), INTMK.addressee, URIRef(ID + "organisation/laender")) not in graph
    participations = set(graph.objects(request(2), INTMK.hasAddresseeParticipation))
    assert participations == {
        URIRef(f"{TOP}request/2/addressee/DE-BY"),
        URIRef(f"{TOP}request/2/addressee/DE-HE"),
    }


def test_all_laender_are_one_addressee_not_16_links(graph: Graph) -> None:
    assert len(set(graph.objects(request(5), INTMK.addressee))) == 1
    assert not any(
        str(o).startswith(ID + "land/") for o in graph.objects(request(5), INTMK.addressee)
    )


def test_laender_the_minutes_do_not_name_are_unresolved_with_a_finding(graph: Graph) -> None:
    unknown = URIRef(f"{TOP}request/6/unresolved-addressee/1")
    assert graph.value(unknown, INTMK.statedAs) == Literal("die übrigen Länder")
    assert graph.value(request(6), INTMK.addressee) is None
    (finding,) = set(graph.subjects(OA_TARGET, unknown))
    assert graph.value(finding, INTMK.findingKind) == URIRef(
        f"{CONCEPT}finding-kind/unresolved-addressee"
    )
    comments = {str(c) for c in graph.objects(finding, RDFS.comment)}
    assert any("welche Länder gemeint sind" in c and "Zeile 137" in c for c in comments)


def test_exactly_the_names_outside_their_period_have_a_finding(graph: Graph) -> None:
    kind = URIRef(f"{CONCEPT}finding-kind/name-outside-period")
    found = {str(f).removeprefix(ID) for f in graph.subjects(INTMK.findingKind, kind)}
    assert found == set(OUTSIDE)
    # a name of the day (the BMAS in 2026, the BMI's name of 2017 in 2017) has none
    for participation in (
        URIRef(f"{TOP}request/8/addressee/bmas"),
        URIRef(ID + "conference/12/resolution/2.2/request/6/addressee/bmi"),
    ):
        assert set(graph.subjects(OA_TARGET, participation)) == set()
        assert graph.value(participation, INTMK.nameOutsidePeriod) is None


@pytest.mark.parametrize("key", sorted(OUTSIDE))
def test_the_finding_names_wording_day_and_period(graph: Graph, key: str) -> None:
    participation, name, wording, day, period = OUTSIDE[key]
    finding, target = URIRef(ID + key), URIRef(ID + participation)
    assert graph.value(finding, OA_TARGET) == target
    assert graph.value(target, INTMK.statedAs) == Literal(wording)
    assert set(graph.objects(target, INTMK.nameOutsidePeriod)) == {URIRef(ID + name)}
    comments = [c for c in graph.objects(finding, RDFS.comment) if isinstance(c, Literal)]
    german = next(str(c) for c in comments if c.language == "de")
    assert f"„{wording}“" in german and f"({day})" in german and period in german


def test_the_addressee_keeps_the_name_of_the_meeting_day_in_its_label(graph: Graph) -> None:
    participation = URIRef(f"{TOP}request/7/addressee/bmfsfj")
    assert Literal(
        "Bundesministerium für Bildung, Familie, Senioren, Frauen und Jugend: Adressat von "
        "Bitte 7 zu TOP 2.2",
        lang="de",
    ) in set(graph.objects(participation, RDFS.label))
    in_2017 = URIRef(ID + "conference/12/resolution/2.2/request/12/addressee/bmi")
    assert Literal(
        "Bundesministerium des Innern: Adressat von Bitte 12 zu TOP 2.2", lang="de"
    ) in set(graph.objects(in_2017, RDFS.label))


def test_the_example_query_gives_the_names_of_the_meeting_day(graph: Graph) -> None:
    """Example 22: each organisation a conference names, with its name of the meeting day,
    the words used, and the name of another period where the words are one."""
    (example,) = [e for e in examples() if e.slug.startswith("22-")]
    rows = [
        {str(name): str(term) for name, term in row.items()}
        for row in graph.query(example.query(BASE)).bindings
    ]
    found = {
        (
            r["number"],
            r["organisation"].removeprefix(ID),
            r.get("nameDe", ""),
            r.get("statedAs", ""),
            r.get("nameUsed", ""),
            r.get("usedFrom", ""),
        )
        for r in rows
        if r["organisation"].endswith(("/bmi", "/bmfsfj", "/bmas", "/DE-BE"))
    }
    assert found == {
        # 2017: the guests' BMI and requests 6–8 by the name of the day, request 12 by
        # the name of 2018–2021
        ("12", "organisation/bmi", "Bundesministerium des Innern", "", "", ""),
        (
            "12",
            "organisation/bmi",
            "Bundesministerium des Innern",
            "das Bundesministerium des Innern",
            "",
            "",
        ),
        (
            "12",
            "organisation/bmi",
            "Bundesministerium des Innern",
            "das Bundesministerium des Innern, für Bau und Heimat",
            "Bundesministerium des Innern, für Bau und Heimat",
            "2018-03-14",
        ),
        (
            "12",
            "organisation/bmas",
            "Bundesministerium für Arbeit und Soziales",
            "die Bundesministerin für Arbeit und Soziales",
            "",
            "",
        ),
        # 2026: the guests' BMI by its name of today, a Land by its name
        ("21", "organisation/bmi", "Bundesministerium des Innern und für Heimat", "", "", ""),
        (
            "21",
            "organisation/bmi",
            "Bundesministerium des Innern und für Heimat",
            "das Bundesministerium des Innern, für Bau und Heimat",
            "Bundesministerium des Innern, für Bau und Heimat",
            "2018-03-14",
        ),
        (
            "21",
            "organisation/bmfsfj",
            "Bundesministerium für Bildung, Familie, Senioren, Frauen und Jugend",
            "das Bundesministerium für Familie, Senioren, Frauen und Jugend",
            "Bundesministerium für Familie, Senioren, Frauen und Jugend",
            "1994-11-17",
        ),
        (
            "21",
            "organisation/bmas",
            "Bundesministerium für Arbeit und Soziales",
            "das Bundesministerium für Arbeit und Soziales",
            "",
            "",
        ),
        ("21", "land/DE-BE", "Berlin", "das Land Berlin", "", ""),
        # request 10: the applicants (Hessen, Saarland) ask "die übrigen Länder", Berlin
        # among them
        ("21", "land/DE-BE", "Berlin", "die übrigen Länder", "", ""),
    }


@pytest.fixture(scope="module")
def client(built: tuple[Graph, str], work: Path) -> Iterator[httpx.Client]:
    """A real `intmk serve` over the build of both fixtures."""
    with (
        serve(work / "graph", work / "serve.log") as running,
        httpx.Client(base_url=running.url, timeout=30) as http,
    ):
        yield http


def page(client: httpx.Client, path: str) -> BeautifulSoup:
    response = client.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200, path
    return BeautifulSoup(response.text, "html.parser")


def addressees_on(soup: BeautifulSoup, number: int) -> list[tuple[str, str]]:
    meta = soup.select_one(f"#request-{number}")
    assert meta is not None
    return [(str(a["href"]), a.get_text(strip=True)) for a in meta.select("a.addressee")]


def test_the_resolution_page_shows_each_addressee_by_the_name_of_the_day(
    client: httpx.Client,
) -> None:
    in_2017 = page(client, "/doc/conference/12/resolution/2.2")
    # the minutes say "des Innern, für Bau und Heimat"; in April 2017 it was this
    assert [text for _, text in addressees_on(in_2017, 12)] == ["Bundesministerium des Innern"]
    in_2026 = page(client, "/doc/conference/21/resolution/2.2")
    assert [text for _, text in addressees_on(in_2026, 7)] == [
        "Bundesministerium für Bildung, Familie, Senioren, Frauen und Jugend"
    ]
    assert addressees_on(in_2026, 1) == [("/doc/land/DE-BE", "Berlin")]
    english = page(client, "/doc/conference/21/resolution/2.2?lang=en")
    assert sorted(text for _, text in addressees_on(english, 9)) == [
        "Berlin",
        "Federal Ministry of the Interior and Community",
    ]


def test_the_request_page_heads_with_the_addressees_of_the_day(client: httpx.Client) -> None:
    soup = page(client, "/doc/conference/12/resolution/2.2/request/12")
    headline = soup.select_one("#headline")
    assert headline is not None
    assert headline.get_text(strip=True) == "Adressat: Bundesministerium des Innern"
    unresolved = page(client, "/doc/conference/21/resolution/2.2/request/6")
    headline = unresolved.select_one("#headline")
    assert headline is not None
    assert headline.get_text(strip=True) == "Adressat: „die übrigen Länder“"


def test_the_conference_page_shows_the_guests_by_the_name_of_the_day(
    client: httpx.Client,
) -> None:
    for path, name in (
        ("/doc/conference/12", "Bundesministerium des Innern"),
        ("/doc/conference/21", "Bundesministerium des Innern und für Heimat"),
    ):
        guests = page(client, path).select_one('dl[data-key="guests"]')
        assert guests is not None
        assert [dt.get_text(strip=True) for dt in guests.select("dt")] == [name], path


def test_the_resolution_page_marks_a_name_of_another_period_and_lists_its_finding(
    client: httpx.Client,
) -> None:
    soup = page(client, "/doc/conference/21/resolution/2.2")
    meta = soup.select_one("#request-7")
    assert meta is not None
    text = meta.get_text(" ", strip=True)
    assert "Name außerhalb seines Zeitraums" in text
    assert "„das Bundesministerium für Familie, Senioren, Frauen und Jugend“" in text
    untouched = soup.select_one("#request-8")
    assert untouched is not None and "außerhalb" not in untouched.get_text(" ", strip=True)
    body = soup.get_text(" ", strip=True)
    # the findings list of the page: both names of other periods and "die übrigen Länder"
    assert "Bitte 7 nennt ihren Adressaten" in body and "Bitte 9 nennt ihren Adressaten" in body
    assert "welche Länder gemeint sind" in body


def test_the_other_laender_of_the_applicants_are_linked_with_their_words(graph: Graph) -> None:
    participation = URIRef(f"{TOP}request/10/addressee/DE-BY")
    assert graph.value(participation, INTMK.statedAs) == Literal("die übrigen Länder")
    assert graph.value(request(10), INTMK.unresolvedAddressee) is None
    assert (request(10), INTMK.addressee, URIRef(ID + "land/DE-HE")) not in graph

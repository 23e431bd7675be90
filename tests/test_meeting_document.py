"""Two documents whose titles name their meetings as other years' minutes do
(tests/fixtures/meetings/README.md), built with --lenient: every meeting with its own
kind, dates and place, places of several words or with a qualifier as place resources
(with Wikidata where checked), the phrase not read with its wording and a finding, the
example query and the conference page."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from bs4 import BeautifulSoup
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from server.examples import examples
from tests.conftest import BASE, CONCEPT, ID, INTMK
from tests.fixture_builds import union_graph
from tests.server_process import serve
from tests.test_build import run_build

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "meetings"
SCHEMA = "https://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"
OA_TARGET = URIRef("http://www.w3.org/ns/oa#hasTarget")
WIKIDATA = "http://www.wikidata.org/entity/"


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """`intmk build --lenient` of the two fixtures: the output folder and the summary."""
    work = tmp_path_factory.mktemp("meetings")
    sources = work / "sources"
    sources.mkdir()
    for fixture in sorted(FIXTURES.glob("*.txt")):
        shutil.copy(fixture, sources / fixture.name)
    result: subprocess.CompletedProcess[str] = run_build(sources, work / "graph", "--lenient")
    assert result.returncode == 0, result.stderr
    return work / "graph", result.stdout + result.stderr


@pytest.fixture(scope="module")
def graph(build: tuple[Path, str]) -> Graph:
    return union_graph(build[0] / "intmk.nq")


def meeting(number: int, key: str) -> URIRef:
    return URIRef(f"{ID}conference/{number}/meeting/{key}")


def place(key: str) -> URIRef:
    return URIRef(f"{ID}place/{key}")


def dates(graph: Graph, subject: URIRef) -> tuple[str, str]:
    day = graph.value(subject, URIRef(DCTERMS + "date"))
    start = graph.value(subject, URIRef(SCHEMA + "startDate")) or day
    end = graph.value(subject, URIRef(SCHEMA + "endDate")) or day
    return str(start), str(end)


def test_the_build_conforms_and_warns_of_the_phrase_not_read(
    build: tuple[Path, str], graph: Graph
) -> None:
    _, output = build
    conforms = list(graph.objects(None, URIRef("http://www.w3.org/ns/shacl#conforms")))
    assert conforms == [Literal(True)], output
    assert "019_intmk_2024_sonderkonferenz.txt:4: the meeting phrase 'Vorkonferenz am 16." in output
    rows = {line.split()[0]: line.split() for line in output.splitlines() if ".txt " in line}
    # findings: TOP A's title mismatch of each fixture, and the phrase not read
    assert rows["017_intmk_2022_vorkonferenz.txt"][7] == "1"
    assert rows["019_intmk_2024_sonderkonferenz.txt"][7] == "2"


def test_a_vorkonferenz_with_its_own_date_and_place(graph: Graph) -> None:
    """Regression: a Vorkonferenz lost its date and place."""
    conference = URIRef(f"{ID}conference/17")
    assert set(graph.objects(conference, INTMK.hasMeeting)) == {
        meeting(17, "hauptkonferenz"),
        meeting(17, "vorkonferenz"),
    }
    pre = meeting(17, "vorkonferenz")
    assert graph.value(pre, INTMK.meetingKind) == URIRef(CONCEPT + "meeting-kind/vorkonferenz")
    assert graph.value(pre, URIRef(DCTERMS + "date")) == Literal("2022-04-20", datatype=XSD.date)
    assert graph.value(pre, URIRef(SCHEMA + "location")) == place("halle-saale")
    assert str(graph.value(pre, URIRef(DCTERMS + "source"))).endswith("#line=2,3")
    main = meeting(17, "hauptkonferenz")
    assert dates(graph, main) == ("2022-04-21", "2022-04-22")
    assert graph.value(main, URIRef(SCHEMA + "location")) == place("halle-saale")


def test_a_place_with_a_qualifier_is_published_with_its_wikidata_item(graph: Graph) -> None:
    """Regression: "Halle (Saale)" was not published (checked QID: data/reference/wikidata.tsv)."""
    halle = place("halle-saale")
    assert (halle, RDF.type, URIRef(SCHEMA + "Place")) in graph
    assert set(graph.objects(halle, RDFS.label)) == {Literal("Halle (Saale)", lang="de")}
    assert set(graph.objects(halle, OWL.sameAs)) == {URIRef(WIKIDATA + "Q2814")}


def test_a_sonderkonferenz_in_a_place_of_several_words(graph: Graph) -> None:
    """Regressions: a Sonderkonferenz was published as a Hauptkonferenz; "Mülheim an der
    Ruhr" was not published. No QID is checked for it: no owl:sameAs."""
    special = meeting(19, "sonderkonferenz")
    assert set(graph.objects(URIRef(f"{ID}conference/19"), INTMK.hasMeeting)) == {special}
    kind = graph.value(special, INTMK.meetingKind)
    assert kind == URIRef(CONCEPT + "meeting-kind/sonderkonferenz")
    assert dates(graph, special) == ("2024-04-17", "2024-04-18")
    muelheim = place("muelheim-an-der-ruhr")
    assert graph.value(special, URIRef(SCHEMA + "location")) == muelheim
    assert set(graph.objects(muelheim, RDFS.label)) == {Literal("Mülheim an der Ruhr", lang="de")}
    assert list(graph.objects(muelheim, OWL.sameAs)) == []
    labels = {str(label) for label in graph.objects(special, RDFS.label)}
    assert labels == {
        "Sonderkonferenz der 19. IntMK 2024",
        "Special conference of the 19th IntMK 2024",
    }
    resolutions = set(graph.subjects(INTMK.decidedAt, special))
    assert len(resolutions) == 5


def test_the_phrase_not_read_is_published_with_its_wording_and_a_finding(graph: Graph) -> None:
    phrase = meeting(19, "unresolved-1")
    assert set(graph.objects(phrase, RDF.type)) == {INTMK.UnresolvedMeeting}
    assert (URIRef(f"{ID}conference/19"), INTMK.mentionsUnresolvedMeeting, phrase) in graph
    wording = "Vorkonferenz am 16. Aprill 2024 in Mülheim an der Ruhr"
    assert str(graph.value(phrase, INTMK.statedAs)) == wording
    assert graph.value(phrase, URIRef(DCTERMS + "date")) is None
    assert graph.value(phrase, URIRef(SCHEMA + "location")) is None
    assert meeting(19, "vorkonferenz") not in set(graph.subjects())  # nothing guessed
    finding = URIRef(f"{ID}conference/19/finding/meeting-1-not-read")
    assert graph.value(finding, INTMK.findingKind) == URIRef(
        CONCEPT + "finding-kind/unresolved-meeting"
    )
    assert graph.value(finding, OA_TARGET) == phrase
    comments = {
        c.language: str(c) for c in graph.objects(finding, RDFS.comment) if isinstance(c, Literal)
    }
    assert comments["de"].startswith(f"Titel, Zeile 4: die Sitzungsangabe „{wording}“")
    assert comments["en"].startswith(f"Title, line 4: the meeting phrase “{wording}”")
    assert str(graph.value(phrase, URIRef(DCTERMS + "source"))).endswith("#line=3,4")


def test_without_lenient_the_phrase_not_read_is_an_error(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    name = "019_intmk_2024_sonderkonferenz.txt"
    shutil.copy(FIXTURES / name, sources / name)
    result = run_build(sources, tmp_path / "graph")
    assert result.returncode != 0
    assert f"{name}:4: the title names a meeting as 'Vorkonferenz am 16. Aprill 2024" in (
        result.stderr
    )
    assert "intmk build --lenient" in result.stderr
    assert not (tmp_path / "graph").exists()


def test_the_example_query_lists_every_meeting(graph: Graph) -> None:
    (example,) = [e for e in examples() if e.slug.startswith("18-")]
    names = ("number", "kind", "start", "end", "place", "wikidata", "statedAs")
    bindings = [
        {str(name): str(term) for name, term in row.items()}
        for row in graph.query(example.query(BASE)).bindings
    ]
    rows = [tuple(b.get(name, "").removeprefix(WIKIDATA) for name in names) for b in bindings]
    assert rows == [
        ("17", "vorkonferenz", "2022-04-20", "2022-04-20", "Halle (Saale)", "Q2814", ""),
        ("17", "hauptkonferenz", "2022-04-21", "2022-04-22", "Halle (Saale)", "Q2814", ""),
        ("19", "", "", "", "", "", "Vorkonferenz am 16. Aprill 2024 in Mülheim an der Ruhr"),
        ("19", "sonderkonferenz", "2024-04-17", "2024-04-18", "Mülheim an der Ruhr", "", ""),
    ]


@pytest.fixture(scope="module")
def client(
    build: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[httpx.Client]:
    """A real `intmk serve` over the build of the fixtures."""
    log = tmp_path_factory.mktemp("meetings-server") / "serve.log"
    with serve(build[0], log) as running, httpx.Client(base_url=running.url, timeout=30) as http:
        yield http


def pairs(client: httpx.Client, path: str) -> list[tuple[str, str]]:
    response = client.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    terms, details = soup.select("dl.pairs dt"), soup.select("dl.pairs dd")
    return [
        (dt.get_text(" ", strip=True), dd.get_text(" ", strip=True))
        for dt, dd in zip(terms, details, strict=True)
    ]


def test_the_conference_page_shows_each_meeting_and_the_phrase_not_read(
    client: httpx.Client,
) -> None:
    assert pairs(client, "/doc/conference/19")[:2] == [
        (
            "Sonderkonferenz der 19. IntMK 2024",
            "17. April 2024 – 18. April 2024, Mülheim an der Ruhr",
        ),
        (
            "Sitzungsangabe nicht gelesen",
            "nicht aufgelöst „Vorkonferenz am 16. Aprill 2024 in Mülheim an der Ruhr“",
        ),
    ]
    assert pairs(client, "/doc/conference/17?lang=en")[:2] == [
        ("Preparatory conference of the 17th IntMK 2022", "20 April 2022, Halle (Saale)"),
        ("Main conference of the 17th IntMK 2022", "21 April 2022 – 22 April 2022, Halle (Saale)"),
    ]

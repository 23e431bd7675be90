"""A document in the seed's layout whose TOP 2.2 goes on in a nested lettered list, prints
a table laid out with spaces and has a footnote on a paragraph
(tests/fixtures/structure/019_intmk_2024.txt): its build publishes each exactly, and
conforms to the shapes."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from bs4 import BeautifulSoup
from rdflib import CSVW, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from server.examples import examples
from tests.conftest import BASE, ID, INTMK
from tests.fixture_builds import union_graph
from tests.server_process import serve
from tests.test_build import run_build

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "structure" / "019_intmk_2024.txt"
TOP = ID + "conference/19/resolution/2.2/"


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`intmk build` of the fixture alone: the output folder."""
    work = tmp_path_factory.mktemp("structure")
    sources = work / "sources"
    sources.mkdir()
    shutil.copy(FIXTURE, sources / FIXTURE.name)
    result: subprocess.CompletedProcess[str] = run_build(sources, work / "graph")
    assert result.returncode == 0, result.stderr
    assert "0 violations" in result.stdout
    return work / "graph"


@pytest.fixture(scope="module")
def graph(build: Path) -> Graph:
    return union_graph(build / "intmk.nq")


def number(graph: Graph, subject: Node | None, predicate: URIRef) -> int:
    return int(str(graph.value(subject, predicate)))


def integer(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def test_the_nested_list_items_in_order_with_label_level_and_parent(graph: Graph) -> None:
    paragraph = URIRef(TOP + "paragraph/2")
    items = sorted(
        graph.objects(paragraph, INTMK.hasBullet),
        key=lambda b: number(graph, b, INTMK.position),
    )
    found = [
        (
            str(graph.value(b, INTMK.bulletLabel)),
            number(graph, b, INTMK.listLevel),
            graph.value(b, INTMK.underItem),
            str(graph.value(b, INTMK.text)),
        )
        for b in items
    ]
    first = URIRef(TOP + "paragraph/2/bullet/1")
    assert found == [
        (
            "a)",
            1,
            None,
            "wie die Integrationskurse für alle Geflüchteten geöffnet werden können, und zwar",
        ),
        ("aa)", 2, first, "für Geflüchtete mit Duldung und"),
        ("bb)", 2, first, "für Geflüchtete im Asylverfahren;"),
        ("b)", 1, None, "wie die Kinderbetreuung während der Kurse finanziert werden kann."),
    ]


def test_the_table_as_csvw_between_paragraphs_3_and_4(graph: Graph) -> None:
    table = URIRef(TOP + "table/1")
    assert (URIRef(TOP[:-1]), INTMK.hasTable, table) in graph
    assert graph.value(table, RDF.type) == CSVW.Table
    assert graph.value(table, INTMK.afterParagraph) == URIRef(TOP + "paragraph/3")
    schema = graph.value(table, CSVW.tableSchema)
    columns = sorted(graph.objects(schema, CSVW.column), key=str)
    assert [
        (number(graph, c, INTMK.position), str(graph.value(c, CSVW.title))) for c in columns
    ] == [(1, "Land"), (2, "Kursplätze"), (3, "Mittel in Euro")]
    cells: dict[int, list[str]] = {}
    for row in graph.objects(table, CSVW.row):
        rownum = number(graph, row, CSVW.rownum)
        placed = sorted(
            (str(graph.value(cell, INTMK.inColumn)), str(graph.value(cell, RDF.value)))
            for cell in graph.objects(row, INTMK.hasCell)
        )
        cells[rownum] = [text for _, text in placed]
    assert cells == {1: ["Hessen", "800", "1.600.000"], 2: ["Saarland", "150", "300.000"]}


def test_the_table_is_no_paragraph_text(graph: Graph) -> None:
    """Regression: the rows of a table were read as the text of a paragraph."""
    texts = [
        str(t)
        for p in graph.objects(URIRef(TOP[:-1]), INTMK.hasParagraph)
        for t in graph.objects(p, INTMK.text)
    ]
    assert not [t for t in texts if "Saarland" in t or "1.600.000" in t]
    assert len(texts) == 4


def test_the_footnote_of_a_paragraph_with_number_and_text(graph: Graph) -> None:
    note = URIRef(ID + "conference/19/minutes/footnote/1")
    assert graph.value(note, INTMK.annotates) == URIRef(TOP + "paragraph/4")
    assert graph.value(note, INTMK.footnoteNumber) == integer(1)
    assert str(graph.value(note, INTMK.text)) == "Vgl. Beschluss der 18. IntMK 2023, TOP 2.1."
    paragraph_text = graph.value(URIRef(TOP + "paragraph/4"), INTMK.text)
    assert str(paragraph_text) == "Die Länder berichten der Arbeitsgruppe über die Umsetzung."


def test_the_example_query_lists_every_cell(graph: Graph) -> None:
    (example,) = [e for e in examples() if e.slug.startswith("21-")]
    names = ("afterParagraph", "row", "column", "title", "value")
    rows = [
        tuple(str(row[name]) for name in names)  # type: ignore[index]
        for row in graph.query(example.query(BASE)).bindings
    ]
    assert rows == [
        ("3", "1", "1", "Land", "Hessen"),
        ("3", "1", "2", "Kursplätze", "800"),
        ("3", "1", "3", "Mittel in Euro", "1.600.000"),
        ("3", "2", "1", "Land", "Saarland"),
        ("3", "2", "2", "Kursplätze", "150"),
        ("3", "2", "3", "Mittel in Euro", "300.000"),
    ]


@pytest.fixture(scope="module")
def page(build: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BeautifulSoup]:
    """The resolution's page, served by a real `intmk serve` over the build."""
    log = tmp_path_factory.mktemp("structure-server") / "serve.log"
    with serve(build, log) as running, httpx.Client(base_url=running.url, timeout=30) as http:
        response = http.get("/doc/conference/19/resolution/2.2", headers={"Accept": "text/html"})
        assert response.status_code == 200
        yield BeautifulSoup(response.text, "html.parser")


def test_the_page_nests_the_lettered_list_as_ordered_lists(page: BeautifulSoup) -> None:
    outer = page.select("blockquote.resolution > ol.bullets")
    assert len(outer) == 1
    items = outer[0].find_all("li", recursive=False)
    labels = [li.select_one("span.bullet-label") for li in items]
    assert [label.get_text() if label else "" for label in labels] == ["a)", "b)"]
    inner = items[0].select("ol.bullets > li")
    assert [li.get_text(" ", strip=True) for li in inner] == [
        "aa) für Geflüchtete mit Duldung und",
        "bb) für Geflüchtete im Asylverfahren;",
    ]


def test_the_page_shows_the_table_after_its_paragraph(page: BeautifulSoup) -> None:
    table = page.select_one("blockquote.resolution table#table-1")
    assert table is not None
    assert table.caption is not None
    assert table.caption.get_text(" ", strip=True) == "Tabelle 1 im Beschluss zu TOP 2.2"
    heads = table.select("thead th")
    assert [(th.get_text(), th.get("scope")) for th in heads] == [
        ("Land", "col"),
        ("Kursplätze", "col"),
        ("Mittel in Euro", "col"),
    ]
    cells = [[td.get_text() for td in tr.find_all("td")] for tr in table.select("tbody tr")]
    assert cells == [["Hessen", "800", "1.600.000"], ["Saarland", "150", "300.000"]]
    before = table.find_previous_sibling("p")
    assert before is not None
    assert before.get_text().startswith("Die Kursplätze verteilen sich")


def test_the_page_shows_the_footnote_under_its_paragraph_with_a_linked_marker(
    page: BeautifulSoup,
) -> None:
    marker = page.select_one("blockquote.resolution sup.footnote-marker a")
    assert marker is not None
    assert (marker.get_text(), marker["href"]) == ("1", "#footnote-1")
    paragraph = marker.find_parent("p")
    assert paragraph is not None
    assert paragraph.get_text().startswith("Die Länder berichten der Arbeitsgruppe")
    note = page.select_one("aside.footnotes p#footnote-1")
    assert note is not None
    assert note.get_text(" ", strip=True) == "1 Vgl. Beschluss der 18. IntMK 2023, TOP 2.1."

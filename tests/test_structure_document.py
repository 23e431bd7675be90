"""A document in the seed's layout whose TOP 2.2 goes on in a nested lettered list, prints
a table laid out with spaces and has a footnote on a paragraph
(tests/fixtures/structure/019_intmk_2024.txt): its build publishes each exactly, and
conforms to the shapes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import CSVW, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from tests.conftest import ID, INTMK
from tests.test_build import run_build

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "structure" / "019_intmk_2024.txt"
TOP = ID + "conference/19/resolution/2.2/"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    work = tmp_path_factory.mktemp("structure")
    sources = work / "sources"
    sources.mkdir()
    shutil.copy(FIXTURE, sources / FIXTURE.name)
    result: subprocess.CompletedProcess[str] = run_build(sources, work / "graph")
    assert result.returncode == 0, result.stderr
    assert "0 violations" in result.stdout
    data = Dataset()
    data.parse(work / "graph" / "intmk.nq", format="nquads")
    merged = Graph()
    for quad in data.quads():
        merged.add(quad[:3])
    return merged


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

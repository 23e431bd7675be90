"""SPARQL constraints are translated once per validation and give the same results."""

from __future__ import annotations

from pyshacl import validate as pyshacl_validate
from rdflib import Graph
from rdflib.plugins.sparql.processor import SPARQLProcessor

from mapping.prepared_sparql import PreparedQueries, prepared_queries
from mapping.shacl import validate

SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:NamedShape a sh:NodeShape ;
    sh:targetClass ex:Thing ;
    sh:sparql [
        sh:message "{$this} has no name" ;
        sh:select "SELECT $this WHERE { FILTER NOT EXISTS { $this <http://example.org/name> ?n } }"
    ] .
"""
DATA = """
@prefix ex: <http://example.org/> .
ex:a a ex:Thing ; ex:name "A" .
ex:b a ex:Thing .
ex:c a ex:Thing ; ex:name "C" .
ex:d a ex:Thing .
"""


def graphs() -> tuple[Graph, Graph]:
    return Graph().parse(data=DATA, format="turtle"), Graph().parse(data=SHAPES, format="turtle")


def focus_nodes(report: Graph) -> set[str]:
    sh = "http://www.w3.org/ns/shacl#"
    rows = report.query(f"SELECT ?f {{ ?r <{sh}focusNode> ?f }}")
    return {str(row[0]) for row in rows}  # type: ignore[index]


def test_one_translation_serves_every_focus_node_with_the_same_results() -> None:
    data, shapes = graphs()
    _, plain, _ = pyshacl_validate(data, shacl_graph=shapes, advanced=True)
    with prepared_queries() as prepared:
        _, cached, _ = pyshacl_validate(data, shacl_graph=shapes, advanced=True)
    assert isinstance(plain, Graph) and isinstance(cached, Graph)
    expected = {"http://example.org/b", "http://example.org/d"}
    assert focus_nodes(plain) == expected
    assert focus_nodes(cached) == expected
    assert prepared.parses == 1  # four focus nodes, one query text


def test_the_processor_is_restored_after_the_validation() -> None:
    original = SPARQLProcessor.query
    with prepared_queries():
        assert SPARQLProcessor.query is not original
    assert SPARQLProcessor.query is original


def test_the_processor_is_restored_when_the_validation_fails() -> None:
    original = SPARQLProcessor.query
    try:
        with prepared_queries():
            raise ValueError("a failing validation")
    except ValueError:
        pass
    assert SPARQLProcessor.query is original


def test_the_cache_is_bounded() -> None:
    prepared = PreparedQueries(limit=2)
    for number in range(5):
        prepared.get(f"SELECT * {{ ?s ?p {number} }}", None, None)
    assert len(prepared.queries) == 2
    assert prepared.parses == 5


def test_the_project_validation_finds_each_violation_once() -> None:
    data, shapes = graphs()
    results = validate(data, shapes).results
    assert sorted(str(result.focus) for result in results) == [
        "http://example.org/b",
        "http://example.org/d",
    ]

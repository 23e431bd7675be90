"""A document in the seed's layout with ranges, bounds, periods, years and an amount that
names no figure: its build publishes each as exactly one fact, and conforms."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from server.examples import examples
from tests.conftest import BASE, CONCEPT, ID, INTMK, value
from tests.fixture_builds import build_files

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "amounts" / "019_intmk_2024.txt"
SCHEMA = "https://schema.org/"
TOP = ID + "conference/19/resolution/2.2/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Graph, str]:
    """`intmk build` of the fixture alone: its graph and the validation summary."""
    merged, result = build_files(tmp_path_factory.mktemp("amounts"), [FIXTURE])
    return merged, result.stdout


@pytest.fixture(scope="module")
def graph(built: tuple[Graph, str]) -> Graph:
    return built[0]


def amount(paragraph: int, position: int) -> URIRef:
    return URIRef(f"{TOP}paragraph/{paragraph}/amount/{position}")


def optional(graph: Graph, subject: URIRef, predicate: URIRef) -> object:
    found = graph.value(subject, predicate)
    return None if found is None else value(graph, subject, predicate)


def facts(graph: Graph, a: URIRef) -> dict[str, object]:
    names = {"value": "value", "minValue": "min", "maxValue": "max"}
    found: dict[str, object] = {
        short: optional(graph, a, URIRef(SCHEMA + name)) for name, short in names.items()
    }
    found["statedAs"] = str(graph.value(a, INTMK.statedAs))
    found["period"] = graph.value(a, INTMK.perPeriod)
    found["years"] = sorted(str(y) for y in graph.objects(a, INTMK.forYear))
    return found


def test_the_build_conforms_and_counts_the_unresolved_amount(built: tuple[Graph, str]) -> None:
    graph, summary = built
    conforms = list(graph.objects(None, URIRef("http://www.w3.org/ns/shacl#conforms")))
    assert conforms == [Literal(True)], summary
    row = summary.splitlines()[1].split()  # document, conf., items, …, persons, findings
    assert row[7] == "2"  # the unresolved amount and TOP A's title-mismatch of the fixture


def test_a_range_for_each_of_two_years(graph: Graph) -> None:
    assert facts(graph, amount(3, 1)) == {
        "value": None,
        "min": Decimal(10_000_000),
        "max": Decimal(20_000_000),
        "statedAs": "10 bis 20 Mio. €",
        "period": Literal("P1Y", datatype=XSD.duration),
        "years": ["2024", "2025"],
    }
    assert (URIRef(TOP + "paragraph/3"), INTMK.mentionsAmount, amount(3, 1)) in graph


def test_a_maximum_per_year(graph: Graph) -> None:
    assert facts(graph, amount(3, 2)) == {
        "value": None,
        "min": None,
        "max": Decimal(5_000_000),
        "statedAs": "bis zu 5 Mio. € pro Jahr",
        "period": Literal("P1Y", datatype=XSD.duration),
        "years": [],
    }
    labels = {
        label.language: str(label)
        for label in graph.objects(amount(3, 2), RDFS.label)
        if isinstance(label, Literal)
    }
    assert labels == {"de": "bis zu 5 Mio. € pro Jahr", "en": "up to EUR 5,000,000 per year"}


def test_a_range_in_words_and_a_minimum_per_month(graph: Graph) -> None:
    assert facts(graph, amount(4, 2))["min"] == Decimal(2_000_000)
    assert facts(graph, amount(4, 2))["max"] == Decimal(3_000_000)
    assert facts(graph, amount(4, 3)) == {
        "value": None,
        "min": Decimal(300_000),
        "max": None,
        "statedAs": "mindestens 300.000 Euro monatlich",
        "period": Literal("P1M", datatype=XSD.duration),
        "years": [],
    }


def test_an_amount_with_no_figure_is_published_unresolved_with_a_finding(graph: Graph) -> None:
    vague = amount(4, 1)
    assert set(graph.objects(vague, RDF.type)) == {INTMK.UnresolvedAmount}
    assert str(graph.value(vague, INTMK.statedAs)) == "mehrere Millionen Euro"
    assert graph.value(vague, URIRef(SCHEMA + "value")) is None
    assert (URIRef(TOP + "paragraph/4"), INTMK.mentionsUnresolvedAmount, vague) in graph
    finding = URIRef(ID + "conference/19/finding/2.2-unresolved-amount-4-1")
    kind = URIRef(CONCEPT + "finding-kind/unresolved-amount")
    assert graph.value(finding, INTMK.findingKind) == kind
    assert graph.value(finding, URIRef("http://www.w3.org/ns/oa#hasTarget")) == vague
    comments = {
        c.language: str(c) for c in graph.objects(finding, RDFS.comment) if isinstance(c, Literal)
    }
    assert comments["de"].startswith("TOP 2.2, Zeile 135: der Betrag „mehrere Millionen Euro“")
    assert comments["en"].startswith("Item 2.2, line 135: the amount “mehrere Millionen Euro”")
    source = str(graph.value(vague, URIRef("http://purl.org/dc/terms/source")))
    assert source.endswith("#line=134,135")


def test_the_example_query_lists_ranges_periods_and_the_unresolved_amount(graph: Graph) -> None:
    (example,) = [e for e in examples() if e.slug.startswith("17")]
    bindings = [
        {str(name): str(term) for name, term in row.items()}
        for row in graph.query(example.query(BASE)).bindings
    ]
    rows = [
        (r["statedAs"], r.get("period", ""), set(r.get("years", "").split()), r["unresolved"])
        for r in bindings
    ]  # GROUP_CONCAT gives the years in no defined order
    assert rows == [
        ("10 bis 20 Mio. €", "P1Y", {"2024", "2025"}, "false"),
        ("bis zu 5 Mio. € pro Jahr", "P1Y", set(), "false"),
        ("mehrere Millionen Euro", "", set(), "true"),
        ("zwischen zwei und drei Millionen Euro", "", set(), "false"),
        ("mindestens 300.000 Euro monatlich", "P1M", set(), "false"),
    ]

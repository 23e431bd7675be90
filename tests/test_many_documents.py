"""Several minutes in one build: one named graph and one conference per document, links
between conferences, URIs that do not depend on which other documents are built."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from mapping.build import parse_all
from server.dataset import PublishedDataset, load_dataset
from tests.conftest import BASE, ID, INTMK, SEED
from tests.test_build import files_of, run_build

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "documents"
SEVENTEENTH = FIXTURES / "017_intmk_2022.txt"
NINETEENTH = FIXTURES / "019_intmk_2024.txt"
MINUTES = {18: SEED, 17: SEVENTEENTH, 19: NINETEENTH}


@pytest.fixture(scope="module")
def several(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """`intmk build` over the seed and both fixtures: (published folder, the process)."""
    work = tmp_path_factory.mktemp("several")
    sources = work / "sources"
    sources.mkdir()
    for path in MINUTES.values():
        shutil.copy(path, sources / path.name)
    result = run_build(sources, work / "graph")
    assert result.returncode == 0, result.stderr
    return work / "graph", result


@pytest.fixture(scope="module")
def quads(several: tuple[Path, subprocess.CompletedProcess[str]]) -> Dataset:
    data = Dataset()
    data.parse(several[0] / "intmk.nq", format="nquads")
    return data


@pytest.fixture(scope="module")
def union(quads: Dataset) -> Graph:
    merged = Graph()
    for quad in quads.quads():
        merged.add(quad[:3])
    return merged


def conference(number: int) -> URIRef:
    return URIRef(f"{ID}conference/{number}")


def test_the_graph_of_three_documents_conforms(
    several: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    assert "validation: 0 violations, 10 warnings, 2 notes" in several[1].stdout


def test_one_named_graph_per_document(quads: Dataset) -> None:
    names = {str(graph.identifier) for graph in quads.graphs() if len(graph)}
    assert {f"{ID}conference/{n}/graph" for n in MINUTES} <= names
    assert not {f"{ID}conference/{n}/minutes" for n in MINUTES} & names  # documents, not graphs
    for number, path in MINUTES.items():
        named = quads.graph(URIRef(f"{ID}conference/{number}/graph"))
        document = URIRef(f"{ID}conference/{number}/minutes")
        assert (document, INTMK.fileName, Literal(path.name)) in named


@pytest.mark.parametrize(
    ("number", "year", "label"),
    [
        (17, "2022", "17. IntMK 2022"),
        (18, "2023", "18. IntMK 2023"),
        (19, "2024", "19. IntMK 2024"),
    ],
)
def test_each_conference_has_its_number_and_year_from_its_document(
    union: Graph, number: int, year: str, label: str
) -> None:
    uri = conference(number)
    assert list(union.objects(uri, INTMK.conferenceNumber)) == [Literal(number)]
    assert list(union.objects(uri, INTMK.year)) == [Literal(year, datatype=XSD.gYear)]
    assert Literal(label, lang="de") in set(union.objects(uri, RDFS.label))
    assert (uri, INTMK.minutes, URIRef(f"{ID}conference/{number}/minutes")) in union


def test_the_seventeenth_conference_is_fully_described(union: Graph) -> None:
    c17 = conference(17)
    items = set(union.objects(c17, INTMK.hasAgendaItem))
    assert URIRef(f"{ID}conference/17/item/2.1") in items
    assert len(items) == 8
    assert (URIRef(f"{ID}conference/17/resolution/2.2"), RDF.type, INTMK.Resolution) in union
    assert list(union.objects(c17, INTMK.chairLand)) == [URIRef(f"{ID}land/DE-BW")]


def test_references_to_earlier_conferences_link_to_their_resources(union: Graph) -> None:
    seed_paragraph = URIRef(f"{ID}conference/18/resolution/1.2/paragraph/1")
    assert (seed_paragraph, INTMK.refersToConference, conference(17)) in union
    paragraph = URIRef(f"{ID}conference/17/resolution/2.1/paragraph/1")
    assert (paragraph, INTMK.refersToConference, conference(16)) in union
    assert list(union.objects(conference(16), INTMK.year)) == [Literal("2021", datatype=XSD.gYear)]
    # the seed names "die 16. IntMK" without a year, 017 dates it: the build labels the
    # 16th (no minutes of its own) in the reference data, one label per language
    assert set(union.objects(conference(16), RDFS.label)) == {
        Literal("16. IntMK 2021", lang="de"),
        Literal("16th IntMK 2021", lang="en"),
    }
    later = URIRef(f"{ID}conference/19/resolution/1.1/paragraph/1")
    assert (later, INTMK.refersToConference, conference(18)) in union


def test_the_seed_graph_is_the_same_with_and_without_other_documents(
    several: tuple[Path, subprocess.CompletedProcess[str]], built: Path
) -> None:
    """Adding documents changes no URI (and no triple) of the seed's graph."""
    name = f"{SEED.stem}.ttl"
    assert (several[0] / name).read_bytes() == (built / name).read_bytes()
    alone, together = Dataset(), Dataset()
    alone.parse(built / "intmk.nq", format="nquads")
    together.parse(several[0] / "intmk.nq", format="nquads")
    seed_graph = URIRef(f"{ID}conference/18/graph")
    assert uri_subjects(alone.graph(seed_graph)) == uri_subjects(together.graph(seed_graph))


def uri_subjects(graph: Graph) -> set[URIRef]:
    return {subject for subject in graph.subjects() if isinstance(subject, URIRef)}


def test_the_report_names_each_document_with_its_counts(
    several: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    result = several[1]
    rows = [line.split() for line in result.stdout.splitlines()[1:5]]
    assert [row[:9] for row in rows] == [
        # addressees (session 11): +37, the intmk:statedAs of each addressee participation
        ["000_7e277fc99396a581.txt", "18", "43", "30", "37", "33", "58", "8", "8043"],
        # each fixture publishes the 5 running-header texts learned from it
        ["017_intmk_2022.txt", "17", "8", "5", "1", "1", "8", "1", "821"],
        # 019 meets in Mainz, which the place table names in English too
        ["019_intmk_2024.txt", "19", "8", "5", "1", "1", "8", "1", "822"],
        ["total", "59", "40", "39", "35", "74", "10", "9686"],
    ]
    for index, path in enumerate(MINUTES.values(), start=1):
        assert f"[{index}/3] parsing {path.name}" in result.stderr
    assert "emitting conference 17" in result.stderr


def test_the_build_of_several_documents_loads_and_describes_the_union(
    several: tuple[Path, subprocess.CompletedProcess[str]], union: Graph
) -> None:
    published: PublishedDataset = load_dataset(several[0], BASE)
    answer = published.store.query(
        "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ?g { ?c a <"
        + str(INTMK.Conference)
        + "> ; <"
        + str(INTMK.minutes)
        + "> ?m } }"
    )
    assert [row[0].value for row in answer] == ["3"]  # type: ignore[union-attr]
    description = Graph().parse(several[0] / "dataset.ttl")
    void = "http://rdfs.org/ns/void#"
    dataset = URIRef(f"{BASE}dataset#dataset")
    assert description.value(dataset, URIRef(void + "triples")) == Literal(len(union))
    resolutions = set(union.subjects(RDF.type, INTMK.Resolution))
    assert len(resolutions) == 40
    partition = next(
        node
        for node in description.objects(dataset, URIRef(void + "classPartition"))
        if description.value(node, URIRef(void + "class")) == INTMK.Resolution
    )
    assert description.value(partition, URIRef(void + "entities")) == Literal(40)
    assert sorted(files_of(several[0] / "sources")) == sorted(p.name for p in MINUTES.values())


def test_a_year_agreed_by_every_source_passes_the_check() -> None:
    """The 17th is dated 2022 by its own minutes and by the seed's reference."""
    parsed = parse_all([SEED, SEVENTEENTH, NINETEENTH], report=lambda message: None)
    assert [(m.number, m.year) for m in parsed] == [(18, 2023), (17, 2022), (19, 2024)]

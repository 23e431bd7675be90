"""Shared fixtures: the seed minutes parsed once, and one build of the graph per session."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph
import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from mapping.build import build
from mapping.model import Minutes
from mapping.parse_document import parse_file
from mapping.uris import VOCABULARY, Uris
from tests.server_process import RunningServer, serve

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "sources" / "000_7e277fc99396a581.txt"
BASE = "http://localhost:8000/"
INTMK = Namespace(VOCABULARY + "ontology#")  # the same on every base
ID = BASE + "id/"
CONCEPT = VOCABULARY + "id/"  # concept schemes are vocabulary too

# The time of every build in the tests (the build activity in the dataset description):
# fixed, so that two builds of the same sources write the same bytes, as they promise
# with the same SOURCE_DATE_EPOCH (mapping/build_activity.py). Tests of the clock unset it.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")


@pytest.fixture(scope="session")
def minutes() -> Minutes:
    return parse_file(SEED)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A build of data/sources into a temporary folder; yields the published graph folder."""
    work = tmp_path_factory.mktemp("build")
    sources = work / "sources"
    sources.mkdir()
    shutil.copy(SEED, sources / SEED.name)
    output = work / "graph"
    build(sources, output, Uris(BASE), report=lambda message: None)
    yield output


@pytest.fixture(scope="session")
def dataset(built: Path) -> Dataset:
    data = Dataset()
    data.parse(built / "intmk.nq", format="nquads")
    return data


DERIVED_GRAPHS = frozenset({URIRef(ID + "validation-report"), URIRef(ID + "entailed")})


def asserted(dataset: Dataset) -> Graph:
    """The published triples the shapes speak of: every named graph but the validation
    report and the entailed types and super-properties, which the build derives."""
    graph = Graph()
    for s, p, o, g in dataset.quads():
        if g not in DERIVED_GRAPHS:
            graph.add((s, p, o))
    return graph


@pytest.fixture(scope="session")
def graph(dataset: Dataset) -> Graph:
    """The union of every named graph."""
    union = Graph()
    for quad in dataset.quads():
        union.add(quad[:3])
    return union


@pytest.fixture(scope="session")
def store(built: Path) -> pyoxigraph.Store:
    """What the server serves: the data and the dataset description (graph {base}dataset)."""
    store = pyoxigraph.Store()
    for name in ("intmk.nq", "dataset.nq"):
        store.bulk_load(path=str(built / name), format=pyoxigraph.RdfFormat.N_QUADS)
    return store


def value(graph: Graph, subject: Node, predicate: URIRef) -> object:
    """The Python value of the one literal object of (subject, predicate)."""
    literal = graph.value(subject, predicate)
    assert isinstance(literal, Literal), f"no literal for {subject} {predicate}"
    return literal.toPython()


def languages(graph: Graph, subject: Node, predicate: URIRef) -> set[str | None]:
    return {o.language for o in graph.objects(subject, predicate) if isinstance(o, Literal)}


def select(store: pyoxigraph.Store, query: str) -> list[tuple[str, ...]]:
    """Run a SELECT over the union of the named graphs; values as plain strings."""
    results = store.query(query, use_default_graph_as_union=True)
    assert isinstance(results, pyoxigraph.QuerySolutions), "expected a SELECT query"
    rows = []
    for solution in results:
        rows.append(tuple(term.value if term is not None else "" for term in solution))
    return rows


@pytest.fixture(scope="session")
def server(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """One real `intmk serve` process over the seed build, shared by the HTTP tests."""
    log = tmp_path_factory.mktemp("server") / "serve.log"
    with serve(built, log) as running:
        yield running


@pytest.fixture(scope="session")
def client(server: RunningServer) -> Iterator[httpx.Client]:
    """An HTTP client for the shared server; it does not follow redirects."""
    with httpx.Client(base_url=server.url, timeout=30, follow_redirects=False) as http:
        yield http

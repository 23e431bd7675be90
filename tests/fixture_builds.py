"""`intmk build` of a few fixtures in a folder of their own, and the graph it publishes."""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph, Variable

from server.examples import examples
from tests.conftest import BASE
from tests.test_build import run_build


def union_graph(nquads: Path) -> Graph:
    """The triples of every graph of an N-Quads dump, as one graph."""
    data = Dataset()
    data.parse(nquads, format="nquads")
    merged = Graph()
    for quad in data.quads():
        merged.add(quad[:3])
    return merged


def build_texts(
    work: Path, sources: Iterable[tuple[str, str]], *extra: str
) -> tuple[Graph, subprocess.CompletedProcess[str]]:
    """`intmk build` of the given (file name, text) sources in `work`: the union graph and
    the finished process (the build must succeed)."""
    folder = work / "sources"
    folder.mkdir()
    for name, text in sources:
        (folder / name).write_text(text, encoding="utf-8")
    result = run_build(folder, work / "graph", *extra)
    assert result.returncode == 0, result.stderr
    return union_graph(work / "graph" / "intmk.nq"), result


def build_files(
    work: Path, files: Iterable[Path], *extra: str
) -> tuple[Graph, subprocess.CompletedProcess[str]]:
    """`intmk build` of copies of the given fixture files (see build_texts)."""
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in files]
    return build_texts(work, texts, *extra)


def example_rows(graph: Graph, number: int, names: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The answer of example query `number` (server/queries/NN-*.rq) over `graph`: the named
    variables of each row as text, "" where unbound."""
    (example,) = [e for e in examples() if e.slug.startswith(f"{number:02d}-")]
    return [
        tuple(str(row[Variable(n)]) if row.get(Variable(n)) is not None else "" for n in names)
        for row in graph.query(example.query(BASE)).bindings
    ]

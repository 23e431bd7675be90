"""`intmk validate FILE…` as a person uses it: readable results and exit status 0 / 1 / 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef

from tests.conftest import ID, INTMK, ROOT


def run_validate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli.main", "validate", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def document_graph(built: Path) -> Graph:
    return Graph().parse(built / "000_7e277fc99396a581.ttl", format="turtle")


@pytest.mark.parametrize("syntax", ["nt", "json-ld", "nquads"])
def test_a_valid_graph_in_any_syntax_conforms(
    syntax: str, document_graph: Graph, tmp_path: Path
) -> None:
    suffix = {"nt": ".nt", "json-ld": ".jsonld", "nquads": ".nq"}[syntax]
    path = tmp_path / f"graph{suffix}"
    if syntax == "nquads":
        dataset = Dataset()
        named = dataset.graph(URIRef(ID + "conference/18/graph"))
        for triple in document_graph:
            named.add(triple)
        dataset.serialize(path, format="nquads")
    else:
        document_graph.serialize(path, format=syntax)
    result = run_validate(str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("conforms: 0 violations, ")


def test_the_published_turtle_conforms_and_lists_warnings(built: Path) -> None:
    result = run_validate(str(built / "000_7e277fc99396a581.ttl"), "--lang", "de")
    assert result.returncode == 0
    assert "— warning," in result.stdout
    assert "focus    <http://localhost:8000/id/conference/18/item/4.1>" in result.stdout


def test_violations_are_grouped_by_shape_with_focus_path_and_message(
    document_graph: Graph, tmp_path: Path
) -> None:
    broken = Graph()
    for triple in document_graph:
        broken.add(triple)
    for top in ("4.4", "6.1"):
        broken.remove((URIRef(ID + f"conference/18/resolution/{top}"), INTMK.outcome, None))
    path = tmp_path / "broken.ttl"
    broken.serialize(path, format="turtle")
    result = run_validate(str(path), "--violations-only")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "shapes:Resolution-outcome — violation, 2 results" in lines
    assert "  focus    <http://localhost:8000/id/conference/18/resolution/4.4>" in lines
    assert "  path     intmk:outcome" in lines
    assert any(line.startswith("  message  ") for line in lines)
    assert lines[-1].startswith("does not conform: 2 violations")
    assert "— warning" not in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("garbage.ttl", "this is <not turtle", "garbage.ttl: not readable as turtle"),
        ("data.csv", "a,b\n", "unknown file type '.csv'"),
    ],
)
def test_unreadable_input_exits_2(tmp_path: Path, name: str, content: str, expected: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    result = run_validate(str(path))
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = run_validate(str(tmp_path / "nothing.ttl"))
    assert result.returncode == 2
    assert "nothing.ttl: no such file" in result.stderr

"""The README tells the truth: its build summary and its example queries' answers are real."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph

from cli.main import summary_table
from mapping.build import DocumentSummary
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLE = re.compile(r"```sparql\n(?P<query>.*?)```\n\n(?P<table>(?:\|[^\n]*\|\n)+)", re.DOTALL)


def table_rows(table: str) -> list[list[str]]:
    lines = table.strip().splitlines()
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]


def test_readme_starts_with_the_two_commands() -> None:
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert [line.split("#")[0].strip() for line in first_block] == ["make run", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_the_build_summary_in_the_readme_is_real(built: Path) -> None:
    summary = json.loads((built / "summary.json").read_text())
    documents = [DocumentSummary(**entry) for entry in summary["documents"]]
    shown = README.split("<!-- build-summary -->\n```text\n", 1)[1].split("```", 1)[0]
    assert shown.strip() == summary_table(documents)


def test_the_example_queries_give_the_answers_shown(store: pyoxigraph.Store) -> None:
    examples = list(EXAMPLE.finditer(README))
    assert len(examples) == 3
    for example in examples:
        results = store.query(example.group("query"), use_default_graph_as_union=True)
        assert isinstance(results, pyoxigraph.QuerySolutions)
        header = [v.value for v in results.variables]
        rows = [[term.value if term is not None else "" for term in row] for row in results]
        assert example.group("table").splitlines()[0] == "| " + " | ".join(header) + " |"
        assert rows == table_rows(example.group("table"))

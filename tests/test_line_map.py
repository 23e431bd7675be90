"""Every line accounted for: the line map of every fixture, the errors, `intmk explain`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from mapping.claims import minutes_claims
from mapping.document.line_map import line_map
from mapping.errors import SourceError
from mapping.parse_document import parse_file, parse_text
from mapping.source import read_source
from tests.conftest import CONCEPT, ID, INTMK, SEED

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
READABLE = [
    SEED,
    *sorted((FIXTURES / "documents").glob("*.txt")),
    *sorted((FIXTURES / "layouts").glob("*.txt")),
    *sorted((FIXTURES / "damage" / "clean").glob("*.txt")),
]
# a line between two delegations that the participant list has no place for
STRAY = "Protokollführung: Geschäftsstelle der IntMK"


@pytest.mark.parametrize("path", READABLE, ids=lambda path: path.name)
def test_every_line_is_claimed_exactly_once(path: Path) -> None:
    source = read_source(path)
    assert source.document is not None
    entries, problems = line_map(source.document, minutes_claims(parse_file(path)))
    assert problems == []
    assert [entry.line.number for entry in entries] == list(range(1, len(entries) + 1))
    content = [entry for entry in entries if entry.line.kind.value == "content"]
    assert all(entry.what not in ("", "UNCLAIMED") for entry in content)


def test_the_seeds_map_names_what_became_of_each_kind_of_line() -> None:
    source = read_source(SEED)
    assert source.document is not None
    entries, _ = line_map(source.document, minutes_claims(parse_file(SEED)))
    what = {entry.line.number: entry.what for entry in entries}
    assert what[1] == "blank"
    assert what[3] == what[5] == "title"
    assert what[15] == "structure: participant list heading"
    assert what[21] == "Person Ute Leidig (Delegation DE-BW)"
    assert what[63] == "running header"
    assert what[210] == "Resolution A heading"
    assert what[220] == "structure: agenda heading"
    assert what[222] == "structure: agenda table header"
    assert what[271] == "structure: agenda legend"


def stray_line(tmp_path: Path) -> Path:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    at = lines.index("Bayern")
    lines[at:at] = [STRAY, ""]
    path = tmp_path / "minutes.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_line_no_fact_claims_is_an_error_naming_it(tmp_path: Path) -> None:
    path = stray_line(tmp_path)
    try:
        minutes = parse_file(path)
    except SourceError as error:
        assert error.line == 25
        assert STRAY in error.problem
        return
    source = read_source(path)
    assert source.document is not None
    # the participant grammar took it as a fact: then it is claimed, and published
    _, problems = line_map(source.document, minutes_claims(minutes))
    assert problems == []
    assert STRAY in str(minutes.delegations)


def test_two_facts_claiming_one_line_are_reported(tmp_path: Path) -> None:
    from mapping.document.line_map import Claim

    source = read_source(SEED)
    assert source.document is not None
    # overlaps the end of the Baden-Württemberg and the start of the Bayern delegation
    claims = [*minutes_claims(parse_file(SEED)), Claim("a made-up fact", 23, 26)]
    _, problems = line_map(source.document, claims)
    assert [problem.line.number for problem in problems] == [23, 25]  # 24, 26 blank
    assert "claimed twice: by Delegation DE-BW" in problems[0].problem


def test_lenient_publishes_an_unread_line_as_a_finding(tmp_path: Path) -> None:
    """A document whose only problem is a line nothing claims: --lenient keeps the rest and
    records the line as a data-quality finding."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    at = lines.index("Liste der Teilnehmenden")  # after the contents, before the list
    lines[at:at] = ["Anlagen: siehe gesonderte Liste der Beschlüsse", ""]
    path = tmp_path / "sources" / "000_minutes.txt"
    path.parent.mkdir()
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(SourceError) as error:
        parse_file(path)
    line = error.value.line
    assert line is not None
    minutes = parse_text(read_source(path), lenient=True)
    assert [(u.lines.first, u.text) for u in minutes.unread_lines] == [(line, lines[line - 1])]
    output = tmp_path / "graph"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cli.main",
            "build",
            "--lenient",
            "--sources",
            str(path.parent),
            "--output",
            str(output),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    graph = Graph().parse(output / "000_minutes.ttl")
    finding = URIRef(f"{ID}conference/18/finding/line-{line}-not-read")
    assert graph.value(finding, INTMK.findingKind) == URIRef(f"{CONCEPT}finding-kind/line-not-read")


def explain(path: Path) -> subprocess.CompletedProcess[str]:
    """`intmk explain PATH`, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "cli.main", "explain", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_explain_prints_every_line() -> None:
    result = explain(SEED)
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()
    assert rows[0].startswith(f"# {SEED.name}: ")
    assert len(rows) == 1 + len(read_source(SEED).lines)
    assert "running header" in rows[63]
    assert "Person Ute Leidig" in rows[21]


def test_explain_names_the_line_nothing_claims(tmp_path: Path) -> None:
    path = stray_line(tmp_path)
    result = explain(path)
    if result.returncode == 0:
        assert STRAY in result.stdout
        return
    assert f"{path}:25" in result.stdout + result.stderr

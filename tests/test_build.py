"""`intmk build` as a user runs it: summary, determinism, atomic publication, clear errors."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED


def run_build(sources: Path, output: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "cli.main",
            "build",
            "--sources",
            str(sources),
            "--output",
            str(output),
            *extra,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture()
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` by its relative path."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_build_prints_a_summary_and_writes_every_file(sources: Path, tmp_path: Path) -> None:
    output = tmp_path / "graph"
    result = run_build(sources, output)
    assert result.returncode == 0, result.stderr
    header, row = result.stdout.splitlines()[:2]
    assert header.split() == [
        "document",
        "conf.",
        "items",
        "resolutions",
        "requests",
        "to",
        "Bund",
        "persons",
        "findings",
        "triples",
    ]
    assert row.split()[:8] == ["000_7e277fc99396a581.txt", "18", "43", "30", "37", "33", "58", "8"]
    assert "[1/1] parsing 000_7e277fc99396a581.txt" in result.stderr
    assert sorted(files_of(output)) == [
        "000_7e277fc99396a581.ttl",
        "dataset.nq",
        "dataset.ttl",
        "dumps/intmk.nq.gz",
        "dumps/intmk.ttl",
        "entailed.ttl",
        "intmk.nq",
        "ontology-de.svg",
        "ontology-en.svg",
        "ontology.ttl",
        "reference-data.ttl",
        "sources/000_7e277fc99396a581.txt",
        "summary.json",
        "validation-report.ttl",
    ]
    assert (output / "sources" / SEED.name).read_bytes() == SEED.read_bytes()
    summary = json.loads((output / "summary.json").read_text())
    assert summary["base"] == "http://localhost:8000/"
    assert summary["documents"][0]["requests_to_bund"] == 33


def test_the_same_input_gives_byte_identical_files(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same sources and the same SOURCE_DATE_EPOCH (the build's time, the one input
    that is not a file): the same bytes, the dataset description's build activity too."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1682553600")
    first, second = tmp_path / "one", tmp_path / "two"
    assert run_build(sources, first).returncode == 0
    assert run_build(sources, second).returncode == 0
    assert files_of(first) == files_of(second)
    assert '"2023-04-27T00:00:00+00:00"^^xsd:dateTime' in (first / "dataset.ttl").read_text()


def test_without_source_date_epoch_only_the_description_holds_the_time(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two builds a second apart differ in the build activity's times (dataset.ttl,
    dataset.nq and the summary recording its checksum), in nothing else."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = tmp_path / "one", tmp_path / "two"
    assert run_build(sources, first).returncode == 0
    time.sleep(1.1)
    assert run_build(sources, second).returncode == 0
    one, two = files_of(first), files_of(second)
    assert sorted(name for name in one if one[name] != two.get(name)) == [
        "dataset.nq",
        "dataset.ttl",
        "summary.json",
    ]


def test_named_graph_per_document_in_the_nquads(sources: Path, tmp_path: Path) -> None:
    output = tmp_path / "graph"
    assert run_build(sources, output).returncode == 0
    graphs = {line.rsplit(" ", 2)[-2] for line in (output / "intmk.nq").read_text().splitlines()}
    assert graphs == {
        "<http://localhost:8000/id/conference/18/graph>",
        "<http://localhost:8000/id/reference-data>",
        "<https://w3id.org/intmk/ontology>",
        "<http://localhost:8000/id/validation-report>",
        "<http://localhost:8000/id/entailed>",
    }


def test_the_base_uri_is_configurable(sources: Path, tmp_path: Path) -> None:
    output = tmp_path / "graph"
    result = run_build(sources, output, "--base", "https://intmk.example.org/")
    assert result.returncode == 0, result.stderr
    text = (output / "intmk.nq").read_text()
    assert "localhost:8000" not in text
    assert "<https://intmk.example.org/id/conference/18/resolution/4.1>" in text
    assert "<https://w3id.org/intmk/ontology#Resolution>" in text  # the vocabulary: fixed


def vocabulary_of(nquads: str) -> tuple[set[str], set[str]]:
    """The ontology graph's statements (but those of blank nodes, whose labels a build
    picks), and every vocabulary IRI the whole file uses."""
    graph = "<https://w3id.org/intmk/ontology> ."
    lines = nquads.splitlines()
    ontology = {line for line in lines if line.endswith(graph) and "_:" not in line}
    terms = set(re.findall(r"<(https://w3id\.org/intmk/[^>]*)>", nquads))
    return ontology, terms


def test_two_bases_share_one_vocabulary(sources: Path, tmp_path: Path) -> None:
    """Data of two deployments can be merged and queried with one query: the ontology, the
    concept schemes and every term the data uses are the same IRIs for both bases."""
    found = []
    for name, base in (("one", "https://intmk.example.org/"), ("two", "http://127.0.0.1:34081/")):
        output = tmp_path / name
        assert run_build(sources, output, "--base", base).returncode == 0
        text = (output / "intmk.nq").read_text(encoding="utf-8")
        assert f"<{base}id/conference/18>" in text
        found.append(vocabulary_of(text))
    (ontology_one, terms_one), (ontology_two, terms_two) = found
    assert ontology_one == ontology_two and len(ontology_one) > 1000
    assert terms_one == terms_two
    assert "https://w3id.org/intmk/id/outcome/einstimmig" in terms_one
    assert "https://w3id.org/intmk/ontology#Resolution" in terms_one


def test_a_failing_build_keeps_the_previous_build(sources: Path, tmp_path: Path) -> None:
    output = tmp_path / "graph"
    assert run_build(sources, output).returncode == 0
    before = files_of(output)
    broken = SEED.read_text(encoding="utf-8").replace(
        "Antragsteller: Hessen, Hamburg", "Antragsteller: Hessen, Atlantis"
    )
    (sources / "001_broken.txt").write_text(broken, encoding="utf-8")
    result = run_build(sources, output)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "001_broken.txt:307: unknown Land name 'Atlantis'" in result.stderr
    assert "the previous build is unchanged" in result.stderr
    assert files_of(output) == before
    staging = [
        p.name for p in (tmp_path / ".builds" / "graph").iterdir() if p.name.startswith("staging")
    ]
    assert staging == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"Einkaufsliste\n\nMilch, Brot", "the file begins with 'Einkaufsliste'"),
        ("Externe Niederschrift".encode("utf-16"), "the file is UTF-16 encoded"),
        (b"\xef\xbb\xbfExterne Niederschrift", "byte order mark"),
        ("Externe Niederschrift über die Beschlüsse".encode("latin-1"), "is not valid UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "NUL bytes"),
    ],
)
def test_bad_input_gives_a_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(content)
    result = run_build(folder, tmp_path / "graph")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "bad.txt" in result.stderr and message in result.stderr
    assert not (tmp_path / "graph").exists()


def test_an_empty_sources_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    result = run_build(tmp_path / "sources", tmp_path / "graph")
    assert result.returncode == 1
    assert "no .pdf, .txt or .md file in the sources folder" in result.stderr


def test_a_graph_that_violates_the_shapes_is_not_published(sources: Path, tmp_path: Path) -> None:
    """A person listed in two delegations maps to one participation with two positions."""
    output = tmp_path / "graph"
    assert run_build(sources, output).returncode == 0
    before = files_of(output)
    text = (sources / SEED.name).read_text(encoding="utf-8")
    doubled = text.replace(
        "Herr Staatssekretär Sandro Kirchner\n",
        "Herr Staatssekretär Sandro Kirchner\nHerr Minister Kai Klose\n",
        1,
    )
    assert doubled != text
    (sources / SEED.name).write_text(doubled, encoding="utf-8")
    result = run_build(sources, output)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "shapes:Participation-position — violation" in result.stderr
    assert (
        "focus    <http://localhost:8000/id/conference/18/participation/kai-klose>" in result.stderr
    )
    assert "the graph violates the shapes" in result.stderr
    assert "nothing was written; the previous build is unchanged" in result.stderr
    assert files_of(output) == before


def test_the_validation_report_is_published_next_to_the_graph(
    sources: Path, tmp_path: Path
) -> None:
    output = tmp_path / "graph"
    result = run_build(sources, output)
    assert result.returncode == 0
    # the notes: the passive of TOP 5.1 takes its addressee from the sentence before, and
    # "Die IntMK fordert einen leichteren Zugang …" (TOP 7.1) names no addressee
    assert "validation: 0 violations, 8 warnings, 2 notes" in result.stdout
    report = (output / "validation-report.ttl").read_text()
    assert "sh:conforms" in report and "sh:Warning" in report
    assert "<http://localhost:8000/id/validation-report>" in (output / "intmk.nq").read_text()

"""Bad input ends with one clear message and loses nothing.

Every case runs `intmk build` over a folder that held a good build: the message names
the file, the line and what was expected, the exit status is 1, there is no traceback,
the published files are byte for byte those of the good build and no staging folder is
left. One test does the same while a real server serves the good build.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from mapping.vocabulary import OA
from tests.conftest import BASE, CONCEPT, ID, INTMK, SEED
from tests.server_process import serve
from tests.test_build import files_of, run_build

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEVENTEENTH = Path(__file__).resolve().parent / "fixtures" / "documents" / "017_intmk_2022.txt"
KEPT = "intmk build: nothing was written; the previous build is unchanged."
CONFERENCES = (
    "SELECT (COUNT(DISTINCT ?c) AS ?n) "
    "WHERE { ?c <https://w3id.org/intmk/ontology#conferenceNumber> ?x }"
)


@pytest.fixture(scope="module")
def good_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with sources/ (the seed) and graph -> .builds/graph/build-…, built once."""
    work = tmp_path_factory.mktemp("good")
    (work / "sources").mkdir()
    shutil.copy(SEED, work / "sources" / SEED.name)
    result = run_build(work / "sources", work / "graph")
    assert result.returncode == 0, result.stderr
    return work


@pytest.fixture()
def work(good_build: Path, tmp_path: Path) -> Path:
    """A private copy of the good build (the output link is relative, so it still points)."""
    copy = tmp_path / "work"
    shutil.copytree(good_build, copy, symlinks=True)
    return copy


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the n-th occurrence of `needle`."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    return text[:index].count("\n") + 1


def fails_cleanly(work: Path, name: str, content: bytes) -> subprocess.CompletedProcess[str]:
    """Put `content` into sources/ as `name`, build, and check that nothing changed."""
    before = files_of(work / "graph")
    link = (work / "graph").readlink()
    (work / "sources" / name).write_bytes(content)
    result = run_build(work / "sources", work / "graph")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert result.stderr.rstrip().endswith(KEPT)
    assert (work / "graph").readlink() == link
    assert files_of(work / "graph") == before
    leftovers = [p.name for p in (work / ".builds" / "graph").iterdir() if p.name != link.name]
    assert leftovers == []
    return result


def error_line(result: subprocess.CompletedProcess[str]) -> str:
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("intmk build: error")]
    return line


def truncated_in_a_resolution() -> tuple[bytes, str]:
    cut = SEED_TEXT.index("Vielmehr ist die Ausdehnung") + len("Vielmehr ist die Ausdehnung")
    text = SEED_TEXT[:cut]
    last = text.splitlines()[-1]
    line = text.count("\n") + 1
    return text.encode(), (
        f"{line}: the text ends in the middle of a sentence: '…{last[-60:]}' "
        "(expected minutes that end with a complete sentence; the file looks truncated)"
    )


def truncated_in_the_agenda(mid_line: bool) -> tuple[bytes, str]:
    row = "5.3\t<p>Sprachmittlung im sozialen Bereich"
    end = SEED_TEXT.index(row) + (
        len(row) if mid_line else SEED_TEXT[SEED_TEXT.index(row) :].index("\n")
    )
    text = SEED_TEXT[:end] + "\n"
    return text.encode(), (
        f"{line_of(text, row)}: the file ends with a row of the agenda (expected the rest of the "
        "agenda and a part per agenda item after it; the file looks truncated)"
    )


def top_twice() -> tuple[bytes, str]:
    heading = "TOP 6.3\n"
    section = SEED_TEXT[SEED_TEXT.index(heading) : SEED_TEXT.index("TOP 6.4\n")]
    text = SEED_TEXT + "\n" + section
    return text.encode(), (
        f"{line_of(text, heading, 2)}: TOP 6.3 appears twice in the resolutions "
        f"(first on line {line_of(text, heading)}) (expected each TOP once)"
    )


def binary() -> tuple[bytes, str]:
    data = random.Random(7).randbytes(4096)
    assert b"\x00" in data
    line = data[: data.index(b"\x00")].count(b"\n") + 1
    return data, f"{line}: the file contains NUL bytes (binary data) (expected UTF-8 text)"


def latin1() -> tuple[bytes, str]:
    data = SEED_TEXT.encode("latin-1", errors="replace")
    line = line_of(SEED_TEXT, "über die Beschlüsse")
    return data, f"{line}: byte 0xfc is not valid UTF-8 (Latin-1?) (expected UTF-8 text)"


def not_minutes() -> tuple[bytes, str]:
    return b"Einkaufsliste\n\nMilch, Brot", (
        "1: the file begins with 'Einkaufsliste' (expected IntMK minutes beginning with a title "
        "such as 'Externe Niederschrift über die Beschlüsse der Hauptkonferenz der 18. IntMK 2023')"
    )


CASES: dict[str, Callable[[], tuple[bytes, str]]] = {
    "empty": lambda: (b"", "1: the file is empty (expected the text of IntMK minutes)"),
    "blank-lines-only": lambda: (
        b"\n \n\t\n",
        "1: the file is empty (expected the text of IntMK minutes)",
    ),
    "not-minutes": not_minutes,
    "utf-16": lambda: (
        SEED_TEXT.encode("utf-16"),
        "1: the file is UTF-16 encoded (expected UTF-8 text without BOM)",
    ),
    "byte-order-mark": lambda: (
        b"\xef\xbb\xbf" + SEED.read_bytes(),
        "1: the file starts with a UTF-8 byte order mark (expected UTF-8 text without BOM)",
    ),
    "truncated-in-a-resolution": truncated_in_a_resolution,
    "truncated-between-agenda-rows": lambda: truncated_in_the_agenda(mid_line=False),
    "truncated-inside-an-agenda-row": lambda: truncated_in_the_agenda(mid_line=True),
    "top-twice": top_twice,
    "binary-data": binary,
    "latin-1": latin1,
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_minutes_give_a_clear_error_and_keep_the_build(work: Path, case: str) -> None:
    content, message = CASES[case]()
    (work / "sources" / SEED.name).unlink()
    result = fails_cleanly(work, "bad.txt", content)
    assert error_line(result) == f"intmk build: error: {work / 'sources' / 'bad.txt'}:{message}"


def test_a_resolution_without_a_vote_sentence_names_the_item_and_the_way_out(work: Path) -> None:
    vote = "Antragsteller: Baden-Württemberg\n\nDie IntMK hat mehrheitlich beschlossen:\n\n"
    assert SEED_TEXT.count(vote) == 1
    text = SEED_TEXT.replace(vote, "Antragsteller: Baden-Württemberg\n\n")
    result = fails_cleanly(work, SEED.name, text.encode())
    line = line_of(text, "Länder appellieren an den Bund, seine Bemühungen")
    assert error_line(result).startswith(
        f"intmk build: error: {work / 'sources' / SEED.name}:{line}: TOP 6.3 has no vote sentence "
        "(expected 'Die IntMK hat einstimmig|mehrheitlich beschlossen:'"
    )
    assert "intmk build: hint: the rest of the document can be read: `intmk build --lenient`" in (
        result.stderr
    )


def test_a_year_that_contradicts_the_conferences_own_minutes_is_an_error(work: Path) -> None:
    shutil.copy(SEVENTEENTH, work / "sources" / SEVENTEENTH.name)
    text = SEED_TEXT.replace("Beschluss der 17. IntMK 2022", "Beschluss der 17. IntMK 2021")
    result = fails_cleanly(work, SEED.name, text.encode())
    line = line_of(text, "Beschluss der 17. IntMK 2021")
    assert error_line(result) == (
        f"intmk build: error: {work / 'sources' / SEED.name}:{line}: '17. IntMK 2021' dates the "
        "17. IntMK to 2021 (expected 2022, the year its minutes 017_intmk_2022.txt gives)"
    )


def test_two_minutes_of_one_conference_are_an_error(work: Path) -> None:
    result = fails_cleanly(work, "001_copy.txt", SEED.read_bytes())
    assert error_line(result) == (
        f"intmk build: error: {work / 'sources' / '001_copy.txt'}: conference 18 is also "
        f"recorded by {SEED.name} (expected one minutes file per conference)"
    )


def test_the_running_server_keeps_serving_the_previous_build(work: Path, tmp_path: Path) -> None:
    with serve(work / "graph", tmp_path / "server.log", "--reload-interval", "0.2") as server:
        before = sparql_count(server.url), etag(server.url)
        assert before[0] == 4  # the 18th and the 16th, 17th and 20th it refers to
        text = SEED_TEXT.replace(
            "Antragsteller: Hessen, Hamburg", "Antragsteller: Hessen, Atlantis"
        )
        result = fails_cleanly(work, SEED.name, text.encode())
        assert "unknown Land name 'Atlantis'" in error_line(result)
        time.sleep(1.0)  # several reload checks (every 0.2 s) pass
        assert (sparql_count(server.url), etag(server.url)) == before
        assert server.process.poll() is None


def sparql_count(url: str) -> int:
    response = httpx.get(
        url + "sparql",
        params={"query": CONFERENCES},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    response.raise_for_status()
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def etag(url: str) -> str:
    response = httpx.get(url + "doc/conference/18", headers={"Accept": "text/turtle"}, timeout=30)
    response.raise_for_status()
    return response.headers["ETag"]


def test_lenient_publishes_the_rest_and_a_finding_for_the_item_not_read(work: Path) -> None:
    vote = "Antragsteller: Baden-Württemberg\n\nDie IntMK hat mehrheitlich beschlossen:\n\n"
    text = SEED_TEXT.replace(vote, "Antragsteller: Baden-Württemberg\n\n")
    source = work / "sources" / SEED.name
    source.write_text(text, encoding="utf-8")
    result = run_build(work / "sources", work / "graph", "--lenient")
    assert result.returncode == 0, result.stderr
    heading, last = line_of(text, "TOP 6.3\n"), line_of(text, "5. Die IntMK schätzt")
    stopped = line_of(text, "Länder appellieren an den Bund, seine Bemühungen")
    assert (
        f"warning: {source}:{stopped}: TOP 6.3 has no vote sentence (expected 'Die IntMK hat "
        in result.stderr
    )
    assert (
        f"TOP 6.3 (lines {heading}-{last}) is not published, a data-quality finding records it "
        "(--lenient)" in result.stderr
    )
    row = result.stdout.splitlines()[1].split()
    # requests 33: with the Forderung of TOP 7.1 (issue 15), which names no addressee
    assert row[:8] == [
        SEED.name,
        "18",
        "43",
        "29",
        "33",
        "29",
        "58",
        "9",
    ]  # 33: TOP 7.1's Forderung
    assert "validation: 0 violations" in result.stdout
    graph = Graph().parse(work / "graph" / f"{SEED.stem}.ttl")
    finding = URIRef(f"{ID}conference/18/finding/6.3-item-not-read")
    assert graph.value(finding, INTMK.findingKind) == URIRef(f"{CONCEPT}finding-kind/item-not-read")
    assert graph.value(finding, OA.hasTarget) == URIRef(f"{ID}conference/18/item/6.3")
    assert graph.value(finding, DCTERMS.source) == URIRef(
        f"{BASE}dumps/sources/{SEED.name}#line={heading - 1},{last}"
    )
    (english,) = [c for c in graph.objects(finding, RDFS.comment) if c == Literal(c, lang="en")]
    assert str(english).startswith(
        f"The resolution section of item 6.3 (lines {heading}–{last}) could not be read and is not "
        f"published: line {stopped}: TOP 6.3 has no vote sentence (expected 'Die IntMK hat "
    )
    resolution = URIRef(f"{ID}conference/18/resolution/6.3")
    assert (resolution, None, None) not in graph and (None, None, resolution) not in graph
    assert (URIRef(f"{ID}conference/18/resolution/6.4"), RDF.type, INTMK.Resolution) in graph


def test_a_minutes_file_named_like_a_build_file_is_an_error(work: Path) -> None:
    """ontology.txt would be written as ontology.ttl, over the ontology."""
    result = fails_cleanly(work, "ontology.txt", SEVENTEENTH.read_bytes())
    assert error_line(result) == (
        f"intmk build: error: {work / 'sources' / 'ontology.txt'}: the name ontology.ttl is "
        "taken by a file of the build (expected a minutes file not named dataset, ontology, "
        "reference-data, validation-report)"
    )

"""A PDF in the sources folder, end to end: built, published with the text its reader made,
every line reference resolvable, served as application/pdf by a real server."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF

from mapping.build import build
from tests.conftest import ID, INTMK, SEED
from tests.facts import facts
from tests.server_process import serve
from tests.typeset import typeset

BASE = "http://localhost:8000/"
NAME = "minutes-2023.pdf"
PERSON = URIRef(f"{ID}conference/18/participation/ute-leidig")


@pytest.fixture(scope="module")
def pdf_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pdf-build")
    sources = folder / "sources"
    sources.mkdir()
    typeset(SEED.read_text(encoding="utf-8"), "justified", sources / NAME)
    build(sources, folder / "graph", report=lambda message: None)
    return (folder / "graph").resolve()


def test_the_pdf_and_the_text_its_reader_made_are_published(pdf_build: Path) -> None:
    published = sorted(path.name for path in (pdf_build / "sources").iterdir())
    assert published == [NAME, f"{NAME}.txt"]
    assert (pdf_build / "sources" / NAME).read_bytes()[:5] == b"%PDF-"


def test_line_references_point_into_the_text_made_of_the_pdf(pdf_build: Path) -> None:
    graph = Graph().parse(pdf_build / "minutes-2023.ttl")
    document = URIRef(f"{ID}conference/18/minutes")
    text_url = f"{BASE}dumps/sources/{NAME}.txt"
    assert graph.value(document, INTMK.fileName) == Literal(f"{NAME}.txt")
    assert graph.value(document, FOAF.page) == URIRef(text_url)
    assert graph.value(document, DCTERMS.source) == URIRef(f"{BASE}dumps/sources/{NAME}")
    lines = (pdf_build / "sources" / f"{NAME}.txt").read_text(encoding="utf-8").split("\n")
    sources = [str(s) for s in graph.objects(PERSON, DCTERMS.source)]
    assert sources, "the participation names its lines"
    match = re.fullmatch(rf"{re.escape(text_url)}#line=(\d+),(\d+)", sources[0])
    assert match is not None, sources[0]
    first = int(match.group(1))  # RFC 5147: the position before line first + 1
    assert "Ute Leidig" in lines[first]


def test_the_pdf_gives_the_facts_of_the_seed_text(pdf_build: Path) -> None:
    """The same facts as tests/test_pdf_reader.py checks on the parsed model, here from the
    graph: as many triples about the seed's conference, and no residue of the PDF."""
    from mapping.parse_document import parse_file

    text = facts(parse_file(SEED))
    pdf = facts(parse_file(pdf_build / "sources" / NAME))
    assert pdf == text


@pytest.fixture(scope="module")
def pdf_server(pdf_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("pdf-server") / "serve.log"
    with serve(pdf_build, log) as running:
        yield running.url


def test_the_server_serves_the_pdf_and_its_text(pdf_server: str) -> None:
    with httpx.Client(base_url=pdf_server, timeout=30) as client:
        pdf = client.get(f"/dumps/sources/{NAME}")
        assert pdf.status_code == 200
        assert pdf.headers["content-type"] == "application/pdf"
        assert pdf.content[:5] == b"%PDF-"
        text = client.get(f"/dumps/sources/{NAME}.txt")
        assert text.status_code == 200
        assert text.headers["content-type"] == "text/plain; charset=utf-8"
        assert "Ute Leidig" in text.text
        assert client.get("/dumps/sources/other.pdf").status_code == 404
        listing = client.get("/dumps/", headers={"Accept": "text/html"}).text
        assert f'href="/dumps/sources/{NAME}"' in listing


def test_a_pdf_beside_its_own_text_is_refused(tmp_path: Path) -> None:
    from mapping.errors import SourceError

    sources = tmp_path / "sources"
    sources.mkdir()
    typeset(SEED.read_text(encoding="utf-8"), "ragged", sources / "minutes.pdf")
    shutil.copy(SEED, sources / "minutes.txt")
    with pytest.raises(SourceError, match=r"would both be published as minutes\.ttl"):
        build(sources, tmp_path / "graph", report=lambda message: None)

"""The dumps: written by the build, byte-stable, and served byte for byte with validators."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
from pathlib import Path

import httpx
from bs4 import BeautifulSoup
from rdflib import BNode, Dataset, Graph

from mapping.build import build
from mapping.uris import Uris
from tests.conftest import BASE, SEED

IDENTITY = {"Accept-Encoding": "identity"}


def test_the_nquads_dump_is_the_gzipped_data(built: Path) -> None:
    packed = (built / "dumps" / "intmk.nq.gz").read_bytes()
    assert gzip.decompress(packed) == (built / "intmk.nq").read_bytes()
    assert packed[4:8] == b"\0\0\0\0", "gzip modification time must be 0"
    assert packed[3] & 0x08 == 0, "gzip must not record a file name"


def test_the_turtle_dump_is_the_union_of_the_graphs(built: Path, graph: Graph) -> None:
    dump = Graph().parse(built / "dumps" / "intmk.ttl", format="turtle")
    # issue 15: addressees (registry names, terms), people, text structure
    assert len(dump) == len(graph) == 13620  # addressees (session 11): +88
    ground = {t for t in graph if not any(isinstance(n, BNode) for n in t)}
    assert ground == {t for t in dump if not any(isinstance(n, BNode) for n in t)}
    assert "@prefix intmk: <https://w3id.org/intmk/ontology#> ." in (
        built / "dumps" / "intmk.ttl"
    ).read_text(encoding="utf-8")


def test_the_summary_lists_the_dumps(built: Path) -> None:
    summary = json.loads((built / "summary.json").read_text(encoding="utf-8"))
    for entry in summary["dumps"]:
        data = (built / "dumps" / entry["file"]).read_bytes()
        assert entry["bytes"] == len(data)
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
    assert [e["file"] for e in summary["dumps"]] == ["intmk.nq.gz", "intmk.ttl"]


def test_two_builds_write_the_same_bytes(built: Path, tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(SEED, sources / SEED.name)
    build(sources, tmp_path / "graph", Uris(BASE), report=lambda message: None)
    for name in ("dumps/intmk.nq.gz", "dumps/intmk.ttl", "dataset.ttl", "dataset.nq"):
        assert (tmp_path / "graph" / name).read_bytes() == (built / name).read_bytes(), name


def test_a_dump_is_served_byte_for_byte(client: httpx.Client, built: Path) -> None:
    for name, media_type in (("intmk.nq.gz", "application/gzip"), ("intmk.ttl", "text/turtle")):
        data = (built / "dumps" / name).read_bytes()
        response = client.get(f"/dumps/{name}", headers=IDENTITY)
        assert response.status_code == 200
        assert response.headers["content-type"].split(";")[0] == media_type
        assert "content-encoding" not in response.headers
        assert response.headers["content-length"] == str(len(data))
        assert response.content == data
        assert response.headers["etag"] == f'W/"sha256-{hashlib.sha256(data).hexdigest()}"'
        assert response.headers["content-disposition"] == f'attachment; filename="{name}"'
        assert "last-modified" in response.headers


def test_a_dump_answers_304_head_and_ranges(client: httpx.Client, built: Path) -> None:
    first = client.get("/dumps/intmk.nq.gz")
    etag = first.headers["etag"]
    assert client.get("/dumps/intmk.nq.gz").headers["etag"] == etag
    again = client.get("/dumps/intmk.nq.gz", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    since = client.get(
        "/dumps/intmk.nq.gz", headers={"If-Modified-Since": first.headers["last-modified"]}
    )
    assert since.status_code == 304
    head = client.head("/dumps/intmk.nq.gz")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == first.headers["content-length"]
    part = client.get("/dumps/intmk.nq.gz", headers={"Range": "bytes=0-9"})
    assert part.status_code == 206
    assert part.content == (built / "dumps" / "intmk.nq.gz").read_bytes()[:10]


def test_an_unknown_dump_is_a_problem(client: httpx.Client) -> None:
    response = client.get("/dumps/intmk.rdf")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 404


def test_the_listing_as_json(client: httpx.Client, built: Path) -> None:
    response = client.get("/dumps/", headers={"Accept": "application/json"})
    assert response.status_code == 200
    entries = {e["file"]: e for e in response.json()["dumps"]}
    data = (built / "dumps" / "intmk.ttl").read_bytes()
    assert entries["intmk.ttl"]["bytes"] == len(data)
    assert entries["intmk.ttl"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert entries["intmk.nq.gz"]["url"] == BASE + "dumps/intmk.nq.gz"
    assert entries["intmk.nq.gz"]["mediaType"] == "application/gzip"


def test_the_listing_page_links_every_dump_and_source(client: httpx.Client, built: Path) -> None:
    response = client.get("/dumps/", headers={"Accept": "text/html"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    rows = {row["data-file"]: row for row in soup.select("#dumps tbody tr")}
    assert sorted(rows) == ["intmk.nq.gz", "intmk.ttl"]
    size = (built / "dumps" / "intmk.nq.gz").stat().st_size
    assert rows["intmk.nq.gz"]["data-bytes"] == str(size)
    link = rows["intmk.nq.gz"].select_one("a[download]")
    assert link is not None and link["href"] == "/dumps/intmk.nq.gz"
    assert soup.select_one(f'a[href="/dumps/sources/{SEED.name}"]') is not None
    assert client.get(f"/dumps/sources/{SEED.name}").status_code == 200


def test_the_dumps_load_as_rdf(built: Path, dataset: Dataset) -> None:
    quads = Dataset()
    quads.parse(
        data=gzip.decompress((built / "dumps" / "intmk.nq.gz").read_bytes()), format="nquads"
    )
    assert len(quads) == len(dataset)

"""Answers are bounded in bytes as well as rows, and the query page shows a large answer a
page at a time, each value cut to a readable length: no answer pins unbounded memory."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from bs4 import BeautifulSoup

from tests.server_process import RunningServer, serve

SRJ = "application/sparql-results+json"
ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(isIRI(?s)) } ORDER BY ?s ?p ?o LIMIT 450"
DOUBLING = (
    'SELECT ?x WHERE { BIND("0123456789" AS ?a) BIND(CONCAT(?a, ?a, ?a, ?a) AS ?b) '
    "BIND(CONCAT(?b, ?b, ?b, ?b) AS ?c) BIND(CONCAT(?c, ?c, ?c, ?c) AS ?d) "
    "BIND(CONCAT(?d, ?d, ?d, ?d) AS ?x) }"
)
"""One row with one value of 2,560 characters."""


@pytest.fixture(scope="module")
def small_answers(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    log = tmp_path_factory.mktemp("bounded") / "serve.log"
    with serve(built, log, "--answer-bytes", "20000", "--query-workers", "1") as running:
        yield running


def test_an_answer_is_cut_at_the_byte_limit_and_marked(small_answers: RunningServer) -> None:
    for accept in (SRJ, "text/csv", "application/sparql-results+xml", "text/turtle"):
        kind = "CONSTRUCT { ?s ?p ?o }" if accept == "text/turtle" else "SELECT *"
        response = httpx.get(
            small_answers.url + "sparql",
            params={"query": f"{kind} WHERE {{ ?s ?p ?o }} LIMIT 450"},
            headers={"Accept": accept},
            timeout=30,
        )
        assert response.status_code == 200, response.text
        assert 0 < len(response.content) <= 20_000, accept
        assert response.headers["Intmk-Result-Truncated"] == "true"
        assert response.headers["Intmk-Result-Max-Bytes"] == "20000"
    whole = httpx.get(
        small_answers.url + "sparql",
        params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3"},
        headers={"Accept": SRJ},
    )
    assert "Intmk-Result-Truncated" not in whole.headers
    assert len(whole.json()["results"]["bindings"]) == 3


def test_a_value_larger_than_the_limit_is_left_out_not_sent(small_answers: RunningServer) -> None:
    query = DOUBLING.replace(
        "AS ?x) }", "AS ?e) BIND(CONCAT(?e, ?e, ?e, ?e, ?e, ?e, ?e, ?e) AS ?x) }"
    )
    response = httpx.get(
        small_answers.url + "sparql", params={"query": query}, headers={"Accept": SRJ}
    )
    assert response.status_code == 200
    assert response.json()["results"]["bindings"] == []
    assert response.headers["Intmk-Result-Truncated"] == "true"


def html(client: httpx.Client, **params: str) -> BeautifulSoup:
    response = client.get("/sparql", params=params, headers={"Accept": "text/html"})
    assert response.status_code == 200, response.text
    return BeautifulSoup(response.text, "html.parser")


def first_column(soup: BeautifulSoup) -> list[str]:
    rows = soup.select("table#results tbody tr")
    return [str(row.select("td")[0].get("data-value")) for row in rows]


def test_the_query_page_shows_a_large_answer_a_page_at_a_time(client: httpx.Client) -> None:
    whole = client.get("/sparql", params={"query": ALL}, headers={"Accept": SRJ}).json()
    subjects = [row["s"]["value"] for row in whole["results"]["bindings"]]
    assert len(subjects) == 450
    first = html(client, query=ALL)
    assert first.select_one("#row-count")["data-count"] == "450"  # type: ignore[index]
    assert first_column(first) == subjects[:200]
    count = first.select_one("#row-count")
    assert count is not None
    assert "Angezeigt werden die Zeilen 1 bis 200" in count.get_text()
    pages = first.select_one("nav#result-pages")
    assert pages is not None and "Seite 1 von 3" in pages.get_text()
    assert pages.select_one("a[rel=prev]") is None
    following = pages.select_one("a[rel=next]")
    assert following is not None
    following_page = client.get(str(following["href"]), headers={"Accept": "text/html"})
    second = BeautifulSoup(following_page.text, "html.parser")
    assert first_column(second) == subjects[200:400]
    last = html(client, query=ALL, page="3", lang="en")
    assert first_column(last) == subjects[400:]
    nav = last.select_one("nav#result-pages")
    assert nav is not None and "page 3 of 3" in nav.get_text()
    assert nav.select_one("a[rel=next]") is None
    assert "Rows 401 to 450 are shown" in last.get_text()
    beyond = html(client, query=ALL, page="9")
    assert first_column(beyond) == subjects[400:], "a page past the end shows the last"
    wrong = client.get(
        "/sparql", params={"query": ALL, "page": "x"}, headers={"Accept": "text/html"}
    )
    assert wrong.status_code == 400


def test_a_long_value_is_cut_on_the_page_and_whole_in_the_download(
    client: httpx.Client,
) -> None:
    soup = html(client, query=DOUBLING)
    cell = soup.select_one("table#results tbody td")
    assert cell is not None
    assert cell.get_text() == "0123456789" * 200 + "…"
    whole = client.get("/sparql", params={"query": DOUBLING}, headers={"Accept": SRJ}).json()
    assert whole["results"]["bindings"][0]["x"]["value"] == "0123456789" * 256


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def test_distinct_padded_requests_keep_the_main_process_within_its_cache_bound(
    built: Path, tmp_path: Path
) -> None:
    """3,000 distinct requests with 20 KB of padding each: 60 MB of keys. Before, the
    cached 303s (no body) and the padded query texts were never counted, so all of it
    stayed (measured: +83 MiB); with --cache-memory 4 the main process grows by about
    1 MiB."""
    padding = "x" * 20_000

    def one(http: httpx.Client, n: int) -> int:
        if n % 3:
            return http.get(f"/id/conference/18?n={n}&pad={padding}").status_code
        query = f"ASK {{ ?s ?p {n} }} # {padding}"
        return http.get("/sparql", params={"query": query}, headers={"Accept": SRJ}).status_code

    options = ("--cache-memory", "4", "--cache-entries", "1000000")
    with (
        serve(built, tmp_path / "serve.log", *options) as running,
        httpx.Client(base_url=running.url, timeout=60) as http,
    ):
        for n in range(200):  # warm up: the allocator's pools, the first pages
            one(http, -n)
        before = rss_mib(running.process.pid)
        with ThreadPoolExecutor(8) as pool:
            statuses = set(pool.map(lambda n: one(http, n), range(3000)))
        after = rss_mib(running.process.pid)
    assert statuses == {200, 303}
    assert after - before < 30, f"grew from {before:.0f} to {after:.0f} MiB"

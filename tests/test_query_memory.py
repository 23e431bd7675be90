"""A query that would need more memory than a worker may have is stopped, not the machine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.server_process import RunningServer, serve

HUNGRY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
"""Sorting every pair of triples: ~96 million rows on the seed, 5 GB within 10 s unbounded."""
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/intmk/ontology#Resolution> }"


@pytest.fixture(scope="module")
def small(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    log = tmp_path_factory.mktemp("memory") / "serve.log"
    options = ("--query-memory", "256", "--query-workers", "1", "--query-timeout", "60")
    with serve(built, log, *options) as running:
        yield running


def ask(server: RunningServer, query: str) -> httpx.Response:
    return httpx.get(
        server.url + "sparql",
        params={"query": query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=90,
    )


def test_a_query_over_the_memory_limit_gets_503_and_the_service_goes_on(
    small: RunningServer,
) -> None:
    response = ask(small, HUNGRY)
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == (
        "The query needed more than the memory limit of 256 MiB and was stopped."
    )
    after = ask(small, COUNT)
    assert after.status_code == 200
    assert after.json()["results"]["bindings"][0]["n"]["value"] == "30"

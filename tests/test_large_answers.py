"""Answers larger than a pipe's buffer come back whole from the query workers.

uvloop turns a watched pipe non-blocking; reading a large answer from it in a thread
then failed with EAGAIN and the worker was taken for dead (503). These queries answer
about 1 MB each, far more than the 64 KiB a pipe holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.server_process import RunningServer, serve

ALL = "SELECT * WHERE {{ ?s ?p ?o }} LIMIT {limit}"


@pytest.fixture(scope="module")
def one_worker(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    log = tmp_path_factory.mktemp("large") / "serve.log"
    with serve(built, log, "--query-workers", "1") as running:
        yield running


def test_large_answers_arrive_whole_one_after_another(one_worker: RunningServer) -> None:
    for limit in range(9000, 9008):
        response = httpx.get(
            one_worker.url + "sparql",
            params={"query": ALL.format(limit=limit)},
            headers={"Accept": "application/sparql-results+json"},
            timeout=60,
        )
        assert response.status_code == 200, response.text
        assert len(response.content) > 64 * 1024
        assert len(response.json()["results"]["bindings"]) == limit
    assert "reading its answer failed" not in one_worker.output()

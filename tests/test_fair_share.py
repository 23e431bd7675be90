"""Fair service under load, against a real `intmk serve`: a client hammering slow queries
cannot make a light client wait for them, and a queued query is answered within the
timeout of its arrival. Clients are told apart by address: the tests connect from
different loopback addresses (127.0.0.0/8 is all loopback)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.server_process import RunningServer, client_at, serve

SRJ = "application/sparql-results+json"
SECONDS = "SELECT (COUNT(*) AS ?n) WHERE {{ ?a a ?c . ?d ?e ?f . FILTER(?f != {n}) }}"
"""A second or two on the seed; `n` makes each text distinct (no cache, no sharing)."""
SLOW = "SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }} # {n}"


@pytest.fixture(scope="module")
def one_worker(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    log = tmp_path_factory.mktemp("fair") / "serve.log"
    options = ("--query-workers", "1", "--query-timeout", "3")
    with serve(built, log, *options) as running:
        yield running


def ask(http: httpx.Client, query: str) -> httpx.Response:
    return http.get("/sparql", params={"query": query}, headers={"Accept": SRJ})


def test_a_light_client_is_answered_while_a_heavy_one_keeps_the_worker_busy(
    one_worker: RunningServer,
) -> None:
    with (
        client_at(one_worker, "127.0.0.2") as heavy,
        client_at(one_worker, "127.0.0.3") as light,
        ThreadPoolExecutor(4) as pool,
    ):
        hammering: list[Future[httpx.Response]] = [
            pool.submit(ask, heavy, SECONDS.format(n=n)) for n in range(3)
        ]
        time.sleep(0.3)  # the first of them is running
        for n in range(5):
            answer = ask(light, f"ASK {{ ?s ?p {n} }}")
            assert answer.status_code == 200
        pending = sum(not future.done() for future in hammering)
        assert pending >= 2, "the light questions did not wait for the heavy queue"
        statuses = [future.result().status_code for future in hammering]
    assert all(status in (200, 503) for status in statuses)


def test_a_queued_query_is_answered_within_the_timeout_of_its_arrival(
    one_worker: RunningServer,
) -> None:
    """Same client, one query at a time: the second waits in the client's line, and its
    wait counts against its own 3 s."""
    with client_at(one_worker, "127.0.0.4") as http, ThreadPoolExecutor(2) as pool:
        first = pool.submit(ask, http, SLOW.format(n="first"))
        time.sleep(1.0)
        arrived = time.monotonic()
        second = ask(http, SLOW.format(n="second"))
        waited = time.monotonic() - arrived
        assert first.result().status_code == 503
    assert second.status_code == 503
    assert second.json()["detail"].startswith("The query ran longer than the limit of 3 seconds")
    assert waited < 3 * 1.25, f"answered after {waited:.1f} s: the wait was not counted"


def test_a_client_flooding_the_line_gets_429_and_others_are_served(
    one_worker: RunningServer,
) -> None:
    with (
        client_at(one_worker, "127.0.0.5") as flood,
        client_at(one_worker, "127.0.0.6") as other,
        ThreadPoolExecutor(40) as pool,
    ):
        futures = [pool.submit(ask, flood, SLOW.format(n=f"flood {n}")) for n in range(36)]
        time.sleep(1.0)
        assert ask(other, "ASK { ?s ?p ?o }").status_code == 200
        statuses = sorted(future.result().status_code for future in futures)
    refused = [status for status in statuses if status == 429]
    assert len(refused) >= 3, statuses
    assert set(statuses) <= {429, 503}

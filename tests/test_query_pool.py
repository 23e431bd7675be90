"""The query pool driven directly: single flight, shielded executions, waiting in line, spares."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from server import query_pool
from server.config import Settings
from server.query_pool import QueryPool, QueryUnavailable
from server.query_worker import Job

SRJ = "application/sparql-results+json"
_NUMBERS = " ".join(str(n) for n in range(200))
SECOND = (
    f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?a {{ {_NUMBERS} }} "
    f"VALUES ?b {{ {_NUMBERS} }} VALUES ?c {{ {_NUMBERS} }} }}"
)
"""About a second whatever the build holds (8 million rows counted): long enough to still
run when a request is cancelled."""
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
"""Far longer than any timeout here."""


def job(query: str) -> Job:
    return Job(query, None, None, SRJ, SRJ, "text/turtle", "http://localhost:8000/sparql")


def settings(built: Path, **changes: object) -> Settings:
    base = Settings(store=built, query_workers=1, query_timeout=30.0, result_limit=100)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


async def until(condition: Callable[[], bool], seconds: float = 60.0) -> None:
    """Wait until `condition` holds (the seed loads in well under a second)."""
    deadline = asyncio.get_running_loop().time() + seconds
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition never held"
        await asyncio.sleep(0.02)


def with_pool(
    built: Path, test: Callable[[QueryPool], Awaitable[None]], spares: int = 1, **changes: object
) -> None:
    async def main() -> None:
        pool = await QueryPool.start(built / "intmk.nq", settings(built, **changes), spares)
        try:
            await test(pool)
        finally:
            await pool.close()

    asyncio.run(main())


def test_identical_concurrent_jobs_share_one_execution(built: Path) -> None:
    async def test(pool: QueryPool) -> None:
        replies = await asyncio.gather(*(pool.run(job(SECOND)) for _ in range(6)))
        assert {reply.status for reply in replies} == {200}
        assert len({reply.body for reply in replies}) == 1
        assert pool.executions == 1
        assert await pool.run(job(SECOND)) == replies[0]  # from the cache
        assert pool.executions == 1
        await pool.run(job(SECOND + " # another text"))
        assert pool.executions == 2

    with_pool(built, test)


def test_a_cancelled_request_leaves_its_query_running_on_the_same_worker(built: Path) -> None:
    async def test(pool: QueryPool) -> None:
        await until(lambda: len(pool.spare_pids) == 1)
        pids, spares = pool.pids, pool.spare_pids
        request = asyncio.get_running_loop().create_task(pool.run(job(SECOND)))
        await until(lambda: pool.executions == 1)
        request.cancel()
        with pytest.raises(asyncio.CancelledError):
            await request
        assert job(SECOND) in pool.running, "the execution goes on without its request"
        reply = await pool.run(job(SECOND))
        assert reply.status == 200
        assert pool.executions == 1, "the second request got the first execution's reply"
        assert (pool.pids, pool.spare_pids) == (pids, spares)
        assert (await pool.run(job("ASK {}"))).status == 200
        assert pool.pids == pids

    with_pool(built, test)


def test_jobs_wait_for_a_worker_in_the_order_they_came(built: Path) -> None:
    async def test(pool: QueryPool) -> None:
        finished: list[str] = []

        async def ask(name: str) -> None:
            await pool.run(job(f"ASK {{}} # {name}"))
            finished.append(name)

        await asyncio.gather(*(ask(name) for name in "abcde"))
        assert finished == list("abcde")
        assert pool.executions == 5

    with_pool(built, test)


def test_a_job_that_finds_no_idle_worker_in_time_gets_busy_with_retry_after(
    built: Path,
) -> None:
    async def test(pool: QueryPool) -> None:
        slow, waiting = await asyncio.gather(
            pool.run(job(SLOW)), pool.run(job(SLOW + " # 2")), return_exceptions=True
        )
        assert isinstance(slow, QueryUnavailable) and isinstance(waiting, QueryUnavailable)
        assert slow.detail == "The query ran longer than the limit of 1 seconds and was stopped."
        assert waiting.detail == "All 1 query workers stayed busy for 1 seconds; try again later."
        assert waiting.retry_after == 1
        assert pool.executions == 1

    with_pool(built, test, spares=0, query_timeout=1.0)


def test_a_query_past_the_timeout_is_killed_and_the_spare_takes_over(
    built: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async def test(pool: QueryPool) -> None:
        await until(lambda: len(pool.spare_pids) == 1)
        (killed,), spares = pool.workers, pool.spare_pids
        with pytest.raises(QueryUnavailable, match="ran longer than the limit of 1 seconds"):
            await pool.run(job(SLOW))
        assert not killed.process.is_alive()
        assert pool.pids == spares, "the spare took over at once"
        await until(lambda: len(pool.spare_pids) == 1)
        assert pool.spare_pids != spares, "and a new spare was loaded"
        assert (await pool.run(job("ASK {}"))).status == 200
        everyone = pool.workers + pool.spares
        await pool.close()
        assert not any(worker.process.is_alive() for worker in everyone)

    with caplog.at_level(logging.INFO, logger="intmk.server"):
        with_pool(built, test, query_timeout=1.0)
    assert "takes over from" in caplog.text


def test_a_worker_that_fails_to_load_is_tried_again_until_it_loads(
    built: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(query_pool, "RETRY_FIRST", 0.2)

    async def test(pool: QueryPool) -> None:
        await until(lambda: len(pool.spare_pids) == 1)
        spares = pool.spare_pids
        pool.nquads = built / "missing.nq"
        with pytest.raises(QueryUnavailable, match="ran longer"):
            await pool.run(job(SLOW))
        assert pool.pids == spares, "the spare took over"
        await until(lambda: "query worker not replaced" in caplog.text)
        assert pool.spare_pids == [] and pool._loading, "still trying"
        assert (await pool.run(job("ASK {}"))).status == 200
        pool.nquads = built / "intmk.nq"  # the build is back (e.g. a folder restored)
        await until(lambda: len(pool.spare_pids) == 1 and not pool._loading)
        assert pool.pids == spares

    with caplog.at_level(logging.INFO, logger="intmk.server"):
        with_pool(built, test, query_timeout=1.0)
    assert "missing.nq" in caplog.text
    assert "trying again in 0.2 s" in caplog.text


def test_a_light_client_passes_a_client_hammering_slow_queries(built: Path) -> None:
    """One worker, no spare: the hammering client's queries wait in its own line, and the
    worker set free goes to the client that used the workers least."""

    async def test(pool: QueryPool) -> None:
        finished: list[str] = []

        async def ask(client: str, name: str, query: str) -> None:
            reply = await pool.run(job(f"{query} # {name}"), client)
            assert reply.status == 200
            finished.append(name)

        heavy = [ask("203.0.113.1", f"heavy-{n}", SECOND) for n in range(3)]
        tasks = [asyncio.get_running_loop().create_task(coroutine) for coroutine in heavy]
        await until(lambda: pool.executions == 1)
        await ask("203.0.113.2", "light", "ASK {}")
        assert finished == ["heavy-0", "light"], "the light query went before heavy-1 and -2"
        await asyncio.gather(*tasks)
        assert finished[2:] == ["heavy-1", "heavy-2"]

    with_pool(built, test, spares=0)


def test_a_light_client_borrows_the_spare_when_every_worker_is_busy(built: Path) -> None:
    async def test(pool: QueryPool) -> None:
        await until(lambda: len(pool.spare_pids) == 1)
        (spare,) = pool.spare_pids
        slow = asyncio.get_running_loop().create_task(pool.run(job(SECOND), "203.0.113.1"))
        await until(lambda: pool.executions == 1)
        reply = await pool.run(job("ASK {}"), "203.0.113.2")
        assert reply.status == 200
        assert not slow.done(), "answered by the spare while the worker was busy"
        assert pool.executions == 2 and pool.spare_pids == [spare]
        assert (await slow).status == 200
        # a client that has used the workers for a second is not light: it waits its turn
        second = asyncio.get_running_loop().create_task(
            pool.run(job(SECOND + " # again"), "203.0.113.1")
        )
        await until(lambda: pool.executions == 3)
        assert pool.lent == []
        assert (await second).status == 200

    with_pool(built, test)


def test_while_the_spare_loads_a_heavy_client_leaves_the_last_worker_to_light_ones(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(query_pool, "RETRY_FIRST", 0.1)
    monkeypatch.setattr(query_pool, "RETRY_MAX", 0.2)

    async def test(pool: QueryPool) -> None:
        loop = asyncio.get_running_loop()
        await until(lambda: len(pool.spare_pids) == 1)
        pool.nquads = built / "missing.nq"  # the next spare keeps failing to load
        with pytest.raises(QueryUnavailable, match="ran longer"):
            await pool.run(job(SLOW), "203.0.113.1")  # 4 s of use: a heavy client now
        assert pool.spares == [] and pool._loading and len(pool.idle) == 2
        first = loop.create_task(pool.run(job(SECOND), "203.0.113.1"))
        await until(lambda: pool.executions == 2)
        second = loop.create_task(pool.run(job(SECOND + " # 2"), "203.0.113.1"))
        await asyncio.sleep(0.3)
        assert pool.executions == 2 and len(pool.idle) == 1, "the last worker stays free"
        assert (await pool.run(job("ASK {}"), "203.0.113.2")).status == 200
        assert pool.executions == 3 and not second.done()
        pool.nquads = built / "intmk.nq"
        await until(lambda: len(pool.spare_pids) == 1)
        assert (await first).status == 200 and (await second).status == 200

    with_pool(built, test, query_workers=2, client_queries=2, query_timeout=4.0)


def test_the_wait_for_a_worker_counts_against_the_timeout(built: Path) -> None:
    """A query waits for a worker and then runs only for what is left of its own timeout:
    it is answered within the timeout of its arrival, not after waiting plus running."""

    async def test(pool: QueryPool) -> None:
        loop = asyncio.get_running_loop()
        first = loop.create_task(pool.run(job(SLOW), "203.0.113.1"))
        await until(lambda: pool.executions == 1)
        await asyncio.sleep(1.0)
        arrived = loop.time()
        with pytest.raises(QueryUnavailable) as queued:
            await pool.run(job(SLOW + " # queued"), "203.0.113.2")
        waited = loop.time() - arrived
        with pytest.raises(QueryUnavailable, match="ran longer than the limit of 2 seconds"):
            await first
        assert "ran longer than the limit of 2 seconds" in queued.value.detail
        assert pool.executions == 2
        assert waited < 2 * 1.25, f"answered after {waited:.1f} s, not within the limit"

    with_pool(built, test, spares=0, query_timeout=2.0)


def test_a_client_with_too_many_queries_waiting_gets_429(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(query_pool, "WAITING_PER_CLIENT", 2)

    async def test(pool: QueryPool) -> None:
        queries = [pool.run(job(f"{SECOND} # {n}"), "203.0.113.1") for n in range(4)]
        answers = await asyncio.gather(*queries, return_exceptions=True)
        refused = [a for a in answers if isinstance(a, QueryUnavailable)]
        assert [a.status for a in refused] == [429]
        assert refused[0].retry_after == 1
        assert "has 2 queries waiting already" in refused[0].detail
        assert (await pool.run(job("ASK {}"), "203.0.113.2")).status == 200

    with_pool(built, test, spares=0)


def test_the_reply_cache_counts_the_query_text_and_stays_within_its_bounds(
    built: Path,
) -> None:
    async def test(pool: QueryPool) -> None:
        padding = "#" + "x" * 20_000 + "\n"
        for n in range(40):
            assert (await pool.run(job(f"{padding}ASK {{}} # {n}"))).status == 200
        assert pool.cache.bytes <= pool.cache.max_bytes == 2 * 1024 * 1024 // 4
        assert 0 < len(pool.cache) < 40, "the padded texts pushed the oldest out"
        for n in range(30):
            assert (await pool.run(job(f"ASK {{}} # small {n}"))).status == 200
        assert len(pool.cache) <= 25

    with_pool(built, test, spares=0, cache_memory=2, cache_entries=25)


def test_an_idle_worker_or_spare_that_dies_is_replaced_without_waiting_for_a_job(
    built: Path,
) -> None:
    async def test(pool: QueryPool) -> None:
        await until(lambda: len(pool.spare_pids) == 1)
        (worker,), (spare,) = pool.workers, pool.spares
        spare.process.kill()
        await until(lambda: len(pool.spare_pids) == 1 and pool.spares[0] is not spare)
        assert pool.workers == [worker]
        worker.process.kill()
        await until(lambda: worker not in pool.workers and len(pool.spare_pids) == 1)
        assert len(pool.workers) == 1 and pool.workers[0].process.is_alive()
        assert pool.executions == 0
        assert (await pool.run(job("ASK {}"))).status == 200

    with_pool(built, test)


def test_close_stops_workers_spares_and_loading_workers(built: Path) -> None:
    async def test(pool: QueryPool) -> None:
        await until(lambda: len(pool.spare_pids) == 1)
        everyone = pool.workers + pool.spares
        await pool.close()
        assert not any(worker.process.is_alive() for worker in everyone)
        assert pool.workers == pool.spares == []

    with_pool(built, test, query_workers=2)

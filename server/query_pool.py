"""SPARQL queries in worker processes that can be stopped, with a cache of finished answers.

Each worker (server/query_worker.py) holds its own in-memory copy of the build; the event
loop waits for a reply without blocking (a reader on the pipe). pyoxigraph cannot cancel a
query, so killing its worker is the only way to stop one. One pool serves one generation,
whose data never changes, which makes the rest simple:

- **Single flight.** A job runs at most once at a time: the first request for it starts an
  execution, identical requests arriving meanwhile await that same execution, and its 200
  reply goes into an LRU cache that answers later requests without a worker.
- **Shielded executions.** An execution is a task of its own; requests await it through
  `asyncio.shield`, so a client that goes away (its request cancelled) neither stops the
  query nor kills the worker. The worker goes back to the idle ones when the reply
  arrives, and is killed only when the query runs past the timeout, counted from when the
  worker got the job.
- **One deadline.** A query is answered within its timeout, counted from when it arrived:
  the time it waits for a worker is part of it, and a worker runs it only for what is
  left (at least `MIN_RUN` of the timeout, else it is answered busy at once). Past the
  deadline a waiting query gets 503 with Retry-After, a running one has its worker killed.
- **A fair share.** Waiting is per client (its address): a client runs at most
  `client_queries` executions at once, and has at most `WAITING_PER_CLIENT` more in line
  (429 beyond). A worker set free goes to the waiting client that used the workers least
  in the last minute or so (worker-seconds, halved every `HALF_LIFE`, the running
  query's time included), first come first served among equals. So a client hammering
  slow queries cannot starve one that asks a quick question now and then.
- **A light lane.** When every worker is busy, a client whose queries are quick
  (typically under `LIGHT_QUERY`) and that has none running may borrow a spare for one
  job: a quick question never waits behind slow queries. A borrowed spare goes back to
  the reserve when its job ends. While the spare is lent out or still loading (after it
  took a killed worker's place), a client that is not light does not get the last idle
  worker: it stays free for the light clients until the spare is back.
- **A warm spare.** `SPARES` loaded workers take no jobs. When a worker is killed or found
  dead, a spare takes its place at once and a new spare loads in the background (a worker
  of a large build loads for many seconds). A worker or spare that fails to load is
  logged and tried again, later and later (up to `RETRY_MAX` seconds apart), until it
  loads; meanwhile the pool serves on with the workers it has.
- **Watched while idle.** An idle worker or a spare never writes to its pipe, so the pipe
  turning readable means the process died (killed, out of memory): it is replaced then,
  not when a job next finds it dead.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
import sys
import types
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from server import query_worker
from server.bounded_cache import BoundedCache
from server.config import Settings
from server.query_worker import Job, Limits, Reply

log = logging.getLogger("intmk.server")
CONTEXT = multiprocessing.get_context("spawn")
START_TIMEOUT = 300.0
MIB = 1024 * 1024
OUT_OF_MEMORY = -signal.SIGABRT
"""How a worker ends when an allocation fails under its memory limit (Rust aborts)."""
SPARES = 1
"""Loaded workers kept in reserve, to replace a killed or dead worker at once."""
MIN_RUN = 0.05
"""Share of the timeout a query must have left when it gets a worker, or it is not run."""
HALF_LIFE = 30.0
"""Seconds in which a client's recorded use of the workers halves."""
LIGHT_QUERY = 0.5
"""Seconds a client's queries take, typically, below which it counts as light (may borrow
the spare): a client asking many quick questions stays light, one slow query makes a
client heavy until a few quick ones follow."""
WAITING_PER_CLIENT = 32
"""Executions one client may have waiting for a worker; more are answered 429."""
CLIENTS_KEPT = 10_000
"""Clients whose recent use is remembered; the least used are forgotten first."""
RETRY_FIRST, RETRY_MAX = 1.0, 30.0
"""Seconds before a worker that failed to load is tried again, doubling up to the max."""


class QueryUnavailable(Exception):
    """No answer from a worker: timed out, all busy, or died. `retry_after` is in seconds."""

    def __init__(
        self, status: int, detail: str, retry_after: int | None = None, timed_out: bool = False
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.retry_after = retry_after
        self.timed_out = timed_out
        """The query ran past the timeout and was stopped (not: busy, or a worker died)."""


class WorkerStartError(Exception):
    """A worker could not load the build."""


@dataclass
class Worker:
    process: BaseProcess
    connection: Connection

    @property
    def pid(self) -> int:
        return self.process.pid or 0


def job_size(job: Job, reply: Reply) -> int:
    """What a cached reply costs: its body and the job it is kept under (the query text)."""
    graphs = (*(job.default_graphs or ()), *(job.named_graphs or ()))
    return len(reply.body) + len(job.query) * 4 + sum(len(iri) for iri in graphs) + 512


def reply_cache(settings: Settings) -> BoundedCache[Job, Reply]:
    """Finished 200 replies by job: a quarter of --cache-memory."""
    return BoundedCache(settings.cache_memory * MIB // 4, settings.cache_entries, job_size)


@dataclass(eq=False)
class Waiter:
    """An execution waiting in line for a worker."""

    client: str
    order: int
    future: asyncio.Future[Worker]


@dataclass
class Use:
    """A client's recent use of the workers and what it has running or waiting."""

    seconds: float = 0.0
    at: float = 0.0
    typical: float = 0.0
    """How long the client's queries take: the first one's time, then a running mean
    that halves the weight of the past with every query."""
    queries: int = 0
    running: int = 0
    waiting: int = 0

    def recent(self, now: float) -> float:
        return float(self.seconds * 0.5 ** ((now - self.at) / HALF_LIFE))

    def add(self, seconds: float, now: float) -> None:
        self.seconds, self.at = self.recent(now) + seconds, now
        self.typical = (self.typical + seconds) / 2 if self.queries else seconds
        self.queries += 1


@contextlib.contextmanager
def bare_main() -> Iterator[None]:
    """Hide the server's main module while a worker is spawned.

    A spawned child re-imports the parent's `__main__` (cli.main: FastAPI, uvicorn — seconds
    on a busy machine); the worker needs none of it, so replacements start in a fraction.
    """
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


async def spawn(nquads: Path, settings: Settings) -> Worker:
    """Start one worker and wait until it has loaded the build."""
    parent, child = CONTEXT.Pipe()
    memory = settings.query_memory * MIB
    process = CONTEXT.Process(
        target=query_worker.main,
        args=(child, str(nquads), Limits(settings.result_limit, settings.answer_bytes), memory),
        daemon=True,
    )
    with bare_main():
        process.start()
    child.close()
    worker = Worker(process, parent)
    try:
        message = await receive(parent, START_TIMEOUT)
    except (EOFError, OSError, TimeoutError):
        stop(worker)
        hint = (
            f": loading the build needs more than --query-memory {settings.query_memory} MiB"
            if process.exitcode == OUT_OF_MEMORY
            else ""
        )
        raise WorkerStartError(
            f"a query worker did not start (exit code {process.exitcode}){hint}"
        ) from None
    except BaseException:
        stop(worker)
        raise
    if not (isinstance(message, tuple) and message[0] == "ready"):
        stop(worker)
        raise WorkerStartError(f"a query worker could not load the build: {message!r}")
    return worker


async def receive(connection: Connection, timeout: float) -> object:
    """The next message on `connection`, waiting without blocking the event loop.

    Raises TimeoutError when nothing arrives in `timeout` seconds and EOFError when the
    other end died.
    """
    loop = asyncio.get_running_loop()
    readable = loop.create_future()

    def wake() -> None:
        if not readable.done():
            readable.set_result(None)

    descriptor = connection.fileno()
    loop.add_reader(descriptor, wake)
    try:
        await asyncio.wait_for(readable, timeout)
    finally:
        stop_watching(loop, descriptor)
    return await asyncio.to_thread(connection.recv)


def stop_watching(loop: asyncio.AbstractEventLoop, descriptor: int) -> None:
    """Remove the loop's reader and make the pipe blocking again.

    uvloop switches a watched descriptor to non-blocking mode; `Connection.recv` in a
    thread then fails with EAGAIN (BlockingIOError) as soon as an answer is larger than
    the pipe's buffer and the worker writes it slower than it is read — which looked
    like a worker dying on large answers under load.
    """
    with contextlib.suppress(OSError, ValueError):
        loop.remove_reader(descriptor)
        os.set_blocking(descriptor, True)


def stop(worker: Worker) -> None:
    """Kill the worker's process: its CPU work ends at once."""
    with contextlib.suppress(OSError):
        worker.connection.close()
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join(timeout=5)


class QueryPool:
    """Worker processes with the build loaded, a spare in reserve, one execution per job."""

    def __init__(self, nquads: Path, settings: Settings, spares: int = SPARES) -> None:
        self.nquads = nquads
        self.settings = settings
        self.wanted_spares = spares
        self.workers: list[Worker] = []
        """Workers taking jobs, idle or busy."""
        self.spares: list[Worker] = []
        """Loaded workers in reserve; they take no jobs but a light client's."""
        self.lent: list[Worker] = []
        """Spares running one job for a light client."""
        self.idle: deque[Worker] = deque()
        self.waiting: list[Waiter] = []
        """Executions waiting for a worker, in the order they came."""
        self.uses: dict[str, Use] = {}
        self.running: dict[Job, asyncio.Task[Reply]] = {}
        self.cache = reply_cache(settings)
        self.executions = 0
        """Jobs sent to a worker so far (for the operator, and for tests)."""
        self.closed = False
        self._order = 0
        self._started: dict[int, tuple[str, float]] = {}
        """Busy worker (pid) → the client whose job it runs, and since when (loop time)."""
        self._loading: set[asyncio.Task[None]] = set()

    @classmethod
    async def start(cls, nquads: Path, settings: Settings, spares: int = SPARES) -> QueryPool:
        """The pool once its workers have loaded the build; the spares load afterwards."""
        pool = cls(nquads, settings, spares)
        started = await asyncio.gather(
            *(spawn(nquads, settings) for _ in range(settings.query_workers)),
            return_exceptions=True,
        )
        for worker in started:
            if isinstance(worker, Worker):
                pool._enlist(worker)
        failure = next((error for error in started if isinstance(error, BaseException)), None)
        if failure is not None:
            await pool.close()
            raise failure
        pool._refill()
        return pool

    @property
    def pids(self) -> list[int]:
        """Process ids of the workers taking jobs (for the operator, and for tests)."""
        return [worker.pid for worker in self.workers]

    @property
    def spare_pids(self) -> list[int]:
        """Process ids of the spares, lent ones included."""
        return [worker.pid for worker in self.spares + self.lent]

    async def run(self, job: Job, client: str = "") -> Reply:
        """The reply to `job` for `client`: cached, or from its one execution; else
        QueryUnavailable. The answer comes within the timeout, counted from now.

        Cancelling the caller leaves the execution running for the others and the cache.
        """
        cached = self.cache.get(job)
        if cached is not None:
            return cached
        execution = self.running.get(job)
        if execution is None:
            deadline = asyncio.get_running_loop().time() + self.settings.query_timeout
            execution = asyncio.get_running_loop().create_task(self._execute(job, client, deadline))
            self.running[job] = execution
            execution.add_done_callback(partial(self._finished, job))
        return await asyncio.shield(execution)

    def _finished(self, job: Job, execution: asyncio.Task[Reply]) -> None:
        if self.running.get(job) is execution:
            del self.running[job]
        if not execution.cancelled():
            execution.exception()  # retrieved: nobody may be left to await it

    async def _execute(self, job: Job, client: str, deadline: float) -> Reply:
        """Run `job` on a worker until `deadline`; the worker is killed only past it."""
        loop = asyncio.get_running_loop()
        worker = await self._acquire(client, deadline)
        self.executions += 1
        self._started[worker.pid] = (client, loop.time())
        try:
            worker.connection.send(job)
            reply = await receive(worker.connection, max(0.0, deadline - loop.time()))
        except TimeoutError:
            self._done(worker)
            self._give_back(self._retire(worker))
            timeout = self.settings.query_timeout
            raise QueryUnavailable(
                503,
                f"The query ran longer than the limit of {timeout:g} seconds and was stopped.",
                timed_out=True,
            ) from None
        except (EOFError, OSError) as error:
            self._done(worker)
            alive = worker.process.is_alive()
            log.error(
                "query worker %d: reading its answer failed (%s: %s); the process was %s",
                worker.pid,
                type(error).__name__,
                error,
                "alive" if alive else f"gone (exit code {worker.process.exitcode})",
            )
            await asyncio.to_thread(worker.process.join, 2)
            self._give_back(self._retire(worker))
            self._log_ended(worker)
            raise self._ended(worker) from None
        except BaseException:  # cancelled: the pool is closing or the loop shutting down
            self._done(worker)
            self._give_back(self._retire(worker))
            raise
        self._done(worker)
        self._give_back(worker)
        assert isinstance(reply, Reply)
        if reply.status == 200:
            self.cache.put(job, reply)
        return reply

    def _use(self, client: str) -> Use:
        use = self.uses.get(client)
        if use is None:
            if len(self.uses) >= CLIENTS_KEPT:
                self._forget_clients()
            use = self.uses[client] = Use(at=asyncio.get_running_loop().time())
        return use

    def _forget_clients(self) -> None:
        """Keep the memory of clients bounded: forget the idle ones that used least."""
        now = asyncio.get_running_loop().time()
        idle = [(use.recent(now), name) for name, use in self.uses.items() if not use.running]
        for _, name in sorted(idle)[: max(1, len(self.uses) // 10)]:
            if not self.uses[name].waiting:
                del self.uses[name]

    def recent_use(self, client: str, now: float) -> float:
        """Worker-seconds `client` used recently, its running queries' time included."""
        use = self.uses.get(client)
        past = use.recent(now) if use is not None else 0.0
        running = sum(now - since for who, since in self._started.values() if who == client)
        return past + running

    def _done(self, worker: Worker) -> None:
        """The job on `worker` ended: its client's use and running count are updated."""
        client, since = self._started.pop(worker.pid)
        use = self._use(client)
        now = asyncio.get_running_loop().time()
        use.add(now - since, now)
        use.running -= 1

    async def _acquire(self, client: str, deadline: float) -> Worker:
        """A live worker for one job of `client` before `deadline`; dead ones are replaced.

        The client's running count includes the job from the moment a worker is handed
        over; a job with too little time left gives its worker back and is answered busy.
        """
        loop = asyncio.get_running_loop()
        while True:
            worker = await self._wait_for_worker(client, deadline)
            if worker.process.is_alive():
                break
            self._use(client).running -= 1
            self._give_back(self._retire(worker))
            self._log_ended(worker)
        if deadline - loop.time() < MIN_RUN * self.settings.query_timeout:
            self._use(client).running -= 1
            self._give_back(worker)
            raise self._busy()
        return worker

    async def _wait_for_worker(self, client: str, deadline: float) -> Worker:
        """Wait in line for a worker handed over by `_dispatch`, until `deadline`."""
        loop = asyncio.get_running_loop()
        use = self._use(client)
        if use.waiting >= WAITING_PER_CLIENT:
            raise QueryUnavailable(
                429,
                f"This client has {WAITING_PER_CLIENT} queries waiting already; "
                "wait for their answers before sending more.",
                retry_after=1,
            )
        self._order += 1
        waiter = Waiter(client, self._order, loop.create_future())
        self.waiting.append(waiter)
        use.waiting += 1
        try:
            self._dispatch()
            await asyncio.wait((waiter.future,), timeout=max(0.0, deadline - loop.time()))
        except asyncio.CancelledError:
            future = waiter.future
            if future.done() and not future.cancelled() and future.exception() is None:
                use.running -= 1  # handed over just as we were cancelled
                self._give_back(future.result())
            raise
        finally:
            self._leave_line(waiter)
        if not waiter.future.done():
            waiter.future.cancel()
            raise self._busy()
        return waiter.future.result()  # raises when the pool closed meanwhile

    def _busy(self) -> QueryUnavailable:
        timeout = self.settings.query_timeout
        return QueryUnavailable(
            503,
            f"All {self.settings.query_workers} query workers stayed busy for "
            f"{timeout:g} seconds; try again later.",
            retry_after=max(1, round(timeout)),
        )

    def _leave_line(self, waiter: Waiter) -> None:
        if waiter in self.waiting:
            self.waiting.remove(waiter)
            self._use(waiter.client).waiting -= 1

    def _dispatch(self) -> None:
        """Hand idle workers to waiting executions, the least-used client first; a light
        client whose query would otherwise wait borrows an idle spare."""
        now = asyncio.get_running_loop().time()
        while True:
            ready = [
                waiter
                for waiter in self.waiting
                if not waiter.future.done()
                and self._use(waiter.client).running < self.settings.client_queries
            ]
            light = [waiter for waiter in ready if self._is_light(waiter.client)]
            candidates = ready if self._heavy_may_take_a_worker() else light
            if self.idle and candidates:
                waiter = min(candidates, key=lambda w: (self.recent_use(w.client, now), w.order))
                self._hand_over(waiter, self._unwatch(self.idle.popleft()))
                continue
            spare = self._idle_spare() if light else None
            if spare is None:
                return
            self.lent.append(spare)
            self._hand_over(min(light, key=lambda w: w.order), spare)

    def _is_light(self, client: str) -> bool:
        """A client with nothing running whose queries are quick."""
        use = self._use(client)
        return use.running == 0 and use.typical < LIGHT_QUERY

    def _heavy_may_take_a_worker(self) -> bool:
        """Whether a client that used the workers a lot lately may take an idle worker: not
        the last one while the spare, the light clients' lane, is lent out or loading."""
        return (
            len(self.idle) > 1
            or bool(self.spares)
            or not (self.lent or self._loading)
            or self.wanted_spares == 0
            or self.settings.query_workers == 1
        )

    def _idle_spare(self) -> Worker | None:
        while self.spares and not self.closed:
            spare = self._unwatch(self.spares.pop(0))
            if spare.process.is_alive():
                return spare
            stop(spare)
            self._log_ended(spare, "spare ")
            self._refill()
        return None

    def _hand_over(self, waiter: Waiter, worker: Worker) -> None:
        self._use(waiter.client).running += 1
        waiter.future.set_result(worker)
        self._leave_line(waiter)

    def _give_back(self, worker: Worker | None) -> None:
        """`worker` is free again: idle (a lent spare back to the reserve), then dispatch."""
        if worker is None or self.closed:
            return
        if worker in self.lent:
            self.lent.remove(worker)
            if len(self.workers) < self.settings.query_workers:
                self.workers.append(worker)  # a worker was lost meanwhile: it takes its place
                self.idle.append(self._watch(worker))
            else:
                self.spares.append(self._watch(worker))
        else:
            self.idle.append(self._watch(worker))
        self._dispatch()

    def _watch(self, worker: Worker) -> Worker:
        """Notice at once when an idle worker or a spare dies: its pipe turns readable."""
        with contextlib.suppress(OSError, ValueError):
            asyncio.get_running_loop().add_reader(worker.connection.fileno(), self._died, worker)
        return worker

    def _unwatch(self, worker: Worker) -> Worker:
        with contextlib.suppress(OSError, ValueError):
            stop_watching(asyncio.get_running_loop(), worker.connection.fileno())
        return worker

    def _died(self, worker: Worker) -> None:
        """An idle worker or a spare ended: replace it now."""
        self._unwatch(worker)
        if worker in self.spares:
            self.spares.remove(worker)
        self._give_back(self._retire(worker))
        self._log_ended(worker, "idle ")

    def _enlist(self, worker: Worker) -> None:
        self.workers.append(worker)
        self._give_back(worker)

    def _retire(self, worker: Worker) -> Worker | None:
        """Kill `worker`; a live spare takes its place (returned, not yet given back).

        Then workers and spares are loaded as needed to make up the numbers.
        """
        if worker in self.idle:
            self.idle.remove(self._unwatch(worker))
        stop(worker)
        if worker in self.lent:
            self.lent.remove(worker)
        taking_jobs = worker in self.workers
        if taking_jobs:
            self.workers.remove(worker)
        spare = None
        while taking_jobs and spare is None and self.spares and not self.closed:
            candidate = self._unwatch(self.spares.pop(0))
            if candidate.process.is_alive():
                spare = candidate
                self.workers.append(spare)
                log.info("spare query worker %d takes over from %d", spare.pid, worker.pid)
            else:
                stop(candidate)
                self._log_ended(candidate, "spare ")
        self._refill()
        return spare

    def _ended(self, worker: Worker) -> QueryUnavailable:
        """Why a worker ended during a query: over its memory limit, or unexpectedly."""
        if worker.process.exitcode == OUT_OF_MEMORY:
            memory = self.settings.query_memory
            return QueryUnavailable(
                503,
                f"The query needed more than the memory limit of {memory} MiB and was stopped.",
            )
        return QueryUnavailable(503, "The query worker ended unexpectedly; try again.", 5)

    def _log_ended(self, worker: Worker, kind: str = "") -> None:
        if self.closed:
            return  # killed by close()
        code = worker.process.exitcode
        if code == -signal.SIGTERM:  # the server is being stopped: its workers go first
            log.info("%squery worker %d stopped", kind, worker.pid)
            return
        log.error("%squery worker %d ended (exit code %s)", kind, worker.pid, code)

    def _refill(self) -> None:
        """Start loading workers in the background until workers and spares are complete."""
        if self.closed:
            return
        wanted = self.settings.query_workers + self.wanted_spares
        have = len(self.workers) + len(self.spares) + len(self.lent) + len(self._loading)
        loop = asyncio.get_running_loop()
        for _ in range(wanted - have):
            task = loop.create_task(self._load())
            self._loading.add(task)
            task.add_done_callback(self._loading.discard)

    async def _load(self) -> None:
        """One new worker, tried until it loads: it takes jobs if the pool is short of
        workers, else it is a spare."""
        delay = RETRY_FIRST
        while True:
            try:
                worker = await spawn(self.nquads, self.settings)
                break
            except WorkerStartError as error:
                log.error("query worker not replaced: %s; trying again in %g s", error, delay)
            await asyncio.sleep(delay)
            delay = min(2 * delay, RETRY_MAX)
        if self.closed:
            stop(worker)
        elif len(self.workers) < self.settings.query_workers:
            self._enlist(worker)
            log.info("query worker %d loaded", worker.pid)
        else:
            self.spares.append(self._watch(worker))
            self._dispatch()

    async def close(self) -> None:
        """Kill every worker and spare; queries still running get a worker-ended answer."""
        self.closed = True
        loading = list(self._loading)
        for task in loading:
            task.cancel()
        await asyncio.gather(*loading, return_exceptions=True)
        closing = QueryUnavailable(503, "The query service is switching builds; try again.", 1)
        for waiter in self.waiting:
            if not waiter.future.done():
                waiter.future.set_exception(closing)
        self.waiting.clear()
        for worker in [*self.idle, *self.spares]:
            self._unwatch(worker)
        workers = self.workers + self.spares + self.lent
        self.workers, self.spares, self.lent = [], [], []
        self.idle.clear()
        for worker in workers:
            await asyncio.to_thread(stop, worker)

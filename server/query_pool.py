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
- **Waiting in line.** An execution that finds no idle worker waits, first come first
  served, up to the timeout; then it answers 503 with Retry-After.
- **A warm spare.** `SPARES` loaded workers take no jobs. When a worker is killed or found
  dead, a spare takes its place at once and a new spare loads in the background (a worker
  of a large build loads for many seconds). A worker or spare that fails to load is
  logged, and the pool serves on with the workers it has.
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
from collections import OrderedDict, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from server import query_worker
from server.config import Settings
from server.query_worker import Job, Reply

log = logging.getLogger("intmk.server")
CONTEXT = multiprocessing.get_context("spawn")
START_TIMEOUT = 300.0
CACHE_BYTES = 64 * 1024 * 1024
MIB = 1024 * 1024
OUT_OF_MEMORY = -signal.SIGABRT
"""How a worker ends when an allocation fails under its memory limit (Rust aborts)."""
SPARES = 1
"""Loaded workers kept in reserve, to replace a killed or dead worker at once."""


class QueryUnavailable(Exception):
    """No answer from a worker: timed out, all busy, or died. `retry_after` is in seconds."""

    def __init__(self, status: int, detail: str, retry_after: int | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.retry_after = retry_after


class WorkerStartError(Exception):
    """A worker could not load the build."""


@dataclass
class Worker:
    process: BaseProcess
    connection: Connection

    @property
    def pid(self) -> int:
        return self.process.pid or 0


@dataclass
class ReplyCache:
    """Finished 200 replies by job, least recently used dropped first, bounded in bytes."""

    capacity: int = CACHE_BYTES
    size: int = 0
    entries: OrderedDict[Job, Reply] = field(default_factory=OrderedDict)

    def get(self, job: Job) -> Reply | None:
        reply = self.entries.get(job)
        if reply is not None:
            self.entries.move_to_end(job)
        return reply

    def put(self, job: Job, reply: Reply) -> None:
        if reply.status != 200 or len(reply.body) > self.capacity // 4 or job in self.entries:
            return
        self.entries[job] = reply
        self.size += len(reply.body)
        while self.size > self.capacity:
            _, dropped = self.entries.popitem(last=False)
            self.size -= len(dropped.body)


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
        args=(child, str(nquads), settings.result_limit, memory),
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
        """Loaded workers in reserve; they take no jobs."""
        self.idle: deque[Worker] = deque()
        self.waiting: deque[asyncio.Future[Worker]] = deque()
        """Executions waiting for an idle worker, first come first served."""
        self.running: dict[Job, asyncio.Task[Reply]] = {}
        self.cache = ReplyCache()
        self.executions = 0
        """Jobs sent to a worker so far (for the operator, and for tests)."""
        self.closed = False
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
        return [worker.pid for worker in self.spares]

    async def run(self, job: Job) -> Reply:
        """The reply to `job`: cached, or from its one execution; QueryUnavailable otherwise.

        Cancelling the caller leaves the execution running for the others and the cache.
        """
        cached = self.cache.get(job)
        if cached is not None:
            return cached
        execution = self.running.get(job)
        if execution is None:
            execution = asyncio.get_running_loop().create_task(self._execute(job))
            self.running[job] = execution
            execution.add_done_callback(partial(self._finished, job))
        return await asyncio.shield(execution)

    def _finished(self, job: Job, execution: asyncio.Task[Reply]) -> None:
        if self.running.get(job) is execution:
            del self.running[job]
        if not execution.cancelled():
            execution.exception()  # retrieved: nobody may be left to await it

    async def _execute(self, job: Job) -> Reply:
        """Run `job` on a worker; the worker is killed only past the timeout."""
        timeout = self.settings.query_timeout
        worker = await self._acquire(timeout)
        self.executions += 1
        try:
            worker.connection.send(job)
            reply = await receive(worker.connection, timeout)
        except TimeoutError:
            self._release_spare(self._retire(worker))
            raise QueryUnavailable(
                503, f"The query ran longer than the limit of {timeout:g} seconds and was stopped."
            ) from None
        except (EOFError, OSError) as error:
            alive = worker.process.is_alive()
            log.error(
                "query worker %d: reading its answer failed (%s: %s); the process was %s",
                worker.pid,
                type(error).__name__,
                error,
                "alive" if alive else f"gone (exit code {worker.process.exitcode})",
            )
            await asyncio.to_thread(worker.process.join, 2)
            self._release_spare(self._retire(worker))
            self._log_ended(worker)
            raise self._ended(worker) from None
        except BaseException:  # cancelled: the pool is closing or the loop shutting down
            self._release_spare(self._retire(worker))
            raise
        self._release(worker)
        assert isinstance(reply, Reply)
        self.cache.put(job, reply)
        return reply

    async def _acquire(self, timeout: float) -> Worker:
        """A live worker for one job within `timeout` seconds; dead ones are replaced."""
        deadline = asyncio.get_running_loop().time() + timeout
        worker = self._unwatch(self.idle.popleft()) if self.idle else None
        if worker is None:
            worker = await self._wait_for_worker(deadline)
        while not worker.process.is_alive():
            spare = self._retire(worker)
            self._log_ended(worker)
            worker = spare if spare is not None else await self._wait_for_worker(deadline)
        return worker

    async def _wait_for_worker(self, deadline: float) -> Worker:
        """Wait in line for the next worker set free, until `deadline` (loop time)."""
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[Worker] = loop.create_future()
        self.waiting.append(waiter)
        try:
            await asyncio.wait((waiter,), timeout=max(0.0, deadline - loop.time()))
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled() and waiter.exception() is None:
                self._release(waiter.result())  # handed over just as we were cancelled
            self._leave_line(waiter)
            raise
        if not waiter.done():
            self._leave_line(waiter)
            timeout = self.settings.query_timeout
            raise QueryUnavailable(
                503,
                f"All {self.settings.query_workers} query workers stayed busy for "
                f"{timeout:g} seconds; try again later.",
                retry_after=max(1, round(timeout)),
            )
        return waiter.result()  # raises when the pool closed meanwhile

    def _leave_line(self, waiter: asyncio.Future[Worker]) -> None:
        if not waiter.done():
            waiter.cancel()
        with contextlib.suppress(ValueError):
            self.waiting.remove(waiter)

    def _release(self, worker: Worker) -> None:
        """`worker` is free: to the longest waiting execution, or to the idle ones."""
        while self.waiting:
            waiter = self.waiting.popleft()
            if not waiter.done():
                waiter.set_result(worker)
                return
        self.idle.append(self._watch(worker))

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
        self._release_spare(self._retire(worker))
        self._log_ended(worker, "idle ")

    def _release_spare(self, spare: Worker | None) -> None:
        if spare is not None:
            self._release(spare)

    def _enlist(self, worker: Worker) -> None:
        self.workers.append(worker)
        self._release(worker)

    def _retire(self, worker: Worker) -> Worker | None:
        """Kill `worker`; a live spare takes its place (returned, not yet released).

        Then workers and spares are loaded as needed to make up the numbers.
        """
        if worker in self.idle:
            self.idle.remove(self._unwatch(worker))
        stop(worker)
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
        loop = asyncio.get_running_loop()
        while len(self.workers) + len(self.spares) + len(self._loading) < wanted:
            task = loop.create_task(self._load())
            self._loading.add(task)
            task.add_done_callback(self._loading.discard)

    async def _load(self) -> None:
        """One new worker: it takes jobs if the pool is short of workers, else it is a spare."""
        try:
            worker = await spawn(self.nquads, self.settings)
        except WorkerStartError as error:
            log.error("query worker not replaced: %s", error)
            return
        if self.closed:
            stop(worker)
        elif len(self.workers) < self.settings.query_workers:
            self._enlist(worker)
        else:
            self.spares.append(self._watch(worker))

    async def close(self) -> None:
        """Kill every worker and spare; queries still running get a worker-ended answer."""
        self.closed = True
        loading = list(self._loading)
        for task in loading:
            task.cancel()
        await asyncio.gather(*loading, return_exceptions=True)
        closing = QueryUnavailable(503, "The query service is switching builds; try again.", 1)
        while self.waiting:
            waiter = self.waiting.popleft()
            if not waiter.done():
                waiter.set_exception(closing)
        for worker in [*self.idle, *self.spares]:
            self._unwatch(worker)
        workers = self.workers + self.spares
        self.workers, self.spares = [], []
        self.idle.clear()
        for worker in workers:
            await asyncio.to_thread(stop, worker)

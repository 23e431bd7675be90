"""SPARQL queries in worker processes that can be stopped, with a cache of finished answers.

Each worker (server/query_worker.py) holds its own in-memory copy of the build. A job goes
to an idle worker; the event loop waits for the reply without blocking (a reader on the
pipe). A query past the timeout gets its worker killed — the only way to stop pyoxigraph —
and a fresh worker is started in the background. One pool serves one generation, whose data
never changes, so identical jobs get the cached reply without a worker.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import sys
import types
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
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


async def spawn(nquads: Path, limit: int) -> Worker:
    """Start one worker and wait until it has loaded the build."""
    parent, child = CONTEXT.Pipe()
    process = CONTEXT.Process(
        target=query_worker.main, args=(child, str(nquads), limit), daemon=True
    )
    with bare_main():
        process.start()
    child.close()
    worker = Worker(process, parent)
    try:
        message = await receive(parent, START_TIMEOUT)
    except (EOFError, OSError, TimeoutError):
        stop(worker)
        raise WorkerStartError(
            f"a query worker did not start (exit code {process.exitcode})"
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
        with contextlib.suppress(OSError, ValueError):
            loop.remove_reader(descriptor)
    return await asyncio.to_thread(connection.recv)


def stop(worker: Worker) -> None:
    """Kill the worker's process: its CPU work ends at once."""
    with contextlib.suppress(OSError):
        worker.connection.close()
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join(timeout=5)


class QueryPool:
    """Worker processes, each with the build loaded; a query past the timeout is killed."""

    def __init__(self, nquads: Path, settings: Settings) -> None:
        self.nquads = nquads
        self.settings = settings
        self.workers: list[Worker] = []
        self.idle: asyncio.Queue[Worker] = asyncio.Queue()
        self.cache = ReplyCache()
        self.closed = False
        self._starting: set[asyncio.Task[None]] = set()

    @classmethod
    async def start(cls, nquads: Path, settings: Settings) -> QueryPool:
        pool = cls(nquads, settings)
        limit = settings.result_limit
        started = await asyncio.gather(
            *(spawn(nquads, limit) for _ in range(settings.query_workers)),
            return_exceptions=True,
        )
        for worker in started:
            if isinstance(worker, Worker):
                pool._enlist(worker)
        failure = next((error for error in started if isinstance(error, BaseException)), None)
        if failure is not None:
            await pool.close()
            raise failure
        return pool

    @property
    def pids(self) -> list[int]:
        """Process ids of the live workers (for the operator, and for tests)."""
        return [worker.pid for worker in self.workers]

    def _enlist(self, worker: Worker) -> None:
        self.workers.append(worker)
        self.idle.put_nowait(worker)

    async def run(self, job: Job) -> Reply:
        """The reply to `job`, from the cache or an idle worker; QueryUnavailable otherwise."""
        cached = self.cache.get(job)
        if cached is not None:
            return cached
        timeout = self.settings.query_timeout
        worker = await self._idle_worker(timeout)
        try:
            worker.connection.send(job)
            reply = await receive(worker.connection, timeout)
        except TimeoutError:
            self._replace(worker)
            raise QueryUnavailable(
                503, f"The query ran longer than the limit of {timeout:g} seconds and was stopped."
            ) from None
        except (EOFError, OSError):
            self._replace(worker)
            log.error("query worker %d ended (exit code %s)", worker.pid, worker.process.exitcode)
            raise QueryUnavailable(
                503, "The query worker ended unexpectedly (out of memory?); try again.", 5
            ) from None
        except asyncio.CancelledError:
            self._replace(worker)  # still computing a reply nobody will read
            raise
        self.idle.put_nowait(worker)
        assert isinstance(reply, Reply)
        self.cache.put(job, reply)
        return reply

    async def _idle_worker(self, timeout: float) -> Worker:
        """An idle live worker within `timeout` seconds; one that died idle is replaced."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            while True:
                worker = await asyncio.wait_for(self.idle.get(), deadline - loop.time())
                if worker.process.is_alive():
                    return worker
                self._replace(worker)
        except TimeoutError:
            raise QueryUnavailable(
                503,
                f"All {self.settings.query_workers} query workers stayed busy for "
                f"{timeout:g} seconds; try again later.",
                retry_after=max(1, round(timeout)),
            ) from None

    def _replace(self, worker: Worker) -> None:
        """Kill `worker` and start a replacement in the background."""
        stop(worker)
        if worker in self.workers:
            self.workers.remove(worker)
        if self.closed:
            return
        task = asyncio.get_running_loop().create_task(self._start_replacement())
        self._starting.add(task)
        task.add_done_callback(self._starting.discard)

    async def _start_replacement(self) -> None:
        try:
            worker = await spawn(self.nquads, self.settings.result_limit)
        except WorkerStartError as error:
            log.error("query worker not replaced: %s", error)
            return
        if self.closed:
            stop(worker)
        else:
            self._enlist(worker)

    async def close(self) -> None:
        """Kill every worker; queries still running get a worker-ended answer."""
        self.closed = True
        for task in list(self._starting):
            task.cancel()
        workers, self.workers = self.workers, []
        for worker in workers:
            await asyncio.to_thread(stop, worker)

"""One SPARQL worker process: its own copy of the build, answering jobs from a pipe.

pyoxigraph cannot cancel a running query, so every query runs in a process of this kind
that the server may kill when the query runs too long. The worker knows nothing of HTTP:
it gets a `Job` (query, dataset, the media types the client accepts for each kind of
answer) and sends back a `Reply` with a status, a media type and the finished body. The
result limit is applied while iterating, in rows and in bytes, so a huge answer is never
built: a query whose answer would pass either limit gets the first part, marked truncated.
"""

from __future__ import annotations

import contextlib
import os
import resource
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TypeVar

import pyoxigraph

from mapping.build_layout import DESCRIPTION_NQUADS_NAME
from server import results
from server.no_network import NetworkNotForbidden, forbid_network
from server.query_text import has_dataset_clause

T = TypeVar("T")


@dataclass(frozen=True)
class Job:
    """A query and how to answer it; a media type of None means the client accepts none."""

    query: str
    default_graphs: tuple[str, ...] | None
    """`default-graph-uri` values; None when the request named none."""
    named_graphs: tuple[str, ...] | None
    solutions_type: str | None
    boolean_type: str | None
    graph_type: str | None
    base_iri: str
    prefixes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Reply:
    status: int
    """200, or 400 (query syntax), 406 (no acceptable format) or 500."""
    media_type: str
    body: bytes
    truncated: bool = False
    detail: str = ""
    available: tuple[str, ...] = ()
    """For a 406: the media types this kind of answer comes in."""


def dataset_options(job: Job) -> dict[str, object]:
    """The SPARQL 1.1 Protocol's dataset rules as pyoxigraph query options.

    A protocol dataset replaces the query's own; a graph kind the request leaves out is
    empty. Without either, the query's FROM clauses decide, and failing those the default
    graph is the union of all named graphs.
    """
    if job.default_graphs is None and job.named_graphs is None:
        return {} if has_dataset_clause(job.query) else {"use_default_graph_as_union": True}
    return {
        "default_graph": [pyoxigraph.NamedNode(iri) for iri in job.default_graphs or ()],
        "named_graphs": [pyoxigraph.NamedNode(iri) for iri in job.named_graphs or ()],
    }


@dataclass(frozen=True)
class Limits:
    """How much of an answer a worker writes: rows (or triples), and bytes."""

    rows: int
    bytes: int


def first(items: Iterable[T], limits: Limits, size: Callable[[T], int]) -> tuple[list[T], bool]:
    """The first items within both limits (`size` estimates an item's bytes), and whether
    there were more."""
    taken: list[T] = []
    total = 0
    for item in items:
        total += size(item)
        if len(taken) == limits.rows or total > limits.bytes:
            return taken, True
        taken.append(item)
    return taken, False


def term_size(term: object) -> int:
    """About the bytes a term takes in an answer: its N-Triples form and some markup."""
    return len(str(term)) + 32 if term is not None else 8


def row_size(row: list[results.Term | None]) -> int:
    return sum(term_size(term) for term in row)


def within(
    items: list[T], truncated: bool, limit: int, write: Callable[[list[T]], bytes]
) -> tuple[bytes, bool]:
    """The items written, fewer (halved until it fits) if escaping made them pass `limit`."""
    body = write(items)
    while len(body) > limit and items:
        items, truncated = items[: len(items) // 2], True
        body = write(items)
    return body, truncated


def not_acceptable(kind: str, offers: Iterable[str]) -> Reply:
    available = tuple(offers)
    detail = f"A {kind} answer is available as {', '.join(available)}."
    return Reply(406, "", b"", detail=detail, available=available)


def answer(store: pyoxigraph.Store, job: Job, limits: Limits) -> Reply:
    """Run the job's query and write what of its answer fits the limits."""
    result = store.query(job.query, base_iri=job.base_iri, **dataset_options(job))  # type: ignore[arg-type]
    if isinstance(result, pyoxigraph.QueryBoolean):
        if job.boolean_type is None:
            return not_acceptable("boolean (ASK)", results.BOOLEAN_FORMATS)
        return Reply(200, job.boolean_type, results.write_boolean(bool(result), job.boolean_type))
    if isinstance(result, pyoxigraph.QuerySolutions):
        solutions_type = job.solutions_type
        if solutions_type is None:
            return not_acceptable("SELECT", results.SOLUTION_FORMATS)
        names = [variable.value for variable in result.variables]
        rows, truncated = first(
            ([solution[n] for n in names] for solution in result), limits, row_size
        )
        body, truncated = within(
            rows,
            truncated,
            limits.bytes,
            lambda part: results.write_solutions(names, part, solutions_type),
        )
        return Reply(200, solutions_type, body, truncated)
    graph_type = job.graph_type
    if graph_type is None:
        return not_acceptable("graph (CONSTRUCT/DESCRIBE)", results.GRAPH_FORMATS)
    triples, truncated = first(result, limits, term_size)
    body, truncated = within(
        triples,
        truncated,
        limits.bytes,
        lambda part: results.write_triples(part, graph_type, dict(job.prefixes)),
    )
    return Reply(200, graph_type, body, truncated)


def safe_answer(store: pyoxigraph.Store, job: Job, limits: Limits) -> Reply:
    """The answer, or a reply that says what went wrong (never a traceback)."""
    try:
        return answer(store, job, limits)
    except SyntaxError as error:
        return Reply(400, "", b"", detail=f"The query is not valid SPARQL 1.1: {error}")
    except ValueError as error:
        return Reply(400, "", b"", detail=f"The query cannot be answered: {error}")
    except Exception as error:
        return failed(error)
    except BaseException as error:  # pyoxigraph's Rust panics are BaseExceptions
        if isinstance(error, KeyboardInterrupt | SystemExit):
            raise
        return failed(error)


def failed(error: BaseException) -> Reply:
    """A 500 whose detail says nothing but that it failed: the engine's message is logged
    (on the worker's stderr), never sent, so no text from elsewhere reaches a client."""
    report_failure(error, "a query failed")
    return Reply(500, "", b"", detail="The query failed inside the query engine; it is logged.")


def main(connection: Connection, nquads: str, limits: Limits, memory: int) -> None:
    """Process entry point: load the build, say ready, answer jobs until the pipe closes.

    `memory` bytes bound the process's data (RLIMIT_DATA): a query that would need more
    makes an allocation fail and the process abort, instead of exhausting the machine
    (one query on the seed reached 5 GB in 10 s without it).
    """
    resource.setrlimit(resource.RLIMIT_DATA, (memory, memory))
    try:
        forbid_network()
    except NetworkNotForbidden as error:
        connection.send(("failed", f"no query may reach the network, but {error}"))
        return
    store = pyoxigraph.Store()
    data = Path(nquads)
    # the build's dataset description (graph {base}dataset) is queryable like the data
    description = data.with_name(DESCRIPTION_NQUADS_NAME)
    for path in (data, description) if description.exists() else (data,):
        try:
            store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS)
        except (OSError, SyntaxError) as error:
            connection.send(("failed", f"{path}: {error}"))
            return
    connection.send(("ready", len(store)))
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        try:
            connection.send(safe_answer(store, job, limits))
        except BaseException as error:
            report_failure(error)
            raise


def report_failure(error: BaseException, what: str = "ends") -> None:
    """Say on stderr why the worker ends (or a query failed), allocating as little as
    possible: out of memory, formatting a traceback may itself fail; the class name alone
    gets out."""
    os.write(2, f"query worker {os.getpid()} {what}: {type(error).__name__}\n".encode())
    with contextlib.suppress(BaseException):
        os.write(2, f"query worker {os.getpid()}: {error!r}"[:2000].encode() + b"\n")

"""The SPARQL 1.1 Protocol endpoint at /sparql: queries only, answered by worker processes.

The route reads the request (server/sparql_request.py), chooses the result formats
(server/sparql_formats.py) and hands a job to the generation's query pool
(server/query_pool.py). A GET without a query answers the service description
(server/service_description.py). Browsers (a GET preferring text/html, no `format`) get
the query page (server/query_page.py) instead: the same query run the same way, its
answer shown as a table, and problems shown on the page with the query kept.
"""

from __future__ import annotations

import asyncio
import hashlib
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from mapping.uris import VOCABULARY
from server import http_cache, negotiation, query_page, results, service_description
from server.dataset import Generation
from server.dependencies import generation, settings
from server.pages import language
from server.problems import PROBLEM_JSON, Problem
from server.query_pool import QueryUnavailable
from server.query_text import is_federated
from server.query_worker import Job, Reply
from server.result_table import Cells, read_table
from server.sparql_formats import ALL_TYPES, Choices, choose_formats
from server.sparql_request import FORM, SPARQL_QUERY, Operation, read_operation

router = APIRouter(tags=["SPARQL"], default_response_class=Response)
PATH = "/sparql"
TRUNCATED = "Intmk-Result-Truncated"
MAX_ROWS = "X-SPARQL-MaxRows"
MAX_BYTES = "Intmk-Result-Max-Bytes"
HTML = "text/html"
HTML_UTF8 = "text/html; charset=utf-8"
PAGE_CHOICES = Choices(results.SPARQL_JSON, results.SPARQL_JSON, "application/n-triples")
"""What the query page asks the workers for: it reads the answer back into a table."""
PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}

QueryParameter = Annotated[
    list[str] | None,
    Query(description="The SPARQL 1.1 query (exactly one); without it GET describes the service."),
]
DefaultGraphs = Annotated[
    list[str] | None,
    Query(
        alias="default-graph-uri",
        description="Graphs whose merge is the default graph (repeatable); "
        "without any dataset parameter the default graph is the union of all named graphs.",
    ),
]
NamedGraphs = Annotated[
    list[str] | None,
    Query(alias="named-graph-uri", description="Graphs available to GRAPH (repeatable)."),
]
PageParameter = Annotated[
    int | None,
    Query(
        alias="page",
        ge=1,
        description="For browsers: which page of the answer's table the query page shows.",
    ),
]
FormatParameter = Annotated[
    list[str] | None,
    Query(
        alias="format",
        description="Result format overriding Accept: json, xml, csv, tsv, turtle, ntriples, "
        "jsonld, rdfxml, nquads, trig, or a media type.",
    ),
]


def problem(description: str, page: bool = False) -> dict[str, Any]:
    """A problem answer; `page` when browsers get it as the query page."""
    return {
        "description": description,
        "content": {PROBLEM_JSON: {}, **({HTML: {}} if page else {})},
    }


RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Query results (SELECT/ASK: SPARQL JSON, XML, CSV, TSV; CONSTRUCT/"
        "DESCRIBE: RDF), or the service description when there is no query. Marked "
        f"truncated ({TRUNCATED}: true, {MAX_ROWS}, {MAX_BYTES}) when the result limit "
        "(rows, or bytes) cut it.",
        "content": {media: {} for media in (*ALL_TYPES, HTML)},
    },
    304: {"description": "Not modified (GET with a matching ETag or date)."},
    400: problem(
        "Protocol error or a query that is not valid SPARQL 1.1 (position given); "
        "browsers get the query page with the message.",
        page=True,
    ),
    403: problem("An update: the endpoint is read-only.", page=True),
    406: problem("No acceptable result format; the available types are listed."),
    413: problem("The request body is larger than --body-limit."),
    503: problem("The query ran past the time limit, or every worker stayed busy.", page=True),
}
POST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            FORM: {
                "schema": {
                    "type": "object",
                    "required": ["query"],
                    "properties": {
                        "query": {"type": "string"},
                        "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                        "named-graph-uri": {"type": "array", "items": {"type": "string"}},
                        "format": {"type": "string"},
                    },
                }
            },
            SPARQL_QUERY: {"schema": {"type": "string"}},
        },
    }
}


@router.api_route(PATH, methods=["GET", "HEAD"], responses=RESPONSES, summary="Query (GET)")
async def sparql_get(
    request: Request,
    query: QueryParameter = None,
    default_graph_uri: DefaultGraphs = None,
    named_graph_uri: NamedGraphs = None,
    format: FormatParameter = None,
    page: PageParameter = None,
) -> Response:
    """Answer a query given in the URL; without one, describe the service."""
    return await answer(request)


@router.post(
    PATH,
    responses=RESPONSES,
    openapi_extra=POST_BODY,
    summary="Query (POST form or application/sparql-query)",
)
async def sparql_post(
    request: Request,
    default_graph_uri: DefaultGraphs = None,
    named_graph_uri: NamedGraphs = None,
    format: FormatParameter = None,
) -> Response:
    """Answer a query posted as a form or directly as the body."""
    return await answer(request)


async def answer(request: Request) -> Response:
    if for_people(request):
        return await answer_page(request)
    operation = await read_operation(request)
    current = generation(request)
    if operation is None:
        return describe(request, current)
    choices = choose_formats(request.headers.get("accept"), operation.formats)
    job = make_job(operation, choices, current)
    headers = {"Vary": "Accept"}
    if request.method in ("GET", "HEAD"):
        headers |= http_cache.validator_headers(
            current.dataset.version, current.dataset.modified, variant(job)
        )
        if http_cache.not_modified(request, headers["ETag"], current.dataset.modified):
            return Response(status_code=304, headers=headers)
    return await run(request, current, job, headers)


def make_job(operation: Operation, choices: Choices, current: Generation) -> Job:
    """The worker's job for a query; a federated query is refused here, before any worker."""
    if is_federated(operation.query):
        raise Problem(
            400,
            "Federated queries (SERVICE) are disabled: this endpoint makes no network "
            "connection for a query. Query this endpoint and the other one separately.",
            title="Federation disabled",
        )
    base = current.dataset.base
    return Job(
        query=operation.query,
        default_graphs=operation.default_graphs,
        named_graphs=operation.named_graphs,
        solutions_type=choices.solutions,
        boolean_type=choices.boolean,
        graph_type=choices.graph,
        base_iri=base + PATH.lstrip("/"),
        prefixes=tuple({**PREFIXES, "intmk": VOCABULARY + "ontology#"}.items()),
    )


def variant(job: Job) -> str:
    """A short digest of everything that decides the answer, for the ETag."""
    return hashlib.sha256(repr(job).encode()).hexdigest()[:16]


async def run(request: Request, current: Generation, job: Job, headers: dict[str, str]) -> Response:
    """The worker's reply as a response; timeouts, busy or dead workers as 503 problems."""
    reply = await answer_of(request, current, job)
    if reply.truncated:
        limits = settings(request)
        headers |= {
            TRUNCATED: "true",
            MAX_ROWS: str(limits.result_limit),
            MAX_BYTES: str(limits.answer_bytes),
        }
    return Response(reply.body, media_type=reply.media_type, headers=headers)


async def answer_of(request: Request, current: Generation, job: Job) -> Reply:
    """The worker's successful reply; a problem for anything else."""
    limit_settings = settings(request)
    try:
        reply = await current.queries.run(job, request.client.host if request.client else "")
    except QueryUnavailable as unavailable:
        retry = {"Retry-After": str(unavailable.retry_after)} if unavailable.retry_after else {}
        limit: dict[str, Any] = {}
        if unavailable.timed_out:  # not a busy pool, a dead worker, a memory limit
            limit["timeout_seconds"] = limit_settings.query_timeout
        raise Problem(unavailable.status, unavailable.detail, headers=retry, **limit) from None
    if reply.status != 200:
        extensions: dict[str, Any] = {"available": list(reply.available)} if reply.available else {}
        raise Problem(reply.status, reply.detail, **extensions)
    return reply


def for_people(request: Request) -> bool:
    """A browser asking with a query: a GET that prefers HTML to every result format."""
    accept = request.headers.get("accept")
    return (
        request.method in ("GET", "HEAD")
        and "query" in request.query_params
        and "format" not in request.query_params
        and negotiation.prefers_html(accept)
        and negotiation.choose(accept, [HTML, *ALL_TYPES]) == HTML
    )


def place(request: Request, current: Generation) -> query_page.Place:
    return query_page.Place(
        base=current.dataset.base,
        path=request.url.path,
        endpoint=endpoint_url(current),
        lang=language(request),
        version=current.dataset.version,
        result_limit=settings(request).result_limit,
        answer_bytes=settings(request).answer_bytes,
    )


async def answer_page(request: Request) -> Response:
    """The query page with the answer to the query in the URL, or the problem it met."""
    current = generation(request)
    where = place(request, current)
    text = request.query_params.get("query", "")
    headers = {"Vary": "Accept"}
    try:
        page = result_page(request)
        operation = await read_operation(request)
        assert operation is not None, "for_people() saw a query"
        job = make_job(operation, PAGE_CHOICES, current)
        headers |= http_cache.validator_headers(
            current.dataset.version,
            current.dataset.modified,
            f"page-{where.lang}-{page}-{variant(job)}",
        )
        if http_cache.not_modified(request, headers["ETag"], current.dataset.modified):
            return Response(status_code=304, headers=headers)
        reply = await answer_of(request, current, job)
    except Problem as stopped:
        body = query_page.render_page(where, text, problem=stopped)
        return Response(body, stopped.status, {"Vary": "Accept"} | stopped.headers, HTML_UTF8)
    body = await asyncio.to_thread(result_page_body, where, text, reply, current, page)
    return Response(body, 200, headers, HTML_UTF8)


def result_page(request: Request) -> int:
    """The `page` of the answer's table the query page shows (1, the first, by default)."""
    value = request.query_params.get("page", "1")
    if not value.isascii() or not value.isdigit() or not 0 < int(value) < 1_000_000:
        raise Problem(400, f"page={value!r}: expected a page number 1, 2, …")
    return int(value)


def result_page_body(
    where: query_page.Place, text: str, reply: Reply, current: Generation, page: int
) -> bytes:
    """The query page with one page of the answer as a table; run off the event loop, since
    a large answer takes a while to read and render."""
    cells = Cells(query_page.page_frame(where, text, None), current.dataset.store)
    table = read_table(reply.body, reply.media_type, reply.truncated, cells, page)
    return query_page.render_page(where, text, table)


def endpoint_url(current: Generation) -> str:
    """The endpoint's URL under the configured base: never from the request's Host or
    X-Forwarded-* headers, whose values would otherwise reach every client through the
    response cache."""
    return current.dataset.base + PATH.lstrip("/")


def describe(request: Request, current: Generation) -> Response:
    """The service description in the negotiated RDF syntax, or a query form for browsers."""
    accept = request.headers.get("accept")
    endpoint = endpoint_url(current)
    offers = list(service_description.DESCRIPTION_FORMATS)
    if negotiation.prefers_html(accept) and negotiation.choose(accept, ["text/html", *offers]) == (
        "text/html"
    ):
        media_type = "text/html"
    else:
        chosen = negotiation.choose(accept, offers)
        if chosen is None:
            raise Problem(
                406,
                f"The service description is available as {', '.join(offers)} and text/html.",
                available=[*offers, "text/html"],
            )
        media_type = chosen
    page_language = language(request) if media_type == HTML else ""
    body = description_body(request, current, media_type, page_language)
    headers = {"Vary": "Accept"} | http_cache.validator_headers(
        current.dataset.version,
        current.dataset.modified,
        "sd-"
        + hashlib.sha256(f"{endpoint} {media_type} {page_language}".encode()).hexdigest()[:16],
    )
    return http_cache.conditional(request, body, media_type, headers, current.dataset.modified)


def description_body(
    request: Request, current: Generation, media_type: str, page_language: str
) -> bytes:
    """The description, or the query page, prepared once per generation, endpoint URL,
    format and language."""
    endpoint = endpoint_url(current)
    key = ("sparql-description", endpoint, media_type, page_language)
    body = current.representations.get(key)
    if body is None:
        if media_type == HTML:
            body = query_page.render_page(place(request, current))
        else:
            store = current.dataset.store
            body = service_description.serialize_description(endpoint, store, media_type)
        current.representations.put(key, body)
    return body

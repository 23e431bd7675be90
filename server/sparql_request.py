"""A SPARQL 1.1 Protocol request read into one query operation, or a protocol error.

GET carries the query in the URL; POST either as a form (`query=`) or directly as
`application/sparql-query`. `default-graph-uri` / `named-graph-uri` may be repeated and come
from the URL (and the form). The endpoint is read-only: every update is refused with 403
before any worker sees it.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

import pyoxigraph
from starlette.datastructures import MultiDict
from starlette.requests import Request

from server.problems import Problem
from server.query_text import looks_like_update

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
UPDATE_PARAMETERS = ("update", "using-graph-uri", "using-named-graph-uri")


@dataclass(frozen=True)
class Operation:
    query: str
    default_graphs: tuple[str, ...] | None
    """None when the request names no default graph (the endpoint's default applies)."""
    named_graphs: tuple[str, ...] | None
    formats: tuple[str, ...]
    """`format` parameter values, first known one wins."""


def read_only(what: str) -> Problem:
    return Problem(
        403,
        f"{what}: this endpoint is read-only and answers SPARQL queries only "
        "(SELECT, ASK, CONSTRUCT, DESCRIBE).",
        title="Read-only endpoint",
    )


def media_type(request: Request) -> tuple[str, str | None]:
    """The Content-Type without parameters, and its charset if one is given."""
    header = request.headers.get("content-type", "")
    kind, *parameters = (part.strip() for part in header.split(";"))
    charset = None
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return kind.lower(), charset


async def utf8_body(request: Request, charset: str | None) -> str:
    """The request body as text; the protocol allows UTF-8 only."""
    if charset not in (None, "utf-8", "utf8"):
        raise Problem(400, f"The body is declared as {charset}; send it as UTF-8.")
    try:
        return (await request.body()).decode("utf-8")
    except UnicodeDecodeError as error:
        raise Problem(
            400, f"The body is not valid UTF-8 (byte {error.start}); send it as UTF-8."
        ) from None


def form_fields(text: str, where: str) -> list[tuple[str, str]]:
    """Name-value pairs of a URL query string or a form body; percent-encoded bytes must
    make UTF-8 (Starlette's query_params would turn them into U+FFFD silently)."""
    try:
        return parse_qsl(text, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise Problem(
            400,
            f"The {where} is not UTF-8 once percent-decoded; "
            "percent-encode the UTF-8 bytes of the query.",
        ) from None


def url_fields(request: Request) -> list[tuple[str, str]]:
    """The parameters in the URL, read from the raw query string."""
    raw: bytes = request.scope.get("query_string", b"")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Problem(400, "The query string of the URL is not UTF-8.") from None
    return form_fields(text, "query string of the URL")


async def parameters(request: Request) -> tuple[MultiDict, str | None]:
    """All protocol parameters (URL, and form body) and a directly posted query, if any."""
    fields = url_fields(request)
    if request.method != "POST":
        return MultiDict(fields), None
    kind, charset = media_type(request)
    if kind == FORM:
        body = await utf8_body(request, charset)
        return MultiDict(fields + form_fields(body, "form body")), None
    if kind == SPARQL_QUERY:
        return MultiDict(fields), await utf8_body(request, charset)
    if kind == SPARQL_UPDATE:
        raise read_only("A SPARQL Update request (application/sparql-update)")
    named = f"Content-Type {kind}" if kind else "No Content-Type"
    raise Problem(
        400,
        f"{named}: POST a query either as {FORM} with a query= field "
        f"or as {SPARQL_QUERY} with the query as the UTF-8 body.",
    )


def graph_iris(fields: MultiDict, name: str) -> tuple[str, ...] | None:
    values = fields.getlist(name)
    for value in values:
        try:
            pyoxigraph.NamedNode(value)
        except ValueError:
            raise Problem(400, f"{name} {value!r} is not an absolute IRI.") from None
    return tuple(values) if values else None


def the_query(fields: MultiDict, direct: str | None) -> str | None:
    """The one query of the request; 400 for several, 403 for an update."""
    queries = fields.getlist("query") + ([direct] if direct is not None else [])
    updates = [name for name in UPDATE_PARAMETERS if name in fields]
    if queries and updates:
        raise Problem(400, f"Send either a query or an update, not both ({updates[0]}=).")
    if updates:
        raise read_only(f"A SPARQL Update ({updates[0]}=)")
    if len(queries) > 1:
        raise Problem(400, f"The request carries {len(queries)} queries; send exactly one.")
    query = queries[0] if queries else None
    if query is not None and not query.strip():
        raise Problem(400, "The query is empty; send a SPARQL 1.1 query.")
    if query is not None and looks_like_update(query):
        raise read_only("This text is a SPARQL Update, not a query")
    return query


async def read_operation(request: Request) -> Operation | None:
    """The request's query operation; None for a GET without a query (the description)."""
    fields, direct = await parameters(request)
    query = the_query(fields, direct)
    if query is None:
        if request.method == "POST":
            raise Problem(400, "The POST carries no query; send query= or a query body.")
        return None
    return Operation(
        query=query,
        default_graphs=graph_iris(fields, "default-graph-uri"),
        named_graphs=graph_iris(fields, "named-graph-uri"),
        formats=tuple(fields.getlist("format")),
    )

"""Dereferencing: /id/… → 303 → /doc/… in five formats; the ontology, shapes, context, sources.

Each representation is prepared once per generation and kept in its LRU cache
(generation.representations), so a repeated request costs a dictionary lookup. The
keys say what a body is: ("doc", path, format, page), ("ontology", format), …
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Literal
from urllib.parse import urlsplit

from fastapi import APIRouter, Query
from pyoxigraph import NamedNode
from starlette.requests import Request
from starlette.responses import Response

from server import formats, jsonld, pages, views
from server.dataset import Generation
from server.dependencies import generation
from server.describe import describe, exists, resource_iri
from server.formats import Format
from server.http_cache import conditional, validator_headers
from server.negotiation import choose
from server.pages import Language
from server.problems import PROBLEM_JSON, Problem
from server.whole_graphs import WHOLE_GRAPHS

router = APIRouter()
LANG = Query("de", description=pages.LANG_PARAMETER)

SOURCE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*\.(?P<suffix>txt|md|pdf)$")
SOURCE_TYPES = {
    "txt": "text/plain; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "pdf": "application/pdf",
}
MEDIA_TYPES = [f.media_type for f in formats.FORMATS]
PROBLEM: dict[str, Any] = {"content": {PROBLEM_JSON: {}}}
NOT_MODIFIED: dict[str, Any] = {
    "description": "Not modified: the client's copy (ETag, date) is current."
}


def rdf_responses(description: str) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI responses of a negotiated document."""
    return {
        200: {"description": description, "content": {m: {} for m in MEDIA_TYPES}},
        304: NOT_MODIFIED,
        404: {"description": "No such resource.", **PROBLEM},
        406: {"description": "None of the available media types is acceptable.", **PROBLEM},
    }


def resource(request: Request, base: str, path: str) -> NamedNode:
    """The IRI {base}id/{path}; 404 when the path cannot make an IRI (a space, <, |, an
    invalid UTF-8 byte …): nothing is or can be published there."""
    try:
        return resource_iri(base, path)
    except ValueError:
        raise Problem(
            404,
            f"Nothing is published at {request.url.path}: {base}id/{path} is not a valid IRI.",
        ) from None


def base_path(current: Generation) -> str:
    """The path of the base URI ('/' for http://localhost:8000/): our links are relative to it."""
    return urlsplit(current.dataset.base).path


def negotiate(request: Request, fixed: Format | None, exists_now: Callable[[], bool]) -> Format:
    """The format an extension fixes, else the client's preference; 404 before 406."""
    if fixed is not None:
        return fixed
    chosen = choose(request.headers.get("accept"), MEDIA_TYPES)
    if chosen is not None:
        return formats.BY_MEDIA_TYPE[chosen]
    if not exists_now():
        raise Problem(404, f"Nothing is published at {request.url.path}.")
    raise Problem(
        406,
        "None of the available media types is acceptable; send one of them in Accept "
        "or add its extension to the path.",
        available=MEDIA_TYPES,
    )


def prepared(
    request: Request, current: Generation, key: tuple[str, ...], make: Callable[[], bytes | None]
) -> bytes:
    """The body for `key` from this generation's cache, made once; 404 if there is none."""
    representations = current.representations
    body = representations.get(key)
    if body is None:
        body = make()
        if body is None:
            raise Problem(404, f"Nothing is published at {request.url.path}.")
        representations.put(key, body)
    return body


def answer(
    request: Request,
    current: Generation,
    body: bytes,
    media_type: str,
    variant: str,
    extra: dict[str, str],
) -> Response:
    dataset = current.dataset
    headers = {**validator_headers(dataset.version, dataset.modified, variant), **extra}
    return conditional(request, body, media_type, headers, dataset.modified)


def variants(prefix: str, path: str) -> list[tuple[str, str]]:
    """Links from an HTML page to its data twins."""
    return [(f.media_type, f"{prefix}{path}.{f.extension}") for f in formats.RDF_FORMATS]


@router.api_route(
    "/id/{path:path}",
    methods=["GET", "HEAD"],
    status_code=303,
    summary="A thing: see its document",
    response_class=Response,
    responses={
        303: {"description": "See Other: Location names the document about the thing."},
        404: {"description": "No such resource.", **PROBLEM},
    },
)
def identifier(path: str, request: Request) -> Response:
    """`/id/X` names a thing, not a document; 303 points to `/doc/X` (Cool URIs)."""
    current = generation(request)
    dataset = current.dataset
    if not exists(dataset.store, resource(request, dataset.base, path)):
        raise Problem(404, f"No resource {dataset.base}id/{path} is published.")
    location = f"{base_path(current)}doc/{path}"
    return Response(
        status_code=303,
        headers={"Location": location, "Vary": "Accept", "Cache-Control": "public, max-age=300"},
    )


@router.api_route(
    "/doc/{path:path}",
    methods=["GET", "HEAD"],
    summary="The document about a thing",
    response_class=Response,
    responses=rdf_responses("The description of the resource {base}id/{path}."),
)
def document(
    path: str,
    request: Request,
    page: int = Query(1, ge=1, description="Page of backlinks, when there are many."),
    lang: Literal["de", "en"] = Query("de", description=pages.LANG_PARAMETER),
) -> Response:
    """Turtle, JSON-LD, N-Triples, RDF/XML or HTML by Accept, or fixed by an extension."""
    current = generation(request)
    dataset = current.dataset
    name, fixed = formats.split_extension(path)
    iri = resource(request, dataset.base, name)
    chosen = negotiate(request, fixed, lambda: exists(dataset.store, iri))
    prefix = f"{base_path(current)}doc/"
    pages_key = ("doc-pages", name)

    lang = pages.language(request)

    def make() -> bytes | None:
        found = describe(dataset, name, page)
        if found is None:
            return None
        current.representations.put(pages_key, str(found.pages).encode())
        if chosen is not formats.HTML:
            return formats.serialize(found.triples, chosen, dataset.base, found.topic.value)
        frame = page_frame(request, current, variants("", prefix + name), views.query_about(iri))
        pager = [
            (rel, frame.link(f"doc/{name}", **({"page": n} if n > 1 else {})))
            for rel, n in page_numbers(found.page, found.pages)
        ]
        return views.page(dataset, found, frame, pager)

    body = prepared(request, current, ("doc", name, chosen.name, str(page), lang), make)
    query = f"?page={page}" if page > 1 else ""
    headers = {"Content-Location": f"{prefix}{name}.{chosen.extension}{query}"}
    if fixed is None:
        headers["Vary"] = "Accept"
    link = page_links(prefix + name, page, current.representations.get(pages_key))
    if link:
        headers["Link"] = link
    variant = f"{chosen.extension}-{page}-{lang}"
    return answer(request, current, body, chosen.media_type, variant, headers)


def page_numbers(page: int, pages: int) -> list[tuple[str, int]]:
    """rel names and numbers of the neighbouring pages (RFC 8288 next/prev, first/last)."""
    if pages <= 1:
        return []
    numbers = [("first", 1)]
    if page > 1:
        numbers.append(("prev", page - 1))
    if page < pages:
        numbers.append(("next", page + 1))
    return [*numbers, ("last", pages)]


def page_links(path: str, page: int, pages: bytes | None) -> str:
    if pages is None:
        return ""
    return ", ".join(
        f"<{path}" + (f"?page={n}" if n > 1 else "") + f'>; rel="{rel}"'
        for rel, n in page_numbers(page, int(pages))
    )


def whole_graph(request: Request, what: str, extension: str | None) -> Response:
    """/ontology, /shapes, /dataset: one graph, negotiated like a /doc/ document."""
    current = generation(request)
    dataset = current.dataset
    graph = WHOLE_GRAPHS[what]
    fixed = formats.BY_EXTENSION.get(extension) if extension else None
    if extension and fixed is None:
        raise Problem(404, f"Nothing is published at {request.url.path}.")
    chosen = negotiate(request, fixed, lambda: True)
    lang = pages.language(request)

    def make() -> bytes:
        triples = graph.triples(dataset)
        if chosen is formats.HTML:
            iri = graph.iri(dataset.base)
            twins = variants(base_path(current), what)
            query = views.query_graph(iri) if graph.queryable else ""
            frame = page_frame(request, current, twins, query)
            return graph.page(dataset, triples, frame)
        return formats.serialize(triples, chosen, dataset.base, graph.iri(dataset.base))

    body = prepared(request, current, (what, chosen.name, lang), make)
    headers = {"Content-Location": f"{base_path(current)}{what}.{chosen.extension}"}
    if fixed is None:
        headers["Vary"] = "Accept"
    return answer(request, current, body, chosen.media_type, f"{chosen.extension}-{lang}", headers)


def page_frame(
    request: Request, current: Generation, twins: list[tuple[str, str]], query: str = ""
) -> pages.Frame:
    """The frame of an HTML page answered to `request`."""
    kept = {k: v for k, v in request.query_params.items() if k != "lang"}
    return pages.Frame(
        base=current.dataset.base,
        path=request.url.path,
        lang=pages.language(request),
        version=current.dataset.version,
        variants=twins,
        query=query,
        extra=kept,
    )


def add_whole_graph_routes(what: str, summary: str) -> None:
    """/{what} negotiated, and /{what}.{extension} in the format the extension names."""

    def negotiated(request: Request, lang: Language = LANG) -> Response:
        return whole_graph(request, what, None)

    def by_extension(extension: str, request: Request, lang: Language = LANG) -> Response:
        return whole_graph(request, what, extension)

    for path, endpoint, description in (
        (f"/{what}", negotiated, f"The graph {{base}}{what}."),
        (
            f"/{what}.{{extension}}",
            by_extension,
            "The graph in one format (ttl, jsonld, nt, rdf, html).",
        ),
    ):
        router.add_api_route(
            path,
            endpoint,
            methods=["GET", "HEAD"],
            summary=summary if endpoint is negotiated else f"{summary}, in one format",
            response_class=Response,
            responses=rdf_responses(description),
        )


for what, graph in WHOLE_GRAPHS.items():
    add_whole_graph_routes(what, graph.summary)


@router.api_route(
    "/context.jsonld",
    methods=["GET", "HEAD"],
    summary="The JSON-LD context every JSON-LD answer uses",
    response_class=Response,
    responses={
        200: {"description": "The context.", "content": {"application/ld+json": {}}},
        304: NOT_MODIFIED,
    },
)
def context(request: Request) -> Response:
    current = generation(request)
    text = jsonld.context_text(current.dataset.base)
    body = prepared(request, current, ("context",), lambda: text.encode("utf-8"))
    return answer(request, current, body, "application/ld+json", "context", {})


@router.api_route(
    "/dumps/sources/{file}",
    methods=["GET", "HEAD"],
    summary="A minutes file the graph was extracted from",
    response_class=Response,
    responses={
        200: {
            "description": "The minutes as text, as PDF, or the text the PDF reader made of a "
            "PDF (`….pdf.txt`, where the line numbers of a PDF's facts point).",
            "content": {"text/plain": {}, "text/markdown": {}, "application/pdf": {}},
        },
        304: NOT_MODIFIED,
        404: {"description": "No such source file.", **PROBLEM},
    },
)
def source(file: str, request: Request) -> Response:
    """The text every dcterms:source points into (…/file.txt#line=a,b, RFC 5147)."""
    current = generation(request)
    folder = current.dataset.directory / "sources"

    def make() -> bytes | None:
        if not SOURCE_NAME.fullmatch(file):
            return None
        path = folder / file
        return path.read_bytes() if path.is_file() and path.parent == folder else None

    body = prepared(request, current, ("source", file), make)
    name = SOURCE_NAME.fullmatch(file)
    media_type = SOURCE_TYPES[name.group("suffix")] if name else SOURCE_TYPES["txt"]
    return answer(request, current, body, media_type, "source", {})

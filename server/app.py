"""The application: routes, middleware and the lifespan that loads and watches the build."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import sys
import warnings
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any, NoReturn

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Receive, Scope, Send

from server import api_page, assets, diagram, documents, downloads, home, problems, sparql
from server.config import MIB, Settings
from server.dataset import DatasetError, DatasetHolder
from server.query_pool import WorkerStartError
from server.request_limits import RequestLimits
from server.response_cache import ResponseCache

STATIC = Path(__file__).resolve().parent / "static"
EXPOSED_HEADERS = ["ETag", "Last-Modified", "Content-Location", "Link", "Location", "Vary"]
EXPOSED_HEADERS += ["Retry-After", "X-SPARQL-MaxRows", "Intmk-Result-Truncated"]
EXPOSED_HEADERS += ["Intmk-Result-Max-Bytes"]
DESCRIPTION = (
    "Linked Open Data of the resolutions of the German Integration Ministers' Conference "
    "(IntMK): a read-only SPARQL 1.1 endpoint and a dereferenceable URI for every resource, "
    "negotiating Turtle, JSON-LD, N-Triples, RDF/XML and HTML."
)


def create_app(settings: Settings) -> FastAPI:
    holder = DatasetHolder(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            await holder.load()
        except (DatasetError, WorkerStartError) as error:
            refuse_to_start(error)
        watcher = asyncio.create_task(holder.watch())
        try:
            yield
        finally:
            watcher.cancel()
            await holder.close()

    app = FastAPI(
        title="IntMK Linked Data",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.holder = holder
    app.openapi = lambda: openapi_description(app)  # type: ignore[method-assign]
    problems.install(app)
    app.add_exception_handler(405, method_not_allowed)
    app.include_router(assets.router)
    app.include_router(api_page.router)
    app.include_router(home.router)
    app.include_router(sparql.router)
    app.include_router(downloads.router)
    app.include_router(documents.router)
    app.include_router(diagram.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(PlainOptions)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=EXPOSED_HEADERS,
        max_age=86400,
    )
    app.add_middleware(
        ResponseCache,
        version=holder.version,
        capacity=settings.cache_memory * MIB // 2,
        entries=settings.cache_entries,
    )
    app.add_middleware(RequestLimits, body_limit=settings.body_limit)  # outermost: every path
    assets.missing()
    return app


def refuse_to_start(error: Exception) -> NoReturn:
    """End the process with the reason, and no traceback from the ASGI server.

    uvicorn prints any exception raised at startup with its traceback; the pool has
    stopped its workers already, so leaving at once loses nothing.
    """
    print(f"intmk serve: error: {error}", file=sys.stderr, flush=True)
    os._exit(1)


def openapi_description(app: FastAPI) -> dict[str, Any]:
    """FastAPI's description, made true to what the server does.

    Invalid parameters are answered 400 with problem details (server/problems.py), not
    FastAPI's 422; every problem is an HTML page for browsers; GET and HEAD of one route
    need operation ids of their own.
    """
    if app.openapi_schema is None:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Duplicate Operation ID")
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
        for path, operations in schema["paths"].items():
            for method, operation in operations.items():
                words = re.findall(r"[a-z0-9]+", path.lower()) or ["home"]
                operation["operationId"] = "_".join([method, *words])
                responses = operation["responses"]
                if responses.pop("422", None) is not None and "400" not in responses:
                    responses["400"] = {
                        "description": "Invalid parameters.",
                        "content": {problems.PROBLEM_JSON: {}},
                    }
                for response in responses.values():
                    content = response.get("content", {})
                    if problems.PROBLEM_JSON in content:
                        content.setdefault("text/html", {})
        schemas = schema.get("components", {}).get("schemas", {})
        for unused in ("HTTPValidationError", "ValidationError"):
            schemas.pop(unused, None)
        if not schemas:
            schema.pop("components", None)
        app.openapi_schema = schema
    return app.openapi_schema


class PlainOptions:
    """ASGI middleware: OPTIONS without a CORS preflight gets 204 and the allowed methods."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "OPTIONS":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        allowed = (
            allowed_methods(scope) if b"access-control-request-method" not in headers else set()
        )
        if not allowed:
            await self.app(scope, receive, send)
            return
        response = Response(status_code=204, headers={"Allow": ", ".join(sorted(allowed))})
        await response(scope, receive, send)


async def method_not_allowed(request: Request, error: Exception) -> Response:
    """405 with every method the path allows in Allow: Starlette names only those of the
    first route whose path matched (GET, HEAD of /sparql, not its POST)."""
    assert isinstance(error, StarletteHTTPException)
    headers = dict(error.headers or {})
    named = {method.strip() for method in headers.get("Allow", "").split(",")} - {""}
    # StaticFiles refuses other methods without an Allow header; it serves GET and HEAD
    allowed = allowed_methods(request.scope) or named or {"GET", "HEAD"}
    headers["Allow"] = ", ".join(sorted(allowed))
    return await problems.on_http_error(
        request, StarletteHTTPException(405, error.detail, headers=headers)
    )


def allowed_methods(scope: Scope) -> set[str]:
    """The methods the routes matching this path allow, with HEAD and OPTIONS."""
    allowed = route_methods(scope["app"].router.routes, {**scope, "method": "GET"})
    if allowed:
        allowed |= {"HEAD", "OPTIONS"} if "GET" in allowed else {"OPTIONS"}
    return allowed


def route_methods(routes: Iterable[BaseRoute], scope: Scope) -> set[str]:
    """Methods of the routes whose path matches; included routers are searched too."""
    allowed: set[str] = set()
    for route in routes:
        included = getattr(route, "original_router", None)  # FastAPI's include_router
        if included is not None:
            allowed |= route_methods(included.routes, scope)
            continue
        match, _ = route.matches(scope)
        if match != Match.NONE:
            allowed |= set(getattr(route, "methods", None) or ())
    return allowed

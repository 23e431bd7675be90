"""The application: routes, middleware and the lifespan that loads and watches the build."""

from __future__ import annotations

import asyncio
import contextlib
import re
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match

from server import documents, home, problems, sparql
from server.config import Settings
from server.dataset import DatasetHolder

EXPOSED_HEADERS = ["ETag", "Last-Modified", "Content-Location", "Link", "Location", "Vary"]
EXPOSED_HEADERS += ["Retry-After", "X-SPARQL-MaxRows", "Intmk-Result-Truncated"]
DESCRIPTION = (
    "Linked Open Data of the resolutions of the German Integration Ministers' Conference "
    "(IntMK): a read-only SPARQL 1.1 endpoint and a dereferenceable URI for every resource, "
    "negotiating Turtle, JSON-LD, N-Triples, RDF/XML and HTML."
)


def create_app(settings: Settings) -> FastAPI:
    holder = DatasetHolder(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await holder.load()
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
        docs_url="/api",
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.holder = holder
    app.openapi = lambda: openapi_description(app)  # type: ignore[method-assign]
    problems.install(app)
    app.include_router(home.router)
    app.include_router(sparql.router)
    app.include_router(documents.router)
    app.middleware("http")(answer_options)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=EXPOSED_HEADERS,
        max_age=86400,
    )
    return app


def openapi_description(app: FastAPI) -> dict[str, Any]:
    """FastAPI's description, made true to what the server does.

    Invalid parameters are answered 400 with problem details (server/problems.py), not
    FastAPI's 422; GET and HEAD of one route need operation ids of their own.
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
        schemas = schema.get("components", {}).get("schemas", {})
        for unused in ("HTTPValidationError", "ValidationError"):
            schemas.pop(unused, None)
        if not schemas:
            schema.pop("components", None)
        app.openapi_schema = schema
    return app.openapi_schema


async def answer_options(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """OPTIONS without a CORS preflight: 204 with the methods the resource allows."""
    if request.method != "OPTIONS" or "access-control-request-method" in request.headers:
        return await call_next(request)
    allowed: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches({**request.scope, "method": "GET"})
        if match != Match.NONE:
            allowed |= set(getattr(route, "methods", None) or ())
    if not allowed:
        return await call_next(request)
    allowed |= {"HEAD", "OPTIONS"} if "GET" in allowed else {"OPTIONS"}
    return Response(status_code=204, headers={"Allow": ", ".join(sorted(allowed))})

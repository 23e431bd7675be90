"""Errors as RFC 9457 problem details (application/problem+json), never a traceback;
browsers (Accept naming text/html) get the same problem as a helpful page."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.responses import Response

from mapping.uris import DEFAULT_BASE
from server import pages
from server.negotiation import prefers_html

PROBLEM_JSON = "application/problem+json"
PROBLEM_TYPES = "https://www.rfc-editor.org/rfc/rfc9110#status."
log = logging.getLogger("intmk.server")


class Problem(Exception):
    """An error answer: status, a one-line title and a detail that says what to do."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        title: str | None = None,
        headers: dict[str, str] | None = None,
        **extensions: Any,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title or HTTPStatus(status).phrase
        self.detail = detail
        self.headers = headers or {}
        self.extensions = extensions


def problem_response(request: Request, problem: Problem) -> Response:
    """The problem as JSON, or as a page when a browser asked."""
    if prefers_html(request.headers.get("accept")):
        return problem_page(request, problem)
    body: dict[str, Any] = {
        "type": f"{PROBLEM_TYPES}{problem.status}",
        "title": problem.title,
        "status": problem.status,
        "detail": problem.detail,
        "instance": request.url.path,
        **problem.extensions,
    }
    return JSONResponse(
        body, status_code=problem.status, media_type=PROBLEM_JSON, headers=problem.headers
    )


def problem_page(request: Request, problem: Problem) -> HTMLResponse:
    """A page that says what went wrong and where to go on, in the page's language."""
    frame = pages.Frame(
        base=page_base(request), path=request.url.path, lang=pages.language(request)
    )
    body = pages.render("error.html", frame, problem=problem)
    return HTMLResponse(body, status_code=problem.status, headers=problem.headers)


def page_base(request: Request) -> str:
    """The dataset's base for the page's links; before a build is loaded, the configured
    base or the default one (never the request's Host header)."""
    holder = getattr(request.app.state, "holder", None)
    try:
        return str(holder.current.dataset.base)  # type: ignore[union-attr]
    except (AttributeError, RuntimeError):
        configured = getattr(getattr(holder, "settings", None), "base", None)
        return str(configured or DEFAULT_BASE)


async def on_problem(request: Request, error: Exception) -> Response:
    assert isinstance(error, Problem)
    return problem_response(request, error)


async def on_http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    detail = error.detail if isinstance(error.detail, str) else HTTPStatus(error.status_code).phrase
    if error.status_code == 404:
        detail = f"Nothing is published at {request.url.path}."
    elif error.status_code == 405:
        detail = f"{request.method} is not allowed on {request.url.path}."
    return problem_response(
        request, Problem(error.status_code, detail, headers=dict(error.headers or {}))
    )


async def on_invalid_request(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    where = "; ".join(
        f"{'.'.join(str(part) for part in item.get('loc', ()))}: {item.get('msg', '')}"
        for item in error.errors()
    )
    return problem_response(request, Problem(400, f"Invalid request: {where}"))


async def on_disconnect(request: Request, error: Exception) -> Response:
    """The client went away before its request was complete: nobody is left to answer,
    and nothing went wrong here, so nothing is logged."""
    return Response(status_code=400, headers={"Connection": "close"})


async def on_unexpected(request: Request, error: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return problem_response(
        request, Problem(500, "The server failed to answer this request; the error is logged.")
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(Problem, on_problem)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_invalid_request)
    app.add_exception_handler(ClientDisconnect, on_disconnect)
    app.add_exception_handler(Exception, on_unexpected)

"""What any request may be, checked before the application sees it: its path and its body.

A pure ASGI layer outside every other middleware, so it covers every path, routed or not:

- a path with a control character (%00–%1F, %7F) is 404: no IRI contains one, and
  Starlette's route patterns end in `$`, which also matches before a final newline, so
  `/dumps/%0A` would otherwise be the listing and `/doc/x%0A` the document of x;
- a body larger than --body-limit is 413: at once when Content-Length says so (before
  anything is read), else as soon as a chunked body has passed the limit while the
  application reads it, so no more than the limit is ever buffered;
- a response to a request whose body was not read to its end closes the connection
  (Connection: close), so the server does not go on reading a body nobody wants.
"""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.problems import Problem, problem_response

CONTROL = re.compile(r"[\x00-\x1f\x7f]")
CLOSE = (b"connection", b"close")


class BodyTooLarge(Problem):
    """A request body past the limit: 413, and the connection closes."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            413,
            f"The request body is larger than the limit of {limit} bytes "
            "(intmk serve --body-limit).",
            title="Content Too Large",  # RFC 9110's name; Python's is the older one
            headers={"Connection": "close"},
            body_limit=limit,
        )


class RequestLimits:
    """ASGI middleware: 404 for impossible paths, 413 for bodies past `body_limit`."""

    def __init__(self, app: ASGIApp, body_limit: int) -> None:
        self.app = app
        self.body_limit = body_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if CONTROL.search(scope["path"]):
            path = CONTROL.sub(lambda found: f"%{ord(found.group()):02X}", scope["path"])
            nothing = Problem(404, f"Nothing is published at {path}.")
            await answer({**scope, "path": path}, receive, send, nothing)
            return
        length, chunked = body_framing(scope)
        if length is not None and length > self.body_limit:
            await answer(scope, receive, send, BodyTooLarge(self.body_limit))
            return
        if not length and not chunked:
            await self.app(scope, receive, send)
            return
        await self._limited(scope, receive, send)

    async def _limited(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the app on a request with a body, counting what it reads."""
        received = 0
        complete = False
        started = False

        async def counting() -> Message:
            nonlocal received, complete
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                complete = not message.get("more_body", False)
                if received > self.body_limit:
                    raise BodyTooLarge(self.body_limit)
            return message

        async def closing(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                if not complete:
                    headers = list(message.get("headers", []))
                    if CLOSE not in headers:
                        message = {**message, "headers": [*headers, CLOSE]}
            await send(message)

        try:
            await self.app(scope, counting, closing)
        except BodyTooLarge as refused:
            if started:  # the app answered while reading on; nothing more can be said
                return
            await answer(scope, receive, send, refused)


def body_framing(scope: Scope) -> tuple[int | None, bool]:
    """Content-Length (None without one) and whether the body is chunked."""
    length: int | None = None
    chunked = False
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                length = int(value)
            except ValueError:
                length = None  # the HTTP parser refuses such a request before us
        elif name == b"transfer-encoding":
            chunked = True
    return length, chunked


async def answer(scope: Scope, receive: Receive, send: Send, problem: Problem) -> None:
    """The problem as the application would answer it, readable from other origins too
    (this layer sits outside the CORS middleware)."""
    request = Request(scope, receive)
    response = problem_response(request, problem)
    if request.headers.get("origin") is not None:
        response.headers["Access-Control-Allow-Origin"] = "*"
    await response(scope, receive, send)

"""The response cache answers repeats without the app, and never mixes variants or builds."""

from __future__ import annotations

import asyncio

import httpx
from starlette.types import Receive, Scope, Send

from server.response_cache import ResponseCache


class Counting:
    """An ASGI app that says how often it ran and echoes what decides a variant."""

    def __init__(self) -> None:
        self.calls = 0
        self.etag: bytes | None = b'W/"v1-x"'
        self.status = 200

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.calls += 1
        headers = dict(scope["headers"])
        body = b"call %d accept=%s origin=%s" % (
            self.calls,
            headers.get(b"accept", b""),
            headers.get(b"origin", b""),
        )
        response_headers = [(b"content-type", b"text/plain")]
        if self.etag is not None:
            response_headers.append((b"etag", self.etag))
        await send(
            {"type": "http.response.start", "status": self.status, "headers": response_headers}
        )
        await send({"type": "http.response.body", "body": body})


def exchange(
    cache: ResponseCache, method: str, path: str, headers: dict[str, str] | None = None
) -> httpx.Response:
    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=cache)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.request(method, path, headers=headers)

    return asyncio.run(run())


def test_a_repeat_is_answered_without_the_app() -> None:
    app = Counting()
    cache = ResponseCache(app, version=lambda: "v1")
    first = exchange(cache, "GET", "/doc/x")
    second = exchange(cache, "GET", "/doc/x")
    assert app.calls == 1
    assert second.content == first.content == b"call 1 accept=*/* origin="
    assert second.headers["etag"] == 'W/"v1-x"'
    head = exchange(cache, "HEAD", "/doc/x")
    assert head.status_code == 200 and head.content == b""
    assert app.calls == 1


def test_variants_are_kept_apart() -> None:
    app = Counting()
    cache = ResponseCache(app, version=lambda: "v1")
    turtle = exchange(cache, "GET", "/doc/x", {"Accept": "text/turtle"})
    json = exchange(cache, "GET", "/doc/x", {"Accept": "application/ld+json"})
    cors = exchange(
        cache, "GET", "/doc/x", {"Accept": "text/turtle", "Origin": "https://a.example"}
    )
    query = exchange(cache, "GET", "/doc/x?page=2", {"Accept": "text/turtle"})
    assert app.calls == 4
    assert len({turtle.content, json.content, cors.content, query.content}) == 4


def test_a_matching_tag_gets_304_from_the_cache() -> None:
    app = Counting()
    cache = ResponseCache(app, version=lambda: "v1")
    exchange(cache, "GET", "/doc/x")
    again = exchange(cache, "GET", "/doc/x", {"If-None-Match": 'W/"v1-x"'})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == 'W/"v1-x"'
    other = exchange(cache, "GET", "/doc/x", {"If-None-Match": 'W/"v0-x"'})
    assert other.status_code == 200
    assert app.calls == 1


def test_a_new_version_empties_the_cache() -> None:
    app = Counting()
    versions = ["v1"]
    cache = ResponseCache(app, version=lambda: versions[-1])
    exchange(cache, "GET", "/doc/x")
    versions.append("v2")
    assert exchange(cache, "GET", "/doc/x").content == b"call 2 accept=*/* origin="
    assert app.calls == 2


def test_only_answers_with_validators_are_kept() -> None:
    app = Counting()
    cache = ResponseCache(app, version=lambda: "v1")
    app.etag = None
    exchange(cache, "GET", "/sparql")
    exchange(cache, "GET", "/sparql")
    app.etag, app.status = b'W/"v1-y"', 404
    exchange(cache, "GET", "/missing")
    exchange(cache, "GET", "/missing")
    assert app.calls == 4
    exchange(cache, "POST", "/doc/x")
    exchange(cache, "POST", "/doc/x")
    assert app.calls == 6


def test_an_answer_from_the_build_before_a_switch_is_not_kept() -> None:
    versions = ["v1"]
    cache: ResponseCache

    class Switching(Counting):
        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            if self.calls == 0:  # a new build goes live, and another request sees it
                versions.append("v2")
                cache._current_version()
            await super().__call__(scope, receive, send)

    app = Switching()
    cache = ResponseCache(app, version=lambda: versions[-1])
    exchange(cache, "GET", "/doc/x")
    assert exchange(cache, "GET", "/doc/x").content == b"call 2 accept=*/* origin="
    assert app.calls == 2


def test_empty_answers_and_long_query_strings_count_against_the_bounds() -> None:
    """A 303 has no body and a query string can be long: both are counted, so a flood of
    distinct requests keeps the cache within its bytes and entries."""
    app = Counting()
    app.status, app.etag = 303, None
    cache = ResponseCache(app, version=lambda: "v1", capacity=1024 * 1024, entries=100)
    for n in range(300):
        exchange(cache, "GET", f"/id/x?n={n}")
    assert len(cache.entries) == 100, "bounded in entries, though no answer had a body"
    padding = "p" * 20_000
    for n in range(300):
        exchange(cache, "GET", f"/id/x?n={n}&pad={padding}")
    assert cache.entries.bytes <= 1024 * 1024
    assert len(cache.entries) < 60, "the padded query strings counted"
    assert app.calls == 600
    exchange(cache, "GET", f"/id/x?n=299&pad={padding}")
    assert app.calls == 600, "the newest entry is kept"

"""Finished responses of the current generation, answered again without running the app.

The data of a generation never changes, so a GET that was answered once with validators
(an ETag) is answered the same way the next time. This pure ASGI layer sits outside every
other middleware and keeps the whole response — status, headers (CORS, gzip, Vary) and
body — keyed by everything that can change it: path, query, Accept, Accept-Encoding and
Origin. A hit costs a dictionary lookup instead of routing, negotiation and middleware,
which is what lets repeated requests outrun a server written in Rust. The cache empties
when a new generation is served; a response made from an older generation is not kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.bounded_cache import BoundedCache
from server.http_cache import matches_any

Key = tuple[bytes, bytes, bytes, bytes, bytes]
KEY_HEADERS = (b"accept", b"accept-encoding", b"origin")
CONDITIONAL = b"if-none-match"
BYPASS = (b"if-modified-since", b"if-match", b"if-unmodified-since", b"range", b"authorization")
KEPT_STATUSES = (200, 303)
NOT_MODIFIED_HEADERS = (
    b"etag",
    b"cache-control",
    b"content-location",
    b"vary",
    b"last-modified",
    b"access-control-allow-origin",
    b"access-control-expose-headers",
)


@dataclass(frozen=True)
class Finished:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: str | None


def finished_size(key: Key, finished: Finished) -> int:
    """All a kept response costs: its key (path and query text), headers and body."""
    headers = sum(len(name) + len(value) + 64 for name, value in finished.headers)
    return sum(len(part) for part in key) + headers + len(finished.body)


class ResponseCache:
    """ASGI middleware: repeated GET and HEAD requests answered from finished responses.

    Bounded in bytes (keys, headers and bodies counted) and in entries, so neither many
    empty answers (303s) nor long query strings can make it grow without bound.
    """

    def __init__(
        self,
        app: ASGIApp,
        version: Callable[[], str | None],
        capacity: int = 64 * 1024 * 1024,
        entries: int = 10_000,
        largest: int = 8 * 1024 * 1024,
    ) -> None:
        self.app = app
        self.version = version
        self.largest = largest
        self.serving: str | None = None
        self.entries: BoundedCache[Key, Finished] = BoundedCache(
            capacity, entries, finished_size, largest=largest
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if any(name in headers for name in BYPASS):
            await self.app(scope, receive, send)
            return
        version = self._current_version()
        key: Key = (
            scope["raw_path"] if scope.get("raw_path") else scope["path"].encode(),
            scope["query_string"],
            *(headers.get(name, b"") for name in KEY_HEADERS),
        )
        finished = self.entries.get(key)
        if finished is not None:
            await replay(finished, scope["method"], headers.get(CONDITIONAL), send)
            return
        if scope["method"] == "HEAD" or CONDITIONAL in headers:
            await self.app(scope, receive, send)
            return
        await self._answer_and_keep(scope, receive, send, key, version)

    def _current_version(self) -> str | None:
        version = self.version()
        if version != self.serving:
            self.entries.clear()
            self.serving = version
        return version

    async def _answer_and_keep(
        self, scope: Scope, receive: Receive, send: Send, key: Key, version: str | None
    ) -> None:
        start: Message | None = None
        chunks: list[bytes] = []
        kept = 0
        keep = sum(len(part) for part in key) <= self.largest

        async def capture(message: Message) -> None:
            nonlocal start, keep, kept
            if message["type"] == "http.response.start":
                start = message
                keep = keep and message["status"] in KEPT_STATUSES
            elif message["type"] == "http.response.body" and keep:
                chunk = message.get("body", b"")
                kept += len(chunk)
                keep = kept <= self.largest
                if keep:
                    chunks.append(chunk)
                else:
                    chunks.clear()  # too large to keep: let go of what was gathered
            await send(message)

        await self.app(scope, receive, capture)
        if not keep or start is None or version is None or self.version() != version:
            return
        headers = [(bytes(name), bytes(value)) for name, value in start.get("headers", [])]
        etag = dict(headers).get(b"etag")
        if etag is None and start["status"] != 303:
            return
        self.entries.put(key, Finished(start["status"], headers, b"".join(chunks), _text(etag)))


def _text(value: bytes | None) -> str | None:
    return value.decode("latin-1") if value is not None else None


async def replay(finished: Finished, method: str, if_none_match: bytes | None, send: Send) -> None:
    """Send a kept response again: 304 when the client's tag matches, no body for HEAD."""
    if (
        if_none_match is not None
        and finished.etag
        and finished.status == 200
        and matches_any(if_none_match.decode("latin-1"), finished.etag)
    ):
        headers = [(n, v) for n, v in finished.headers if n in NOT_MODIFIED_HEADERS]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return
    await send(
        {"type": "http.response.start", "status": finished.status, "headers": finished.headers}
    )
    await send({"type": "http.response.body", "body": b"" if method == "HEAD" else finished.body})

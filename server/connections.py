"""Connections a slow client cannot hold open: uvicorn's HTTP protocol with deadlines.

uvicorn closes an idle keep-alive connection, but waits forever for the rest of a request
whose first byte came, and for a client to read an answer it has stopped reading. Each
such connection counts against --connection-limit, so 1,500 clients sending one byte a
second were enough to lock everyone else out. This protocol closes a connection

- whose request head (request line and headers) has not fully arrived `header_timeout`
  seconds after the connection opened or the previous response ended;
- whose request body has not fully arrived `body_timeout` seconds after its head;
- whose answer stays unread: the transport paused writing (its buffer is full because
  the client does not read) for `body_timeout` seconds. The connection is aborted, which
  drops the buffer; uvicorn's connection_lost resumes the application's flow control,
  so the application stops waiting to send and the answer is not pinned in memory;
- whose request head grows past `head_bytes` (answered 431 first): the parser keeps a
  head in memory until it is complete, however long it is.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from uvicorn._types import ASGI3Application
from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import (
    STATUS_LINE,
    HttpToolsProtocol,
    RequestResponseCycle,
)
from uvicorn.server import ServerState

from server.config import Settings

HEAD_BYTES = 128 * 1024
"""Most bytes of a request head: a URL of up to 64 KiB (httptools refuses longer ones,
400) and its headers."""


@dataclass(frozen=True)
class ConnectionLimits:
    header_timeout: float = 10.0
    body_timeout: float = 10.0
    head_bytes: int = HEAD_BYTES

    @classmethod
    def of(cls, settings: Settings) -> ConnectionLimits:
        return cls(header_timeout=settings.header_timeout, body_timeout=settings.body_timeout)


class TimedHttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, closing connections that miss a deadline."""

    limits: ClassVar[ConnectionLimits] = ConnectionLimits()

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.head_timer: asyncio.TimerHandle | None = None
        self.body_timer: asyncio.TimerHandle | None = None
        self.write_timer: asyncio.TimerHandle | None = None
        self.running: RequestResponseCycle | None = None
        """The request whose application runs (later pipelined ones wait for it)."""
        self.in_head = False
        """A request has begun and its head is not complete."""
        self.head_bytes = 0

    # deadlines

    def _later(self, seconds: float, callback: Callable[[], None]) -> asyncio.TimerHandle:
        return self.loop.call_later(seconds, callback)

    def _stop_timers(self) -> None:
        for timer in (self.head_timer, self.body_timer, self.write_timer):
            if timer is not None:
                timer.cancel()
        self.head_timer = self.body_timer = self.write_timer = None

    def _expect_head(self) -> None:
        if self.head_timer is not None:
            self.head_timer.cancel()
        self.head_timer = self._later(self.limits.header_timeout, self._head_overdue)

    def _expect_body(self) -> None:
        """The body of the request now running (the last one begun) must come in time."""
        if self.body_timer is not None:
            self.body_timer.cancel()
        self.body_timer = self._later(self.limits.body_timeout, self._body_overdue)

    def _head_overdue(self) -> None:
        self.head_timer = None
        self._close()

    def _body_overdue(self) -> None:
        self.body_timer = None
        if self.cycle is not None and self.cycle.more_body:
            self._close()

    def _write_overdue(self) -> None:
        self.write_timer = None
        self.transport.abort()  # close() would wait until the client read the buffer

    def _close(self) -> None:
        if not self.transport.is_closing():
            self.transport.close()

    # the protocol's events

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._expect_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_timers()
        # uvicorn tells only the last request begun; a running one that was pipelined
        # before it would go on writing to the closed transport (an error with uvloop)
        for cycle in (self.running, *(queued for queued, _ in self.pipeline)):
            if cycle is not None and not cycle.response_complete:
                cycle.disconnected = True
                cycle.message_event.set()
        super().connection_lost(exc)

    def _start_asgi_task(self, cycle: RequestResponseCycle, app: ASGI3Application) -> None:
        self.running = cycle
        super()._start_asgi_task(cycle, app)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.in_head and not self.transport.is_closing():
            self.head_bytes += len(data)
            if self.head_bytes > self.limits.head_bytes:
                self._refuse_head()

    def _refuse_head(self) -> None:
        """431 for a head past the limit, then close (the rest is never read)."""
        message = (
            f"The request head is longer than {self.limits.head_bytes} bytes; "
            "send a long query in a POST body.\n"
        ).encode()
        self.transport.write(
            b"".join(
                [
                    STATUS_LINE[431],
                    b"content-type: text/plain; charset=utf-8\r\n",
                    b"content-length: %d\r\n" % len(message),
                    b"connection: close\r\n\r\n",
                    message,
                ]
            )
        )
        self.transport.close()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.in_head = True
        self.head_bytes = 0

    def on_headers_complete(self) -> None:
        self.in_head = False
        if self.head_timer is not None:
            self.head_timer.cancel()
            self.head_timer = None
        previous = self.cycle
        super().on_headers_complete()
        if self.cycle is not previous and not self.pipeline:  # a new request, running now
            self._expect_body()

    def on_message_complete(self) -> None:
        if self.body_timer is not None:
            self.body_timer.cancel()
            self.body_timer = None
        super().on_message_complete()

    def on_response_complete(self) -> None:
        queued = self.pipeline[-1][0] if self.pipeline else None
        super().on_response_complete()
        if self.transport.is_closing():
            return
        if queued is None:
            self._expect_head()  # the next request's head, from now on
        elif queued.more_body:
            self._expect_body()  # the pipelined request that started now

    def pause_writing(self) -> None:
        super().pause_writing()
        if self.write_timer is None:
            self.write_timer = self._later(self.limits.body_timeout, self._write_overdue)

    def resume_writing(self) -> None:
        super().resume_writing()
        if self.write_timer is not None:
            self.write_timer.cancel()
            self.write_timer = None


def protocol_class(settings: Settings) -> type[TimedHttpProtocol]:
    """The protocol class for uvicorn's `http` option, with the limits of `settings`."""

    class Configured(TimedHttpProtocol):
        limits = ConnectionLimits.of(settings)

    return Configured

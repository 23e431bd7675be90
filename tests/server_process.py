"""A real `intmk serve` process on a free loopback port, for tests that talk HTTP."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class RunningServer:
    url: str
    """Root URL with a trailing slash, e.g. http://127.0.0.1:41234/."""
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def serve(store: Path, log: Path, *options: str, timeout: float = 60.0) -> Iterator[RunningServer]:
    """Start `intmk serve --store STORE OPTIONS…` and stop it afterwards."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "cli.main",
        "serve",
        "--port",
        str(port),
        "--store",
        str(store),
    ]
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [*command, *options],
            cwd=ROOT,
            stdout=sink,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    server = RunningServer(f"http://127.0.0.1:{port}/", process, log)
    try:
        wait_until_ready(server, timeout)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_ready(server: RunningServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"intmk serve exited early:\n{server.output()}")
        try:
            if httpx.get(server.url + "openapi.json", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"intmk serve did not start in {timeout} s:\n{server.output()}")


def client_at(server: RunningServer, address: str, timeout: float = 60) -> httpx.Client:
    """A client of `server` connecting from its own loopback address (127.0.0.0/8 is all
    loopback): the server tells clients apart by address."""
    transport = httpx.HTTPTransport(local_address=address)
    return httpx.Client(base_url=server.url, transport=transport, timeout=timeout)


def wait_for(condition: Callable[[], bool], seconds: float = 60) -> None:
    """Wait until `condition` holds; fail the test after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"not within {seconds} s")

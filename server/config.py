"""Server settings: one frozen value, read from `intmk serve` options and environment variables."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MIB = 1024 * 1024

DEFAULT_STORE = Path(__file__).resolve().parent.parent / "data" / "graph"


@dataclass(frozen=True)
class Settings:
    """Everything the server needs to know; defaults suit `make run` on a laptop."""

    store: Path = DEFAULT_STORE
    """Folder of a build (a link from `intmk build`, or any folder with `intmk.nq`)."""
    base: str | None = None
    """Base URI of the resources; None takes the base the build recorded."""
    host: str = "127.0.0.1"
    port: int = 8000
    query_timeout: float = 10.0
    """Seconds a SPARQL query may run before its worker process is stopped."""
    result_limit: int = 10_000
    """Most rows (SELECT) or triples (CONSTRUCT/DESCRIBE) one query answers with."""
    query_workers: int = 2
    """Worker processes that run SPARQL queries, so a slow query can be stopped."""
    query_memory: int = 2048
    """MiB of data memory one query worker may use, the loaded build included; a query
    that needs more ends its worker and is answered 503 instead of exhausting the machine."""
    reload_interval: float = 2.0
    """Seconds between checks whether a new build was published; 0 turns it off."""
    access_log: bool = False
    """Log every request (off: a reverse proxy in front usually logs, and it costs time)."""
    answer_bytes: int = 32 * MIB
    """Most bytes one query answer may have; a longer answer is cut and marked truncated."""
    client_queries: int = 1
    """Queries one client (IP address) may have running at once; more wait in its own line."""
    body_limit: int = 1 * MIB
    """Most bytes of a request body (a POSTed query); a larger one is answered 413."""
    header_timeout: float = 10.0
    """Seconds a client may take to send a request's headers before the connection closes."""
    body_timeout: float = 10.0
    """Seconds a client may take to send a request's body, and may leave an answer unread."""
    connection_limit: int = 1000
    """Most open connections and requests at once; beyond it new requests get 503."""
    trusted_proxies: str = ""
    """Comma-separated addresses of reverse proxies whose X-Forwarded-For/-Proto are
    trusted; empty (the default) trusts none. URLs in answers always come from the base."""
    cache_memory: int = 128
    """MiB the response caches may hold in all (keys, headers and bodies counted)."""
    cache_entries: int = 10_000
    """Most responses the response cache keeps."""

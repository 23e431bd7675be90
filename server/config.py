"""Server settings: one frozen value, read from `intmk serve` options and environment variables."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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

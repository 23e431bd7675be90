"""SPARQL queries in worker processes that can be stopped (placeholder: interface only)."""

from __future__ import annotations

from pathlib import Path

from server.config import Settings


class QueryPool:
    """Worker processes, each with the build loaded; a query past the timeout is killed."""

    @classmethod
    async def start(cls, nquads: Path, settings: Settings) -> QueryPool:
        return cls()

    async def close(self) -> None:
        return None

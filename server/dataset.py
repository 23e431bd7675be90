"""The published dataset the server answers from, and the atomic switch to a newer build.

A *generation* is one loaded build: its in-memory store, its query workers and the
representations prepared from it. Every request takes the current generation once and
uses only it, so it sees the old dataset or the new one, never a mix. A build that
fails to load leaves the current generation serving.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph

from mapping.build_layout import DESCRIPTION_NQUADS_NAME, NQUADS_NAME
from mapping.uris import DEFAULT_BASE
from server.config import Settings
from server.query_pool import QueryPool, WorkerStartError

"""The dataset description (VoID, DCAT-AP.de) in its graph {base}dataset, next to the data."""
SUMMARY_NAME = "summary.json"
log = logging.getLogger("intmk.server")


class DatasetError(Exception):
    """A build folder that cannot be served: says which file and what was expected."""


@dataclass(frozen=True)
class PublishedDataset:
    """One build, loaded into an in-memory store."""

    directory: Path
    nquads: Path
    base: str
    version: str
    """Digest of the N-Quads file: the same data always has the same version (and ETag)."""
    modified: datetime
    store: pyoxigraph.Store
    quads: int


@dataclass
class Representations:
    """Prepared response bodies of one generation, least recently used dropped first."""

    capacity: int = 4096
    entries: OrderedDict[tuple[str, ...], bytes] = field(default_factory=OrderedDict)

    def get(self, key: tuple[str, ...]) -> bytes | None:
        body = self.entries.get(key)
        if body is not None:
            self.entries.move_to_end(key)
        return body

    def put(self, key: tuple[str, ...], body: bytes) -> None:
        self.entries[key] = body
        self.entries.move_to_end(key)
        while len(self.entries) > self.capacity:
            self.entries.popitem(last=False)


@dataclass
class Generation:
    dataset: PublishedDataset
    queries: QueryPool
    representations: Representations = field(default_factory=Representations)


def build_base(directory: Path) -> str | None:
    """The base URI the build recorded in summary.json, if any."""
    summary = directory / SUMMARY_NAME
    if not summary.is_file():
        return None
    try:
        recorded = json.loads(summary.read_text(encoding="utf-8")).get("base")
    except (OSError, ValueError) as error:
        raise DatasetError(
            f"{summary}: unreadable ({error}); expected the build's JSON summary"
        ) from None
    return recorded if isinstance(recorded, str) else None


def inspect_folder(folder: Path, base: str | None) -> tuple[Path, str]:
    """The N-Quads file of the build in `folder` and its base URI; DatasetError if unservable.

    A link is resolved once here, so a build published later cannot mix in.
    """
    directory = folder.resolve()
    nquads = directory / NQUADS_NAME
    if not nquads.is_file():
        raise DatasetError(
            f"{folder}: no {NQUADS_NAME} there; expected the folder of a build "
            "(run `intmk build` first)"
        )
    recorded = build_base(directory)
    if base and recorded and base != recorded:
        raise DatasetError(
            f"{folder}: the graph was built for the base {recorded}, not {base}; "
            f"rebuild with `intmk build --base {base}` or serve with --base {recorded}"
        )
    return nquads, base or recorded or DEFAULT_BASE


def load_dataset(folder: Path, base: str | None) -> PublishedDataset:
    """Load the build in `folder` into an in-memory store."""
    nquads, base = inspect_folder(folder, base)
    data = nquads.read_bytes()
    store = pyoxigraph.Store()
    for path, body in ((nquads, data), *description(nquads.parent)):
        try:
            store.bulk_load(body, format=pyoxigraph.RdfFormat.N_QUADS)
        except SyntaxError as error:
            raise DatasetError(f"{path}: not valid N-Quads ({error})") from None
    return PublishedDataset(
        directory=nquads.parent,
        nquads=nquads,
        base=base,
        version=hashlib.sha256(data).hexdigest()[:16],
        modified=datetime.fromtimestamp(int(nquads.stat().st_mtime), tz=UTC),
        store=store,
        quads=len(store),
    )


def description(directory: Path) -> list[tuple[Path, bytes]]:
    """The build's dataset description, if it wrote one (builds before it did not)."""
    path = directory / DESCRIPTION_NQUADS_NAME
    return [(path, path.read_bytes())] if path.is_file() else []


def fingerprint(folder: Path) -> tuple[str, int, int]:
    """What changes when a new build is published into `folder`."""
    nquads = folder.resolve() / NQUADS_NAME
    try:
        status = nquads.stat()
    except OSError:
        return (str(nquads), 0, 0)
    return (str(nquads), status.st_mtime_ns, status.st_size)


class DatasetHolder:
    """Holds the current generation and switches to a new build in one assignment."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._current: Generation | None = None
        self._seen: tuple[str, int, int] | None = None
        self._switch = asyncio.Lock()

    @property
    def current(self) -> Generation:
        if self._current is None:
            raise RuntimeError("no dataset loaded yet")
        return self._current

    def version(self) -> str | None:
        """The version being served, None before the first load."""
        return self._current.dataset.version if self._current is not None else None

    async def load(self) -> Generation:
        """Load the build now; raises DatasetError and keeps the current generation."""
        async with self._switch:
            seen = fingerprint(self.settings.store)
            dataset = await asyncio.to_thread(load_dataset, self.settings.store, self.settings.base)
            queries = await QueryPool.start(dataset.nquads, self.settings)
            previous, self._current = self._current, Generation(dataset, queries)
            self._seen = seen
            log.info("serving build %s (%d quads)", dataset.version, dataset.quads)
        if previous is not None:
            asyncio.get_running_loop().create_task(self._retire(previous))
        return self._current

    async def reload_if_changed(self) -> bool:
        """Switch to a newly published build; a build that fails to load is logged and skipped."""
        seen = fingerprint(self.settings.store)
        if seen == self._seen:
            return False
        try:
            await self.load()
        except (DatasetError, WorkerStartError) as error:
            self._seen = seen
            log.error("new build not served, the previous one stays: %s", error)
            return False
        return True

    async def watch(self) -> None:
        """Poll for new builds until cancelled."""
        interval = self.settings.reload_interval
        while interval > 0:
            await asyncio.sleep(interval)
            try:
                await self.reload_if_changed()
            except Exception:  # the watcher must outlive any one bad build
                log.exception("checking for a new build failed; the current one stays")

    async def _retire(self, generation: Generation) -> None:
        """Let queries already running on the old generation finish, then stop its workers."""
        await asyncio.sleep(self.settings.query_timeout + 1)
        await generation.queries.close()

    async def close(self) -> None:
        if self._current is not None:
            await self._current.queries.close()
            self._current = None

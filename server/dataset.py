"""The published dataset the server answers from, and the atomic switch to a newer build.

A *generation* is one loaded build: its in-memory store, its query workers and the
representations prepared from it. Every request takes the current generation once and
uses only it, so it sees the old dataset or the new one, never a mix. A build that
fails to load leaves the current generation serving.

Before a build is served its files are checked: summary.json records the SHA-256, the
size and the quad count of each file the server loads (intmk.nq, dataset.nq), and a file
that disagrees (cut, emptied, changed after the build) is refused with a DatasetError
that names it and says what was expected and what was found. So is a summary.json
without these records (an older build: rebuild with `intmk build`). A folder without
any summary.json (made by hand, e.g. for a test) is served unchecked, as before.

While a generation lives, the server holds a shared `fcntl.flock` on the intmk.nq of its
build (`BuildLease`), taken before the files are checked and released only when the
generation is retired or the server stops. `intmk build` never removes a build folder it
cannot lock exclusively (mapping/publish.py), so the dumps, sources and diagrams the
server reads from the folder, and the file its query workers start from, stay there.
"""

from __future__ import annotations

import asyncio
import fcntl
import hashlib
import json
import logging
import os
import weakref
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph

from mapping.build_layout import LOADED, NQUADS_NAME, SUMMARY_NAME
from mapping.uris import DEFAULT_BASE
from server.bounded_cache import BoundedCache
from server.config import MIB, Settings
from server.query_pool import QueryPool, WorkerStartError

log = logging.getLogger("intmk.server")
REBUILD = "rebuild with `intmk build`"


class DatasetError(Exception):
    """A build folder that cannot be served: says which file and what was expected."""


class BuildLease:
    """A shared flock on the intmk.nq of a build, held while a generation serves it: while
    it is held, `intmk build` leaves the build folder alone (mapping/publish.py)."""

    def __init__(self, nquads: Path) -> None:
        try:
            descriptor = os.open(nquads, os.O_RDONLY)
        except OSError as error:
            raise DatasetError(
                f"{nquads}: cannot be opened ({error.strerror}); expected the data of a build"
            ) from None
        self._close = weakref.finalize(self, os.close, descriptor)
        # waits only while a build removes this very folder, which it does under LOCK_EX
        fcntl.flock(descriptor, fcntl.LOCK_SH)
        if os.fstat(descriptor).st_nlink == 0:
            self.release()
            raise DatasetError(f"{nquads}: removed by a newer build while it was being loaded")

    def release(self) -> None:
        """Let builds remove the folder; releasing twice is harmless."""
        self._close()


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
    lease: BuildLease = field(compare=False, repr=False)
    """Keeps the build folder from being removed until the generation is retired."""


Representations = BoundedCache[tuple[str, ...], bytes]
"""Prepared response bodies of one generation, least recently used dropped first."""


def representations(settings: Settings) -> Representations:
    """A quarter of --cache-memory, keys and bodies counted."""
    return BoundedCache(
        settings.cache_memory * MIB // 4,
        settings.cache_entries,
        lambda key, body: sum(len(part) for part in key) + len(body),
    )


@dataclass
class Generation:
    dataset: PublishedDataset
    queries: QueryPool
    representations: Representations


@dataclass(frozen=True)
class FileRecord:
    """What the build recorded, in summary.json, of a file the server loads."""

    bytes: int
    sha256: str
    quads: int

    def __str__(self) -> str:
        return f"{self.bytes} bytes with SHA-256 {self.sha256} and {self.quads} quads"

    @classmethod
    def of(cls, entry: object) -> FileRecord | None:
        """The record in a "loaded" entry of summary.json; None if it is not one."""
        if not isinstance(entry, dict):
            return None
        size, digest, quads = entry.get("bytes"), entry.get("sha256"), entry.get("quads")
        if not (isinstance(size, int) and isinstance(quads, int) and isinstance(digest, str)):
            return None
        return cls(size, digest, quads)


@dataclass(frozen=True)
class Build:
    """A build folder as found: its base URI and the records of the files to load."""

    directory: Path
    base: str
    records: dict[str, FileRecord] | None
    """None for a folder without summary.json (made by hand): its files are not checked."""

    def files(self) -> list[tuple[Path, bytes, FileRecord | None]]:
        """Each file to load, read and checked against its record: DatasetError if one
        is missing, or its size or SHA-256 is not the one recorded."""
        loaded = []
        for name in LOADED:
            path = self.directory / name
            record = self.records[name] if self.records is not None else None
            if record is None and not path.is_file():
                continue  # a hand-made folder need not have a dataset description
            try:
                data = path.read_bytes()
            except OSError as error:
                raise mismatch(path, record, f"it cannot be read ({error.strerror})") from None
            if record is not None and len(data) != record.bytes:
                raise mismatch(path, record, f"{len(data)} bytes")
            if record is not None and hashlib.sha256(data).hexdigest() != record.sha256:
                raise mismatch(path, record, f"SHA-256 {hashlib.sha256(data).hexdigest()}")
            loaded.append((path, data, record))
        return loaded


def mismatch(path: Path, record: FileRecord | None, found: str) -> DatasetError:
    if record is None:
        return DatasetError(f"{path}: {found}")
    return DatasetError(
        f"{path}: expected {record} (as the build recorded in {SUMMARY_NAME}), found {found}; "
        f"the file was cut or changed after the build: {REBUILD}"
    )


def read_summary(directory: Path) -> dict[str, object] | None:
    """The build's summary.json, None if there is none."""
    path = directory / SUMMARY_NAME
    if not path.is_file():
        return None
    try:
        summary = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DatasetError(
            f"{path}: unreadable ({error}); expected the build's JSON summary"
        ) from None
    if not isinstance(summary, dict):
        raise DatasetError(f"{path}: not a JSON object; expected the build's JSON summary")
    return summary


def file_records(path: Path, summary: dict[str, object]) -> dict[str, FileRecord]:
    """The records summary.json keeps of every file the server loads; DatasetError if one
    is missing (a build by an older intmk, or a summary changed by hand)."""
    entries = summary.get("loaded")
    records: dict[str, FileRecord] = {}
    for entry in entries if isinstance(entries, list) else []:
        record = FileRecord.of(entry)
        name = entry.get("file") if isinstance(entry, dict) else None
        if record is not None and name in LOADED:
            records[str(name)] = record
    missing = [name for name in LOADED if name not in records]
    if missing:
        raise DatasetError(
            f"{path}: records no SHA-256, size and quad count of {' and '.join(missing)}, "
            f"so the build cannot be checked (made by an older intmk build?): {REBUILD}"
        )
    return records


def examine(folder: Path, directory: Path, base: str | None) -> Build:
    """The build in `directory` (`folder` resolved), if it can be served with `base`."""
    summary = read_summary(directory)
    recorded = summary.get("base") if summary is not None else None
    if not isinstance(recorded, str):
        recorded = None
    if base and recorded and base != recorded:
        raise DatasetError(
            f"{folder}: the graph was built for the base {recorded}, not {base}; "
            f"rebuild with `intmk build --base {base}` or serve with --base {recorded}"
        )
    records = file_records(directory / SUMMARY_NAME, summary) if summary is not None else None
    return Build(directory, base or recorded or DEFAULT_BASE, records)


def data_file(folder: Path) -> Path:
    """The N-Quads file of the build `folder` links to; DatasetError if there is none.

    A link is resolved once here, so a build published later cannot mix in.
    """
    nquads = folder.resolve() / NQUADS_NAME
    if not nquads.is_file():
        raise DatasetError(
            f"{folder}: no {NQUADS_NAME} there; expected the folder of a build "
            "(run `intmk build` first)"
        )
    return nquads


def inspect_folder(folder: Path, base: str | None) -> tuple[Path, str]:
    """The N-Quads file of the build in `folder` and its base URI; DatasetError if unservable
    (no data, another base, a file that is not what the build recorded)."""
    nquads = data_file(folder)
    build = examine(folder, nquads.parent, base)
    build.files()
    return nquads, build.base


def load_dataset(folder: Path, base: str | None) -> PublishedDataset:
    """Load the build in `folder` into an in-memory store, holding its lease.

    The lease is taken before the files are checked and read, so no build removes them
    in between; if loading fails, it is released.
    """
    nquads = data_file(folder)
    lease = BuildLease(nquads)
    try:
        build = examine(folder, nquads.parent, base)
        store = pyoxigraph.Store()
        files = build.files()  # intmk.nq first, then the description if there is one
        for path, body, record in files:
            before = len(store)
            try:
                store.bulk_load(body, format=pyoxigraph.RdfFormat.N_QUADS)
            except SyntaxError as error:
                raise DatasetError(f"{path}: not valid N-Quads ({error})") from None
            if record is not None and len(store) - before != record.quads:
                raise mismatch(path, record, f"{len(store) - before} quads in it")
        return PublishedDataset(
            directory=nquads.parent,
            nquads=nquads,
            base=build.base,
            version=hashlib.sha256(files[0][1]).hexdigest()[:16],
            modified=datetime.fromtimestamp(int(nquads.stat().st_mtime), tz=UTC),
            store=store,
            quads=len(store),
            lease=lease,
        )
    except BaseException:
        lease.release()
        raise


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
            try:
                queries = await QueryPool.start(dataset.nquads, self.settings)
            except BaseException:
                dataset.lease.release()
                raise
            previous, self._current = (
                self._current,
                Generation(dataset, queries, representations(self.settings)),
            )
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
        """Let queries already running on the old generation finish, then stop its workers
        and let builds remove its folder."""
        try:
            await asyncio.sleep(self.settings.query_timeout + 1)
            await generation.queries.close()
        finally:
            generation.dataset.lease.release()

    async def close(self) -> None:
        if self._current is not None:
            current, self._current = self._current, None
            try:
                await current.queries.close()
            finally:
                current.dataset.lease.release()

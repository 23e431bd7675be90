"""The dumps under /dumps/: a listing (HTML for people, JSON for programs) and the files.

The files are served byte for byte as the build wrote them — the .gz as
application/gzip, never with a Content-Encoding — so what a browser or wget saves has
the sha256 the dataset description lists. Their ETag is that checksum. It is weak
(W/) because the application's gzip middleware may compress a response on the wire
(the Turtle dump for a client that accepts gzip), which a strong tag would forbid;
If-None-Match compares weakly, so 304 works all the same. Range requests (206) and
HEAD come from Starlette's FileResponse; a Range header that is not a valid bytes range
is ignored (RFC 9110 §14.2: the whole file, 200), where Starlette would answer 400.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.types import Receive, Scope, Send

from mapping.dumps import BY_FILE, DUMPS_FOLDER, FORMATS, DumpFormat
from server import pages
from server.dataset import Generation
from server.dependencies import generation
from server.documents import NOT_MODIFIED, PROBLEM, answer, page_frame
from server.http_cache import CACHE_CONTROL, http_date, not_modified
from server.negotiation import choose
from server.problems import Problem
from server.sizes import human_size

router = APIRouter()
LISTING_TYPES = ["text/html", "application/json"]
RANGE_SPEC = re.compile(r"[ \t]*(?:([0-9]+)-([0-9]*)|-[0-9]+)[ \t]*")
"""One range-spec of a bytes Range header (RFC 9110 §14.1.1), with optional whitespace."""


@dataclass(frozen=True)
class DumpFile:
    """A dump as it lies in the served build."""

    format: DumpFormat
    path: Path
    bytes: int
    sha256: str
    modified: datetime

    @property
    def etag(self) -> str:
        return f'W/"sha256-{self.sha256}"'

    def listing(self, base: str) -> dict[str, Any]:
        """The entry of the JSON listing."""
        spec = self.format
        return {
            "file": spec.file,
            "url": f"{base}dumps/{spec.file}",
            "mediaType": spec.served_as,
            "contentMediaType": spec.media_type,
            "bytes": self.bytes,
            "sha256": self.sha256,
            "title": {"de": spec.title[0], "en": spec.title[1]},
        }


@lru_cache(maxsize=16)
def sha256(path: Path, size: int, mtime_ns: int) -> str:
    """The checksum of a file; builds never change a file, so it is computed once."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def dump_file(current: Generation, name: str) -> DumpFile | None:
    """The dump `name` of the served build, None if there is no such dump."""
    spec = BY_FILE.get(name)
    if spec is None:
        return None
    path = current.dataset.directory / DUMPS_FOLDER / spec.file
    try:
        status = path.stat()
    except OSError:
        return None
    return DumpFile(
        format=spec,
        path=path,
        bytes=status.st_size,
        sha256=sha256(path, status.st_size, status.st_mtime_ns),
        modified=datetime.fromtimestamp(int(status.st_mtime), tz=UTC),
    )


def dump_files(current: Generation) -> list[DumpFile]:
    """Every dump the served build has, in the order of mapping.dumps.FORMATS."""
    found = (dump_file(current, spec.file) for spec in FORMATS)
    return [dump for dump in found if dump is not None]


@router.api_route(
    "/dumps/",
    methods=["GET", "HEAD"],
    summary="The downloads: the whole dataset as files",
    response_class=Response,
    responses={
        200: {
            "description": "The dumps with size and sha256: a page, or JSON for programs.",
            "content": {media_type: {} for media_type in LISTING_TYPES},
        },
        304: NOT_MODIFIED,
        406: {"description": "Neither HTML nor JSON is acceptable.", **PROBLEM},
    },
)
def listing(request: Request) -> Response:
    """HTML for browsers (and by default), JSON when Accept prefers application/json."""
    current = generation(request)
    chosen = choose(request.headers.get("accept"), LISTING_TYPES)
    if chosen is None:
        raise Problem(406, "The listing is HTML or JSON.", available=LISTING_TYPES)
    dumps = dump_files(current)
    lang = pages.language(request)
    if chosen == "application/json":
        entries = [dump.listing(current.dataset.base) for dump in dumps]
        body = json.dumps({"dumps": entries}, indent=2, ensure_ascii=False).encode("utf-8")
    else:
        body = listing_page(request, current, dumps, lang)
    variant = f"dumps-{'json' if chosen == 'application/json' else 'html'}-{lang}"
    return answer(request, current, body, chosen, variant, {"Vary": "Accept"})


def listing_page(request: Request, current: Generation, dumps: list[DumpFile], lang: str) -> bytes:
    """The page for people: one row per dump, with the sources below."""
    frame = page_frame(request, current, [])
    sources = sorted(p.name for p in (current.dataset.directory / "sources").iterdir())
    return pages.render(
        "dumps.html",
        frame,
        dumps=dumps,
        sources=sources,
        size=lambda n: human_size(n, frame.lang),
        text=lambda key: TEXTS[key][0 if lang == "de" else 1],
    )


@router.api_route(
    "/dumps/{file}",
    methods=["GET", "HEAD"],
    summary="One dump of the whole dataset",
    response_class=Response,
    responses={
        200: {
            "description": "The file, byte for byte as listed in the dataset description.",
            "content": {spec.served_as: {} for spec in FORMATS},
        },
        206: {
            "description": "The requested byte range of the file.",
            "content": {spec.served_as: {} for spec in FORMATS},
        },
        304: NOT_MODIFIED,
        404: {"description": "No such dump.", **PROBLEM},
    },
)
def download(file: str, request: Request) -> Response:
    """The file with Content-Length, ETag (its sha256), Last-Modified and ranges."""
    dump = dump_file(generation(request), file)
    if dump is None:
        raise Problem(404, f"Nothing is published at {request.url.path}; see /dumps/.")
    headers = {
        "ETag": dump.etag,
        "Last-Modified": http_date(dump.modified),
        "Cache-Control": CACHE_CONTROL,
        "Content-Disposition": f'attachment; filename="{dump.format.file}"',
    }
    if not_modified(request, dump.etag, dump.modified):
        return Response(status_code=304, headers=headers)
    return DumpResponse(dump.path, media_type=dump.format.served_as, headers=headers)


def valid_range(value: str) -> bool:
    """Whether a Range header is a valid bytes range set (satisfiable or not)."""
    unit, equals, specs = value.partition("=")
    if not equals or unit.strip().lower() != "bytes":
        return False
    parts = [part for part in specs.split(",") if part.strip()]
    for part in parts:
        spec = RANGE_SPEC.fullmatch(part)
        if spec is None:
            return False
        first, last = spec.groups()
        if first is not None and last and int(last) < int(first):
            return False
    return bool(parts)


class DumpResponse(FileResponse):
    """A dump file; an invalid Range header is ignored, not answered 400."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        ranges = [value for name, value in scope["headers"] if name == b"range"]
        if ranges and not (len(ranges) == 1 and valid_range(ranges[0].decode("latin-1"))):
            headers = [(name, value) for name, value in scope["headers"] if name != b"range"]
            scope = {**scope, "headers": headers}
        await super().__call__(scope, receive, send)


TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Downloads", "Downloads"),
    "lead": (
        "Der gesamte Datensatz als Dateien, unter der Datenlizenz Deutschland – "
        "Namensnennung – 2.0. Größen und Prüfsummen stehen auch in der Beschreibung "
        "des Datensatzes.",
        "The whole dataset as files, under the Data licence Germany – attribution – 2.0. "
        "Sizes and checksums are also listed in the dataset description.",
    ),
    "file": ("Datei", "File"),
    "format": ("Format", "Format"),
    "size": ("Größe", "Size"),
    "sha256": ("SHA-256", "SHA-256"),
    "sources": (
        "Quellen: die Niederschriften (Text, PDF und der aus einem PDF gelesene Text)",
        "Sources: the minutes (text, PDF and the text read from a PDF)",
    ),
    "description": ("Beschreibung des Datensatzes", "Dataset description"),
    "json": ("Diese Liste als JSON", "This list as JSON"),
}

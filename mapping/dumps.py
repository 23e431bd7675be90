"""The dumps of a build: the whole dataset as gzipped N-Quads and as Turtle.

Both are written into the build's staging folder before it is published, so they
switch in with the rest of the build. The bytes depend on the data only (gzip without
file name and with modification time 0), so the same data always gives the same
files, sizes and checksums — which the dataset description lists.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

DUMPS_FOLDER = "dumps"
NQUADS_GZIP = "intmk.nq.gz"
TURTLE = "intmk.ttl"
IANA = "https://www.iana.org/assignments/media-types/"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"


@dataclass(frozen=True)
class DumpFormat:
    """What a dump file is, independent of its content."""

    file: str
    media_type: str
    """The media type of the data (for the .gz file: of what it decompresses to)."""
    compression: str | None
    """The media type of the compression, if the file is compressed."""
    file_type: str
    """The format in the EU file-type authority table (DCAT-AP dct:format)."""
    title: tuple[str, str]
    """German and English title."""

    @property
    def served_as(self) -> str:
        """The Content-Type the file is downloaded with: gzip files as gzip, byte for byte."""
        return self.compression or self.media_type


@dataclass(frozen=True)
class Dump:
    """One dump file as the build wrote it."""

    format: DumpFormat
    bytes: int
    sha256: str

    @property
    def file(self) -> str:
        return self.format.file

    def summary(self) -> dict[str, str | int]:
        """The entry of summary.json."""
        return {"file": self.file, "bytes": self.bytes, "sha256": self.sha256}


FORMATS = (
    DumpFormat(
        NQUADS_GZIP,
        "application/n-quads",
        "application/gzip",
        "RDF_N_QUADS",
        ("Gesamter Datensatz als N-Quads (gzip)", "Whole dataset as N-Quads (gzip)"),
    ),
    DumpFormat(
        TURTLE,
        "text/turtle",
        None,
        "RDF_TURTLE",
        ("Gesamter Datensatz als Turtle", "Whole dataset as Turtle"),
    ),
)
BY_FILE = {f.file: f for f in FORMATS}


def gzip_deterministic(data: bytes) -> bytes:
    """gzip with no file name and modification time 0: the same data, the same bytes."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def turtle(union: Graph) -> bytes:
    """The union of the data graphs as Turtle, with the graphs' prefixes."""
    return union.serialize(format="turtle").encode("utf-8")


def write_dumps(
    directory: Path, nquads: bytes, union: Graph, write: Callable[[Path, bytes], None]
) -> list[Dump]:
    """Write every dump into `directory`/dumps with `write`; their sizes and checksums."""
    folder = directory / DUMPS_FOLDER
    folder.mkdir()
    contents = {NQUADS_GZIP: gzip_deterministic(nquads), TURTLE: turtle(union)}
    dumps = []
    for dump_format in FORMATS:
        data = contents[dump_format.file]
        write(folder / dump_format.file, data)
        dumps.append(Dump(dump_format, len(data), hashlib.sha256(data).hexdigest()))
    return dumps

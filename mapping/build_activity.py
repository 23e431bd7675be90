"""The build as a PROV activity: what it used, which software ran it, when.

Published in the dataset description (graph {base}dataset), never in a document's graph:
a document's graph depends on that document alone, so a second build of the same input
and a build with more documents give it byte for byte again. The time of the build is
the clock's, or, when SOURCE_DATE_EPOCH is set (reproducible-builds.org), that instant
for both start and end, so the same input and the same SOURCE_DATE_EPOCH give
byte-identical files.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from mapping.vocabulary import SCHEMA, SPDX, de, en

DISTRIBUTION = "intmk-linked-data"
EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"
SHA256 = URIRef("http://dcat-ap.de/def/hashAlgorithms/sha/256")
"""SHA-256 in DCAT-AP.de's hash algorithm list, which DCAT-AP.de prescribes for spdx:algorithm
(the dumps' checksums in the dataset description name it too)."""


@dataclass(frozen=True)
class Input:
    """One file the build read: its name in the sources folder and its SHA-256."""

    file_name: str
    sha256: str

    @classmethod
    def of(cls, path: Path) -> Input:
        return cls(path.name, hashlib.sha256(path.read_bytes()).hexdigest())


@dataclass(frozen=True)
class BuildActivity:
    """One run of `intmk build`."""

    started: datetime
    inputs: tuple[Input, ...]
    software_version: str

    @classmethod
    def start(cls, files: list[Path], environ: Mapping[str, str] = os.environ) -> BuildActivity:
        return cls(build_time(environ), tuple(Input.of(p) for p in files), software_version())


def build_time(environ: Mapping[str, str] = os.environ) -> datetime:
    """Now (UTC, whole seconds), or the instant SOURCE_DATE_EPOCH gives in seconds."""
    epoch = environ.get(EPOCH_VARIABLE)
    if epoch is None:
        return datetime.now(UTC).replace(microsecond=0)
    if not epoch.strip().isdigit():
        raise ValueError(f"{EPOCH_VARIABLE} must be a number of seconds, not {epoch!r}")
    return datetime.fromtimestamp(int(epoch), UTC)


def software_version() -> str:
    """The version of this project as installed (pyproject.toml's version)."""
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def timestamp(moment: datetime) -> Literal:
    return Literal(moment.strftime("%Y-%m-%dT%H:%M:%SZ"), datatype=XSD.dateTime)


def add_activity(
    graph: Graph, base: str, activity: BuildActivity, ended: datetime, generated: list[URIRef]
) -> URIRef:
    """The activity {base}dataset#build: the sources it used (their copies under
    dumps/sources/ with SHA-256), its software agent, its times, what it generated."""
    build, software = URIRef(f"{base}dataset#build"), URIRef(f"{base}dataset#software")
    graph.add((build, RDF.type, PROV.Activity))
    graph.add((build, RDFS.label, de("Erstellung des Datensatzes (intmk build)")))
    graph.add((build, RDFS.label, en("Build of the dataset (intmk build)")))
    graph.add((build, PROV.startedAtTime, timestamp(activity.started)))
    graph.add((build, PROV.endedAtTime, timestamp(max(ended, activity.started))))
    graph.add((build, PROV.wasAssociatedWith, software))
    graph.add((software, RDF.type, PROV.SoftwareAgent))
    graph.add((software, RDFS.label, Literal(f"IntMK Linked Data {activity.software_version}")))
    graph.add((software, SCHEMA.softwareVersion, Literal(activity.software_version)))
    for source in activity.inputs:
        used = URIRef(f"{base}dumps/sources/{source.file_name}")
        graph.add((build, PROV.used, used))
        graph.add((used, RDF.type, PROV.Entity))
        checksum = BNode(f"checksum-source-{source.file_name}")
        graph.add((used, SPDX.checksum, checksum))
        graph.add((checksum, RDF.type, SPDX.Checksum))
        graph.add((checksum, SPDX.algorithm, SHA256))
        graph.add((checksum, SPDX.checksumValue, Literal(source.sha256, datatype=XSD.hexBinary)))
    for entity in generated:
        graph.add((entity, PROV.wasGeneratedBy, build))
    return build

"""`intmk build`: every minutes file in data/sources/ → graph files under data/graph/.

Output is written into a fresh directory and then published by replacing the
`data/graph` symbolic link in one atomic step, so a failing build never leaves
half-written files and never replaces a good earlier build. Publishing is
mapping/publish.py: one build publishes at a time (an flock on a lock file beside the
build folders), the folders of killed builds are removed, and no build a running server
still uses is (the server holds a shared flock on it). summary.json records the SHA-256,
size and quad count of each file the server loads, which it checks before serving them.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import RDF
from rdflib.term import Node

from mapping.build_activity import BuildActivity
from mapping.build_layout import (
    DESCRIPTION_NAME,
    DESCRIPTION_NQUADS_NAME,
    NQUADS_NAME,
    SOURCES_NAME,
    SUMMARY_NAME,
)
from mapping.dataset_description import describe_dataset
from mapping.document.read import SUFFIXES
from mapping.dumps import Dump, write_dumps
from mapping.emit import MinutesEmitter
from mapping.entailment import entailed_graph
from mapping.errors import SourceError
from mapping.model import Minutes, UnreadItem
from mapping.ontology_diagram import write_diagrams
from mapping.parse_document import parse_text, parse_title
from mapping.publish import file_record
from mapping.publish import publish as publish_build
from mapping.reference import reference_graph, referred_conferences
from mapping.shacl import GraphRefused, Validation, load_shapes, validate
from mapping.source import SourceText, check_complete, read_source
from mapping.uris import Uris, slug
from mapping.vocabulary import new_graph
from mapping.wikidata import load_wikidata

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_FILES = (ROOT / "ontology" / "intmk.ttl", ROOT / "ontology" / "intmk-concepts.ttl")
DEFAULT_SOURCES = ROOT / "data" / "sources"
DEFAULT_OUTPUT = ROOT / "data" / "graph"
RESERVED_STEMS = frozenset({"reference-data", "ontology", "validation-report", "dataset"})
"""Each document is written as {stem}.ttl beside these build files; a source must not clash."""


@dataclass(frozen=True)
class BuildResult:
    """What a successful build published."""

    documents: list[DocumentSummary]
    validation: Validation


@dataclass(frozen=True)
class DocumentSummary:
    """What the build found in one document."""

    file_name: str
    conference: int
    items: int
    resolutions: int
    requests: int
    requests_to_bund: int
    persons: int
    findings: int
    triples: int

    @classmethod
    def of(cls, minutes: Minutes, graph: Graph, intmk: str) -> DocumentSummary:
        requests = [r for res in minutes.resolutions for r in res.requests]
        return cls(
            file_name=minutes.source.file_name,
            conference=minutes.number,
            items=len(set(graph.subjects(RDF.type, URIRef(intmk + "AgendaItem")))),
            resolutions=len(minutes.resolutions),
            requests=len(requests),
            requests_to_bund=sum(1 for r in requests if r.to_bund),
            persons=sum(len(d.persons) for d in minutes.delegations),
            # every data-quality finding the graph publishes, whatever its kind
            findings=len(set(graph.subjects(RDF.type, URIRef(intmk + "DataQualityFinding")))),
            triples=len(graph),
        )


def source_files(sources: Path) -> list[Path]:
    """The minutes files to build, in a stable order."""
    if not sources.is_dir():
        raise SourceError(
            sources,
            None,
            "the sources folder does not exist",
            "a folder with minutes as .pdf, .txt or .md files",
        )
    files = sorted(
        path for path in sources.iterdir() if path.is_file() and path.suffix.lower() in SUFFIXES
    )
    if not files:
        raise SourceError(
            sources,
            None,
            "no .pdf, .txt or .md file in the sources folder",
            "at least one minutes file (*.pdf, *.txt, *.md)",
        )
    stems: dict[str, Path] = {}
    for path in files:
        if (other := stems.setdefault(path.stem, path)) != path:
            raise SourceError(
                path,
                None,
                f"{other.name} and {path.name} would both be published as {path.stem}.ttl",
                "one file per document (the PDF or a text made from it, not both)",
            )
        if path.stem in RESERVED_STEMS:
            raise SourceError(
                path,
                None,
                f"the name {path.stem}.ttl is taken by a file of the build",
                f"a minutes file not named {', '.join(sorted(RESERVED_STEMS))}",
            )
    return files


def parse_all(
    files: list[Path], report: Callable[[str], None], lenient: bool = False
) -> list[Minutes]:
    """Parse every file; two documents of the same conference are an error."""
    parsed: list[Minutes] = []
    seen: dict[int, str] = {}
    for index, path in enumerate(files, start=1):
        report(f"[{index}/{len(files)}] parsing {path.name}")
        minutes = parse_one(path, lenient)
        for unread in minutes.unread:
            report(unread_warning(path, unread))
        for phrase in minutes.unresolved_meetings:
            report(
                f"warning: {path}:{phrase.lines.first}: the meeting phrase "
                f"'{phrase.stated_as}' is not read; it is published with its wording and a "
                "data-quality finding (--lenient)"
            )
        if minutes.number in seen:
            raise SourceError(
                path,
                None,
                f"conference {minutes.number} is also recorded by {seen[minutes.number]}",
                "one minutes file per conference",
            )
        seen[minutes.number] = path.name
        parsed.append(minutes)
    documents = list(zip(files, parsed, strict=True))
    check_referenced_years(documents)
    return parsed


def parse_one(path: Path, lenient: bool) -> Minutes:
    """One document: first whether it is minutes at all, then whether it is complete."""
    source = read_source(path)
    parse_title(source, lenient=True)  # minutes at all? A phrase not read is parse_items'
    check_complete(path, source.lines)
    minutes = parse_items(source, lenient)
    check_not_cut_in_agenda(source, minutes)
    return minutes


def parse_items(source: SourceText, lenient: bool) -> Minutes:
    """The typed model; when only single resolution sections fail, the error names --lenient."""
    try:
        return parse_text(source, lenient)
    except SourceError as error:
        if lenient or not can_be_read_leniently(parse_text(source, lenient=True)):
            raise
        raise SourceError(
            error.path,
            error.line,
            error.problem,
            error.expected,
            "the rest of the document can be read: `intmk build --lenient` publishes it "
            "without the sections that cannot be read, each as a data-quality finding",
        ) from None


def can_be_read_leniently(minutes: Minutes) -> bool:
    """Whether only resolution sections, meeting phrases of the title or tables failed."""
    tables = any(resolution.unread_tables for resolution in minutes.resolutions)
    return bool(minutes.unread or minutes.unresolved_meetings or tables)


def check_not_cut_in_agenda(source: SourceText, minutes: Minutes) -> None:
    """A file whose last line is an agenda row was cut off in the agenda."""
    if not minutes.agenda:
        return
    last_row = max(item.lines.last for item in minutes.agenda)
    last_text = max((line.last for line in source.lines if line.text), default=0)
    if last_row < last_text:
        return
    raise SourceError(
        source.path,
        last_row,
        "the file ends with a row of the agenda",
        "the rest of the agenda and a part per agenda item after it; the file looks truncated",
    )


def unread_warning(path: Path, unread: UnreadItem) -> str:
    line = unread.line if unread.line is not None else unread.lines.first
    return (
        f"warning: {path}:{line}: {unread.problem} (expected {unread.expected}); "
        f"TOP {unread.top} (lines {unread.lines.first}-{unread.lines.last}) is not published, "
        "a data-quality finding records it (--lenient)"
    )


def check_referenced_years(documents: list[tuple[Path, Minutes]]) -> None:
    """A year stated with a reference ("17. IntMK 2022") must agree with every other source
    of that conference's year: its own minutes and every other reference to it."""
    known = {
        minutes.number: (minutes.year, f"its minutes {path.name}") for path, minutes in documents
    }
    for path, minutes in documents:
        for paragraph in (p for r in minutes.resolutions for p in r.paragraphs):
            for reference in paragraph.conferences:
                if reference.year is None:
                    continue
                where = f"'{reference.stated_as}' in {path.name}"
                year, source = known.setdefault(reference.number, (reference.year, where))
                if year != reference.year:
                    raise SourceError(
                        path,
                        paragraph.lines.first,
                        f"'{reference.stated_as}' dates the {reference.number}. IntMK to "
                        f"{reference.year}",
                        f"{year}, the year {source} gives",
                    )


def ontology_graph(uris: Uris) -> Graph:
    """The ontology and concept schemes, their relative IRIs resolved against the base."""
    graph = new_graph(uris)
    for path in ONTOLOGY_FILES:
        graph.parse(path, format="turtle", publicID=uris.base)
    return graph


def build(
    sources: Path = DEFAULT_SOURCES,
    output: Path = DEFAULT_OUTPUT,
    uris: Uris | None = None,
    report: Callable[[str], None] = lambda message: print(message, file=sys.stderr),
    lenient: bool = False,
) -> BuildResult:
    """Build, validate and publish the graph files atomically.

    Raises SourceError for bad input and GraphRefused when the graph violates the
    shapes; in both cases nothing is written. With `lenient`, a resolution section that
    cannot be read is left out and recorded as a data-quality finding instead.
    """
    uris = uris or Uris()
    wikidata = load_wikidata()
    files = source_files(sources)
    activity = BuildActivity.start(files)
    documents = parse_all(files, report, lenient)
    graphs: dict[str, tuple[URIRef, Graph]] = {}
    summaries: list[DocumentSummary] = []
    for minutes in documents:
        report(f"emitting conference {minutes.number}")
        graph = MinutesEmitter(minutes, uris, wikidata).graph()
        graphs[Path(minutes.source.file_name).stem] = (uris.graph(minutes.number), graph)
        summaries.append(DocumentSummary.of(minutes, graph, uris.ontology))
    reference = reference_graph(uris, wikidata)
    referred_conferences(reference, uris, documents)
    graphs["reference-data"] = (uris.reference_graph, reference)
    graphs["ontology"] = (uris.ontology_graph, ontology_graph(uris))
    report("validating against the SHACL shapes")
    validation = validate(union(graph for _, graph in graphs.values()), load_shapes(uris))
    if not validation.conforms:
        raise GraphRefused(validation)
    graphs["validation-report"] = (uris.validation_graph, validation.report)
    report("writing out the entailed types and super-properties")
    asserted = [graph for key, (_, graph) in graphs.items() if key != "validation-report"]
    entailed = entailed_graph(asserted, graphs["ontology"][1], new_graph(uris))
    graphs["entailed"] = (uris.entailed_graph, entailed)
    texts = {m.source.text_name: m.source.reader_text for m in documents if m.source.reader_text}
    publish(output, graphs, summaries, (uris.base, activity), files, report, texts)
    return BuildResult(summaries, validation)


def union(graphs: Iterable[Graph]) -> Graph:
    """All triples of several graphs in one graph."""
    merged = Graph()
    for graph in graphs:
        for prefix, namespace in graph.namespaces():
            merged.bind(prefix, namespace, override=False)
        for triple in graph:
            merged.add(triple)
    return merged


def publish(
    output: Path,
    graphs: dict[str, tuple[URIRef, Graph]],
    summaries: list[DocumentSummary],
    made: tuple[str, BuildActivity],
    files: list[Path],
    report: Callable[[str], None],
    texts: dict[str, str],
) -> Path:
    """Write every file into a new directory, then switch the output link to it
    (mapping/publish.py: one build at a time, and no build a server uses is removed).
    `made` is the base URI the graph was built for and the build activity."""
    base, activity = made

    def write(directory: Path) -> None:
        write_files(directory, graphs, summaries, base, activity)
        write_diagrams(directory, graphs["ontology"][1], Uris(base).ontology)
        copy_sources(directory / SOURCES_NAME, files, texts)

    return publish_build(output, write, report)


def write_files(
    directory: Path,
    graphs: dict[str, tuple[URIRef, Graph]],
    summaries: list[DocumentSummary],
    base: str,
    activity: BuildActivity,
) -> None:
    dataset = Dataset()
    stable: list[Graph] = []
    for stem, (name, original) in graphs.items():
        graph = with_stable_blank_nodes(original, prefix=slug(stem))
        stable.append(graph)
        write_bytes(directory / f"{stem}.ttl", graph.serialize(format="turtle").encode("utf-8"))
        named = dataset.graph(name)
        for triple in graph:
            named.add(triple)
    quads = dataset.serialize(format="nquads").splitlines()
    body = ("\n".join(sorted(line for line in quads if line.strip())) + "\n").encode("utf-8")
    write_bytes(directory / NQUADS_NAME, body)
    dumps = write_dumps(directory, body, union(stable), write_bytes)
    description = write_description(directory, Uris(base), body, dumps, activity)
    summary = {
        "base": base,
        "documents": [s.__dict__ for s in summaries],
        "dumps": [dump.summary() for dump in dumps],
        "loaded": [
            file_record(NQUADS_NAME, body),
            file_record(DESCRIPTION_NQUADS_NAME, description),
        ],
    }
    write_bytes(
        directory / SUMMARY_NAME,
        (json.dumps(summary, indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
    )


def write_description(
    directory: Path, uris: Uris, nquads: bytes, dumps: list[Dump], activity: BuildActivity
) -> bytes:
    """The dataset description (with the build activity) as Turtle and, in its graph
    {base}dataset, as N-Quads; the N-Quads written."""
    described = describe_dataset(uris, nquads, dumps, activity)
    description = with_stable_blank_nodes(described, "dataset")
    write_bytes(directory / DESCRIPTION_NAME, description.serialize(format="turtle").encode())
    named = Dataset()
    graph = named.graph(URIRef(f"{uris.base}dataset"))
    for triple in description:
        graph.add(triple)
    lines = named.serialize(format="nquads").splitlines()
    text = ("\n".join(sorted(line for line in lines if line.strip())) + "\n").encode("utf-8")
    write_bytes(directory / DESCRIPTION_NQUADS_NAME, text)
    return text


def copy_sources(folder: Path, files: list[Path], texts: dict[str, str]) -> None:
    """The minutes themselves, served at dumps/sources/ where dcterms:source points, and
    beside each PDF the text its reader made (the lines every line number refers to)."""
    folder.mkdir()
    for path in files:
        write_bytes(folder / path.name, path.read_bytes())
    for name, text in texts.items():
        write_bytes(folder / name, text.encode("utf-8"))


def with_stable_blank_nodes(graph: Graph, prefix: str) -> Graph:
    """The same graph with blank nodes named from their content, so output is byte-stable.

    The prefix keeps blank nodes of different graphs apart in the one N-Quads file.
    """

    def rename(term: Node) -> Node:
        return BNode(f"{prefix}-{term}") if isinstance(term, BNode) else term

    stable = Graph(namespace_manager=graph.namespace_manager)
    for triple in to_canonical_graph(graph):
        stable.add((rename(triple[0]), triple[1], rename(triple[2])))
    return stable


def write_bytes(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())

"""Provenance a consumer can follow: from a fact to its lines (one form: dcterms:source
…#line=a,b), to the source document, to the minutes as published (prov:hadPrimarySource),
and from every graph to the build that generated it (prov:Activity with the sources it
used, their SHA-256, the software and the time); findings as Web Annotations with a
motivation and a body."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import tomllib
from pathlib import Path

import httpx
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, XSD

from mapping.build_activity import build_time
from mapping.emit import MinutesEmitter
from mapping.errors import SourceError
from mapping.model import Minutes
from mapping.publications import Publication, load_publications
from mapping.uris import Uris
from mapping.vocabulary import DQV, OA, SCHEMA, SPDX
from tests.conftest import BASE, ID, INTMK, ROOT, SEED

C18 = ID + "conference/18/"
DOCUMENT = URIRef(C18 + "minutes")
PUBLICATION = URIRef(C18 + "minutes/publication")
GRAPH = URIRef(C18 + "graph")
BUILD = URIRef(BASE + "dataset#build")
SOFTWARE = URIRef(BASE + "dataset#software")
TEXT_FILE = BASE + f"dumps/sources/{SEED.name}"
PLAIN_TEXT = URIRef("https://www.iana.org/assignments/media-types/text/plain")


@pytest.fixture(scope="module")
def description(built: Path) -> Graph:
    """The dataset description: the one graph {base}dataset of dataset.nq."""
    quads = Dataset().parse(built / "dataset.nq", format="nquads")
    return quads.graph(URIRef(BASE + "dataset"))


def test_the_build_used_exactly_the_source_file_with_its_sha256(description: Graph) -> None:
    assert (BUILD, RDF.type, PROV.Activity) in description
    used = URIRef(TEXT_FILE)
    assert set(description.objects(BUILD, PROV.used)) == {used}
    checksum = description.value(used, SPDX.checksum)
    value = description.value(checksum, SPDX.checksumValue)
    assert value == Literal(hashlib.sha256(SEED.read_bytes()).hexdigest(), datatype=XSD.hexBinary)
    algorithm = URIRef("http://dcat-ap.de/def/hashAlgorithms/sha/256")
    assert description.value(checksum, SPDX.algorithm) == algorithm


def test_the_build_was_run_by_this_software_at_its_time(description: Graph) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert description.value(BUILD, PROV.wasAssociatedWith) == SOFTWARE
    assert (SOFTWARE, RDF.type, PROV.SoftwareAgent) in description
    assert str(description.value(SOFTWARE, SCHEMA.softwareVersion)) == project["version"]
    started = description.value(BUILD, PROV.startedAtTime)
    ended = description.value(BUILD, PROV.endedAtTime)
    assert isinstance(started, Literal) and isinstance(ended, Literal)
    assert started.datatype == ended.datatype == XSD.dateTime
    assert started.toPython() <= ended.toPython()


def test_source_date_epoch_is_the_time_of_a_reproducible_build() -> None:
    assert build_time({"SOURCE_DATE_EPOCH": "1682553600"}) == datetime.datetime(
        2023, 4, 27, tzinfo=datetime.UTC
    )
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH must be a number of seconds"):
        build_time({"SOURCE_DATE_EPOCH": "yesterday"})


def test_every_graph_of_the_data_was_generated_by_the_build(
    description: Graph, dataset: Dataset
) -> None:
    generated = set(description.subjects(PROV.wasGeneratedBy, BUILD))
    data_graphs = {g.identifier for g in dataset.graphs() if len(g)}
    ontology = URIRef("https://w3id.org/intmk/ontology")  # vocabulary: not made by a build
    assert generated == (data_graphs - {ontology}) | {URIRef(BASE + "dataset#dataset")}
    assert generated >= {GRAPH, URIRef(ID + "reference-data"), URIRef(ID + "validation-report")}


def test_the_named_graph_is_not_the_source_document(dataset: Dataset, description: Graph) -> None:
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert GRAPH in names and DOCUMENT not in names
    assert (DOCUMENT, RDF.type, INTMK.SourceDocument) in dataset.graph(GRAPH)
    assert description.value(GRAPH, PROV.wasDerivedFrom) == DOCUMENT
    assert set(description.objects(GRAPH, RDFS.label)) == {
        Literal("Graph: Niederschrift der 18. IntMK 2023", lang="de"),
        Literal("Graph: Minutes of the 18th IntMK 2023", lang="en"),
    }


def test_the_primary_source_is_the_minutes_as_published(graph: Graph) -> None:
    assert graph.value(DOCUMENT, PROV.hadPrimarySource) == PUBLICATION
    assert set(graph.objects(PUBLICATION, RDF.type)) == {
        FOAF.Document,
        DCTERMS.BibliographicResource,
    }
    assert graph.value(PUBLICATION, DCTERMS.title) == Literal(
        "Externe Niederschrift über die Beschlüsse der Hauptkonferenz der 18. IntMK 2023",
        lang="de",
    )
    # data/reference/publications.tsv knows no address, publisher, date or licence of the
    # seed: none is stated (and the heading's date is the meeting's, not the document's)
    unknown = (SCHEMA.url, DCTERMS.publisher, DCTERMS.issued, DCTERMS.license)
    assert [p for p in unknown if graph.value(PUBLICATION, p) is not None] == []
    assert graph.value(DOCUMENT, DCTERMS.date) is None
    assert graph.value(DOCUMENT, DCTERMS.issued) is None


def test_what_the_publications_table_knows_is_stated(minutes: Minutes, tmp_path: Path) -> None:
    table = tmp_path / "publications.tsv"
    table.write_text(
        "file\turl\tpublisher\tissued\tlicence\tevidence\n"
        f"{SEED.name}\thttps://example.org/minutes-2023.pdf\tintmk-geschaeftsstelle\t"
        "2023-06-01\thttp://dcat-ap.de/def/licenses/dl-by-de/2.0\ta test row\n",
        encoding="utf-8",
    )
    known = load_publications(table)[SEED.name]
    graph = MinutesEmitter(minutes, Uris(BASE), {}, known).graph()
    assert set(graph.predicate_objects(PUBLICATION)) >= {
        (SCHEMA.url, URIRef("https://example.org/minutes-2023.pdf")),
        (DCTERMS.publisher, URIRef(ID + "organisation/intmk-geschaeftsstelle")),
        (DCTERMS.issued, Literal("2023-06-01", datatype=XSD.date)),
        (DCTERMS.license, URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")),
    }


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("x.txt\tnot a url\t\t\t\tseen", "'not a url' in column url"),
        ("x.txt\t\tthe-intmk\t\t\tseen", "'the-intmk' in column publisher"),
        ("x.txt\t\t\t27.04.2023\t\tseen", "'27.04.2023' in column issued"),
        ("x.txt\thttps://example.org/x.pdf\t\t\t\t", "no evidence"),
    ],
)
def test_the_publications_table_refuses_what_it_cannot_vouch_for(
    row: str, problem: str, tmp_path: Path
) -> None:
    table = tmp_path / "publications.tsv"
    table.write_text(f"file\turl\tpublisher\tissued\tlicence\tevidence\n{row}\n", encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        load_publications(table)
    assert raised.value.line == 2 and raised.value.problem.startswith(problem)


def test_the_seed_row_of_the_publications_table_states_nothing() -> None:
    assert load_publications()[SEED.name] == Publication()


def test_every_finding_is_a_quality_assessment_with_its_message_as_body(graph: Graph) -> None:
    findings = set(graph.subjects(RDF.type, DQV.QualityAnnotation))
    assert len(findings) == 8
    for finding in findings:
        assert list(graph.objects(finding, OA.motivatedBy)) == [DQV.qualityAssessment]
        bodies = list(graph.objects(finding, OA.hasBody))
        assert {graph.value(b, RDF.type) for b in bodies} == {OA.TextualBody}
        assert {graph.value(b, DCTERMS.format) for b in bodies} == {PLAIN_TEXT}
        texts = [graph.value(b, RDF.value) for b in bodies]
        assert sorted(map(str, texts)) == sorted(map(str, graph.objects(finding, RDFS.comment)))
        assert {t.language for t in texts if isinstance(t, Literal)} == {"de", "en"}
        assert len(texts) == 2


def test_lines_are_stated_once_as_a_fragment_of_the_published_text(dataset: Dataset) -> None:
    data = dataset.graph(GRAPH)
    assert list(data.triples((None, INTMK.firstLine, None))) == []
    assert list(data.triples((None, INTMK.lastLine, None))) == []
    fragments = [(s, str(o)) for s, o in data.subject_objects(DCTERMS.source) if "#" in str(o)]
    # one per resource; 560 since issue 15: the Forderung of TOP 7.1
    assert len(fragments) == len({s for s, _ in fragments}) == 560
    assert all(o.startswith(TEXT_FILE + "#line=") for _, o in fragments)
    derived = set(data.subjects(PROV.wasDerivedFrom, DOCUMENT))
    organisations = set(data.subjects(RDF.type, INTMK.Organisation))
    assert derived - organisations <= {s for s, _ in fragments}
    resolution = URIRef(C18 + "resolution/6.4")
    assert data.value(resolution, DCTERMS.source) == URIRef(TEXT_FILE + "#line=777,790")
    assert data.value(resolution, PROV.wasDerivedFrom) == DOCUMENT


def test_a_resolution_is_dated_by_the_day_it_was_decided(graph: Graph) -> None:
    circular = URIRef(C18 + "resolution/4.1")  # Umlaufbeschluss 01/2023
    assert graph.value(circular, DCTERMS.date) == Literal("2023-03-29", datatype=XSD.date)
    # decided at the Hauptkonferenz of 26 and 27 April: the minutes do not say which day
    assert graph.value(URIRef(C18 + "resolution/6.4"), DCTERMS.date) is None


def test_a_meeting_of_one_day_dates_its_resolutions(minutes: Minutes) -> None:
    day = datetime.date(2023, 4, 27)
    one_day = dataclasses.replace(minutes, meeting=dataclasses.replace(minutes.meeting, start=day))
    graph = MinutesEmitter(one_day, Uris(BASE), {}).graph()
    dated = {
        str(s).removeprefix(C18): str(o)
        for s, o in graph.subject_objects(DCTERMS.date)
        if (s, RDF.type, INTMK.Resolution) in graph
    }
    assert dated["resolution/6.4"] == "2023-04-27"
    assert dated["resolution/4.1"] == "2023-03-29"  # its circular procedure's day
    assert len(dated) == len(minutes.resolutions)


def test_the_dataset_states_no_meeting_date_as_its_issue_date(description: Graph) -> None:
    for subject in (URIRef(BASE + "dataset#dataset"), URIRef(BASE + "dataset#catalog")):
        assert description.value(subject, DCTERMS.issued) is None
        assert description.value(subject, DCTERMS.modified) is not None


@pytest.mark.parametrize(
    "path",
    [
        "conference/18/graph",
        "conference/18/minutes/publication",
        "reference-data",
        "validation-report",
    ],
)
def test_graphs_and_the_published_version_dereference(path: str, client: httpx.Client) -> None:
    redirect = client.get(f"/id/{path}", headers={"Accept": "text/turtle"})
    assert (redirect.status_code, redirect.headers["location"]) == (303, f"/doc/{path}")
    document = client.get(f"/doc/{path}", headers={"Accept": "text/turtle"})
    assert document.status_code == 200
    assert document.headers["content-type"].startswith("text/turtle")
    described = Graph().parse(data=document.text, format="turtle")
    types = set(described.objects(URIRef(ID + path), RDF.type))
    assert types & {URIRef("http://rdfs.org/ns/void#Dataset"), FOAF.Document}

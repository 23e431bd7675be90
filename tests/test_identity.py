"""Identity and links: owl:sameAs only for the same thing, no resource of ours a
skos:Concept by entailment, every Wikidata link backed by a checked table row, VoID
linksets with exact counts, honorifics on the yearly participation, stub conferences
labelled."""

from __future__ import annotations

import csv
from pathlib import Path

import httpx
import pytest
from bs4 import BeautifulSoup
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, VOID

from mapping.build import build
from mapping.emit import MinutesEmitter
from mapping.errors import SourceError
from mapping.parse_document import parse_file
from mapping.uris import Uris, slug
from mapping.wikidata import ENTITY, PERSONS_TABLE, WIKIDATA_TABLE, load_table, load_wikidata
from tests.conftest import BASE, ID, INTMK, SEED
from tests.test_many_documents import SEVENTEENTH

SCHEMA_SAME_AS = URIRef("https://schema.org/sameAs")
HONORIFIC_PREFIX = URIRef("https://schema.org/honorificPrefix")
SKOS_AXIOMS = Path(__file__).resolve().parent / "fixtures" / "external" / "skos.nq"
DATASET = URIRef(BASE + "dataset#dataset")
OURS = (INTMK.Land, INTMK.Organisation, INTMK.Person)


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def wikidata_links(graph: Graph) -> set[tuple[str, str, str]]:
    """(subject, predicate, QID) of every triple that points into Wikidata."""
    return {
        (str(s), str(p), str(o).removeprefix(ENTITY))
        for s, p, o in graph
        if isinstance(o, URIRef) and str(o).startswith(ENTITY)
    }


def key_of(subject: str) -> str:
    """The table key a subject of ours is linked by."""
    path = subject.removeprefix(ID)
    kind, _, rest = path.partition("/")
    return {"land": rest, "place": "place-" + rest, "person": "person-" + rest}.get(kind, rest)


# owl:sameAs, schema:sameAs, skos: which resource gets which link -------------------------


def test_every_wikidata_link_of_the_seed_build(graph: Graph) -> None:
    links = wikidata_links(graph)
    same = {(s.removeprefix(ID), q) for s, p, q in links if p == str(OWL.sameAs)}
    assert len(same) == 17
    assert ("land/DE-HE", "Q1199") in same and ("place/wiesbaden", "Q1721") in same
    assert {s for s, _ in same} == {f"land/{code}" for code in LAND_CODES} | {"place/wiesbaden"}
    organisations = {(s.removeprefix(ID), q) for s, p, q in links if p == str(SCHEMA_SAME_AS)}
    assert organisations == {
        ("organisation/bundesregierung", "Q313827"),
        ("organisation/bundeskanzleramt", "Q317027"),
        ("organisation/bmi", "Q502698"),
        ("organisation/bmas", "Q491578"),
        ("organisation/bmz", "Q684357"),
        ("organisation/ba", "Q1478016"),
        # issue 15, addressees: the registry's keys now match the table's (the European
        # Commission, the Bundestag) and 18 organisations were checked with their evidence
        ("organisation/europaeische-kommission", "Q8880"),
        ("organisation/bundestag", "Q154797"),
        ("organisation/aa", "Q56034"),
        ("organisation/bmbf", "Q492234"),
        ("organisation/bmftr", "Q492234"),
        ("organisation/bmfsfj", "Q166020"),
        ("organisation/bmg", "Q491566"),
        ("organisation/bmj", "Q498251"),
        ("organisation/bmf", "Q499118"),
        ("organisation/bmwi", "Q488589"),
        ("organisation/bmwsb", "Q110021824"),
        ("organisation/bmel", "Q699656"),
        ("organisation/bmvg", "Q493353"),
        ("organisation/bmu", "Q493344"),
        ("organisation/bmv", "Q491637"),
        ("organisation/bmds", "Q133894806"),
        ("organisation/bundesrat", "Q146138"),
        ("organisation/eu", "Q458"),
        ("organisation/europaeisches-parlament", "Q8889"),
        ("organisation/rat-der-eu", "Q8896"),
    }
    see_also = {(s.removeprefix(ID), q) for s, p, q in links if p == str(RDFS.seeAlso)}
    assert see_also == {("organisation/bund", "Q183")}
    assert len(links) == 17 + 26 + 1


LAND_CODES = [
    "DE-BW", "DE-BY", "DE-BE", "DE-BB", "DE-HB", "DE-HH", "DE-HE", "DE-MV",
    "DE-NI", "DE-NW", "DE-RP", "DE-SL", "DE-SN", "DE-ST", "DE-SH", "DE-TH",
]  # fmt: skip


def test_skos_mapping_relations_link_only_concepts(graph: Graph) -> None:
    """skos:exactMatch / closeMatch have the domain and range skos:Concept: every one links
    two resources typed skos:Concept, and none points into Wikidata."""
    for predicate in (SKOS.exactMatch, SKOS.closeMatch):
        for s, o in graph.subject_objects(predicate):
            assert (s, RDF.type, SKOS.Concept) in graph, (s, predicate)
            assert (o, RDF.type, SKOS.Concept) in graph, (o, predicate)
    assert not any(
        p in (str(SKOS.exactMatch), str(SKOS.closeMatch)) for _, p, _ in wikidata_links(graph)
    )


def concept_predicates() -> tuple[set[URIRef], set[URIRef]]:
    """The SKOS properties (and their subproperties) whose domain, resp. range, is
    skos:Concept, from the official SKOS RDF (tests/fixtures/external/skos.nq)."""
    skos = Graph()
    data = Dataset()
    data.parse(SKOS_AXIOMS, format="nquads")
    for s, p, o, _ in data.quads():
        skos.add((s, p, o))
    domain = set(skos.subjects(RDFS.domain, SKOS.Concept))
    ranged = set(skos.subjects(RDFS.range, SKOS.Concept))
    for found in (domain, ranged):
        grown = True
        while grown:
            more = {s for s, o in skos.subject_objects(RDFS.subPropertyOf) if o in found}
            grown = not more <= found
            found |= more
    return {p for p in domain if isinstance(p, URIRef)}, {
        p for p in ranged if isinstance(p, URIRef)
    }


def test_no_land_organisation_or_person_is_entailed_to_be_a_concept(graph: Graph) -> None:
    """RDFS over SKOS's own axioms: no statement about a Land, organisation or person has a
    predicate whose domain or range is skos:Concept (tests/test_reasoner.py checks the
    same over the full OWL RL closure)."""
    domain, ranged = concept_predicates()
    assert {SKOS.exactMatch, SKOS.closeMatch, SKOS.broader} <= domain & ranged
    ours = {s for cls in OURS for s in graph.subjects(RDF.type, cls)}
    assert len(ours) > 100
    concept_like = [
        (str(s), str(p))
        for s, p, o in graph
        if (s in ours and p in domain) or (o in ours and p in ranged)
    ]
    assert concept_like == []
    assert not any((s, RDF.type, SKOS.Concept) in graph for s in ours)


# the tables -------------------------------------------------------------------------


def test_every_link_comes_from_a_row_with_evidence(graph: Graph) -> None:
    table = {row["key"]: row for row in rows(WIKIDATA_TABLE)}
    table |= {"person-" + row["key"]: row for row in rows(PERSONS_TABLE)}
    for subject, _, qid in wikidata_links(graph):
        row = table[key_of(subject)]
        assert row["qid"] == qid, subject
        assert qid in row["evidence"], f"the evidence of {row['key']} does not name {qid}"


def test_rows_without_a_qid_emit_nothing(graph: Graph) -> None:
    unchecked = [row["key"] for row in rows(WIKIDATA_TABLE) if not row["qid"].strip()]
    assert unchecked == [
        "bamf",
        "ads",
        "integrationsbeauftragte",
        "kmk",
        "jfmk",
        "asmk",
        "gmk",
        "intmk",
        "bva",
        "imk",
        "mpk",
        "jumiko",
    ]
    linked = {key_of(s) for s, _, _ in wikidata_links(graph)}
    assert not linked & set(unchecked)
    # the organisations exist, unlinked
    for key in ("bamf", "ads", "integrationsbeauftragte", "kmk"):
        assert (URIRef(f"{ID}organisation/{key}"), RDF.type, INTMK.Organisation) in graph


def test_the_persons_table_has_its_header_and_no_checked_row() -> None:
    """No stored public source pairs a person of the minutes with a QID (README)."""
    text = PERSONS_TABLE.read_text(encoding="utf-8")
    assert text == "key\tname\toffice\tqid\tevidence\n"
    assert rows(PERSONS_TABLE) == []


def test_a_qid_without_evidence_is_refused(tmp_path: Path) -> None:
    table = tmp_path / "wikidata.tsv"
    table.write_text("key\tlabel_de\tqid\tevidence\nbamf\tBAMF\tQ1\t\n", encoding="utf-8")
    with pytest.raises(SourceError) as error:
        load_table(table)
    assert str(error.value) == f"{table}:2: Q1 without evidence (expected the source that shows it)"


def test_a_checked_person_row_links_the_person_with_owl_same_as(tmp_path: Path) -> None:
    """The mechanism, with a table made for the test (not published data)."""
    persons = tmp_path / "persons.tsv"
    persons.write_text(
        "key\tname\toffice\tqid\tevidence\nkai-klose\tKai Klose\tMinister\tQ1\ttest table\n",
        encoding="utf-8",
    )
    table = load_wikidata(WIKIDATA_TABLE, persons)
    assert table["person-kai-klose"] == "Q1"
    graph = MinutesEmitter(parse_file(SEED), Uris(BASE), table).graph()
    person = URIRef(ID + "person/" + slug("Kai Klose"))
    assert set(graph.objects(person, OWL.sameAs)) == {URIRef(ENTITY + "Q1")}


# VoID linksets ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def description(built: Path) -> Graph:
    return Graph().parse(built / "dataset.ttl", format="turtle")


def test_one_linkset_per_target_and_predicate_with_exact_counts(
    description: Graph, graph: Graph
) -> None:
    found = {
        (
            str(linkset).removeprefix(BASE + "dataset#"),
            str(description.value(linkset, VOID.linkPredicate)),
            str(description.value(linkset, VOID.objectsTarget)).removeprefix(BASE + "dataset#"),
            int(str(description.value(linkset, VOID.triples))),
        )
        for linkset in description.subjects(RDF.type, VOID.Linkset)
    }
    assert found == {
        ("linkset-wikidata-owl-sameAs", str(OWL.sameAs), "wikidata", 17),
        ("linkset-wikidata-schema-sameAs", str(SCHEMA_SAME_AS), "wikidata", 26),
        ("linkset-wikidata-rdfs-seeAlso", str(RDFS.seeAlso), "wikidata", 1),
        ("linkset-eur-lex-intmk-citesLaw", str(INTMK.citesLaw), "eur-lex", 1),
        (
            "linkset-gesetze-im-internet-intmk-citesLaw",
            str(INTMK.citesLaw),
            "gesetze-im-internet",
            1,
        ),
    }
    for linkset in description.subjects(RDF.type, VOID.Linkset):
        assert description.value(linkset, VOID.subjectsTarget) == DATASET
        assert (DATASET, VOID.subset, linkset) in description
    wikidata = URIRef(BASE + "dataset#wikidata")
    assert description.value(wikidata, VOID.uriSpace) == Literal(ENTITY)
    # the counts are the data's: Länder alone give 16 of the 17 owl:sameAs
    lands = [s for s, o in graph.subject_objects(OWL.sameAs) if str(s).startswith(ID + "land/")]
    assert len(lands) == 16


def test_the_dataset_page_lists_the_linksets(client: httpx.Client) -> None:
    page = client.get("/dataset", headers={"Accept": "text/html"})
    soup = BeautifulSoup(page.text, "html.parser")
    shown = [
        [cell.get_text(" ", strip=True) for cell in row.select("td")] + [str(row["data-iri"])]
        for row in soup.select("#linksets tbody tr")
    ]
    assert [(target, count, iri) for target, _, count, iri in shown] == [
        ("EUR-Lex (ELI)", "1", str(INTMK.citesLaw)),
        ("Gesetze im Internet", "1", str(INTMK.citesLaw)),
        ("Wikidata", "1", str(RDFS.seeAlso)),
        ("Wikidata", "17", str(OWL.sameAs)),
        ("Wikidata", "26", str(SCHEMA_SAME_AS)),
    ]


# honorifics on the participation -----------------------------------------------------


def test_no_person_carries_an_honorific_or_form_of_address(graph: Graph) -> None:
    persons = set(graph.subjects(RDF.type, INTMK.Person))
    assert len(persons) == 58
    for person in persons:
        assert graph.value(person, HONORIFIC_PREFIX) is None
        assert graph.value(person, INTMK.formOfAddress) is None
    honorifics = {
        str(s).removeprefix(ID + "conference/18/participation/"): str(o)
        for s, o in graph.subject_objects(INTMK.participantHonorific)
    }
    assert honorifics["ute-leidig"] == "Dr." and honorifics["birgit-locher-finke"] == "Prof. Dr."
    addressed = list(graph.subject_objects(INTMK.participantFormOfAddress))
    assert len(addressed) == 55  # the three of Thüringen are listed without one


def test_two_documents_with_different_honorifics_build_and_both_are_published(
    tmp_path: Path,
) -> None:
    """The 17th lists "Frau Dr. Birgit Locher-Finke", the 18th "Frau Prof. Dr.": one person,
    two participations, each with its year's title (a title gained is data, not an error)."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / SEED.name).write_bytes(SEED.read_bytes())
    text = SEVENTEENTH.read_text(encoding="utf-8")
    changed = text.replace("Frau Prof. Dr. Birgit", "Frau Dr. Birgit")
    assert changed != text
    (sources / SEVENTEENTH.name).write_text(changed, encoding="utf-8")
    result = build(sources, tmp_path / "graph", Uris(BASE), report=lambda message: None)
    assert result.validation.conforms
    data = Dataset()
    data.parse(tmp_path / "graph" / "intmk.nq", format="nquads")
    union = Graph()
    for quad in data.quads():
        union.add(quad[:3])
    person = URIRef(ID + "person/birgit-locher-finke")
    titles = {
        (str(s).removeprefix(ID), str(o))
        for s, o in union.subject_objects(INTMK.participantHonorific)
        if (s, INTMK.participant, person) in union
    }
    assert titles == {
        ("conference/17/participation/birgit-locher-finke", "Dr."),
        ("conference/18/participation/birgit-locher-finke", "Prof. Dr."),
    }
    assert union.value(person, HONORIFIC_PREFIX) is None


def test_the_person_page_shows_each_participation_with_its_year(client: httpx.Client) -> None:
    soup = BeautifulSoup(
        client.get("/doc/person/ute-leidig", headers={"Accept": "text/html"}).text, "html.parser"
    )
    rows = soup.select("#participations tbody tr")
    assert [row["data-iri"] for row in rows] == [ID + "conference/18/participation/ute-leidig"]
    cells = [cell.get_text(" ", strip=True) for cell in rows[0].select("td")]
    assert cells == [
        "18. IntMK 2023",
        "2023",
        "Frau",
        "Dr.",
        "Staatssekretärin",
        "Staatssekretär",  # the office the role title names (the scheme id/office)
        "Baden-Württemberg – Ministerium für Soziales, Gesundheit und Integration",
    ]


# conferences only referred to --------------------------------------------------------


def test_every_conference_has_one_german_and_one_english_label(graph: Graph) -> None:
    labels = {
        str(c).removeprefix(ID): sorted(
            (o.language or "", str(o))
            for o in graph.objects(c, RDFS.label)
            if isinstance(o, Literal)
        )
        for c in graph.subjects(RDF.type, INTMK.Conference)
    }
    assert labels == {
        "conference/16": [("de", "16. IntMK"), ("en", "16th IntMK")],
        "conference/17": [("de", "17. IntMK 2022"), ("en", "17th IntMK 2022")],
        "conference/18": [("de", "18. IntMK 2023"), ("en", "18th IntMK 2023")],
        "conference/20": [("de", "20. IntMK 2025"), ("en", "20th IntMK 2025")],
    }

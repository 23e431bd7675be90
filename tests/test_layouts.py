"""The layouts of other years' minutes: each fixture parses to exact facts and builds clean.

Fixtures (tests/fixtures/layouts/) are modelled on the seed and change what a layout
changes: the document title, a video conference or a written procedure without a
place, a table of contents with page numbers, TOP numbers such as "A3", "2.9b" and
"TOP: 11.2", item header fields, vote counts, Protokollerklärungen and the ways the
minutes write the names of the Länder.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from mapping.build import build
from mapping.errors import SourceError
from mapping.model import Margin, Minutes, Outcome, Resolution, VoteCount
from mapping.parse_document import parse_file
from mapping.shacl import load_shapes, validate
from mapping.uris import Uris
from tests.conftest import BASE, CONCEPT, ID, INTMK, asserted

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"
VIDEO = LAYOUTS / "beschlussniederschrift_video_2021.txt"
WRITTEN = LAYOUTS / "ergebnisprotokoll_umlauf_2022.txt"
LAENDER = LAYOUTS / "externe_niederschrift_laender_2024.txt"
BE_BY_HB = ("DE-BE", "DE-BY", "DE-HB")
ALL_16 = [
    "DE-BW",
    "DE-BY",
    "DE-BE",
    "DE-BB",
    "DE-HB",
    "DE-HH",
    "DE-HE",
    "DE-MV",
    "DE-NI",
    "DE-NW",
    "DE-RP",
    "DE-SL",
    "DE-SN",
    "DE-ST",
    "DE-SH",
    "DE-TH",
]


@pytest.fixture(scope="module")
def video() -> Minutes:
    return parse_file(VIDEO)


@pytest.fixture(scope="module")
def written() -> Minutes:
    return parse_file(WRITTEN)


@pytest.fixture(scope="module")
def laender() -> Minutes:
    return parse_file(LAENDER)


def resolution(minutes: Minutes, top: str) -> Resolution:
    return next(r for r in minutes.resolutions if r.top == top)


def applicants(minutes: Minutes, top: str) -> list[tuple[str, bool, bool]]:
    item = next(i for i in minutes.agenda if i.top == top)
    assert item.applicants is not None
    return [(e.land, e.coordinating, e.highlighted) for e in item.applicants.entries]


# titles, meetings and places -----------------------------------------------------------


def test_beschlussniederschrift_of_a_video_conference_has_no_place(video: Minutes) -> None:
    assert (video.title, video.number, video.year) == (
        "Beschlussniederschrift der Videokonferenz der 16. IntMK 2021",
        16,
        2021,
    )
    assert video.meeting.kind == "videokonferenz"
    assert video.meeting.key == "videokonferenz"
    assert video.meeting.start == video.meeting.end == datetime.date(2021, 4, 15)
    assert video.meeting.place is None


def test_ergebnisprotokoll_of_a_written_procedure_has_no_place(written: Minutes) -> None:
    assert (written.title, written.number, written.year) == (
        "Ergebnisprotokoll der 17. IntMK 2022",
        17,
        2022,
    )
    assert written.meeting.kind == "umlaufverfahren"
    assert (written.meeting.start, written.meeting.end) == (
        datetime.date(2022, 3, 29),
        datetime.date(2022, 4, 12),
    )
    assert written.meeting.place is None


def test_externe_niederschrift_names_its_place(laender: Minutes) -> None:
    assert (laender.number, laender.year, laender.meeting.kind) == (19, 2024, "hauptkonferenz")
    assert laender.title.startswith("Externe Niederschrift über die Beschlüsse")
    assert laender.meeting.place == "Bad Saarow"
    assert (laender.meeting.start, laender.meeting.end) == (
        datetime.date(2024, 4, 18),
        datetime.date(2024, 4, 19),
    )


# table of contents, agenda and TOP numbers --------------------------------------------


def test_contents_before_the_agenda_table_is_not_read_as_agenda(video: Minutes) -> None:
    assert [(i.top, i.title, i.group, i.is_group) for i in video.agenda] == [
        ("A3", "Genehmigung der Tagesordnung", None, False),
        ("2.9b", "Sprachkurse für Geflüchtete", None, False),
        ("11", "Anerkennung und Einbürgerung", None, True),
        ("11.1", "Verbesserung der Anerkennung ausländischer Berufsabschlüsse", "11", False),
        ("11.2", "Bericht zur Einbürgerung", "11", False),
    ]
    assert [i.lines.first for i in video.agenda] == [34, 35, 36, 37, 38]
    assert [d.land for d in video.delegations] == ["DE-BW", "DE-NW"]
    assert video.findings == ()


def test_contents_instead_of_an_agenda_table_gives_the_agenda(written: Minutes) -> None:
    assert [(i.top, i.title, i.position, i.applicants) for i in written.agenda] == [
        ("1", "Bericht der Geschäftsstelle", 1, None),
        ("2", "Integrationskurse stärken", 2, None),
        ("3", "Unterbringung von Geflüchteten in den Kommunen", 3, None),
    ]
    assert written.findings == ()


def test_wrapped_contents_entry_with_the_top_number_on_the_second_line(tmp_path: Path) -> None:
    text = VIDEO.read_text(encoding="utf-8")
    # without the agenda table, the contents give the agenda (the wrapped entry included)
    start = text.index("Tagesordnung\n\nTOP\tThema")
    end = text.index("16. Integrationsministerkonferenz 2021")
    path = tmp_path / "no_table.txt"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    minutes = parse_file(path)
    item = next(i for i in minutes.agenda if i.top == "11.1")
    assert item.title == "Verbesserung der Anerkennung ausländischer Berufsabschlüsse"
    assert (item.lines.first, item.lines.last, item.group) == (12, 13, "11")
    assert [i.top for i in minutes.agenda] == ["A3", "2.9b", "11", "11.1", "11.2"]


def test_top_numbers_are_normalised(video: Minutes) -> None:
    assert [r.top for r in video.resolutions] == ["A3", "2.9b", "11.1", "11.2"]
    # "TOP: 11.2" in the source
    assert resolution(video, "11.2").lines.first == 93


# header fields, release, vote counts ---------------------------------------------------


def test_header_fields_instead_of_the_vote_sentence(video: Minutes) -> None:
    a3 = resolution(video, "A3")
    assert a3.applicants is not None and a3.applicants.codes == ("DE-NW",)
    assert a3.vote.margin is Margin.UNANIMOUS
    assert a3.vote.statement == "Abstimmungsergebnis: einstimmig"
    assert a3.vote.counts is None
    assert a3.release is not None
    assert (a3.release.released, a3.release.statement) == (True, "Freigabe Beschluss")
    assert a3.full_text == "Die Tagesordnung wird in vorliegender Fassung beschlossen."
    assert applicants(video, "2.9b") == [("DE-BE", True, True), ("DE-HB", False, False)]


def test_ratio_vote_count(video: Minutes) -> None:
    r = resolution(video, "2.9b")
    assert r.vote.margin is Margin.MAJORITY
    assert r.vote.counts == VoteCount(13, 1, 2)
    assert [p.number for p in r.paragraphs] == [1, 2]
    assert len(r.requests) == 1 and r.requests[0].to_bund


def test_resolution_not_released_is_published_without_text(video: Minutes) -> None:
    r = resolution(video, "11.1")
    assert r.release is not None
    assert (r.release.released, r.release.statement) == (False, "keine Freigabe")
    assert r.vote.margin is Margin.MAJORITY
    assert (r.paragraphs, r.requests, r.full_text) == ((), (), "")
    assert r.applicants is not None and r.applicants.codes == ("DE-BY", "DE-SN")


def test_decision_text_on_the_same_line_as_beschluss(video: Minutes) -> None:
    r = resolution(video, "11.2")
    assert r.vote.outcome is Outcome.NOTED
    assert r.full_text == "Die IntMK nimmt den Bericht zur Einbürgerung zur Kenntnis."


def test_vote_sentence_before_the_title_and_antrag_field(written: Minutes) -> None:
    facts = [
        (r.top, r.title, r.vote.margin, r.vote.counts, r.applicants and r.applicants.codes)
        for r in written.resolutions
    ]
    assert facts == [
        ("1", "Bericht der Geschäftsstelle", Margin.UNANIMOUS, None, ("DE-HH",)),
        ("2", "Integrationskurse stärken", Margin.MAJORITY, VoteCount(14, 1, 1), BE_BY_HB),
        (
            "3",
            "Unterbringung von Geflüchteten in den Kommunen",
            Margin.MAJORITY,
            VoteCount(12, 2, 2),
            ("DE-MV", "DE-TH", "DE-SN"),
        ),
    ]
    assert resolution(written, "2").full_text == (
        "Die IntMK fordert den Bund auf, die Integrationskurse auskömmlich zu finanzieren."
    )


def test_spelled_out_vote_count_with_keine(laender: Minutes) -> None:
    r = resolution(laender, "1.1")
    assert r.vote.counts == VoteCount(15, 0, 1)
    assert r.vote.margin is Margin.UNANIMOUS


# Protokollerklärungen -----------------------------------------------------------------


def test_declarations_by_one_and_by_several_laender(video: Minutes) -> None:
    r = resolution(video, "2.9b")
    facts = [(d.position, d.laender, d.text, d.lines.first, d.lines.last) for d in r.declarations]
    assert facts == [
        (
            1,
            ("DE-BY",),
            "Bayern hält einen weiteren Ausbau der Sprachkurse derzeit nicht für vorrangig.",
            73,
            75,
        ),
        (
            2,
            ("DE-SN", "DE-TH"),
            "Sachsen und Thüringen unterstützen den Beschluss unter Haushaltsvorbehalt.",
            77,
            79,
        ),
    ]
    assert "Protokollerklärung" not in r.full_text


def test_declaration_of_a_freistaat_and_of_abbreviated_laender(
    written: Minutes, laender: Minutes
) -> None:
    assert [d.laender for d in resolution(written, "3").declarations] == [("DE-BY",)]
    assert [d.laender for d in resolution(laender, "1.1").declarations] == [
        ("DE-BY", "DE-SN", "DE-TH")
    ]


# Länder in their variants --------------------------------------------------------------


def test_the_sixteen_abbreviations_resolve(laender: Minutes) -> None:
    assert applicants(laender, "1.1") == [
        (code, code == "DE-BB", code == "DE-BB") for code in ALL_16
    ]
    r = resolution(laender, "1.1")
    assert r.applicants is not None and list(r.applicants.codes) == ALL_16
    assert laender.findings == ()


def test_official_names_resolve_in_participants_and_applicants(
    laender: Minutes, written: Minutes
) -> None:
    assert [d.land for d in laender.delegations] == [
        "DE-BY",
        "DE-BE",
        "DE-BB",
        "DE-HB",
        "DE-HH",
        "DE-MV",
        "DE-SN",
        "DE-TH",
    ]
    chair = [p.name for d in laender.delegations for p in d.persons if p.is_chair]
    assert chair == ["Ursula Nonnemacher"]
    assert applicants(laender, "1.2") == [
        ("DE-BE", False, False),
        ("DE-HB", False, False),
        ("DE-HH", False, False),
        ("DE-MV", False, False),
    ]
    assert [d.land for d in written.delegations] == ["DE-SN", "DE-HH"]


# unknown variants are errors, never guesses ------------------------------------------------


def variant(tmp_path: Path, source: Path, old: str, new: str) -> Path:
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / source.name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


ERRORS = {
    "unknown Land in a field": (
        VIDEO,
        "Antragsteller: Bayern, Sachsen",
        "Antragsteller: Bayern, Sachsenland",
        89,
        "unknown Land name 'Sachsenland'",
    ),
    "unknown release status": (
        VIDEO,
        "Veröffentlichung: keine Freigabe",
        "Veröffentlichung: später",
        90,
        "release status 'später'",
    ),
    "unknown vote": (
        VIDEO,
        "Abstimmungsergebnis: mehrheitlich",
        "Abstimmungsergebnis: nach Aussprache",  # "vertagt" is an outcome (test_decisions.py)
        91,
        "vote 'nach Aussprache'",
    ),
    "more votes than Länder": (
        VIDEO,
        "Abstimmungsergebnis: 13:1:2",
        "Abstimmungsergebnis: 13:3:2",
        66,
        "vote counts 13:3:2",
    ),
    "word and counts disagree": (
        WRITTEN,
        "mehrheitlich (12:2:2)",
        "einstimmig (12:2:2)",
        47,
        "the vote says 'einstimmig' but counts 2 no vote(s)",
    ),
    "unknown item field": (
        VIDEO,
        "Veröffentlichung: Freigabe\n",
        "Veröffentlichung: Freigabe\nBerichterstatter: Hamburg\n",
        99,
        "unknown item field 'Berichterstatter:'",
    ),
    "unknown Land in a declaration": (
        WRITTEN,
        "Protokollerklärung des Freistaates Bayern:",
        "Protokollerklärung des Freistaates Bavaria:",
        55,
        "unknown Land name 'Bavaria'",
    ),
    "two TOP numbers in one contents entry": (
        VIDEO,
        "Verbesserung der Anerkennung ausländischer\n",
        "TOP 11.0 Verbesserung der Anerkennung ausländischer\n",
        13,
        "a second TOP number '11.1' in the contents entry of TOP 11.0",
    ),
    "unknown Land in the agenda": (
        LAENDER,
        "Kommunale Integrationszentren stärken BW, BY,",
        "Kommunale Integrationszentren stärken BW, BX, BY,",
        70,
        "unknown Land name 'BX'",
    ),
}


@pytest.mark.parametrize("name", list(ERRORS))
def test_unknown_variants_are_source_errors(name: str, tmp_path: Path) -> None:
    source, old, new, line, problem = ERRORS[name]
    path = variant(tmp_path, source, old, new)
    with pytest.raises(SourceError) as caught:
        parse_file(path)
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert problem in caught.value.problem
    assert caught.value.expected


# building and validating each fixture ----------------------------------------------------


def built_graph(source: Path, tmp_path: Path) -> Graph:
    """Build one fixture (0 violations), and the union of its published named graphs."""
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(source, folder / source.name)
    result = build(folder, tmp_path / "graph", report=lambda message: None)
    assert result.validation.violations == ()
    dataset = Dataset()
    dataset.parse(tmp_path / "graph" / "intmk.nq", format="nquads")
    return asserted(dataset)


@pytest.mark.parametrize("source", [VIDEO, WRITTEN, LAENDER], ids=lambda p: p.stem)
def test_each_fixture_builds_with_zero_violations(source: Path, tmp_path: Path) -> None:
    graph = built_graph(source, tmp_path)
    assert len(graph) > 300


def test_the_graph_of_the_video_conference(tmp_path: Path) -> None:
    g = built_graph(VIDEO, tmp_path)
    c16 = ID + "conference/16/"
    meeting = URIRef(c16 + "meeting/videokonferenz")
    assert (meeting, URIRef("https://schema.org/location"), None) not in g
    assert (meeting, INTMK.meetingKind, URIRef(CONCEPT + "meeting-kind/videokonferenz")) in g
    r29b = URIRef(c16 + "resolution/2.9b")
    for predicate, number in ((INTMK.yesVotes, 13), (INTMK.noVotes, 1), (INTMK.abstentions, 2)):
        assert (r29b, predicate, Literal(number, datatype=XSD.integer)) in g
    unreleased = URIRef(c16 + "resolution/11.1")
    assert (unreleased, INTMK.released, Literal(False)) in g
    assert (unreleased, INTMK.fullText, None) not in g
    assert (URIRef(c16 + "item/11.1"), INTMK.hasResolution, unreleased) in g
    declaration = URIRef(c16 + "item/2.9b/declaration/2")
    assert (declaration, RDF.type, INTMK.ProtocolDeclaration) in g
    assert (URIRef(c16 + "item/2.9b"), INTMK.hasDeclaration, declaration) in g
    laender = set(g.objects(declaration, INTMK.declaringLand))
    assert laender == {URIRef(ID + "land/DE-SN"), URIRef(ID + "land/DE-TH")}
    assert str(g.value(declaration, DCTERMS.source)).endswith("#line=76,79")  # lines 77-79
    assert (URIRef(c16 + "item/A3"), RDF.type, INTMK.AgendaItem) in g


def test_the_graph_of_the_written_procedure(tmp_path: Path) -> None:
    g = built_graph(WRITTEN, tmp_path)
    c17 = ID + "conference/17/"
    meeting = URIRef(c17 + "meeting/umlaufverfahren")
    assert (meeting, URIRef("https://schema.org/location"), None) not in g
    assert (URIRef(c17 + "resolution/2"), INTMK.decidedAt, meeting) in g
    coordinator = URIRef(c17 + "item/2/applicant/DE-BY")
    assert (coordinator, INTMK.coordinating, Literal(True)) in g


def fired(graph: Graph) -> set[tuple[str, str]]:
    shapes = load_shapes(Uris(BASE))
    return {
        (str(r.shape).rsplit("#", 1)[-1], str(r.focus)) for r in validate(graph, shapes).violations
    }


def test_the_shapes_refuse_text_of_an_unreleased_resolution(tmp_path: Path) -> None:
    graph = built_graph(VIDEO, tmp_path)
    unreleased = URIRef(ID + "conference/16/resolution/11.1")
    graph.add((unreleased, INTMK.fullText, Literal("Geheim.", lang="de")))
    assert fired(graph) == {("Resolution-textIfReleased", str(unreleased))}


def test_the_shapes_refuse_impossible_vote_counts(tmp_path: Path) -> None:
    graph = built_graph(VIDEO, tmp_path)
    resolution_29b = URIRef(ID + "conference/16/resolution/2.9b")
    graph.set((resolution_29b, INTMK.noVotes, Literal(5, datatype=XSD.integer)))
    assert fired(graph) == {("Resolution-voteCount", str(resolution_29b))}


def test_title_on_the_line_of_the_top_heading(laender: Minutes) -> None:
    r = resolution(laender, "1.2")
    assert (r.title, r.title_lines.first, r.lines.first) == ("Integrationsbeiräte", 92, 92)
    assert r.applicants is not None
    assert r.applicants.codes == ("DE-BE", "DE-HB", "DE-HH", "DE-MV")
    assert r.full_text == "Die IntMK empfiehlt den Kommunen, Integrationsbeiräte einzurichten."
    assert [x.top for x in laender.resolutions] == ["A", "1.1", "1.2"]

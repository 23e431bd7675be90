"""Decisions in documents of the seed's layout: vote clauses, per-Land votes, outcomes
beyond adoption, no requests from a proposal the conference did not make its own."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.query import ResultRow

from mapping.build import build
from mapping.errors import SourceError
from mapping.model import LandVote, Margin, Minutes, Outcome, Resolution, VoteChoice, VoteCount
from mapping.parse_document import parse_file
from mapping.shacl import load_shapes, validate
from mapping.uris import Uris
from mapping.vocabulary import OA
from server.examples import examples
from tests.conftest import BASE as BASE_IRI
from tests.conftest import CONCEPT, INTMK, asserted
from tests.server_process import serve

ROOT = Path(__file__).resolve().parent.parent
DECISIONS = ROOT / "tests" / "fixtures" / "decisions"
BASE = ROOT / "tests" / "fixtures" / "documents" / "017_intmk_2022.txt"
VOTE_LINE = "Die IntMK hat mehrheitlich beschlossen:\n"  # TOP 2.2 of the base, line 130
YES, NO, ABSTAIN = VoteChoice.YES, VoteChoice.NO, VoteChoice.ABSTAIN
SHAPES = "https://w3id.org/intmk/shapes#"
HTML = {"Accept": "text/html", "Accept-Language": "de"}


def resolution(minutes: Minutes, top: str) -> Resolution:
    return next(r for r in minutes.resolutions if r.top == top)


def with_decision(tmp_path: Path, line: str, name: str = "017_intmk_2022.txt") -> Path:
    """The base document with the decision line of TOP 2.2 replaced."""
    text = BASE.read_text(encoding="utf-8")
    assert text.count(VOTE_LINE) == 1
    path = tmp_path / name
    path.write_text(text.replace(VOTE_LINE, line + "\n"), encoding="utf-8")
    return path


def facts(r: Resolution) -> tuple[object, ...]:
    vote = r.vote
    return vote.outcome, vote.margin, vote.counts, vote.land_votes, vote.settled_by


# the regression ------------------------------------------------------------------------


def test_a_rejected_proposal_is_no_noted_resolution_and_makes_no_request() -> None:
    """Before: TOP 2.2 was published as "zur Kenntnis genommen" (its text says "nehmen …
    zur Kenntnis") with the request to the Bund as if the conference had made it."""
    r = resolution(parse_file(DECISIONS / "rejected_no_majority_2022.txt"), "2.2")
    assert facts(r) == (Outcome.REJECTED, None, None, (), None)
    assert r.vote.statement == "Der Beschlussvorschlag fand nicht die erforderliche Mehrheit."
    assert r.vote.lines is not None and r.vote.lines.first == 130
    assert r.requests == ()
    assert [p.number for p in r.paragraphs] == [1, 2]  # the proposal, published as text
    assert "bittet den Bund zu prüfen" in r.full_text


def test_a_rejection_after_the_text_with_counts() -> None:
    r = resolution(parse_file(DECISIONS / "rejected_after_the_text_2022.txt"), "2.2")
    assert facts(r) == (Outcome.REJECTED, None, VoteCount(5, 9, 2), (), None)
    assert r.vote.statement == "Der Antrag wurde mit 5:9:2 Stimmen abgelehnt."
    assert r.requests == ()
    assert [p.number for p in r.paragraphs] == [1, 2]
    assert "abgelehnt" not in r.full_text


def test_a_rejection_in_the_vote_field() -> None:
    r = resolution(parse_file(DECISIONS / "rejected_field_video_2021.txt"), "2.9b")
    assert facts(r) == (Outcome.REJECTED, None, VoteCount(6, 8, 2), (), None)
    assert r.vote.statement == "Abstimmungsergebnis: abgelehnt (6:8:2)"
    assert r.requests == ()
    assert "bittet den Bund" in r.full_text


# vote clauses in the vote sentence -----------------------------------------------------

CLAUSES = {
    "abstention of one Land by code": (
        "Die IntMK hat einstimmig bei Enthaltung von BY beschlossen:",
        (Outcome.ADOPTED, Margin.UNANIMOUS, None, (LandVote("DE-BY", ABSTAIN),), None),
    ),
    "abstention in the genitive (2019 wording)": (
        "Die IntMK hat bei Enthaltung Bayerns beschlossen:",
        (Outcome.ADOPTED, None, None, (LandVote("DE-BY", ABSTAIN),), None),
    ),
    "abstentions of two Länder by name": (
        "Die IntMK hat einstimmig bei Enthaltung von Bayern und Sachsen beschlossen:",
        (
            Outcome.ADOPTED,
            Margin.UNANIMOUS,
            None,
            (LandVote("DE-BY", ABSTAIN), LandVote("DE-SN", ABSTAIN)),
            None,
        ),
    ),
    "votes against in the genitive with the article": (
        "Die IntMK hat mehrheitlich gegen die Stimmen des Saarlandes und Hessens beschlossen:",
        (
            Outcome.ADOPTED,
            Margin.MAJORITY,
            None,
            (LandVote("DE-SL", NO), LandVote("DE-HE", NO)),
            None,
        ),
    ),
    "abstention and vote against combined": (
        "Die IntMK hat mehrheitlich bei Enthaltung von HE gegen die Stimme von BY beschlossen:",
        (
            Outcome.ADOPTED,
            Margin.MAJORITY,
            None,
            (LandVote("DE-HE", ABSTAIN), LandVote("DE-BY", NO)),
            None,
        ),
    ),
    "counts in words (2012 wording)": (
        "Die IntMK hat mit dreizehn Ja-Stimmen, einer Nein-Stimme und zwei Enthaltungen "
        "beschlossen:",
        (Outcome.ADOPTED, Margin.MAJORITY, VoteCount(13, 1, 2), (), None),
    ),
    "counts with the named Länder": (
        "Die IntMK hat mehrheitlich (14:1:1) gegen die Stimme Thüringens bei Enthaltung von "
        "Niedersachsen beschlossen:",
        (
            Outcome.ADOPTED,
            Margin.MAJORITY,
            VoteCount(14, 1, 1),
            (LandVote("DE-TH", NO), LandVote("DE-NI", ABSTAIN)),
            None,
        ),
    ),
}


@pytest.mark.parametrize("name", list(CLAUSES))
def test_vote_clauses(tmp_path: Path, name: str) -> None:
    line, expected = CLAUSES[name]
    r = resolution(parse_file(with_decision(tmp_path, line)), "2.2")
    assert facts(r) == expected
    assert r.vote.statement == line
    assert len(r.requests) == 1 and r.requests[0].to_bund  # adopted: the request stands


def test_unanimity_alone_names_no_land() -> None:
    """ "einstimmig" with 16 Länder present: no per-Land vote is invented."""
    r = resolution(parse_file(BASE), "2.1")
    assert (r.vote.margin, r.vote.land_votes, r.vote.counts) == (Margin.UNANIMOUS, (), None)


# outcomes beyond adoption --------------------------------------------------------------

OUTCOMES = {
    "rejected: no majority": (
        "Der Antrag fand keine erforderliche Mehrheit.",
        Outcome.REJECTED,
        None,
    ),
    "rejected: by the conference, against named Länder": (
        "Die IntMK hat den Beschlussvorschlag abgelehnt.",
        Outcome.REJECTED,
        None,
    ),
    "rejected: passive": ("Der Beschlussvorschlag wurde abgelehnt.", Outcome.REJECTED, None),
    "postponed: the item": ("Der TOP wurde vertagt.", Outcome.POSTPONED, None),
    "postponed: to the next conference": (
        "Die Beratung wurde auf die nächste IntMK vertagt.",
        Outcome.POSTPONED,
        None,
    ),
    "postponed: by the conference": (
        "Die IntMK hat den Tagesordnungspunkt vertagt.",
        Outcome.POSTPONED,
        None,
    ),
    "no decision: did not take place": (
        "Eine Beschlussfassung erfolgte nicht.",
        Outcome.NO_DECISION,
        None,
    ),
    "no decision: impersonal": ("Es erfolgte keine Beschlussfassung.", Outcome.NO_DECISION, None),
    "no decision: the conference": (
        "Die IntMK hat hierzu keinen Beschluss gefasst.",
        Outcome.NO_DECISION,
        None,
    ),
    "withdrawn: the motion": (
        "Der Antrag wurde in der Sitzung zurückgezogen.",
        Outcome.WITHDRAWN,
        None,
    ),
    "withdrawn: the proposal": (
        "Der Beschlussvorschlag wurde in der Sitzung zurückgezogen.",
        Outcome.WITHDRAWN,
        None,
    ),
    "withdrawn: naming its TOP": (
        "Der Beschlussvorschlag zu TOP 2.2 wurde in der Sitzung zurückgezogen.",
        Outcome.WITHDRAWN,
        None,
    ),
    "settled: by itself": ("Der TOP hat sich erledigt.", Outcome.SETTLED, None),
    "settled: by another item": (
        "Der Tagesordnungspunkt hat sich durch TOP 2.1 erledigt.",
        Outcome.SETTLED,
        "2.1",
    ),
    "settled: passive": ("Der Antrag ist durch TOP 2.1 erledigt.", Outcome.SETTLED, "2.1"),
}


@pytest.mark.parametrize("name", list(OUTCOMES))
def test_outcomes_beyond_adoption_make_no_request(tmp_path: Path, name: str) -> None:
    line, outcome, settled_by = OUTCOMES[name]
    r = resolution(parse_file(with_decision(tmp_path, line)), "2.2")
    assert facts(r) == (outcome, None, None, (), settled_by)
    assert r.vote.statement == line
    assert r.requests == ()
    assert [p.number for p in r.paragraphs] == [1, 2]  # the proposal's text stays


@pytest.mark.parametrize(
    ("field", "outcome", "settled_by"),
    [
        ("vertagt", Outcome.POSTPONED, None),
        ("keine Beschlussfassung", Outcome.NO_DECISION, None),
        ("in der Sitzung zurückgezogen", Outcome.WITHDRAWN, None),
        ("erledigt durch TOP A3", Outcome.SETTLED, "A3"),
    ],
)
def test_outcomes_in_the_vote_field(
    tmp_path: Path, field: str, outcome: Outcome, settled_by: str | None
) -> None:
    source = DECISIONS / "rejected_field_video_2021.txt"
    path = tmp_path / source.name
    text = source.read_text(encoding="utf-8")
    path.write_text(text.replace("abgelehnt (6:8:2)", field), encoding="utf-8")
    r = resolution(parse_file(path), "2.9b")
    assert facts(r) == (outcome, None, None, (), settled_by)
    assert r.requests == ()


# "zur Kenntnis genommen" only as the decision ------------------------------------------

NOTED_ONLY_AS_TEXT = {
    "noting, then a request": (
        "1. Die IntMK nimmt den Bericht zur Kenntnis. Die für Integration zuständigen "
        "Ministerinnen und Minister nehmen den Bericht zur Kenntnis.\n"
        "2. Die IntMK bittet den Bund zu prüfen, wie die Integrationskurse geöffnet werden "
        "können.\n"
    ),
    "noting, then thanks": (
        "Die Ministerinnen und Minister nehmen den Bericht der LAG zur Kenntnis.\n\n"
        "Die IntMK dankt der LAG für ihre Arbeit.\n"
    ),
    "noting inside a sentence that goes on": (
        "Die Länder nehmen den Bericht zur Kenntnis und bitten den Bund, ihn fortzuschreiben.\n"
    ),
}
OLD_TEXT = (
    "1. Die IntMK stellt fest, dass der frühe Spracherwerb die Grundlage gelingender "
    "Integration ist.\n2. Die IntMK bittet den Bund zu prüfen, wie die Integrationskurse für "
    "alle Geflüchteten unabhängig von ihrer Bleibeperspektive geöffnet werden können.\n"
)


@pytest.mark.parametrize("name", list(NOTED_ONLY_AS_TEXT))
def test_noting_inside_a_text_without_a_vote_is_no_decision(tmp_path: Path, name: str) -> None:
    text = BASE.read_text(encoding="utf-8")
    path = tmp_path / "017_intmk_2022.txt"
    path.write_text(text.replace(VOTE_LINE + "\n" + OLD_TEXT, NOTED_ONLY_AS_TEXT[name]))
    with pytest.raises(SourceError) as raised:
        parse_file(path)
    assert raised.value.line == 130
    assert "TOP 2.2 has no vote sentence, and its text does more than take note" in str(
        raised.value
    )


def test_a_text_that_only_notes_is_the_decision() -> None:
    """TOP 1.1 of the base says no more than "… nehmen den … Bericht … zur Kenntnis."."""
    r = resolution(parse_file(BASE), "1.1")
    assert (r.vote.outcome, r.vote.statement, r.requests) == (Outcome.NOTED, None, ())


def test_noting_in_an_adopted_text_is_text(tmp_path: Path) -> None:
    r = resolution(parse_file(DECISIONS / "rejected_no_majority_2022.txt"), "2.1")
    assert r.vote.outcome is Outcome.ADOPTED


# unknown phrases -----------------------------------------------------------------------


def test_an_unknown_vote_phrase_names_file_line_and_phrase(tmp_path: Path) -> None:
    path = with_decision(tmp_path, "Die IntMK hat nach kontroverser Aussprache beschlossen:")
    with pytest.raises(SourceError) as raised:
        parse_file(path)
    error = raised.value
    assert (Path(error.path).name, error.line) == ("017_intmk_2022.txt", 130)
    assert error.problem == "vote 'nach kontroverser Aussprache'"
    assert "'einstimmig', 'mehrheitlich', 'abgelehnt'" in error.expected


def test_an_unknown_vote_phrase_is_unresolved_when_lenient(tmp_path: Path) -> None:
    path = with_decision(tmp_path, "Die IntMK hat nach kontroverser Aussprache beschlossen:")
    r = resolution(parse_file(path, lenient=True), "2.2")
    assert facts(r) == (Outcome.UNRESOLVED, None, None, (), None)
    assert r.vote.wording == "nach kontroverser Aussprache"
    assert r.requests == ()
    assert [p.number for p in r.paragraphs] == [1, 2]


def test_counts_that_disagree_with_the_named_laender_name_the_line(tmp_path: Path) -> None:
    path = with_decision(tmp_path, "Die IntMK hat 13:1:2 bei Enthaltung von BY beschlossen:")
    with pytest.raises(SourceError) as raised:
        parse_file(path)
    assert raised.value.line == 130
    assert "the vote counts 2 'enthaltung' but names 1" in raised.value.problem


def test_an_outcome_sentence_inside_an_adopted_text_is_an_error(tmp_path: Path) -> None:
    text = BASE.read_text(encoding="utf-8")
    path = tmp_path / "017_intmk_2022.txt"
    path.write_text(text + "\nDer Beschlussvorschlag wurde abgelehnt.\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"a vote sentence inside the text of TOP 2\.2"):
        parse_file(path)


HEAD = "Integrationskurse für alle Geflüchteten öffnen\n\nAntragsteller: Hessen, Saarland\n\n"
LATE_HEADS = {
    # pdftotext of a justified two-line title: the words of the gap stand on lines of their own
    "title words apart": "Integrationskurse für alle\nGeflüchteten\n\nöffnen\n\nzum\n\n"
    "Antragsteller: Hessen, Saarland\n\n",
    # the vote sentence after a stray line, no applicants line
    "stray line before the vote": "Integrationskurse für alle Geflüchteten öffnen\n\n"
    "(Tischvorlage)\n\nAntragsteller: Hessen, Saarland\n\n",
    # the applicants after a second title block
    "subtitle before the applicants": "Integrationskurse öffnen\n\nfür alle Geflüchteten "
    "und Geduldeten\n\nAntragsteller: Hessen, Saarland\n\n",
}


@pytest.mark.parametrize("name", sorted(LATE_HEADS))
def test_lines_before_a_late_head_are_an_error_not_text(tmp_path: Path, name: str) -> None:
    """Regression (pdftotext of a justified title): words of the title became the first
    paragraphs and the 'Antragsteller:' and vote lines part of the text."""
    text = BASE.read_text(encoding="utf-8")
    assert text.count(HEAD) == 1
    path = tmp_path / "017_intmk_2022.txt"
    path.write_text(text.replace(HEAD, LATE_HEADS[name]), encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        parse_file(path)
    first_stray = 129 if name == "title words apart" else 128  # the title has two lines there
    assert raised.value.line == first_stray
    problem = raised.value.problem
    assert problem.startswith("TOP 2.2: it cannot be told whether '")
    assert f"' (lines {first_stray}–" in problem
    assert ") belongs to the title or to the text: 'Antragsteller: Hessen, Saarland' follows" in (
        problem
    )


# the published decisions: a lenient build of three documents -----------------------------

VIDEO = ROOT / "tests" / "fixtures" / "layouts" / "beschlussniederschrift_video_2021.txt"
SECOND = ROOT / "tests" / "fixtures" / "documents" / "019_intmk_2024.txt"
C16, C17, C19 = (f"{BASE_IRI}id/conference/{n}/" for n in (16, 17, 19))
OUTCOME = CONCEPT + "outcome/"
CHOICE = CONCEPT + "vote-choice/"


def built_sources(folder: Path) -> Path:
    """The regression (17th), a 16th whose vote names Länder, a 19th with an item settled
    by another and a vote phrase the grammar does not know."""
    sources = folder / "sources"
    sources.mkdir()
    shutil.copy(DECISIONS / "rejected_no_majority_2022.txt", sources)
    video = VIDEO.read_text(encoding="utf-8").replace(
        "Abstimmungsergebnis: 13:1:2",
        "Abstimmungsergebnis: 13:1:2 gegen die Stimme Bayerns bei Enthaltung von SN und HB",
    )
    (sources / VIDEO.name).write_text(video, encoding="utf-8")
    second = SECOND.read_text(encoding="utf-8")
    second = second.replace(
        "Die IntMK hat einstimmig beschlossen:\n\n1. In Fortführung",
        "Der TOP hat sich durch TOP 2.2 erledigt.\n\n1. In Fortführung",
    ).replace(VOTE_LINE, "Die IntMK hat nach kontroverser Aussprache beschlossen:\n")
    (sources / SECOND.name).write_text(second, encoding="utf-8")
    return sources


@pytest.fixture(scope="module")
def decisions_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("decisions")
    output = work / "graph"
    build(built_sources(work), output, Uris(BASE_IRI), report=lambda message: None, lenient=True)
    return output


@pytest.fixture(scope="module")
def published(decisions_build: Path) -> Graph:
    dataset = Dataset()
    dataset.parse(decisions_build / "intmk.nq", format="nquads")
    return asserted(dataset)


def test_the_pages_show_the_proposal_the_votes_and_the_settling_item(
    decisions_build: Path, tmp_path: Path
) -> None:
    with (
        serve(decisions_build, tmp_path / "serve.log") as running,
        httpx.Client(base_url=running.url, timeout=30, follow_redirects=True) as http,
    ):
        rejected = http.get("/id/conference/17/resolution/2.2", headers=HTML).text
        voted = http.get("/id/conference/16/resolution/2.9b", headers=HTML).text
        settled = http.get("/id/conference/19/resolution/2.1", headers=HTML).text
    assert "Text des Beschlussvorschlags (nicht angenommen)" in rejected
    assert "Beschlusstext" not in rejected
    assert 'id="land-votes"' in voted and 'Bayern</a>: <a class="vote"' in voted
    assert 'id="settled-by"' in settled and "TOP 2.2" in settled


def test_the_regression_is_published_as_a_rejected_proposal(published: Graph) -> None:
    decision = URIRef(C17 + "resolution/2.2")
    assert set(published.objects(decision, INTMK.outcome)) == {URIRef(OUTCOME + "abgelehnt")}
    assert list(published.objects(decision, INTMK.hasRequest)) == []
    assert list(published.subjects(INTMK.requestOf, decision)) == []
    assert list(published.objects(decision, INTMK.fullText)) == []
    (text,) = published.objects(decision, INTMK.proposalText)
    assert "bittet den Bund zu prüfen" in str(text)
    labels = {str(label) for label in published.objects(decision, RDFS.label)}
    assert labels == {
        "Beschlussvorschlag zu TOP 2.2: Integrationskurse für alle Geflüchteten öffnen (abgelehnt)",
        "Proposal on item 2.2 of the 17th IntMK (rejected)",
    }


def test_the_laender_the_vote_names_are_participations(published: Graph) -> None:
    decision = URIRef(C16 + "resolution/2.9b")
    found = {
        (str(published.value(p, INTMK.votingLand)), str(published.value(p, INTMK.voteCast)))
        for p in published.objects(decision, INTMK.hasVoteParticipation)
    }
    land = f"{BASE_IRI}id/land/"
    assert found == {
        (land + "DE-BY", CHOICE + "nein"),
        (land + "DE-SN", CHOICE + "enthaltung"),
        (land + "DE-HB", CHOICE + "enthaltung"),
    }
    vote = URIRef(C16 + "resolution/2.9b/vote/DE-BY")
    assert published.value(vote, INTMK.participationRole) == URIRef(
        CONCEPT + "participation-role/abstimmend"
    )
    assert (
        published.value(decision, INTMK.yesVotes),
        published.value(decision, INTMK.noVotes),
    ) == (
        Literal(13),
        Literal(1),
    )


def test_unanimity_makes_no_participation(published: Graph) -> None:
    unanimous = URIRef(C16 + "resolution/A3")
    assert list(published.objects(unanimous, INTMK.hasVoteParticipation)) == []


def test_a_settled_item_names_the_item_that_settled_it(published: Graph) -> None:
    decision = URIRef(C19 + "resolution/2.1")
    assert published.value(decision, INTMK.outcome) == URIRef(OUTCOME + "erledigt")
    assert published.value(decision, INTMK.settledBy) == URIRef(C19 + "item/2.2")
    assert list(published.objects(decision, INTMK.hasRequest)) == []


def test_an_unknown_phrase_is_an_unresolved_decision_with_a_finding(published: Graph) -> None:
    decision = URIRef(C19 + "resolution/2.2")
    assert (decision, RDF.type, INTMK.UnresolvedDecision) in published
    assert published.value(decision, INTMK.outcome) == URIRef(OUTCOME + "ungeklaert")
    assert str(published.value(decision, INTMK.voteStatement)) == (
        "Die IntMK hat nach kontroverser Aussprache beschlossen:"
    )
    assert list(published.objects(decision, INTMK.hasRequest)) == []
    finding = URIRef(C19 + "finding/2.2-unresolved-decision")
    assert published.value(finding, OA.hasTarget) == decision
    assert published.value(finding, INTMK.findingKind) == URIRef(
        CONCEPT + "finding-kind/unresolved-decision"
    )
    comments = {str(c) for c in published.objects(finding, RDFS.comment)}
    assert any("„nach kontroverser Aussprache“" in comment for comment in comments)


def shape_results(graph: Graph) -> set[str]:
    validation = validate(graph, load_shapes(Uris(BASE_IRI)))
    return {str(r.shape).removeprefix(SHAPES) for r in validation.violations}


def test_the_shapes_refuse_a_request_of_a_rejected_proposal(published: Graph) -> None:
    graph = Graph() + published
    request = URIRef(C17 + "resolution/2.2/request/1")
    graph.add((request, RDF.type, INTMK.Request))
    graph.add((request, INTMK.requestOf, URIRef(C17 + "resolution/2.2")))
    assert "Request-ofADecisionMade" in shape_results(graph)


def test_the_shapes_refuse_a_resolution_text_on_a_rejected_proposal(published: Graph) -> None:
    graph = Graph() + published
    decision = URIRef(C17 + "resolution/2.2")
    text = graph.value(decision, INTMK.proposalText)
    assert isinstance(text, Literal)
    graph.remove((decision, INTMK.proposalText, None))
    graph.add((decision, INTMK.fullText, text))
    assert shape_results(graph) == {"Resolution-textOfTheDecision"}


def rows(graph: Graph, slug: str) -> list[tuple[str, ...]]:
    (example,) = [e for e in examples() if e.slug.startswith(slug)]
    answer = graph.query(example.query(BASE_IRI))
    return [
        tuple(str(value).removeprefix(BASE_IRI) for value in row)
        for row in answer
        if isinstance(row, ResultRow)
    ]


def test_example_15_lists_the_votes_the_minutes_name(published: Graph) -> None:
    assert rows(published, "15") == [
        ("16", "2.9b", "id/land/DE-BY", "Bayern", "Nein", "angenommen"),
        ("16", "2.9b", "id/land/DE-HB", "Bremen", "Enthaltung", "angenommen"),
        ("16", "2.9b", "id/land/DE-SN", "Sachsen", "Enthaltung", "angenommen"),
    ]


def test_example_16_lists_the_proposals_not_adopted_without_requests(published: Graph) -> None:
    title = "Integrationskurse für alle Geflüchteten öffnen"
    blag = "Einsetzung der BLAG „Ebenen übergreifende Kooperation im Politikfeld Integration“"
    assert rows(published, "16") == [
        (
            "17",
            "2.2",
            title,
            "abgelehnt",
            "Der Beschlussvorschlag fand nicht die erforderliche Mehrheit.",
            "None",
            "0",
        ),
        ("19", "2.1", blag, "erledigt", "Der TOP hat sich durch TOP 2.2 erledigt.", "2.2", "0"),
        (
            "19",
            "2.2",
            title,
            "ungeklärt",
            "Die IntMK hat nach kontroverser Aussprache beschlossen:",
            "None",
            "0",
        ),
    ]

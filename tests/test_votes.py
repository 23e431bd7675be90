"""Every form of a vote phrase and of an outcome sentence (mapping/votes.py), one rule a test."""

from __future__ import annotations

import pytest

from mapping.errors import SourceError
from mapping.model import LandVote, Margin, Outcome, VoteChoice, VoteCount
from mapping.votes import outcome_sentence, parse_vote_phrase

YES, NO, ABSTAIN = VoteChoice.YES, VoteChoice.NO, VoteChoice.ABSTAIN


def read(phrase: str) -> tuple[Outcome, Margin | None, VoteCount | None, tuple[LandVote, ...]]:
    reading = parse_vote_phrase(phrase, "minutes.txt", 7)
    return reading.outcome, reading.margin, reading.counts, reading.land_votes


def votes(*pairs: tuple[str, VoteChoice]) -> tuple[LandVote, ...]:
    return tuple(LandVote(code, choice) for code, choice in pairs)


@pytest.mark.parametrize(
    ("phrase", "margin"),
    [("einstimmig", Margin.UNANIMOUS), ("mehrheitlich", Margin.MAJORITY)],
)
def test_a_word_alone(phrase: str, margin: Margin) -> None:
    assert read(phrase) == (Outcome.ADOPTED, margin, None, ())


@pytest.mark.parametrize(
    ("phrase", "margin", "counts"),
    [
        ("13:1:2", Margin.MAJORITY, VoteCount(13, 1, 2)),
        ("mehrheitlich (13:1:2)", Margin.MAJORITY, VoteCount(13, 1, 2)),
        ("einstimmig (15 : 0 : 1)", Margin.UNANIMOUS, VoteCount(15, 0, 1)),
        ("16:0:0", Margin.UNANIMOUS, VoteCount(16, 0, 0)),
    ],
)
def test_counts_as_a_ratio(phrase: str, margin: Margin, counts: VoteCount) -> None:
    assert read(phrase) == (Outcome.ADOPTED, margin, counts, ())


@pytest.mark.parametrize(
    ("phrase", "counts"),
    [
        ("mit 14 Ja-Stimmen, 1 Nein-Stimme und 1 Enthaltung", VoteCount(14, 1, 1)),
        ("mit dreizehn Ja-Stimmen, einer Nein-Stimme und zwei Enthaltungen", VoteCount(13, 1, 2)),
        ("mit zwölf Ja-Stimmen, drei Nein-Stimmen, einer Stimmenthaltung", VoteCount(12, 3, 1)),
        ("mit 15 Ja-Stimmen, keiner Nein-Stimme und einer Enthaltung", VoteCount(15, 0, 1)),
    ],
)
def test_counts_in_figures_and_in_words(phrase: str, counts: VoteCount) -> None:
    margin = Margin.UNANIMOUS if counts.no == 0 else Margin.MAJORITY
    assert read(phrase) == (Outcome.ADOPTED, margin, counts, ())


@pytest.mark.parametrize(
    ("phrase", "named"),
    [
        ("einstimmig bei Enthaltung von BY", votes(("DE-BY", ABSTAIN))),
        ("einstimmig bei Enthaltung Bayerns", votes(("DE-BY", ABSTAIN))),
        (
            "einstimmig bei Enthaltung von Bayern und Sachsen",
            votes(("DE-BY", ABSTAIN), ("DE-SN", ABSTAIN)),
        ),
        (
            "einstimmig bei Enthaltungen des Saarlandes und des Freistaates Thüringen",
            votes(("DE-SL", ABSTAIN), ("DE-TH", ABSTAIN)),
        ),
    ],
)
def test_abstentions_named(phrase: str, named: tuple[LandVote, ...]) -> None:
    assert read(phrase) == (Outcome.ADOPTED, Margin.UNANIMOUS, None, named)


def test_abstention_alone_states_no_margin() -> None:
    """ "bei Enthaltung von HB beschlossen": adopted; whether anyone voted against, unsaid."""
    assert read("bei Enthaltung von HB") == (Outcome.ADOPTED, None, None, votes(("DE-HB", ABSTAIN)))


@pytest.mark.parametrize(
    ("phrase", "named"),
    [
        ("mehrheitlich gegen die Stimme von BY", votes(("DE-BY", NO))),
        ("gegen die Stimme Bayerns", votes(("DE-BY", NO))),
        (
            "mehrheitlich gegen die Stimmen von Nordrhein-Westfalen, Hessen und Berlin",
            votes(("DE-NW", NO), ("DE-HE", NO), ("DE-BE", NO)),
        ),
        ("gegen die Stimmen Niedersachsens und SN", votes(("DE-NI", NO), ("DE-SN", NO))),
    ],
)
def test_votes_against_named(phrase: str, named: tuple[LandVote, ...]) -> None:
    """A vote against makes the margin "mehrheitlich", stated or not."""
    assert read(phrase) == (Outcome.ADOPTED, Margin.MAJORITY, None, named)


@pytest.mark.parametrize(
    ("phrase", "counts", "named"),
    [
        (
            "mehrheitlich bei Enthaltung von HE gegen die Stimme von BY",
            None,
            votes(("DE-HE", ABSTAIN), ("DE-BY", NO)),
        ),
        (
            "mehrheitlich (14:1:1) gegen die Stimme Bayerns und bei Enthaltung Sachsens",
            VoteCount(14, 1, 1),
            votes(("DE-BY", NO), ("DE-SN", ABSTAIN)),
        ),
        (
            "13:1:2 gegen die Stimme von SH, bei Enthaltung von HB und HH",
            VoteCount(13, 1, 2),
            votes(("DE-SH", NO), ("DE-HB", ABSTAIN), ("DE-HH", ABSTAIN)),
        ),
        (
            "mit den Stimmen von BW und BY gegen die Stimme von HE",
            None,
            votes(("DE-BW", YES), ("DE-BY", YES), ("DE-HE", NO)),
        ),
    ],
)
def test_combinations(phrase: str, counts: VoteCount | None, named: tuple[LandVote, ...]) -> None:
    assert read(phrase) == (Outcome.ADOPTED, Margin.MAJORITY, counts, named)


@pytest.mark.parametrize(
    ("phrase", "counts", "named"),
    [
        ("abgelehnt", None, ()),
        ("abgelehnt (5:9:2)", VoteCount(5, 9, 2), ()),
        ("mehrheitlich abgelehnt", None, ()),
        ("abgelehnt gegen die Stimme von BE", None, votes(("DE-BE", NO))),
    ],
)
def test_rejection(phrase: str, counts: VoteCount | None, named: tuple[LandVote, ...]) -> None:
    """A rejection has no margin (that is said of an adoption), but may have counts."""
    assert read(phrase) == (Outcome.REJECTED, None, counts, named)


@pytest.mark.parametrize(
    ("phrase", "outcome", "settled_by"),
    [
        ("zur Kenntnis genommen", Outcome.NOTED, None),
        ("Kenntnisnahme", Outcome.NOTED, None),
        ("vertagt", Outcome.POSTPONED, None),
        ("keine Beschlussfassung", Outcome.NO_DECISION, None),
        ("ohne Beschluss", Outcome.NO_DECISION, None),
        ("zurückgezogen", Outcome.WITHDRAWN, None),
        ("in der Sitzung zurückgezogen", Outcome.WITHDRAWN, None),
        ("erledigt", Outcome.SETTLED, None),
        ("erledigt durch TOP 7.2", Outcome.SETTLED, "7.2"),
        ("durch TOP 4 erledigt", Outcome.SETTLED, "4"),
    ],
)
def test_outcomes_without_a_vote(phrase: str, outcome: Outcome, settled_by: str | None) -> None:
    reading = parse_vote_phrase(phrase, "minutes.txt", 7)
    assert (reading.outcome, reading.margin, reading.counts) == (outcome, None, None)
    assert reading.settled_by == settled_by


@pytest.mark.parametrize(
    ("sentence", "outcome", "counts", "settled_by"),
    [
        (
            "Der Beschlussvorschlag fand nicht die erforderliche Mehrheit.",
            Outcome.REJECTED,
            None,
            None,
        ),
        (
            "Der Antrag fand keine erforderliche Mehrheit (6:8:2).",
            Outcome.REJECTED,
            VoteCount(6, 8, 2),
            None,
        ),
        (
            "Der Beschlussvorschlag wurde mit 5:9:2 Stimmen abgelehnt.",
            Outcome.REJECTED,
            VoteCount(5, 9, 2),
            None,
        ),
        ("Die IntMK hat den Antrag mehrheitlich abgelehnt.", Outcome.REJECTED, None, None),
        ("Der TOP wurde vertagt.", Outcome.POSTPONED, None, None),
        ("Die Beratung wurde auf die nächste Konferenz vertagt.", Outcome.POSTPONED, None, None),
        ("Die IntMK hat den Tagesordnungspunkt vertagt.", Outcome.POSTPONED, None, None),
        ("Eine Beschlussfassung erfolgte nicht.", Outcome.NO_DECISION, None, None),
        ("Es erfolgte keine Beschlussfassung.", Outcome.NO_DECISION, None, None),
        ("Die IntMK hat hierzu keinen Beschluss gefasst.", Outcome.NO_DECISION, None, None),
        ("Der Antrag wurde in der Sitzung zurückgezogen.", Outcome.WITHDRAWN, None, None),
        (
            "Der Beschlussvorschlag zu TOP 6.3 wurde in der Sitzung zurückgezogen.",
            Outcome.WITHDRAWN,
            None,
            None,
        ),
        ("Der TOP hat sich erledigt.", Outcome.SETTLED, None, None),
        ("Der Tagesordnungspunkt hat sich durch TOP 4.2 erledigt.", Outcome.SETTLED, None, "4.2"),
        ("Der Antrag ist durch TOP 7.2 erledigt.", Outcome.SETTLED, None, "7.2"),
        ("Erledigt durch TOP 2.1.", Outcome.SETTLED, None, "2.1"),
    ],
)
def test_outcome_sentences(
    sentence: str, outcome: Outcome, counts: VoteCount | None, settled_by: str | None
) -> None:
    reading = outcome_sentence(sentence, "minutes.txt", 7)
    assert reading is not None
    assert (reading.outcome, reading.counts, reading.settled_by) == (outcome, counts, settled_by)


@pytest.mark.parametrize(
    "sentence",
    [
        "Die IntMK nimmt den Bericht zur Kenntnis.",
        "Die IntMK bittet den Bund, die Beratung fortzusetzen.",
        "Der Bund wurde gebeten, den Antrag zu prüfen.",
    ],
)
def test_a_sentence_of_the_text_is_no_outcome(sentence: str) -> None:
    assert outcome_sentence(sentence, "minutes.txt", 7) is None


ERRORS = {
    "unknown phrase": ("nach Aussprache", "vote 'nach Aussprache'"),
    "unknown Land": ("gegen die Stimme Bavarias", "unknown Land 'Bavarias'"),
    "Land twice": ("bei Enthaltung von BY gegen die Stimme Bayerns", "Bayern named twice"),
    "unanimous with a vote against": (
        "einstimmig gegen die Stimme von BY",
        "the vote says 'einstimmig' but counts 1 no vote(s)",
    ),
    "counts and named abstentions disagree": (
        "13:1:2 bei Enthaltung von BY",
        "the vote counts 2 'enthaltung' but names 1 Land/Länder",
    ),
    "counts and named votes against disagree": (
        "mit 12 Ja-Stimmen, 2 Nein-Stimmen und 2 Enthaltungen gegen die Stimme von HH",
        "the vote counts 2 'nein' but names 1 Land/Länder",
    ),
    "more votes than Länder": ("13:3:2", "vote counts 13:3:2"),
    "adopted without a majority": (
        "mehrheitlich (7:8:1)",
        "vote counts 7:8:1 of a proposal adopted",
    ),
    "rejected with a majority": ("abgelehnt (9:5:2)", "vote counts 9:5:2 of a proposal rejected"),
    "a word that is no number": ("mit vielen Ja-Stimmen, 1 Nein-Stimme und 1 Enthaltung", "vielen"),
}


@pytest.mark.parametrize("name", list(ERRORS))
def test_errors_name_the_file_the_line_and_the_phrase(name: str) -> None:
    phrase, problem = ERRORS[name]
    with pytest.raises(SourceError) as raised:
        parse_vote_phrase(phrase, "minutes.txt", 7)
    assert (raised.value.path, raised.value.line) == ("minutes.txt", 7)
    assert problem in raised.value.problem


def test_an_unknown_phrase_is_unresolved_when_lenient() -> None:
    reading = parse_vote_phrase("nach kontroverser Aussprache", "minutes.txt", 7, lenient=True)
    assert (reading.outcome, reading.margin, reading.counts) == (Outcome.UNRESOLVED, None, None)


def test_lenient_does_not_hide_a_contradiction() -> None:
    """Only an unknown phrase is unresolved; counts that disagree stay an error."""
    with pytest.raises(SourceError, match="vote counts 13:3:2"):
        parse_vote_phrase("13:3:2", "minutes.txt", 7, lenient=True)

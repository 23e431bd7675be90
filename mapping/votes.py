"""How a vote is written: "einstimmig", "mehrheitlich (13:1:2)", "mit 14 Ja-Stimmen, …",
"bei Enthaltung Bayerns", "gegen die Stimmen von BY und SN", "abgelehnt", "vertagt".

A phrase is an optional word (einstimmig, mehrheitlich, abgelehnt), optional counts, and
clauses naming Länder; or an outcome without a vote (vertagt, keine Beschlussfassung,
zurückgezogen, erledigt). Counts and named Länder must agree. Anything else is a
SourceError, or with `lenient` an unresolved outcome keeping the phrase.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from mapping.errors import SourceError
from mapping.laender import LAENDER, LIST_SEPARATOR, Land, land_by_name
from mapping.model import LandVote, LineRange, Margin, Outcome, Vote, VoteChoice, VoteCount
from mapping.number_words import read_number_word

WORDS = {
    "einstimmig": (Outcome.ADOPTED, Margin.UNANIMOUS),
    "mehrheitlich": (Outcome.ADOPTED, Margin.MAJORITY),
    "abgelehnt": (Outcome.REJECTED, None),
    "mehrheitlich abgelehnt": (Outcome.REJECTED, None),
}
NOTED = re.compile(r"^(?:zur Kenntnis genommen|Kenntnisnahme)$")
TOP = r"(?:TOP\s*)?(?P<top>[A-Z]\d*|\d+(?:\.\d+)?[a-z]?)"
LATER_TOP = TOP.replace("top", "later")  # the same, a second time in one pattern
# outcomes without a vote, as a field's value: "vertagt", "erledigt durch TOP 7.2"
WITHOUT_VOTE = (
    (re.compile(r"^vertagt$"), Outcome.POSTPONED),
    (re.compile(r"^(?:keine Beschlussfassung|ohne Beschluss)$"), Outcome.NO_DECISION),
    (re.compile(r"^(?:in der Sitzung )?zurückgezogen$"), Outcome.WITHDRAWN),
    (re.compile(rf"^(?:durch {TOP} )?erledigt(?(top)|(?: durch {LATER_TOP})?)$"), Outcome.SETTLED),
)
RATIO = re.compile(r"(?P<yes>\d{1,2})\s*:\s*(?P<no>\d{1,2})\s*:\s*(?P<abstentions>\d{1,2})")
RATIO_TEXT = r"\d{1,2}\s*:\s*\d{1,2}\s*:\s*\d{1,2}"
COUNT = r"(\d{1,2}|[a-zäöüß]+)"  # a figure or a number word ("dreizehn", "einer", "keine")
SPELLED = re.compile(
    rf"mit\s+{COUNT}\s+Ja-Stimmen?\s*,\s*{COUNT}\s+Nein-Stimmen?\s*(?:,|und)\s*"
    rf"{COUNT}\s+(?:Stimm)?[Ee]nthaltung(?:en)?"
)
CLAUSE = re.compile(
    r"\b(?P<kind>bei\s+(?:Stimm)?[Ee]nthaltung(?:en)?|gegen\s+die\s+Stimmen?|mit\s+den\s+Stimmen)"
    r"(?:\s+von)?\s+"
)
CHOICES = {"bei": VoteChoice.ABSTAIN, "gegen": VoteChoice.NO, "mit": VoteChoice.YES}
HEAD = re.compile(
    r"^(?P<word>einstimmig|mehrheitlich abgelehnt|mehrheitlich|abgelehnt)?\s*"
    rf"(?:\(\s*(?P<bracketed>{RATIO_TEXT})\s*\)|(?P<counts>{RATIO_TEXT}|{SPELLED.pattern}))?"
    r"$"
)
EXPECTED = (
    "'einstimmig', 'mehrheitlich', 'abgelehnt', 'zur Kenntnis genommen', 'vertagt', "
    "'keine Beschlussfassung', 'zurückgezogen', 'erledigt (durch TOP …)', counts such as "
    "'13:1:2' or 'mit 14 Ja-Stimmen, 1 Nein-Stimme und 1 Enthaltung', and clauses "
    "'bei Enthaltung von BY', 'gegen die Stimme(n) von …', 'mit den Stimmen von …'"
)


@dataclass(frozen=True)
class VoteReading:
    """What a vote phrase states."""

    outcome: Outcome
    margin: Margin | None = None
    counts: VoteCount | None = None
    land_votes: tuple[LandVote, ...] = ()
    settled_by: str | None = None


def parse_vote_phrase(text: str, path: Path | str, line: int, lenient: bool = False) -> VoteReading:
    """The outcome, margin, counts and named votes a phrase states; a phrase the grammar
    does not know is a SourceError, or with `lenient` an unresolved outcome."""
    phrase = " ".join(text.split()).rstrip(".")
    try:
        return read_phrase(phrase, path, line)
    except UnknownPhrase:
        if lenient:
            return VoteReading(Outcome.UNRESOLVED)
        raise SourceError(path, line, f"vote '{phrase}'", EXPECTED) from None


class UnknownPhrase(Exception):
    """The phrase is none the grammar knows (other errors are SourceErrors at once)."""


def read_phrase(phrase: str, path: Path | str, line: int) -> VoteReading:
    if NOTED.match(phrase):
        return VoteReading(Outcome.NOTED)
    for pattern, outcome in WITHOUT_VOTE:
        match = pattern.match(phrase)
        if match:
            settled_by = match.groupdict().get("top") or match.groupdict().get("later")
            return VoteReading(outcome, settled_by=settled_by)
    head, clauses = split_clauses(phrase)
    match = HEAD.match(head)
    if match is None or not (match.group("word") or counts_text(match) or clauses):
        raise UnknownPhrase
    land_votes = read_clauses(clauses, phrase, path, line)
    counted = counts_text(match)
    counts = read_counts(counted, path, line) if counted else None
    word = match.group("word")
    outcome, margin = WORDS[word] if word else (Outcome.ADOPTED, None)
    check_counts(outcome, counts, path, line)
    margin = agreed_margin(word, margin, counts, land_votes, phrase, path, line)
    check_named(counts, land_votes, phrase, path, line)
    return VoteReading(outcome, margin, counts, land_votes)


def counts_text(match: re.Match[str]) -> str | None:
    return match.group("bracketed") or match.group("counts")


def split_clauses(phrase: str) -> tuple[str, list[tuple[VoteChoice, str]]]:
    """The head of a phrase (word and counts) and its clauses, each a choice and the text
    naming Länder: "mehrheitlich bei Enthaltung von HE gegen die Stimme von BY"."""
    starts = list(CLAUSE.finditer(phrase))
    head = phrase[: starts[0].start()] if starts else phrase
    clauses = []
    for index, start in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(phrase)
        names = re.sub(r"(?:\s*,|\s+und|\s+sowie)\s*$", "", phrase[start.end() : end].strip())
        clauses.append((CHOICES[start.group("kind").split()[0]], names))
    return head.strip().rstrip(","), clauses


def read_clauses(
    clauses: list[tuple[VoteChoice, str]], phrase: str, path: Path | str, line: int
) -> tuple[LandVote, ...]:
    votes: dict[str, LandVote] = {}
    for choice, names in clauses:
        for name in LIST_SEPARATOR.split(names):
            land = land_in_clause(name)
            if land is None:
                raise SourceError(
                    path,
                    line,
                    f"unknown Land '{name}' in the vote '{phrase}'",
                    "names of the 16 Länder, as codes ('BY'), names ('Bayern') or in the "
                    "genitive ('Bayerns', 'des Saarlandes')",
                )
            if land.code in votes:
                what = f"{land.name_de} named twice in the vote '{phrase}'"
                raise SourceError(path, line, what, "each Land once")
            votes[land.code] = LandVote(land.code, choice)
    return tuple(votes.values())


GENITIVE_ARTICLE = re.compile(r"^(?:des|der|dem)\s+")
GENITIVE_TITLES = {"Freistaates": "Freistaat", "Freistaats": "Freistaat", "Landes": "Land"}


def land_in_clause(name: str) -> Land | None:
    """A Land as a vote clause names it: 'BY', 'Bayern', 'Bayerns', 'des Saarlandes',
    'des Freistaates Sachsen'."""
    name = GENITIVE_ARTICLE.sub("", " ".join(name.split()))
    first, _, rest = name.partition(" ")
    if first in GENITIVE_TITLES and rest:
        name = f"{GENITIVE_TITLES[first]} {rest}"
    for candidate in (name, name.removesuffix("es"), name.removesuffix("s"), name.rstrip("'")):
        land = land_by_name(candidate)
        if land is not None:
            return land
    return None


def read_counts(text: str, path: Path | str, line: int) -> VoteCount:
    """Yes, no and abstentions as figures or number words; at most the 16 Länder."""
    ratio = RATIO.search(text)
    if ratio:
        values = [int(ratio.group(name)) for name in ("yes", "no", "abstentions")]
    else:
        spelled = SPELLED.search(text)
        assert spelled is not None  # HEAD matched one of the two forms
        values = [count_value(value, path, line) for value in spelled.groups()]
    counts = VoteCount(*values)
    if sum(values) > len(LAENDER):
        raise SourceError(
            path,
            line,
            f"vote counts {counts.yes}:{counts.no}:{counts.abstentions}",
            f"counts of at most {len(LAENDER)} Länder",
        )
    return counts


def count_value(word: str, path: Path | str, line: int) -> int:
    if word.isdigit():
        return int(word)
    if word.lower().startswith("kein"):
        return 0
    value = read_number_word(word)
    if value is None or value != int(value):
        raise SourceError(path, line, f"vote count '{word}'", "a figure or a number word")
    return int(value)


def check_counts(outcome: Outcome, counts: VoteCount | None, path: Path | str, line: int) -> None:
    """An adopted resolution has more yes than no votes, a rejected one not."""
    if counts is None:
        return
    adopted = counts.yes > counts.no
    if adopted != (outcome is Outcome.ADOPTED):
        what = "adopted" if outcome is Outcome.ADOPTED else "rejected"
        raise SourceError(
            path,
            line,
            f"vote counts {counts.yes}:{counts.no}:{counts.abstentions} of a proposal {what}",
            "more yes than no votes for an adopted resolution, not more for a rejected one",
        )


def agreed_margin(
    word: str | None,
    margin: Margin | None,
    counts: VoteCount | None,
    land_votes: tuple[LandVote, ...],
    phrase: str,
    path: Path | str,
    line: int,
) -> Margin | None:
    """The margin the word states, or the counts and named votes against show; a word
    that disagrees with them is an error ("einstimmig" with a vote against)."""
    against = counts.no if counts else sum(v.choice is VoteChoice.NO for v in land_votes)
    if word in (None, "einstimmig", "mehrheitlich") and (counts or against):
        shown = Margin.UNANIMOUS if against == 0 else Margin.MAJORITY
        if margin is not None and margin is not shown:
            raise SourceError(
                path,
                line,
                f"the vote says '{word}' but counts {against} no vote(s) in '{phrase}'",
                "a word and counts that agree (einstimmig: no 'no' votes)",
            )
        return shown
    return margin


def check_named(
    counts: VoteCount | None,
    land_votes: tuple[LandVote, ...],
    phrase: str,
    path: Path | str,
    line: int,
) -> None:
    """Where a phrase gives counts and names Länder for a choice, the two agree."""
    if counts is None:
        return
    stated = {VoteChoice.YES: counts.yes, VoteChoice.NO: counts.no}
    stated[VoteChoice.ABSTAIN] = counts.abstentions
    for choice, number in stated.items():
        named = sum(vote.choice is choice for vote in land_votes)
        if named and named != number:
            raise SourceError(
                path,
                line,
                f"the vote counts {number} '{choice.value}' but names {named} Land/Länder "
                f"in '{phrase}'",
                "as many Länder named for a choice as the counts give",
            )


SUBJECT = (
    r"(?:Der (?:Beschlussvorschlag|Antrag|TOP|Tagesordnungspunkt)|Die (?:Vorlage|Beratung))"
    rf"(?: zu TOP {TOP.replace('top', 'own')})?"
)
# the sentence of some years where the vote sentence stands, for an outcome other than
# adoption: "Der Beschlussvorschlag fand nicht die erforderliche Mehrheit."
OUTCOME_SENTENCES = (
    (
        rf"^{SUBJECT} (?:fand|erhielt) (?:nicht die|keine) erforderliche Mehrheit"
        r"(?: \((?P<phrase>[^()]+)\))?\.$",
        Outcome.REJECTED,
    ),
    (rf"^{SUBJECT} wurde (?:(?P<phrase>.+?) )?abgelehnt\.$", Outcome.REJECTED),
    (
        r"^Die IntMK hat den (?:Beschlussvorschlag|Antrag) (?:(?P<phrase>.+?) )?abgelehnt\.$",
        Outcome.REJECTED,
    ),
    (
        rf"^{SUBJECT} wurde (?:auf die nächste (?:Sitzung|Konferenz|IntMK) )?vertagt\.$",
        Outcome.POSTPONED,
    ),
    (
        r"^Die IntMK hat (?:den TOP|den Tagesordnungspunkt|die Beratung) vertagt\.$",
        Outcome.POSTPONED,
    ),
    (r"^(?:Eine|Die) Beschlussfassung erfolgte nicht\.$", Outcome.NO_DECISION),
    (r"^Es erfolgte keine Beschlussfassung\.$", Outcome.NO_DECISION),
    (r"^Die IntMK hat (?:hierzu )?keinen Beschluss gefasst\.$", Outcome.NO_DECISION),
    (rf"^{SUBJECT} wurde in der Sitzung zurückgezogen\.$", Outcome.WITHDRAWN),
    (rf"^{SUBJECT} hat sich (?:durch {TOP} )?erledigt\.$", Outcome.SETTLED),
    (rf"^{SUBJECT} (?:ist|wurde) durch {TOP} erledigt\.$", Outcome.SETTLED),
    (rf"^Erledigt durch {TOP}\.$", Outcome.SETTLED),
)
SENTENCES = tuple((re.compile(pattern), outcome) for pattern, outcome in OUTCOME_SENTENCES)


def outcome_sentence(text: str, path: Path | str, line: int) -> VoteReading | None:
    """What a sentence stating an outcome other than adoption says, or None if it is none:
    "Der Beschlussvorschlag wurde mit 5:9:2 Stimmen abgelehnt." gives the counts too."""
    sentence = " ".join(text.split())
    for pattern, outcome in SENTENCES:
        match = pattern.match(sentence)
        if match is None:
            continue
        groups = match.groupdict()
        if groups.get("phrase"):
            return rejection(groups["phrase"], path, line)
        return VoteReading(outcome, settled_by=groups.get("top"))
    return None


def rejection(phrase: str, path: Path | str, line: int) -> VoteReading:
    """The counts and named votes of a rejection ("mit 5:9:2 Stimmen", "mehrheitlich gegen
    die Stimmen von …")."""
    phrase = re.sub(r"^mit (?P<ratio>\d.*?) Stimmen", r"\g<ratio>", phrase)
    phrase = re.sub(r"^mehrheitlich\b\s*", "", phrase)
    return parse_vote_phrase(f"abgelehnt {phrase}", path, line)


def is_outcome_sentence(text: str) -> bool:
    """Whether a line is a sentence stating an outcome other than adoption."""
    sentence = " ".join(text.split())
    return any(pattern.match(sentence) for pattern, _ in SENTENCES)


def vote_of(
    reading: VoteReading,
    statement: str,
    lines: LineRange,
    circular_number: str | None = None,
    circular_date: datetime.date | None = None,
    phrase: str | None = None,
) -> Vote:
    """The Vote a reading of a statement gives; an unresolved one keeps its phrase."""
    return Vote(
        reading.outcome,
        statement,
        circular_number,
        circular_date,
        lines,
        reading.counts,
        reading.margin,
        reading.land_votes,
        reading.settled_by,
        phrase if reading.outcome is Outcome.UNRESOLVED else None,
    )

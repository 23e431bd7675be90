"""How a vote is written: "einstimmig", "mehrheitlich (13:1:2)", "mit 14 Ja-Stimmen, …"."""

from __future__ import annotations

import re
from pathlib import Path

from mapping.errors import SourceError
from mapping.laender import LAENDER
from mapping.model import Margin, Outcome, VoteCount

WORDS = {"einstimmig": Margin.UNANIMOUS, "mehrheitlich": Margin.MAJORITY}
NOTED = re.compile(r"^(?:zur Kenntnis genommen|Kenntnisnahme)$")
RATIO = re.compile(r"(?P<yes>\d{1,2})\s*:\s*(?P<no>\d{1,2})\s*:\s*(?P<abstentions>\d{1,2})")
COUNT = r"(\d{1,2}|keine?)"
SPELLED = re.compile(
    rf"mit\s+{COUNT}\s+Ja-Stimmen?\s*,\s*{COUNT}\s+Nein-Stimmen?\s*(?:,|und)\s*"
    rf"{COUNT}\s+Enthaltung(?:en)?"
)
# "einstimmig", "mehrheitlich", "13:1:2", "mehrheitlich (13:1:2)", "mit 14 Ja-Stimmen, …"
PHRASE = re.compile(
    rf"^(?P<word>einstimmig|mehrheitlich)?\s*\(?\s*(?P<counts>{RATIO.pattern}|{SPELLED.pattern})?"
    r"\s*\)?$"
)
EXPECTED = (
    "'einstimmig', 'mehrheitlich', 'zur Kenntnis genommen', counts such as '13:1:2' "
    "or 'mit 14 Ja-Stimmen, 1 Nein-Stimme, 1 Enthaltung'"
)


VoteReading = tuple[Outcome, Margin | None, VoteCount | None]


def parse_vote_phrase(text: str, path: Path | str, line: int) -> VoteReading:
    """The outcome, the margin and the counts a vote phrase states; anything else is a
    SourceError. Every phrase with "einstimmig", "mehrheitlich" or counts adopts."""
    phrase = " ".join(text.split()).rstrip(".")
    if NOTED.match(phrase):
        return Outcome.NOTED, None, None
    match = PHRASE.match(phrase)
    if match is None or not (match.group("word") or match.group("counts")):
        raise SourceError(path, line, f"vote '{phrase}'", EXPECTED)
    counts = read_counts(match.group("counts"), path, line) if match.group("counts") else None
    word = match.group("word")
    if counts is None:
        return Outcome.ADOPTED, WORDS[word], None
    by_counts = Margin.UNANIMOUS if counts.no == 0 else Margin.MAJORITY
    if word and WORDS[word] is not by_counts:
        raise SourceError(
            path,
            line,
            f"the vote says '{word}' but counts {counts.no} no vote(s) in '{phrase}'",
            "a word and counts that agree (einstimmig: no 'no' votes)",
        )
    return Outcome.ADOPTED, by_counts, counts


def read_counts(text: str, path: Path | str, line: int) -> VoteCount:
    """Yes, no and abstentions; they must be a possible vote of the 16 Länder."""
    ratio = RATIO.search(text)
    if ratio:
        values = [int(ratio.group(name)) for name in ("yes", "no", "abstentions")]
    else:
        spelled = SPELLED.search(text)
        assert spelled is not None  # PHRASE matched one of the two forms
        values = [0 if value.startswith("kein") else int(value) for value in spelled.groups()]
    counts = VoteCount(*values)
    if sum(values) > len(LAENDER) or counts.yes <= counts.no:
        raise SourceError(
            path,
            line,
            f"vote counts {counts.yes}:{counts.no}:{counts.abstentions}",
            f"counts of at most {len(LAENDER)} Länder with more yes than no votes "
            "(a resolution that was adopted)",
        )
    return counts

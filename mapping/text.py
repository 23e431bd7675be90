"""Text repair: lines wrapped by the PDF, words hyphenated across lines, sentences."""

from __future__ import annotations

import re

SOFT_HYPHEN = "\u00ad"
# After a hyphen at a line end, these words show a suspended compound ("Kriegs- und Krisen…").
CONJUNCTIONS = ("und ", "oder ", "bzw. ", "sowie ", "als auch ")
SENTENCE_END = re.compile(r"[.!?:;]\W*$")
# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = (
    "z. B.",
    "z.B.",
    "d. h.",
    "z. Z.",
    "u. a.",
    "bzw.",
    "ca.",
    "inkl.",
    "Kap.",
    "Tit.",
    "Nr.",
    "Abs.",
    "Dr.",
    "Prof.",
    "ggf.",
    "vgl.",
    "sog.",
    "evtl.",
    "Art.",
    "gem.",
    "usw.",
    "etc.",
    "i. V. m.",
    "S.",
    "Mio.",
    "Mrd.",
    "bzgl.",
    "zzgl.",
    "o. ä.",
)


def join_lines(lines: list[str]) -> str:
    """Join lines the PDF wrapped into one text, repairing hyphenation at line ends.

    "Branden-" + "burg" gives "Brandenburg"; "Mecklenburg-" + "Vorpommern" keeps the
    hyphen (the next part starts with a capital); "Kriegs-" + "und Krisen" keeps
    hyphen and space (a suspended compound).
    """
    text = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        text = line if not text else join_two(text, line)
    return text


def join_two(left: str, right: str) -> str:
    """Join two wrapped pieces of text. A soft hyphen at the end of the left piece (the only
    one normalisation leaves) marks a word broken there: it is rejoined without a hyphen."""
    if left.endswith(SOFT_HYPHEN):
        return left[:-1] + right
    if left.endswith("-") and not left.endswith(" -") and len(left) > 1 and left[-2].isalpha():
        if right.startswith(CONJUNCTIONS):
            return f"{left} {right}"
        if right[:1].islower():
            return left[:-1] + right
        return left + right
    return f"{left} {right}"


# what a line may end with that never ends a sentence: an ordinal ("der 20." / "IntMK"),
# an abbreviation that always has a word after it ("z. B.", "Nr.", "Art.")
NOT_FINAL = re.compile(
    r"(?:^|[\s(])(?:\d{1,2}|z\. ?B|d\. ?h|i\. ?V\. ?m|Nr|Abs|Art|Dr|Prof|vgl|Vgl|bzw|ca|gem"
    r"|Kap|Tit|sog|inkl|bzgl|zzgl|S)\.$"
)


def ends_sentence(text: str) -> bool:
    """Whether a piece of text ends with sentence-final punctuation (not the period of an
    ordinal or of an abbreviation that a word always follows, nor inside a bracket still
    open: "… das Vorsitzland der LAG (z. Z." goes on with "Hessen) mit …")."""
    stripped = text.rstrip()
    if stripped.count("(") > stripped.count(")"):
        return False
    return bool(SENTENCE_END.search(stripped)) and not NOT_FINAL.search(stripped)


def split_sentences(text: str) -> list[str]:
    """Split German running text into sentences.

    A period ends a sentence when a space and a capital letter (or an opening quote)
    follow and the word before it is neither a number ("7. April", "20. IntMK")
    nor a known abbreviation.
    """
    sentences: list[str] = []
    start = 0
    for match in re.finditer(r"[.!?](?=\s+[\"„“(]?[A-ZÄÖÜ])", text):
        end = match.end()
        head = text[start:end]
        if is_false_stop(head):
            continue
        sentences.append(head.strip())
        start = end
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def is_false_stop(head: str) -> bool:
    """Whether the period ending `head` belongs to a number or an abbreviation."""
    if re.search(r"(?:^|[\s(])(?:\d{1,4}|[A-Za-zÄÖÜäöü])\.$", head):
        return True  # "7. April", "20. IntMK", the "z." of "z. B."
    return any(
        head.endswith(" " + abbreviation) or head == abbreviation for abbreviation in ABBREVIATIONS
    )

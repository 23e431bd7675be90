"""German number words as whole words ("siebzehn", "zweihundertachtzig", "zweieinhalb")."""

from __future__ import annotations

from decimal import Decimal

UNITS = {
    "ein": 1,
    "eins": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
}
ARTICLE_FORMS = {"eine": 1, "einer": 1, "einem": 1, "einen": 1}
TEENS = {
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "fünfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
}
TENS = {
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "achtzig": 80,
    "neunzig": 90,
}
HALF = "einhalb"
ONE_AND_A_HALF = "anderthalb"


def read_number_word(word: str) -> Decimal | None:
    """The value of one whole German number word, or None if the word is no number word."""
    word = word.lower()
    if word in ARTICLE_FORMS:
        return Decimal(ARTICLE_FORMS[word])
    if word == ONE_AND_A_HALF:
        return Decimal("1.5")
    if word.endswith(HALF) and len(word) > len(HALF):
        whole = below_million(word[: -len(HALF)])
        return None if whole is None else Decimal(whole) + Decimal("0.5")
    value = below_million(word)
    return None if value is None else Decimal(value)


def below_million(word: str) -> int | None:
    head, found, tail = word.partition("tausend")
    if not found:
        return below_thousand(word)
    thousands = below_thousand(head) if head else 1
    rest = below_thousand(after_und(tail)) if tail else 0
    return None if thousands is None or rest is None else thousands * 1000 + rest


def below_thousand(word: str) -> int | None:
    head, found, tail = word.partition("hundert")
    if not found:
        return below_hundred(word)
    hundreds = UNITS.get(head) if head else 1
    rest = below_hundred(after_und(tail)) if tail else 0
    return None if hundreds is None or rest is None else hundreds * 100 + rest


def after_und(tail: str) -> str:
    """ "undzwanzig" of "hundertundzwanzig" → "zwanzig": the "und" after hundred or
    thousand joins, it adds nothing; a bare "und" is no number and stays as it is."""
    return tail[3:] if tail.startswith("und") and len(tail) > 3 else tail


def below_hundred(word: str) -> int | None:
    if word in UNITS:
        return UNITS[word]
    if word in TEENS:
        return TEENS[word]
    if word in TENS:
        return TENS[word]
    unit, found, tens = word.partition("und")
    if found and unit in UNITS and tens in TENS:
        return UNITS[unit] + TENS[tens]
    return None

"""Money amounts in resolution texts ("81,5 Mio. €", "neun Millionen Euro") as typed values."""

from __future__ import annotations

import re
from decimal import Decimal

from mapping.model import Amount
from mapping.number_words import read_number_word

SCALES = {
    "Tsd.": 10**3,
    "Tausend": 10**3,
    "Mio.": 10**6,
    "Million": 10**6,
    "Millionen": 10**6,
    "Mrd.": 10**9,
    "Milliarde": 10**9,
    "Milliarden": 10**9,
}
APPROXIMATE = ("ca.", "circa", "rund", "etwa", "fast", "knapp", "gut")
FIGURE = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
STEMS = "ein|zwei|zwan|drei|vier|fünf|sech|sieb|acht|neun|zehn|elf|zwölf|hundert|tausend"
WORD = rf"(?i:{STEMS})[a-zäöüß]*"  # a candidate word; read_number_word decides
SCALE = "|".join(re.escape(s) for s in sorted(SCALES, key=len, reverse=True))
QUALIFIER = "|".join(re.escape(q) for q in APPROXIMATE)
CURRENCY = r"€|EUR|Euro"
AMOUNT = re.compile(
    rf"(?<![\w.,])(?:(?P<qualifier>{QUALIFIER})\s+)?"
    rf"(?:(?P<before>{CURRENCY})\s*)?"
    rf"(?P<number>{FIGURE}|{WORD})(?!\w)"
    rf"(?:\s*(?P<scale>{SCALE})(?!\w))?"
    rf"(?:\s*(?P<after>{CURRENCY})(?!\w))?"
)


def find_amounts(text: str) -> tuple[Amount, ...]:
    """Every amount of money in a text, in order: a figure or a whole number word with its
    scale and currency ("EUR 500.000", "€ 1,5 Mio.", "siebzehn Millionen Euro")."""
    amounts = (to_amount(match) for match in AMOUNT.finditer(text) if is_money(match))
    return tuple(amount for amount in amounts if amount is not None)


def is_money(match: re.Match[str]) -> bool:
    """A currency stands after the number ("5 Mio. €", "neun Millionen Euro") or before a
    figure ("EUR 500.000", "€ 1,5 Mio."); "5 Mio." alone and "Euro ein" are no amounts."""
    if match.group("after"):
        return True
    return bool(match.group("before")) and match.group("number")[0].isdigit()


def to_amount(match: re.Match[str]) -> Amount | None:
    value = read_number(match.group("number"))
    if value is None:
        return None
    scale = match.group("scale")
    if scale:
        value *= SCALES[scale]
    return Amount(
        value=value.normalize() if value != value.to_integral() else value.quantize(Decimal(1)),
        currency="EUR",
        stated_as=match.group(0).strip(),
        approximate=match.group("qualifier") is not None,
    )


def read_number(number: str) -> Decimal | None:
    if number[0].isdigit():
        return Decimal(number.replace(".", "").replace(",", "."))
    return read_number_word(number)

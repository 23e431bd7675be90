"""Money amounts in resolution texts ("81,5 Mio. €", "neun Millionen Euro") as typed values."""

from __future__ import annotations

import re
from decimal import Decimal

from mapping.model import Amount

NUMBER_WORDS = {
    "eine": 1,
    "ein": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "zwanzig": 20,
    "hundert": 100,
}
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
AMOUNT = re.compile(
    rf"(?:(?P<qualifier>{'|'.join(re.escape(q) for q in APPROXIMATE)})\s+)?"
    rf"(?P<number>\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?|{'|'.join(NUMBER_WORDS)})"
    rf"\s+(?:(?P<scale>{'|'.join(re.escape(s) for s in SCALES)})\s+)?"
    r"(?P<currency>€|EUR|Euro)(?!\w)"
)


def find_amounts(text: str) -> tuple[Amount, ...]:
    """Every amount of money in a text, in order."""
    return tuple(to_amount(match) for match in AMOUNT.finditer(text))


def to_amount(match: re.Match[str]) -> Amount:
    number = match.group("number")
    if number in NUMBER_WORDS:
        value = Decimal(NUMBER_WORDS[number])
    else:
        value = Decimal(number.replace(".", "").replace(",", "."))
    scale = match.group("scale")
    if scale:
        value *= SCALES[scale]
    return Amount(
        value=value.normalize() if value != value.to_integral() else value.quantize(Decimal(1)),
        currency="EUR",
        stated_as=match.group(0),
        approximate=match.group("qualifier") is not None,
    )

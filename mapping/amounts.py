"""Money amounts in resolution texts ("81,5 Mio. €", "10 bis 20 Mio. €", "jährlich 57 Mio. €")
as typed values; an amount phrase that names no figure is kept as an UnresolvedAmount."""

from __future__ import annotations

import re
from decimal import Decimal

from mapping.amount_years import YEAR_LIKE, is_year_before_currency, years_around
from mapping.model import Amount, MoneyMention, UnresolvedAmount
from mapping.number_words import read_number_word

SCALES = {
    "Tsd.": 10**3,
    "Tsd": 10**3,
    "Tausend": 10**3,
    "Mio.": 10**6,
    "Mio": 10**6,
    "Million": 10**6,
    "Millionen": 10**6,
    "Mrd.": 10**9,
    "Mrd": 10**9,
    "Milliarde": 10**9,
    "Milliarden": 10**9,
}
APPROXIMATE = ("ca.", "circa", "rund", "etwa", "ungefähr", "annähernd", "fast", "knapp", "gut")
AT_MOST = ("bis zu", "bis", "maximal", "max.", "höchstens")
AT_LEAST = ("mindestens", "mind.", "wenigstens")
OPEN_BOUND = ("mehr als", "weniger als", "über", "unter")  # exclusive, or "a cheque über"
PERIODS = {
    "P1Y": ("jährlich", "jährliche", "jährlichen", "pro Jahr", "je Jahr", "im Jahr", "p. a.",
            "p.a.", "per annum", "/Jahr", "/ Jahr", "jeweils jährlich"),
    "P1M": ("monatlich", "monatliche", "monatlichen", "pro Monat", "je Monat", "im Monat",
            "/Monat", "/ Monat"),
}  # fmt: skip
FIGURE = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
STEMS = "ein|zwei|zwan|drei|vier|fünf|sech|sieb|acht|neun|zehn|elf|zwölf|hundert|tausend|anderthalb"
WORD = rf"(?i:{STEMS})[a-zäöüß]*"  # a candidate word; read_number_word decides
CURRENCY = r"€|EUR|Euro"


def alternatives(words: tuple[str, ...] | list[str]) -> str:
    """A regular expression of the words, the longest first, each a whole word."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w) + (r"(?!\w)" if w[-1].isalnum() else "") for w in ordered)


SCALE = alternatives(list(SCALES))
NUMBER = rf"(?:{FIGURE}|{WORD})(?!\w)"
PART = rf"(?:(?:{CURRENCY})\s*)?{NUMBER}(?:\s*(?:{SCALE}))?(?:\s*(?:{CURRENCY})(?!\w))?"
PERIOD = alternatives([w for words in PERIODS.values() for w in words])
AMOUNT = re.compile(
    rf"(?<![\w.,])"
    rf"(?:(?P<qualifier>{alternatives(APPROXIMATE)})\s+)?"
    rf"(?:(?P<bound>{alternatives(AT_MOST + AT_LEAST + OPEN_BOUND)})\s+)?"
    rf"(?:(?P<qualifier2>{alternatives(APPROXIMATE)})\s+)?"
    rf"(?:(?P<period_before>{PERIOD})\s+)?"
    rf"(?:(?P<before>{CURRENCY})\s*)?"
    rf"(?:zwischen\s+(?P<between>{PART})\s+und\s+"
    rf"|(?:von\s+)?(?P<low>{PART})\s*(?:bis(?!\s+zu)|[–—-])\s*)?"
    rf"(?:(?P<upper_before>{CURRENCY})\s*)?"
    rf"(?P<number>{NUMBER})"
    rf"(?:\s*(?P<scale>{SCALE}))?"
    rf"(?:\s*(?P<after>{CURRENCY})(?!\w))?"
    rf"(?(after)|(?(before)|(?(upper_before)|(?!))))"
    rf"(?:\s*(?P<period_after>{PERIOD})(?!\s*\d))?"
)
PART_READER = re.compile(
    rf"(?:(?P<before>{CURRENCY})\s*)?(?P<number>{NUMBER})(?:\s*(?P<scale>{SCALE}))?"
    rf"(?:\s*(?P<after>{CURRENCY}))?"
)
QUANTIFIER = r"(?:mehrere[nr]?|einige[nr]?|etliche[nr]?|viele[nr]?|zahlreiche[nr]?|hohe[nr]?)"
VAGUE = re.compile(
    rf"(?<![\w.,])(?:{QUANTIFIER}\s+)?(?:[Hh]underttausend|Tausend|Millionen|Milliarden)\s+"
    rf"(?:{CURRENCY})(?!\w)"
    r"|(?<![\w.,])(?:(?:einen|ein|einem|eines|einer|im|in)\s+)?"
    r"(?:(?:niedrigen|mittleren|hohen)\s+)?(?:\w+stellige[nmrs]?\s+)?"
    r"(?:Euro|Tausend|Millionen|Milliarden)-?(?:betrag|beträge|bereich|höhe|summe)\w*"
)


def find_amounts(text: str) -> tuple[MoneyMention, ...]:
    """Every amount of money in a text, in order: a figure or a whole number word with its
    scale and currency ("EUR 500.000", "€ 1,5 Mio.", "siebzehn Millionen Euro"), a range,
    a bound, a period; a phrase that names money but no figure is an UnresolvedAmount."""
    found: list[tuple[int, int, MoneyMention]] = []
    position = 0
    while match := AMOUNT.search(text, position):
        mention = read_match(text, match)
        if mention is None:
            position = match.start("number") + 1  # a year before "Euro": read on after it
            continue
        found.append((match.start(), match.end(), mention))
        position = match.end()
    found.extend(vague_amounts(text, [(start, end) for start, end, _ in found]))
    return tuple(mention for _, _, mention in sorted(found, key=lambda f: f[0]))


def vague_amounts(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, MoneyMention]]:
    """ "mehrere Millionen Euro", "einen dreistelligen Millionenbetrag": money, no figure."""
    return [
        (m.start(), m.end(), UnresolvedAmount(m.group(0).strip(), "vague"))
        for m in VAGUE.finditer(text)
        if not any(start < m.end() and m.start() < end for start, end in taken)
    ]


def read_match(text: str, match: re.Match[str]) -> MoneyMention | None:
    """The amount a match states; None where it is no money ("Euro ein", "im Jahr 2025
    Euro-Mittel"); unresolved where the words leave the figure open."""
    stated_as = match.group(0).strip()
    if not match.group("after") and not match.group("number")[0].isdigit():
        return None
    if is_plain_year(match):
        return None if is_year_before_currency(text, match) else unresolved(stated_as, "year")
    upper = scaled(match.group("number"), match.group("scale"))
    if upper is None:
        return None
    bound = match.group("bound")
    if bound in OPEN_BOUND:
        return unresolved(stated_as, "open-bound")
    low, high = (None, None) if bound in AT_LEAST or bound in AT_MOST else (upper, upper)
    if bound in AT_LEAST:
        low = upper
    if bound in AT_MOST:
        high = upper
    if part := lower_part(match):
        low = lower_bound(part, match.group("number"), match.group("scale"))
        if low is None or low >= upper:
            return unresolved(stated_as, "range")
    period = period_of(match.group("period_before") or match.group("period_after"))
    years, each = years_around(text, match.start(), match.end())
    return Amount(
        value=exact(upper) if low == high else None,
        currency="EUR",
        stated_as=stated_as,
        approximate=bool(match.group("qualifier") or match.group("qualifier2")),
        min_value=None if low == high or low is None else exact(low),
        max_value=None if low == high or high is None else exact(high),
        period=period or ("P1Y" if each and years else None),
        years=years,
    )


def unresolved(stated_as: str, reason: str) -> UnresolvedAmount:
    return UnresolvedAmount(stated_as, reason)


def is_plain_year(match: re.Match[str]) -> bool:
    """ "2025 Euro": four digits that may be a year, no scale, the currency after."""
    before = match.group("before") or match.group("upper_before")
    plain = not (match.group("scale") or before or lower_part(match))
    return plain and YEAR_LIKE.fullmatch(match.group("number")) is not None


def lower_part(match: re.Match[str]) -> str | None:
    """The lower end as printed: "10" of "10 bis 20 Mio. €" or "zwischen 10 und 20 …"."""
    return match.group("low") or match.group("between")


def lower_bound(part: str, upper_number: str, upper_scale: str | None) -> Decimal | None:
    """The lower end of a range; without a scale of its own it takes the upper end's
    ("10 bis 20 Mio." is 10 Mio. to 20 Mio.) unless it is already the larger figure and
    a figure of its own ("500.000 bis 1 Mio. €"); "20 bis 10 Mio. €" or "900 bis 1,2 Mio. €"
    are left open (None)."""
    reader = PART_READER.fullmatch(part.strip())
    if reader is None:
        return None
    if reader.group("scale"):
        return scaled(reader.group("number"), reader.group("scale"))
    low, high = read_number(reader.group("number")), read_number(upper_number)
    if low is None or high is None:
        return None
    if low < high:
        return scaled(reader.group("number"), upper_scale)
    own_figure = upper_scale is None or low * 1000 >= SCALES[upper_scale]
    return low if own_figure else None


def scaled(number: str, scale: str | None) -> Decimal | None:
    value = read_number(number)
    if value is None:
        return None
    return value * SCALES[scale] if scale else value


def exact(value: Decimal) -> Decimal:
    """A whole value without fraction digits, others in their shortest form."""
    return value.normalize() if value != value.to_integral() else value.quantize(Decimal(1))


def period_of(words: str | None) -> str | None:
    if words is None:
        return None
    return next(period for period, forms in PERIODS.items() if words in forms)


def read_number(number: str) -> Decimal | None:
    if number[0].isdigit():
        return Decimal(number.replace(".", "").replace(",", "."))
    return read_number_word(number)

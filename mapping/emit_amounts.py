"""The amounts of money a paragraph mentions: `intmk:MonetaryAmount` (⊑ schema:MonetaryAmount)
with a value or schema:minValue/maxValue, its period and years; an amount the reader
cannot resolve as `intmk:UnresolvedAmount` with a data-quality finding."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from mapping.model import Amount, LineRange, Paragraph, UnresolvedAmount
from mapping.vocabulary import SCHEMA, boolean, de, decimal, en

if TYPE_CHECKING:
    from mapping.emit import MinutesEmitter

PERIOD_WORDS = {"P1Y": ("jährlich", "per year"), "P1M": ("monatlich", "per month")}
REASONS = {
    "vague": ("nennt keine Zahl", "names no figure"),
    "open-bound": (
        "nennt nur eine offene Grenze („mehr als“, „über“)",
        "gives only an open bound (“more than”, “over”)",
    ),
    "range": (
        "nennt eine Spanne, deren Grenzen sich nicht ordnen lassen",
        "gives a range whose ends do not order",
    ),
    "year": (
        "kann ein Jahr vor „Euro“ oder ein Betrag sein",
        "may be a year before “Euro” or an amount",
    ),
}


def emit_amounts(emitter: MinutesEmitter, top: str, uri: URIRef, paragraph: Paragraph) -> None:
    """Each amount in text order; resolved and unresolved share the numbering."""
    for position, mention in enumerate(paragraph.amounts, start=1):
        a = emitter.uris.amount(emitter.n, top, paragraph.position, position)
        if isinstance(mention, Amount):
            emit_amount(emitter, a, mention)
            emitter.add(uri, emitter.intmk.mentionsAmount, a)
            emitter.lines(a, paragraph.lines)
        else:
            lines = mention.lines or paragraph.lines
            where = f"{paragraph.position}-{position}"
            emit_unresolved(emitter, top, a, mention, where, lines)
            emitter.add(uri, emitter.intmk.mentionsUnresolvedAmount, a)
            emitter.lines(a, lines)


def emit_amount(emitter: MinutesEmitter, a: URIRef, amount: Amount) -> None:
    i = emitter.intmk
    emitter.add(a, RDF.type, i.MonetaryAmount)
    emitter.add(a, RDF.type, SCHEMA.MonetaryAmount)
    if amount.value is not None:
        emitter.add(a, SCHEMA.value, decimal(amount.value))
    if amount.min_value is not None:
        emitter.add(a, SCHEMA.minValue, decimal(amount.min_value))
    if amount.max_value is not None:
        emitter.add(a, SCHEMA.maxValue, decimal(amount.max_value))
    emitter.add(a, SCHEMA.currency, Literal(amount.currency))
    emitter.add(a, i.statedAs, Literal(amount.stated_as))
    emitter.add(a, i.approximate, boolean(amount.approximate))
    if amount.period:
        emitter.add(a, i.perPeriod, Literal(amount.period, datatype=XSD.duration))
    for year in amount.years:
        emitter.add(a, i.forYear, Literal(str(year), datatype=XSD.gYear))
    emitter.add(a, RDFS.label, de(amount.stated_as))
    emitter.add(a, RDFS.label, en(amount_in_english(amount)))


def emit_unresolved(
    emitter: MinutesEmitter,
    top: str,
    a: URIRef,
    amount: UnresolvedAmount,
    where: str,
    lines: LineRange,
) -> None:
    """The phrase as printed, and a finding `unresolved-amount` that names its line."""
    i = emitter.intmk
    emitter.add(a, RDF.type, i.UnresolvedAmount)
    emitter.add(a, i.statedAs, Literal(amount.stated_as))
    emitter.label(a, f"Betrag nicht aufgelöst: „{amount.stated_as}“", "Amount not resolved")
    finding = emitter.uris.finding(emitter.n, f"{top}-unresolved-amount-{where}")
    emitter.annotate(finding, "unresolved-amount", a)
    line = line_words(lines)
    german, english = REASONS[amount.reason]
    emitter.message(
        finding,
        f"TOP {top}, {line[0]}: der Betrag „{amount.stated_as}“ {german}; er ist nur mit "
        "seinem Wortlaut veröffentlicht.",
        f"Item {top}, {line[1]}: the amount “{amount.stated_as}” {english}; it is published "
        "with its wording only.",
    )
    emitter.label(
        finding,
        f"TOP {top}: Betrag nicht aufgelöst ({line[0]})",
        f"Item {top}: amount not resolved ({line[1]})",
    )
    emitter.lines(finding, lines)


def line_words(lines: LineRange) -> tuple[str, str]:
    if lines.first == lines.last:
        return f"Zeile {lines.first}", f"line {lines.first}"
    return f"Zeilen {lines.first}–{lines.last}", f"lines {lines.first}–{lines.last}"


def amount_in_english(amount: Amount) -> str:
    """'ca. 512.000 EUR' → 'about EUR 512,000', '10 bis 20 Mio. €' → 'EUR 10,000,000 to
    20,000,000', 'bis zu 5 Mio. €' → 'up to EUR 5,000,000', 'jährlich …' → '… per year':
    the value in English notation, no words of the source (they are in the German label
    and intmk:statedAs)."""
    about = "about " if amount.approximate else ""
    if amount.value is not None:
        figures = f"{amount.currency} {figure(amount.value)}"
    elif amount.min_value is not None and amount.max_value is not None:
        figures = f"{amount.currency} {figure(amount.min_value)} to {figure(amount.max_value)}"
    elif amount.max_value is not None:
        figures = f"up to {amount.currency} {figure(amount.max_value)}"
    else:
        figures = f"at least {amount.currency} {figure(amount.min_value or Decimal(0))}"
    period = f" {PERIOD_WORDS[amount.period][1]}" if amount.period else ""
    years = f" for {', '.join(str(y) for y in amount.years)}" if amount.years else ""
    return f"{about}{figures}{period}{years}"


def figure(value: Decimal) -> str:
    return format(value.normalize(), ",f")

"""The frame every page for people shares: one Jinja2 environment, the base template's
context (language, links to the data twins and the query editor) and value formatting.

Pages are German first; `?lang=en` switches labels and interface texts to English. A
view module (home, views, query page, dataset, ontology) builds its own view model and
calls `render`, passing a `Frame` that says where the page lives and what it links to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request

from mapping.uris import VOCABULARY
from server.texts import TEXTS

TEMPLATES = Path(__file__).resolve().parent / "templates"
Language = Literal["de", "en"]
LANGUAGES: tuple[Language, ...] = ("de", "en")
MONTHS = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "en": "January February March April May June July August September October November December",
}
XSD = "http://www.w3.org/2001/XMLSchema#"

environment = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


LANG_PARAMETER = (
    "Language of the page for people: German (the default) or English. Data formats are "
    "not affected: they carry every label in both languages."
)


def language(request: Request) -> Language:
    """The page language: English when `?lang=en` asks for it, else German."""
    return "en" if request.query_params.get("lang") == "en" else "de"


@dataclass(frozen=True)
class Frame:
    """Where a page lives and what the base template links from it."""

    base: str
    """The dataset's base URI; links to our IRIs are made relative to its path."""
    path: str
    """The page's own path, without query (e.g. '/doc/land/DE-HE')."""
    lang: Language = "de"
    version: str = ""
    variants: Sequence[tuple[str, str]] = ()
    """(media type, href) of the page's data twins: Turtle, JSON-LD, …"""
    query: str = ""
    """A ready SPARQL query about the page's subject, opened in the query editor."""
    extra: Mapping[str, str] = field(default_factory=dict)
    """Other query parameters the page keeps (e.g. page=2), for the language switch."""

    @property
    def root(self) -> str:
        return urlsplit(self.base).path

    def link(self, path: str, **params: str | int) -> str:
        """A link to one of our pages (path relative to the base), keeping the language."""
        path, hash_, fragment = path.partition("#")
        query = {k: str(v) for k, v in params.items()}
        if self.lang != "de":
            query["lang"] = self.lang
        found = self.root + path.lstrip("/") + (f"?{urlencode(query)}" if query else "")
        return found + hash_ + fragment

    def href(self, iri: str) -> str:
        """Where a browser sees an IRI: our own ones on this host, a thing's IRI (id/…)
        straight at its page (doc/…) so no redirect loses the language."""
        if iri.startswith(self.base):
            local = iri[len(self.base) :]
        elif iri.startswith(VOCABULARY):  # the vocabulary: documented on every deployment
            local = iri[len(VOCABULARY) :]
        else:
            return iri
        return self.link("doc/" + local.removeprefix("id/") if local.startswith("id/") else local)

    def switch_to(self, lang: Language) -> str:
        """This page in another language."""
        query = dict(self.extra)
        if lang != "de":
            query["lang"] = lang
        return self.path + (f"?{urlencode(query)}" if query else "")

    def query_link(self, query: str | None = None) -> str:
        """The query page with a query ready to run."""
        return self.link("sparql", query=query or self.query)

    def t(self, key: str) -> str:
        """An interface text in the page's language."""
        return TEXTS[key][0 if self.lang == "de" else 1]


def render(template: str, frame: Frame, **values: Any) -> bytes:
    page = environment.get_template(template).render(frame=frame, t=frame.t, **values)
    return page.encode("utf-8")


def format_date(text: str, lang: Language) -> str:
    """'2023-03-29' → '29. März 2023' (de) or '29 March 2023' (en); other text unchanged."""
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        return text
    month = MONTHS[lang].split()[day.month - 1]
    return f"{day.day}. {month} {day.year}" if lang == "de" else f"{day.day} {month} {day.year}"


def format_number(text: str, lang: Language) -> str:
    """'1234567.5' → '1.234.567,5' (de) or '1,234,567.5' (en)."""
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    whole, _, fraction = f"{number:,f}".partition(".")
    if lang == "de":
        whole = whole.replace(",", ".")
        return whole + ("," + fraction if fraction else "")
    return whole + ("." + fraction if fraction else "")


def format_amount(amount: str, currency: str, lang: Language) -> str:
    """81500000 EUR → '81,5 Mio. €'; amounts below a million in full: '500.000 €'."""
    symbol = {"EUR": "€"}.get(currency, currency)
    try:
        number = Decimal(amount)
    except InvalidOperation:
        return f"{amount} {symbol}".strip()
    for size, de, en in ((Decimal(10) ** 9, "Mrd.", "bn"), (Decimal(10) ** 6, "Mio.", "m")):
        if abs(number) >= size:
            scaled = format_number(str((number / size).normalize()), lang)
            return f"{scaled} {de} {symbol}" if lang == "de" else f"{symbol}{scaled} {en}"
    plain = format_number(str(number.normalize()), lang)
    return f"{plain} {symbol}" if lang == "de" else f"{symbol}{plain}"


def format_literal(text: str, datatype: str, lang: Language) -> str:
    """A typed value as people write it: dates, numbers, booleans."""
    local = datatype.removeprefix(XSD)
    if local in ("date", "dateTime"):
        return format_date(text, lang)
    if local in ("integer", "decimal", "nonNegativeInteger", "positiveInteger", "double"):
        return format_number(text, lang)
    if local == "boolean":
        return {"true": ("ja", "yes"), "false": ("nein", "no")}[text][lang == "en"]
    return text


environment.filters["as_date"] = format_date
environment.filters["as_number"] = format_number

"""The generic page for people: any resource's description, or a whole graph.

This module turns triples into a small view model (sections of rows of values, every IRI
shown by its label in the page's language, typed values written as people write them)
that `templates/resource.html` renders inside the base template. Specialised pages
(server/views.py) show the generic table too, under "All statements".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pyoxigraph import BlankNode, Literal, NamedNode, Store, Triple

from server import jsonld, pages
from server.describe import RDF_TYPE, RDFS_LABEL, SKOS_PREF_LABEL, Description
from server.pages import Frame

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass(frozen=True)
class Value:
    text: str
    href: str | None = None
    note: str = ""
    """The language or datatype of a literal, the IRI of a link."""
    rows: tuple[Row, ...] = ()
    """A blank node's own description, shown inside its parent."""


@dataclass(frozen=True)
class Row:
    label: str
    href: str | None
    values: tuple[Value, ...]


@dataclass(frozen=True)
class Section:
    title: str
    iri: str
    rows: tuple[Row, ...]
    anchor: str = ""


@dataclass
class Page:
    title: str
    iri: str
    types: tuple[Value, ...] = ()
    sections: list[Section] = field(default_factory=list)
    backlinks: tuple[Row, ...] = ()
    backlink_count: int = 0
    pages: tuple[tuple[str, str], ...] = ()


class Labels:
    """Names for IRIs in the page's language: the description's own labels, then the
    store's, then the JSON-LD context's term."""

    def __init__(self, triples: Iterable[Triple], store: Store, frame: Frame) -> None:
        self.found: dict[str, dict[str, str]] = defaultdict(dict)
        for t in triples:
            self._note(t)
        self.store, self.frame = store, frame
        self.languages = (frame.lang, "de" if frame.lang == "en" else "en", "")
        self.terms = {iri: term for term, iri in context_terms(frame.base).items()}

    def _note(self, triple: Triple) -> None:
        if triple.predicate in (RDFS_LABEL, SKOS_PREF_LABEL) and isinstance(triple.object, Literal):
            language = triple.object.language or ""
            self.found[key(triple.subject)].setdefault(language, triple.object.value)

    def label(self, iri: str) -> str | None:
        if iri not in self.found:
            for predicate in (RDFS_LABEL, SKOS_PREF_LABEL):
                for quad in self.store.quads_for_pattern(NamedNode(iri), predicate, None):
                    self._note(quad.triple)
            self.found.setdefault(iri, {})
        names = self.found[iri]
        for language in self.languages:
            if language in names:
                return names[language]
        return next(iter(names.values()), None)

    def name(self, iri: str) -> str:
        """A label, else the context's term for it, else the IRI itself."""
        return self.label(iri) or self.terms.get(iri) or iri

    def href(self, iri: str) -> str:
        return self.frame.href(iri)


def context_terms(base: str) -> dict[str, str]:
    """The context's term for each full IRI it maps (e.g. 'title' for dcterms:title)."""
    definitions = jsonld.context(base)["@context"]
    namespaces = jsonld.prefixes(base)
    terms: dict[str, str] = {}
    for term, definition in definitions.items():
        target = definition.get("@id") if isinstance(definition, dict) else definition
        if term.startswith("@") or term in namespaces or not isinstance(target, str):
            continue
        prefix, _, local = target.partition(":")
        terms[namespaces[prefix] + local if prefix in namespaces else target] = term
    return terms


def value(
    node: NamedNode | BlankNode | Literal | Triple, by_subject: Group, labels: Labels
) -> Value:
    if isinstance(node, Triple):
        return Value(str(node))
    if isinstance(node, Literal):
        datatype = node.datatype.value
        if node.language or datatype in (XSD_STRING, RDF_LANG_STRING):
            return Value(node.value, note=node.language or "")
        shown = pages.format_literal(node.value, datatype, labels.frame.lang)
        return Value(shown, note="" if datatype.startswith(pages.XSD) else labels.name(datatype))
    if isinstance(node, BlankNode):
        return Value("", rows=rows(by_subject.pop(node.value, []), by_subject, labels))
    return Value(labels.name(node.value), href=labels.href(node.value), note=node.value)


Group = dict[str, list[Triple]]


def rows(triples: Sequence[Triple], by_subject: Group, labels: Labels) -> tuple[Row, ...]:
    """One row per property (rdf:type left to the heading), values in triple order."""
    grouped: dict[str, list[Value]] = {}
    for triple in triples:
        if triple.predicate != RDF_TYPE or isinstance(triple.subject, BlankNode):
            values = grouped.setdefault(triple.predicate.value, [])
            values.append(value(triple.object, by_subject, labels))
    return tuple(Row(labels.name(p), labels.href(p), tuple(v)) for p, v in sorted(grouped.items()))


def key(node: NamedNode | BlankNode | Triple) -> str:
    """How a subject is looked up: its IRI or blank node label."""
    return str(node) if isinstance(node, Triple) else node.value


def group(triples: Iterable[Triple]) -> Group:
    by_subject: Group = defaultdict(list)
    for triple in triples:
        by_subject[key(triple.subject)].append(triple)
    return by_subject


def resource_page(
    description: Description, store: Store, frame: Frame, pager: Sequence[tuple[str, str]]
) -> bytes:
    """The generic page of one resource: its properties, the document's facts, backlinks."""
    return pages.render(
        "resource.html", frame, page=resource_view(description, store, frame, pager)
    )


def resource_view(
    description: Description, store: Store, frame: Frame, pager: Sequence[tuple[str, str]]
) -> Page:
    labels = Labels(description.triples, store, frame)
    topic = description.topic
    outgoing = [t for t in description.triples if t.subject == topic]
    incoming = [t for t in description.triples if t.object == topic and t.subject != topic]
    by_subject = group(t for t in description.triples if isinstance(t.subject, BlankNode))
    document = [t for t in description.triples if t.subject == description.document]
    return Page(
        title=labels.name(topic.value),
        iri=topic.value,
        types=tuple(
            value(t.object, by_subject, labels) for t in outgoing if t.predicate == RDF_TYPE
        ),
        sections=[
            Section("", topic.value, rows(outgoing, by_subject, labels)),
            Section(
                frame.t("this_document"), description.document.value, rows(document, {}, labels)
            ),
        ],
        backlinks=backlink_rows(incoming, by_subject, labels),
        backlink_count=description.backlinks,
        pages=tuple(pager),
    )


def backlink_rows(incoming: Sequence[Triple], by_subject: Group, labels: Labels) -> tuple[Row, ...]:
    """Who points here and by which property; a blank node is shown with its description."""
    found = []
    for t in incoming:
        link = Value(labels.name(t.predicate.value), href=labels.href(t.predicate.value))
        if isinstance(t.subject, NamedNode):
            subject = t.subject.value
            found.append(Row(labels.name(subject), labels.href(subject), (link,)))
        elif isinstance(t.subject, BlankNode):
            found.append(Row(link.text, link.href, (value(t.subject, by_subject, labels),)))
    return tuple(found)


def graph_page(title: str, frame: Frame, triples: Sequence[Triple], store: Store) -> bytes:
    """A whole graph (ontology, shapes, dataset): one section per named subject."""
    labels = Labels(triples, store, frame)
    by_subject = group(triples)
    blank = {k: v for k, v in by_subject.items() if v and isinstance(v[0].subject, BlankNode)}
    named = sorted(k for k, v in by_subject.items() if v and isinstance(v[0].subject, NamedNode))
    sections = [
        Section(labels.name(s), s, rows(by_subject[s], blank, labels), anchor=s.rpartition("#")[2])
        for s in named
    ]
    page = Page(title=title, iri=frame.base + frame.path.lstrip("/"), sections=sections)
    return pages.render("resource.html", frame, page=page)

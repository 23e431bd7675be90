"""Reading a vocabulary graph (the ontology, the shapes) for a page about it.

`Index` answers "the objects of this subject and predicate" over the triples of one
graph, a literal in the page's language, the members of an RDF list; `Namer` shows a
term as a link: our own ontology terms by label to their section of /ontology, other
IRIs of the dataset to their page, foreign terms by a prefixed name (eli-dl:Decision).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pyoxigraph import BlankNode, Literal, NamedNode, Store, Triple

from mapping.uris import VOCABULARY
from server import jsonld
from server.html import Labels
from server.pages import Frame

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
Subject = NamedNode | BlankNode
Node = NamedNode | BlankNode | Literal


@dataclass(frozen=True)
class Link:
    """A term as shown: its name, where it links to, and its full IRI (title)."""

    text: str
    href: str
    iri: str


@dataclass(frozen=True)
class Text:
    """A literal with its language, for a lang attribute."""

    value: str
    lang: str


def in_language(texts: dict[str, tuple[str, str]], lang: str) -> dict[str, str]:
    """A page's own interface texts, key → (de, en), in the page's language."""
    return {key: pair[0 if lang == "de" else 1] for key, pair in texts.items()}


class Index:
    """The triples of one graph by subject and predicate."""

    def __init__(self, triples: Iterable[Triple]) -> None:
        self.by_subject: dict[Subject, dict[str, list[Node]]] = defaultdict(dict)
        for t in triples:
            if isinstance(t.subject, Triple) or isinstance(t.object, Triple):
                continue
            self.by_subject[t.subject].setdefault(t.predicate.value, []).append(t.object)

    def objects(self, subject: Subject, predicate: str) -> list[Node]:
        found = self.by_subject.get(subject, {})
        return found.get(predicate, [])

    def iris(self, subject: Subject, predicate: str) -> list[str]:
        """The IRIs among the objects, sorted."""
        return sorted(o.value for o in self.objects(subject, predicate) if isinstance(o, NamedNode))

    def one(self, subject: Subject, predicate: str) -> Node | None:
        values = self.objects(subject, predicate)
        return values[0] if values else None

    def subjects(self, predicate: str, value: Node) -> list[Subject]:
        """Subjects with (predicate, value), named ones sorted by IRI."""
        found = [s for s, po in self.by_subject.items() if value in po.get(predicate, [])]
        return sorted(found, key=lambda s: (isinstance(s, BlankNode), s.value))

    def typed(self, *classes: str) -> list[NamedNode]:
        """Named subjects with any of these rdf:types, sorted by IRI."""
        found = {s for c in classes for s in self.subjects(RDF + "type", NamedNode(c))}
        return sorted((s for s in found if isinstance(s, NamedNode)), key=lambda s: s.value)

    def text(self, subject: Subject, predicate: str, lang: str) -> Text | None:
        """The literal in `lang`; for lang "" a literal without language."""
        for value in self.objects(subject, predicate):
            if isinstance(value, Literal) and (value.language or "") == lang:
                return Text(value.value, lang)
        return None

    def texts(self, subject: Subject, predicate: str, lang: str) -> tuple[Text | None, Text | None]:
        """The literal in the page's language and in the other one."""
        other = "en" if lang == "de" else "de"
        mine = self.text(subject, predicate, lang) or self.text(subject, predicate, "")
        return mine, self.text(subject, predicate, other)

    def items(self, head: Node | None) -> list[Node]:
        """The members of an RDF list."""
        members: list[Node] = []
        while isinstance(head, BlankNode) and len(members) < 10_000:
            first = self.one(head, RDF + "first")
            if first is not None:
                members.append(first)
            head = self.one(head, RDF + "rest")
        return members


class Namer:
    """Terms as links in the page's language."""

    def __init__(self, triples: Sequence[Triple], store: Store, frame: Frame) -> None:
        self.frame = frame
        self.labels = Labels(triples, store, frame)
        self.namespace = f"{VOCABULARY}ontology#"
        namespaces = jsonld.prefixes(frame.base).items()
        self.prefixes = sorted(namespaces, key=lambda item: -len(item[1]))

    def local(self, iri: str) -> str | None:
        """The local name of one of our ontology's terms, None for any other IRI."""
        return iri[len(self.namespace) :] if iri.startswith(self.namespace) else None

    def prefixed(self, iri: str) -> str:
        """eli-dl:Decision for a foreign term; the IRI itself without a known prefix."""
        for prefix, namespace in self.prefixes:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace) :]}"
        return iri

    def link(self, iri: str) -> Link:
        """Our term: its label, to its section; other dataset IRIs: their page; else prefixed."""
        local = self.local(iri)
        if local is not None:
            return Link(self.labels.label(iri) or local, self.frame.link(f"ontology#{local}"), iri)
        if iri.startswith((self.frame.base, VOCABULARY)):  # data, or a concept of ours
            return Link(self.labels.name(iri), self.frame.href(iri), iri)
        return Link(self.prefixed(iri), iri, iri)

    def links(self, iris: Iterable[str]) -> tuple[Link, ...]:
        return tuple(self.link(iri) for iri in iris)

    def node(self, value: Node) -> Link | str:
        """An IRI as a link; a literal (or blank node) as its text."""
        return self.link(value.value) if isinstance(value, NamedNode) else value.value
